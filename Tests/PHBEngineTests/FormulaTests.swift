@testable import PHBEngine
import Testing

/// A formula is one tree however it was built: written node by node into a breakdown's list, or composed from
/// values (whose operands of several nodes are held by reference), and read back through `node`.
@Suite struct FormulaTests {
    static let hours = Formula.value(.hoursPerWeek, Rational(20), .hoursAWeek)
    static let ratio = Formula.value(.staffRatio, Rational(2), .staff)
    static let rate = Formula.parameter(.nationalLivingWage, Rational(1221, over: 100), .poundsAnHour)

    /// `(20 h × 2 × £12.21 = £488.40) ÷ 52`, then a note, composed from values.
    static var composed: Formula {
        .steps([((hours * ratio * rate).equals(.weekly, Rational(48_840, over: 100), .poundsAWeek) / .weeks(Rational(52)))
                    .equals(.weekly, Rational(48_840, over: 5_200), .poundsAWeek),
                .note(.checkedAgainstNationalLivingWage)])
    }

    /// The same formula written with a `FormulaWriter`, after another formula in the same list.
    static var written: Formula {
        var writer = FormulaWriter()
        _ = writer.write { $0.value(.points, Rational(1), .points) }
        var formula = writer.write { w in
            w.steps { w in
                w.equals(.weekly, Rational(48_840, over: 5_200), .poundsAWeek) { w in
                    w.quotient { w in
                        w.equals(.weekly, Rational(48_840, over: 100), .poundsAWeek) { w in
                            w.product { w in
                                w.value(.hoursPerWeek, Rational(20), .hoursAWeek)
                                w.value(.staffRatio, Rational(2), .staff)
                                w.parameter(.nationalLivingWage, Rational(1221, over: 100), .poundsAnHour)
                            }
                        }
                        w.weeks(Rational(52))
                    }
                }
                w.note(.checkedAgainstNationalLivingWage)
            }
        }
        formula?.attach(to: writer.list)
        return formula ?? .note(.asGiven)
    }

    @Test func writtenAndComposedFormulasAreEqualAndHashAlike() {
        #expect(Self.written == Self.composed)
        #expect(Self.written.hashValue == Self.composed.hashValue)
        #expect(Self.written != .steps([Self.hours, .note(.checkedAgainstNationalLivingWage)]))
    }

    @Test func anOperandOfSeveralNodesIsHeldByReferenceAndReadThrough() {
        let shared = Self.hours * Self.ratio  // a list of its own, held alone by nobody once shared
        let left = shared.equals(.weekly, Rational(40), .hoursAWeek)
        let right = Formula.steps([shared, .note(.asGiven)])
        guard case .steps(let steps) = right.node, case .operation(.product, let operands) = steps[0].node else {
            Issue.record("the steps' first operand reads as the product")
            return
        }
        #expect(operands == [Self.hours, Self.ratio])
        guard case .equals(let working, let result) = left.node else {
            Issue.record("the working reads as equals")
            return
        }
        #expect(working == shared)
        #expect(result.value == Rational(40))
    }

    @Test func aProductOfAProductIsFlattenedEvenWhenItsListIsShared() {
        let product = Self.hours * Self.ratio
        let kept = product  // the list is held twice: the next product copies its operands instead of growing it
        let flattened = product * Self.rate
        guard case .operation(.product, let operands) = flattened.node else {
            Issue.record("a product")
            return
        }
        #expect(operands == [Self.hours, Self.ratio, Self.rate])
        #expect(kept == Self.hours * Self.ratio)
    }

    @Test func aLookupReadsItsRowAndWhatItGives() {
        let formula = Formula.lookup(Self.hours, table: .rasBands, rowFrom: Quantity(.bandFrom, Rational(10), .points),
                                     gives: Quantity(.annual, Rational(5_000), .poundsAYear))
        guard case .lookup(let value, let table, let rowFrom, let gives) = formula.node else {
            Issue.record("a lookup")
            return
        }
        #expect(value == Self.hours && table == .rasBands && rowFrom.value == Rational(10) && gives?.value == Rational(5_000))
    }

    /// Every parameter with a fixed name has a code that reads back as itself; a time band's rate has none.
    /// An engine's name at a position reads as `name[i]`, and is held in a formula's node as codes while the
    /// position fits them.
    @Test(arguments: [0, 2, Int(UInt16.max), Int(UInt16.max) + 1])
    func aNameAtAPositionReadsAsTextAndIsHeldAsCodes(_ i: Int) {
        let name = QuantityName(.earnings, at: i), text = "earnings[\(i)]"
        #expect(name.rawValue == text && name == QuantityName(rawValue: text))
        #expect(name.hashValue == QuantityName(rawValue: text).hashValue)
        #expect((NodeQuantity(Quantity(name, Rational(3), .poundsAWeek)) != nil) == (i <= Int(UInt16.max)))
    }

    @Test func everyFixedParameterHasACodeThatReadsBack() {
        #expect(ParameterKey.fixed.allSatisfy { FixedParameter($0)?.key == $0 })
        #expect(FixedParameter(.paHourlyRate(band: "weekend")) == nil)
    }

    /// A named value reads back as it was given, however its node holds it: the engine's own name and a fixed
    /// parameter as codes, an item's own name or a time band's rate by reference.
    @Test(arguments: [
        Quantity(.hoursPerWeek, Rational(20), .hoursAWeek),
        Quantity(.nationalLivingWage, Rational(1221, over: 100), .poundsAnHour),
        Quantity(QuantityName(rawValue: "breathing.severe"), Rational(3), .points, parameter: .dstScoring),
        Quantity(.paHourlyRate(band: "weekend"), Rational(15), .poundsAnHour),
        Quantity(.rate, Rational(15), .poundsAnHour, parameter: .paHourlyRate(band: "weekend")),
        Quantity(QuantityName(.earnings, at: 1), Rational(300), .poundsAWeek),
        Quantity(QuantityName(.earnings, at: 70_000), Rational(300), .poundsAWeek),
    ])
    func aNamedValueReadsBackAsGiven(quantity: Quantity) {
        guard case .quantity(let read) = Formula.quantity(quantity).node,
              case .equals(_, let result) = Formula.equals(Self.hours, quantity).node else {
            Issue.record("a value, and a working that comes to it")
            return
        }
        #expect(read == quantity && read.name.rawValue == quantity.name.rawValue && result == quantity)
        #expect(Formula.quantity(quantity) == .quantity(Quantity(QuantityName(rawValue: quantity.name.rawValue), quantity.value,
                                                                  quantity.unit, parameter: quantity.parameter)))
    }
}
