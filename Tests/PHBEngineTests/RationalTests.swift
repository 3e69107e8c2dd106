import Testing
@testable import PHBEngine
import _PHBTestSupport

@Suite struct RationalTests {
    func r(_ text: String) -> Rational { Rational(decimalText: text)! }

    @Test func parsesDecimalTextExactly() {
        #expect(r("13.75") == Rational(55, over: 4))
        #expect(r("-0.5") == Rational(-1, over: 2))
        #expect(r("12.0700") == Rational(1207, over: 100))
        for bad in ["", ".", "1.", ".5", "1e3", "1,000", "£5", "1.2.3", "--1", "0x10", " 1"] {
            #expect(Rational(decimalText: bad) == nil, "\(bad)")
        }
    }

    @Test func arithmeticIsExact() {
        let third = Rational(1, over: 3)
        #expect(third + third + third == .one)
        #expect(r("0.1") + r("0.2") == r("0.3"))
        #expect(Rational(1, over: 7) * 7 == .one)
        #expect(r("61") / r("52.1429") * r("52.1429") == r("61"))
        #expect(r("2") - r("3") == r("-1"))
        #expect(r("1") / .zero == .overflow)
    }

    /// Products and sums of fractions whose terms fit 64 bits take a shorter road
    /// (64-bit GCDs, no division by a factor of 1): it must give the value the
    /// textbook formulas give, reduced by the general initialiser.
    @Test func sixtyFourBitArithmeticAgreesWithTheTextbookFormulas() {
        var g = SeededGenerator(seed: 11)
        func term(_ g: inout SeededGenerator) -> Int128 {
            // Small and large magnitudes, powers of ten and whole numbers among them.
            switch g.int(0...3) {
            case 0: Int128(g.int(1...12))
            case 1: Int128.powerOfTen(g.int(0...10))
            case 2: Int128(Int64(truncatingIfNeeded: g.next()) >> g.int(1...62))
            default: Int128(Int64(truncatingIfNeeded: g.next()) >> 1)
            }
        }
        for _ in 0..<10_000 {
            let (an, bn) = (term(&g), term(&g))
            let (ad, bd) = (term(&g).magnitude, term(&g).magnitude)
            guard ad > 0, bd > 0 else { continue }
            let a = Rational(an, over: Int128(ad)), b = Rational(bn, over: Int128(bd))
            let (ad2, bd2) = (a.denominator, b.denominator)
            #expect(a * b == Rational(a.numerator * b.numerator, over: ad2 * bd2))
            #expect(a + b == Rational(a.numerator * bd2 + b.numerator * ad2, over: ad2 * bd2))
            #expect(a - b == Rational(a.numerator * bd2 - b.numerator * ad2, over: ad2 * bd2))
        }
    }

    /// Products and sums within 64 bits are kept as worked out, not reduced. A chain of operations on such values
    /// must agree in every way with the same chain on values brought to lowest terms after each step: value,
    /// lowest terms when read, hash, comparisons, rounding, decimal places, and overflow at the same step.
    @Test func valuesKeptAsWorkedOutAgreeWithValuesInLowestTerms() {
        var g = SeededGenerator(seed: 29)
        func operand(_ g: inout SeededGenerator) -> Rational {
            switch g.int(0...4) {
            case 0: Rational(Int128(g.int(-12...12)), over: Int128(g.int(1...12)))
            case 1: Rational(Int128(g.int(1...99_999)), over: Int128.powerOfTen(g.int(0...4)))
            case 2: Rational(521_429, over: 10_000)  // weeks per year
            case 3: Rational(Int128(Int64(truncatingIfNeeded: g.next()) >> g.int(20...62)), over: Int128(g.int(1...1_000)))
            default: Rational(Int128(Int64.min) + Int128(g.int(0...1)), over: Int128(g.int(1...3)))  // the 64-bit edge
            }
        }
        func lowestTerms(_ x: Rational) -> Rational { x.isOverflow ? x : Rational(x.numerator, over: x.denominator) }
        // How many steps gave a value kept as worked out, a value beyond 64 bits, and an overflow: each must occur.
        var (keptAsWorkedOut, beyond64Bits, overflows) = (0, 0, 0)
        for _ in 0..<2_000 {
            var kept = operand(&g), reduced = lowestTerms(kept)
            for _ in 0..<g.int(1...8) {
                let b = operand(&g)
                switch g.int(0...3) {
                case 0: (kept, reduced) = (kept + b, lowestTerms(reduced + b))
                case 1: (kept, reduced) = (kept - b, lowestTerms(reduced - b))
                case 2: (kept, reduced) = (kept * b, lowestTerms(reduced * b))
                default: (kept, reduced) = (kept / b, lowestTerms(reduced / b))
                }
                #expect(kept.isOverflow == reduced.isOverflow)
                if kept.isOverflow {
                    overflows += 1
                    break
                }
                if kept.storedDenominator != kept.denominator { keptAsWorkedOut += 1 }
                if Int64(exactly: kept.storedDenominator) == nil || Int64(exactly: kept.storedNumerator) == nil { beyond64Bits += 1 }
                #expect(kept == reduced)
                #expect(kept.hashValue == reduced.hashValue)
                #expect(kept.numerator == reduced.numerator && kept.denominator == reduced.denominator)
                #expect(Rational.gcd(kept.numerator.magnitude, kept.denominator.magnitude) == 1 && kept.denominator > 0)
                #expect(!(kept < reduced) && !(reduced < kept))
                #expect((kept < b) == (reduced < b))
                #expect(kept.isInteger == reduced.isInteger && kept.isZero == reduced.isZero)
                #expect(kept.decimalPlaces == reduced.decimalPlaces)
                #expect(kept.roundedToInteger(scaledBy: 2, .halfEven) == reduced.roundedToInteger(scaledBy: 2, .halfEven))
                #expect(kept.decimalText() == reduced.decimalText())
            }
        }
        #expect(keptAsWorkedOut > 100 && beyond64Bits > 100 && overflows > 10, "\((keptAsWorkedOut, beyond64Bits, overflows))")
    }

    @Test func overflowIsStickyNeverATrap() {
        let huge = Rational(Int128.max / 2, over: 1)
        let over = huge * huge
        #expect(over.isOverflow)
        #expect((over + .one).isOverflow)
        #expect((over * .zero).isOverflow)
        #expect(over.roundedToInteger(.halfEven) == nil)
        #expect(throws: BudgetError.self) { try over.roundedToMoney(.halfAwayFromZero, context: "x") }
        let tiny = Rational(1, over: Int128.max / 3)
        #expect((tiny + Rational(1, over: Int128.max / 5)).isOverflow)
    }

    @Test(arguments: [(Int128(-1) << 64, Int128(1) << 63), (Int128(1) << 64, -(Int128(1) << 63)),
                      (-(Int128(1) << 126), Int128(2)), (Int128.min + 1, Int128(-1))])
    func productsAtTheEdgeOfInt128NeverTrap(a: Int128, b: Int128) {
        let product = Rational(a, over: 1) * Rational(b, over: 1)
        // −2¹²⁷ itself is out of range (it has no negation); everything else is exact.
        if product.isOverflow {
            #expect((-product).isOverflow)
            #expect((product / Rational(3)).isOverflow)
        } else {
            #expect(-(-product) == product)
        }
        let sum = Rational(Int128.min + 1, over: 1) + Rational(-1)
        #expect(sum.isOverflow)
        #expect((Rational(Int128.min + 1, over: 7) - Rational(1, over: 7)).isOverflow)
    }

    @Test func messagesNeverEchoControlCharactersOrHugeValues() {
        let error = BudgetError.invalidValue(field: "input.care[0].band", value: "\u{1B}[31m" + String(repeating: "9", count: 5_000),
                                             reason: "is wrong \u{202E}")
        let text = error.description
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(text.count < 200)
    }

    @Test func comparesExactlyEvenWhenCrossProductsOverflow() {
        let a = Rational(Int128.max / 3, over: Int128.max / 4)
        let b = Rational(Int128.max / 3 + 1, over: Int128.max / 4)
        #expect(a < b)
        #expect(!(b < a))
        #expect(r("1.5") < r("1.51"))
        #expect(r("-2") < r("-1.99"))
    }

    @Test(arguments: [
        ("2.345", RoundingRule.halfAwayFromZero, "2.35"), ("2.345", .halfEven, "2.34"), ("2.355", .halfEven, "2.36"),
        ("-2.345", .halfAwayFromZero, "-2.35"), ("-2.345", .halfEven, "-2.34"), ("2.349", .down, "2.34"),
        ("-2.341", .down, "-2.35"), ("2.3449999", .halfAwayFromZero, "2.34"), ("0.005", .halfAwayFromZero, "0.01"),
    ])
    func roundsToThePennyByRule(_ value: String, _ rule: RoundingRule, _ expected: String) throws {
        #expect(try r(value).roundedToMoney(rule, context: "t").plainText == expected)
    }

    /// The rounding written as values (no branch on which way an amount rounds) gives what the rule's table says, in
    /// 64 and 128 bits: every numerator from -300 to 300 over every denominator from 1 to 12, and values at the ends
    /// of the range, against the rule worked out step by step.
    @Test(arguments: RoundingRule.allCases)
    func roundsEveryQuotientAsTheRuleSays(rule: RoundingRule) {
        func expected(_ n: Int64, _ d: Int64) -> Int64 {
            var (q, r) = n.quotientAndRemainder(dividingBy: d)
            if r < 0 { (q, r) = (q - 1, r + d) }  // floor: 0 ≤ r < d
            guard r != 0, rule != .down else { return q }
            if 2 * Int128(r) != Int128(d) { return 2 * Int128(r) > Int128(d) ? q + 1 : q }
            return rule == .halfAwayFromZero ? (q >= 0 ? q + 1 : q) : (q & 1 == 0 ? q : q + 1)
        }
        var cases = (-300...300).flatMap { n in (1...12).map { d in (Int64(n), Int64(d)) } }
        cases += [(Int64.max, 2), (Int64.max - 1, 2), (Int64.min + 1, 2), (Int64.min, 3), (Int64.max, Int64.max),
                  (Int64.min + 1, Int64.max), (Int64.max / 2, Int64.max), (Int64.max / 2 + 1, Int64.max)]
        for (n, d) in cases {
            #expect(rule.roundedQuotient(n, d) == expected(n, d), "\(n) / \(d)")
            #expect(rule.roundedQuotient(Int128(n), Int128(d)) == Int128(expected(n, d)), "\(n) / \(d) in 128 bits")
        }
    }

    @Test func greatestCommonDivisorsAgreeWithEuclidsAlgorithm() {
        func euclid(_ a: UInt64, _ b: UInt64) -> UInt64 {
            var (u, v) = (a, b)
            while v != 0 { (u, v) = (v, u % v) }
            return u
        }
        var cases = (0...64).flatMap { a in (0...64).map { b in (UInt64(a), UInt64(b)) } }
        let edges: [UInt64] = [1 << 62, 1 << 63, UInt64.max, UInt64.max - 1, UInt64(Int64.max), 3 << 61, 600_851_475_143]
        cases += edges.flatMap { a in (edges + [0, 1, 2, 3, 6, 100]).map { b in (a, b) } }
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            // Any width, and values sharing a factor (as money's do).
            let factor = UInt64.random(in: 1...1_000_000, using: &generator)
            let a = UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            let b = UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 20...63, using: &generator)
            cases += [(a, b), (a / factor * factor, b.multipliedReportingOverflow(by: factor).partialValue)]
        }
        for (a, b) in cases { #expect(Rational.gcd(a, b) == euclid(a, b), "gcd(\(a), \(b))") }
        // Beyond 64 bits: against Euclid's algorithm at 128 bits.
        func euclid(_ a: UInt128, _ b: UInt128) -> UInt128 {
            var (u, v) = (a, b)
            while v != 0 { (u, v) = (v, u % v) }
            return u
        }
        var wide: [(UInt128, UInt128)] = [(.max, .max - 1), (.max, 1 << 64), (1 << 127, 1 << 100), (UInt128(UInt64.max) + 1, 0)]
        for (a, b) in cases.prefix(20_000) {
            let factor = UInt128(a % 1_000 + 1)
            wide += [(UInt128(a) << 64 | UInt128(b), UInt128(b)), (UInt128(a >> 24) * UInt128(b) * factor, UInt128(b) * factor),
                     (UInt128(a) << 64 | UInt128(b), UInt128(b) << UInt128(a % 64))]
        }
        for (a, b) in wide { #expect(Rational.gcd(a, b) == euclid(a, b), "gcd(\(a), \(b))") }
    }

    @Test func roundsThirdsOfPenniesWithoutDrift() throws {
        // 1/3 of £100 is 33.333…, never 33.34 by accumulated error.
        #expect(try (r("100") / 3).roundedToMoney(.halfAwayFromZero, context: "t") == Money(pence: 3333))
        #expect(try (r("100") / 3 * 3).roundedToMoney(.halfAwayFromZero, context: "t") == Money(pence: 10000))
    }

    @Test func roundsToThePennyWhenTheNumeratorTimesAHundredLeavesTheRange() throws {
        // 3·10³⁶ + 1 over 10²²: the numerator × 100 is beyond Int128, the value (£300 trillion) is not, and
        // the reduced product (÷ 100 over 10²⁰) brings it back.
        let power = Int128.powerOfTen(36)
        let value = Rational(3 * power + 1, over: Int128.powerOfTen(22))
        #expect(value.numerator.multipliedReportingOverflow(by: 100).overflow)
        #expect(try value.roundedToMoney(.halfAwayFromZero, context: "t") == Money(pence: 30_000_000_000_000_000))
        #expect(try (-value).roundedToMoney(.down, context: "t") == Money(pence: -30_000_000_000_000_001))
    }

    @Test func moneyReadsAndShows() {
        #expect(Money(poundsText: "13.75") == Money(pence: 1375))
        #expect(Money(poundsText: "13.755") == nil)
        #expect(Money(pence: 123_456_789).displayText == "£1,234,567.89")
        #expect(Money(pence: -300).displayText == "-£3.00")
        #expect(Money(pence: 5).plainText == "0.05")
        #expect(Money(pence: -5).plainText == "-0.05")
    }

    @Test func decimalTextShowsExactOrSixPlaces() {
        #expect(r("12.07").decimalText() == "12.07")
        #expect(Rational(1, over: 7).decimalText() == "0.142857")
        #expect(r("5").decimalText(minPlaces: 2) == "5.00")
        #expect(r("10500").poundsText == "£10,500.00")
        #expect(r("-1681.518").poundsText == "-£1,681.518")
    }

    @Test(arguments: [
        (Rational(0), "£0.00"), (Rational(5, over: 100), "£0.05"), (Rational(-5, over: 100), "-£0.05"), (Rational(999), "£999.00"),
        (Rational(1000), "£1,000.00"), (Rational(2, over: 3), "£0.666667"), (Rational(-1_234_567_891, over: 1000), "-£1,234,567.891"),
        // 19 + 2 digits: the whole part runs over a 64-bit chunk of 18 digits.
        (Rational(Int128.powerOfTen(20) + 7, over: 100), "£1,000,000,000,000,000,000.07"),
        (Rational(Int128.max, over: 1), "overflow"),
    ])
    func poundsTextGroupsThousandsAndKeepsTwoPlaces(_ value: Rational, _ expected: String) {
        #expect(value.poundsText == expected)
    }

    @Test(arguments: [(Rational(1, over: 8), 3), (Rational(3, over: 40), 3), (Rational(1, over: 3), nil), (Rational(7), 0),
                      (Rational(1, over: Int128.powerOfTen(30)), 30), (Rational(1, over: 5 * (Int128(1) << 100)), 100)])
    func decimalPlacesAreTheShortestExactForm(_ value: Rational, _ expected: Int?) {
        #expect(value.decimalPlaces == expected)
    }
}

@Suite struct DateAndParameterTests {
    @Test func datesAreValidated() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2025-13-01") == nil)
        #expect(CalendarDate(iso: "2025-4-01") == nil)
        #expect(CalendarDate(iso: "2025-04-06")!.isoText == "2025-04-06")
    }

    /// Exactly `YYYY-MM-DD` in ASCII digits: no sign, space, other digit or other separator.
    @Test(arguments: ["", "2025-04-6", "2025-04-066", " 2025-04-06", "2025-04-06 ", "+025-04-06", "2025/04/06",
                      "2025-04-0a", "2025-04-0\u{661}", "２０２５-04-06", "2025--4-06", "0000-01-01", "2025-00-10", "2025-04-00"])
    func malformedDatesAreRefused(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func historyStartDatesAreInclusiveAndOrdered() throws {
        let d = { (s: String) in CalendarDate(iso: s)! }
        let history = try ParameterHistory(key: .weeksPerYear, values: [
            DatedValue(from: d("2025-04-06"), value: .number(.one), source: "a"),
            DatedValue(from: d("2026-04-06"), value: .number(Rational(2)), source: "b"),
        ])
        #expect(history.value(on: d("2025-04-05")) == nil)
        #expect(history.value(on: d("2025-04-06"))?.source == "a")
        #expect(history.value(on: d("2026-04-05"))?.source == "a")
        #expect(history.value(on: d("2026-04-06"))?.source == "b")
        #expect(throws: BudgetError.self) {
            try ParameterHistory(key: .weeksPerYear, values: [
                DatedValue(from: d("2025-04-06"), value: .number(.one), source: "a"),
                DatedValue(from: d("2025-04-06"), value: .number(.one), source: "b"),
            ])
        }
    }

    @Test func statutoryValuesAreEmbeddedForThreeYears() throws {
        let policy = LocalPolicy(name: "empty", isIllustrative: true, parameters: ParameterSet())
        for (date, wage, ni) in [("2024-04-06", "11.44", "13.8"), ("2025-04-05", "12.21", "13.8"),
                                 ("2025-04-06", "12.21", "15"), ("2026-04-01", "12.71", "15")] {
            let context = try CalculationContext(asAt: CalendarDate(iso: date)!, policy: policy)
            #expect(try context.number(ParameterKey.nationalLivingWage).value == Rational(decimalText: wage)!)
            #expect(try context.number(ParameterKey.employerNIRate).value == Rational(decimalText: ni)!)
        }
        #expect(EnglandStatutoryParameters.parameters.histories.count == 12)
        let early = try CalculationContext(asAt: CalendarDate(iso: "2024-03-31")!, policy: policy)
        #expect(throws: BudgetError.parameterNotInForce(name: "nationalLivingWage", date: CalendarDate(iso: "2024-03-31")!,
                                                        firstFrom: CalendarDate(iso: "2024-04-01")!)) {
            try early.number(ParameterKey.nationalLivingWage)
        }
    }

    /// A context whose date or layers change resolves its parameters again: it reads as a context made with them.
    @Test func aChangedContextReadsAsANewOne() throws {
        let empty = LocalPolicy(name: "empty", isIllustrative: true, parameters: ParameterSet())
        let june2026 = CalendarDate(iso: "2026-06-01")!
        var moved = try CalculationContext(asAt: CalendarDate(iso: "2024-06-01")!, policy: empty)
        #expect(throws: BudgetError.self) { try moved.number(.weeksPerYear) }
        moved.asAt = june2026
        #expect(try moved.number(.nationalLivingWage).value == Rational(decimalText: "12.71")!)
        let weeks = try ParameterHistory(key: .weeksPerYear, values: [
            DatedValue(from: CalendarDate(iso: "2024-04-01")!, value: .number(Rational(52)), source: "policy")])
        moved.policy = LocalPolicy(name: "weeks", isIllustrative: true, parameters: ParameterSet([weeks]))
        #expect(try moved.number(.weeksPerYear).value == Rational(52))
        moved.statutory = ParameterSet()
        #expect(throws: BudgetError.parameterNotInForce(name: "nationalLivingWage", date: june2026, firstFrom: nil)) {
            try moved.number(.nationalLivingWage)
        }
    }

    @Test func overridesMustBeKnownAndOfTheRightKind() {
        let policy = LocalPolicy(name: "empty", isIllustrative: true, parameters: ParameterSet())
        let date = CalendarDate(iso: "2025-06-01")!
        #expect(ParameterKey(name: "nope") == nil)
        #expect(ParameterKey(name: "pa.hourlyRate.weekend") == .paHourlyRate(band: "weekend"))
        #expect(ParameterKey.fixed.allSatisfy { ParameterKey(name: $0.name) == $0 })
        #expect(throws: BudgetError.self) {
            try CalculationContext(asAt: date, policy: policy, overrides: [.employerNIRate: .number(Rational(-1))])
        }
    }

    @Test func calculatorsShareOneProtocol() throws {
        let all: [any BudgetCalculation] = [
            BottomUpPlan(deployment: .notional), RASAssessment(points: Rational(55)),
            RASCalibration(cohort: [(Rational(1), Rational(100))], envelope: Rational(100)),
            MentalHealthClusterAllocation(cluster: 4), DSTBanding(levels: [:]),
            OneOffBudget(purpose: "equipment", amount: Rational(10)),
            BudgetReview(indicative: .annual(Rational(1)), plan: .annual(Rational(1))),
        ]
        #expect(all.map(\.calculatorName) == ["bottomUp", "ras", "rasCalibration", "mentalHealthCluster", "chcDST",
                                               "oneOff", "review"])
    }
}

/// Values used after the last day they are known to hold are flagged, or refused when strict.
@Suite struct OutOfDateTests {
    static func date(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    @Test func statutoryValuesAreKnownForTheYearOfTheirNewestValue() throws {
        let policy = LocalPolicy(name: "empty", isIllustrative: true, parameters: ParameterSet())
        let within = try CalculationContext(asAt: Self.date("2027-03-31"), policy: policy)
        #expect(try within.parameter(.nationalLivingWage).staleAfter == nil)
        var late = try CalculationContext(asAt: Self.date("2100-01-01"), policy: policy)
        let use = try late.parameter(.nationalLivingWage)
        #expect(use.staleAfter == Self.date("2027-03-31"))
        #expect(use.outOfDateWarning?.contains("known only until 2027-03-31") == true)
        #expect(try late.parameter(.employerNIRate).staleAfter == Self.date("2027-04-05"))
        late.strictDates = true
        #expect(throws: BudgetError.parameterOutOfDate(name: "nationalLivingWage", date: Self.date("2100-01-01"),
                                                       knownUntil: Self.date("2027-03-31"))) {
            try late.parameter(.nationalLivingWage)
        }
    }

    @Test func aSingleStandingValueNeverGoesOutOfDateButAnUntilBounds() throws {
        let standing = try ParameterHistory(key: .weeksPerYear, values: [
            DatedValue(from: Self.date("2024-04-01"), value: .number(Rational(52)), source: "policy")])
        #expect(standing.knownUntil == nil)
        let bounded = try ParameterHistory(key: .weeksPerYear, values: standing.values, until: Self.date("2030-03-31"))
        #expect(bounded.knownUntil == Self.date("2030-03-31"))
        #expect(throws: BudgetError.self) {
            try ParameterHistory(key: .weeksPerYear, values: standing.values, until: Self.date("2020-01-01"))
        }
    }
}

/// Plain decimal text written straight into bytes.
@Suite struct PlainDecimalTests {
    @Test(arguments: [(Int64(0), 2, "0.00"), (-50, 2, "-0.50"), (123_450, 2, "1234.50"), (7, 0, "7"), (-7, 0, "-7"),
                      (5, 3, "0.005"), (Int64.min, 2, "-92233720368547758.08"), (Int64.max, 0, "9223372036854775807")])
    func writesExactlyThePlacesAsked(scaled: Int64, places: Int, text: String) {
        var bytes: [UInt8] = []
        PlainDecimal.append(scaled, places: places, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
        if places == 2 { #expect(Money(pence: scaled).plainText == text) }
    }

    /// Pence are written without a loop below £1,000,000 and by the general path from there: both edges of the switch.
    @Test(arguments: [(Int64(99_999_999), "999999.99"), (100_000_000, "1000000.00"), (-99_999_999, "-999999.99"),
                      (-100_000_000, "-1000000.00"), (1, "0.01"), (-1, "-0.01"), (100, "1.00"), (1_000_000, "10000.00"),
                      (10_000_000, "100000.00"), (9_999, "99.99"), (1_020_304, "10203.04")])
    func writesPenceEitherSideOfAMillionPounds(pence: Int64, text: String) {
        var bytes: [UInt8] = []
        PlainDecimal.append(pence, places: 2, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }

    @Test func agreesWithTheDigitsOfTheWholeNumber() {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            let scaled = Int64(truncatingIfNeeded: g.next()) >> g.int(0...62)
            let places = g.int(0...8)
            var digits = String(scaled.magnitude)
            if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
            if places > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places)) }
            var bytes: [UInt8] = []
            PlainDecimal.append(scaled, places: places, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == (scaled < 0 ? "-" : "") + digits)
        }
    }
}
