import PHBCodec
import PHBEngine
import Testing

/// Figures out of range are typed errors, never a floored, capped or rounded figure.
@Suite struct OverflowTests {
    @Test func aRASAmountOutOfRangeIsAnErrorNotAFloor() throws {
        let context = try CalculationContext(asAt: CalendarDate(iso: "2025-06-01")!, policy: try ExamplePolicy.policy(),
                                             overrides: [.rasConversion: .choice("pricePerPoint"),
                                                         .rasPricePerPoint: .number(Rational(Int128.max / 4, over: 1))])
        #expect(throws: BudgetError.arithmeticOverflow("RAS points-derived amount")) {
            try RASAssessment(points: Rational(Int128(1) << 100, over: 1)).calculate(in: context)
        }
    }
}
