import PHBCodec
import PHBEngine
import Testing

/// The engine records each working as data; the codec words it, lists its values and writes it as JSON.
@Suite struct FormulaRendererTests {
    static func pounds(_ name: String, _ text: String, _ unit: QuantityUnit = .poundsAWeek) -> Formula {
        .quantity(Quantity(QuantityName(rawValue: name), Rational(decimalText: text)!, unit))
    }

    static func number(_ name: String, _ value: Int, _ unit: QuantityUnit = .number) -> Formula {
        .quantity(Quantity(QuantityName(rawValue: name), Rational(value), unit))
    }

    @Test(arguments: [
        // a × b × c = r
        (Formula.equals(.operation(.product, [number("hoursPerWeek", 20, .hoursAWeek), number("staffRatio", 1, .staff),
                                              pounds("rate", "13.75", .poundsAnHour)]),
                        Quantity(QuantityName(rawValue: "weekly"), Rational(275), .poundsAWeek)),
         "20 h × 1 × £13.75 an hour = £275.00 a week"),
        // brackets where an operand binds less tightly, and on the right of − and ÷
        (Formula.operation(.product, [.operation(.sum, [pounds("paPay", "275"), pounds("bankHolidays", "3.02")]),
                                      number("rate", 12, .percent)]),
         "(PA pay £275.00 a week + bank holidays £3.02 a week) × 12%"),
        (Formula.operation(.difference, [number("a", 10), .operation(.difference, [number("b", 4), number("c", 1)])]),
         "10 − (4 − 1)"),
        (Formula.operation(.product, [number("days", 8, .days), .operation(.quotient, [pounds("pay", "275"), number("d", 7, .days)])]),
         "8 days × (£275.00 a week ÷ 7 days)"),
        (Formula.rounded(.operation(.quotient, [number("a", 1), number("b", 3)]), places: 4, .halfEven),
         "1 ÷ 3, rounded half to even to 4 decimal places"),
        (Formula.comparison(pounds("plan", "100", .poundsAYear), .atMost, pounds("limit", "200", .poundsAYear)),
         "plan £100.00 a year ≤ £200.00 a year"),
        (Formula.steps([number("points", 5, .points), .note(.asGiven)]), "5 points; as given"),
    ])
    func words(_ formula: Formula, _ expected: String) {
        #expect(FormulaRenderer.words(formula) == expected)
    }

    @Test func valuesAreListedOnceInOrder() {
        let a = Self.number("a", 2), b = Self.number("b", 3)
        let formula = Formula.equals(.operation(.product, [a, b, a]), Quantity(QuantityName(rawValue: "r"), Rational(12), .number))
        #expect(FormulaRenderer.quantities(formula).map(\.name.rawValue) == ["a", "b", "r"])
    }

    @Test func jsonNamesTheOperationAndEveryOperand() {
        let formula = Formula.equals(.operation(.product, [Self.number("hoursPerWeek", 20, .hoursAWeek),
                                                            .quantity(Quantity(.nationalLivingWage, Rational(decimalText: "12.21")!,
                                                                               .poundsAnHour))]),
                                     Quantity(QuantityName(rawValue: "weekly"), Rational(decimalText: "244.2")!, .poundsAWeek))
        let text = FormulaRenderer.json(formula).text()
        #expect(text.contains(#""operation": "equals""#))
        #expect(text.contains(#""operation": "product""#))
        #expect(text.contains(#""name": "hoursPerWeek""#))
        #expect(text.contains(#""parameter": "nationalLivingWage""#))
        #expect(text.contains(#""value": "244.2""#))
    }
}
