import PHBCodec
import PHBEngine
import Testing

/// Random plans, good and bad, never trap: each gives a result that adds up, or a typed error.
@Suite struct RandomPlanTests {
    /// A small deterministic generator (SplitMix64), so failures repeat.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }
        mutating func amount(_ maxPence: Int) -> Rational { Rational(Int128(int(-50...maxPence)), over: 100) }
    }

    @Test func randomPlansGiveAResultThatAddsUpOrATypedError() throws {
        let policy = try ExamplePolicy.policy()
        var g = Generator(state: 2026)
        var results = 0, errors = 0
        for i in 0..<2_000 {
            let dates = ["2024-04-03", "2024-06-01", "2025-04-03", "2025-06-01", "2026-06-01"]
            guard let date = CalendarDate(iso: dates[g.int(0...4)]) else { continue }
            var plan = BottomUpPlan(deployment: Deployment.allCases[g.int(0...2)], personalAssistants: g.int(0...4))
            for _ in 0..<g.int(0...3) {
                plan.care.append(CareLine(hoursPerWeek: g.amount(17_000), staffRatio: g.int(0...3),
                                          provider: g.int(0...1) == 0 ? .personalAssistant : .agency,
                                          band: ["weekdayDay", "weekend", "wakingNight", "nope"][g.int(0...3)],
                                          hourlyRate: g.int(0...3) == 0 ? g.amount(4_000) : nil))
            }
            for _ in 0..<g.int(0...1) { plan.sleepIns.append(SleepInLine(nightsPerWeek: g.amount(800))) }
            for _ in 0..<g.int(0...2) {
                plan.otherItems.append(OtherItem(description: "item", amount: g.amount(1_000_000),
                                                 period: ItemPeriod.allCases[g.int(0...4)], quantity: g.amount(500)))
            }
            let context = try CalculationContext(asAt: date, policy: policy, explains: i % 2 == 0)
            do {
                let result = try plan.calculate(in: context)
                results += 1
                #expect(result.totals.weekly.pence == result.lines.compactMap(\.weekly).reduce(0) { $0 + $1.pence })
                #expect(result.totals.annual.pence == result.lines.compactMap(\.annual).reduce(0) { $0 + $1.pence })
                #expect(result.totals.firstYear.pence == result.totals.annual.pence + result.totals.oneOff.pence)
            } catch {
                errors += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(results > 100 && errors > 100, "results \(results), errors \(errors)")
    }

    @Test func explainingDoesNotChangeTheFigures() throws {
        let policy = try ExamplePolicy.policy()
        let plan = BottomUpPlan(deployment: .thirdParty, personalAssistants: 2, care: [
            CareLine(hoursPerWeek: Rational(4150, over: 100), staffRatio: 2, provider: .personalAssistant, band: "weekend"),
            CareLine(hoursPerWeek: Rational(10), provider: .agency, band: "wakingNight", deployment: .directPayment),
        ], sleepIns: [SleepInLine(nightsPerWeek: Rational(7, over: 2))])
        guard let date = CalendarDate(iso: "2025-06-01") else { return }
        let explained = try plan.calculate(in: try CalculationContext(asAt: date, policy: policy))
        let figures = try plan.calculate(in: try CalculationContext(asAt: date, policy: policy, explains: false))
        #expect(explained.totals == figures.totals)
        #expect(explained.lines.map(\.weekly) == figures.lines.map(\.weekly))
        #expect(explained.lines.map(\.annual) == figures.lines.map(\.annual))
        #expect(figures.lines.allSatisfy { $0.formula == nil })
    }
}
