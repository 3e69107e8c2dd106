import PHBCodec
import PHBEngine
import Testing
import _PHBTestSupport

/// The fast path gives exactly the full breakdown's pennies, line by line, on
/// seeded random plans under both rounding rules and 52 and 52.1429 weeks
/// (the million-plan release check is `Benchmarks/check-fast-path.sh`).
@Suite struct FastPathTests {
    static let dates = ["2024-06-01", "2025-04-05", "2025-06-01", "2026-06-01"]

    /// For each date, its snapshot under the variation's overrides and the 400 seeded plans costed on it.
    static func snapshots(variation: Int) throws
        -> [(date: String, parameters: BottomUpParameters, fast: FastBottomUpParameters, plans: [BottomUpPlan])] {
        let policy = try ExamplePolicy.policy()
        return try dates.enumerated().map { d, date in
            let context = try CalculationContext(asAt: CalendarDate(iso: date)!, policy: policy,
                                                 overrides: RandomPlans.variations()[variation])
            let parameters = BottomUpParameters(context)
            let plans = (0..<400).map { RandomPlans.plan(seed: UInt64(variation * 10 + d), index: $0) }
            return (date, parameters, try #require(FastBottomUpParameters(parameters)), plans)
        }
    }

    @Test(arguments: RandomPlans.variations().indices)
    func fastEqualsFullOnRandomPlans(variation: Int) throws {
        var proven = 0, declined = 0
        for (date, parameters, fast, plans) in try Self.snapshots(variation: variation) {
            for (index, plan) in plans.enumerated() {
                switch FastPathCheck.compare(plan, parameters: parameters, fast: fast) {
                case .proven: proven += 1
                case .declined: declined += 1
                case .mismatch(let why): Issue.record("plan \(index) on \(date): \(why)")
                }
            }
        }
        // The fast path must carry nearly every plan (a fifth of these are built on a half penny), or it is not a fast path.
        #expect(declined * 100 < proven, "proven \(proven), declined \(declined)")
    }

    /// In columns, every plan settled gets the fast path's totals (so the full breakdown's), under both rounding
    /// rules and 52 and 52.1429 weeks, and the columns settle nearly every plan.
    @Test(arguments: RandomPlans.variations().indices)
    func columnsGiveEachPlanTheFastPathTotals(variation: Int) throws {
        var settledCount = 0, alone = 0
        for (date, parameters, fast, plans) in try Self.snapshots(variation: variation) {
            let fastPlans = plans.compactMap(FastBottomUpPlan.init)
            let settled = FastBottomUpColumns(fastPlans).settledTotals(fast)
            for (j, plan) in fastPlans.enumerated() {
                if let inColumns = settled[j] {
                    settledCount += 1
                    #expect(inColumns == plan.totals(fast), "plan \(j) on \(date)")
                } else {
                    alone += 1
                }
            }
            // And the full breakdown's totals, directly, for the plans it computes.
            for (plan, inColumns) in zip(plans.filter { FastBottomUpPlan($0) != nil }, settled) {
                if let inColumns, let full = try? plan.calculate(with: parameters, explains: false).totals {
                    #expect(inColumns == full)
                }
            }
        }
        // Columns are only worth building if they settle nearly every plan.
        #expect(alone * 20 < settledCount, "settled \(settledCount), costed alone \(alone)")
    }

    /// A plan beyond the columns' limits (docs/fast-path.md, "Columns") is left to be costed alone, and the plans
    /// around it are settled as before.
    @Test func columnsLeavePlansBeyondTheirLimitsToBeCostedAlone() throws {
        let context = try CalculationContext(asAt: CalendarDate(iso: "2026-06-01")!, policy: try ExamplePolicy.policy())
        let fast = try #require(FastBottomUpParameters(BottomUpParameters(context)))
        func care(_ hours: Int, rate: Rational? = nil) -> CareLine {
            var line = CareLine(hoursPerWeek: Rational(hours), provider: .personalAssistant, band: "weekdayDay")
            line.hourlyRate = rate
            return line
        }
        let ordinary = BottomUpPlan(deployment: .directPayment, care: [care(20)])
        let beyond = [
            BottomUpPlan(deployment: .directPayment, care: Array(repeating: care(1), count: 65)),  // more than 64 pay lines
            BottomUpPlan(deployment: .notional, care: [care(168, rate: Rational(400))]),  // £67,200 of pay a week
            BottomUpPlan(deployment: .notional, care: [care(1, rate: Rational(500))]),  // a rate above £439.80
            BottomUpPlan(deployment: .thirdParty, care: [care(20)],  // an item above £112,590 a period
                         otherItems: [OtherItem(description: "Adaptation", amount: Rational(200_000), period: .oneOff)]),
        ]
        let plans = try ([ordinary] + beyond + [ordinary]).map { try #require(FastBottomUpPlan($0)) }
        let settled = FastBottomUpColumns(plans).settledTotals(fast)
        #expect(settled.map { $0 == nil } == [false, true, true, true, true, false])
        #expect(settled[0] == plans[0].totals(fast) && settled[5] == plans[0].totals(fast))
        for plan in plans { #expect(plan.totals(fast) != nil) }  // each costed alone by the fast path
        // Double pay on bank holidays (a factor of 8 ÷ 7) is within the limits: the columns still settle the plan.
        let double = try context.overriding(.bankHolidayMultiplier, with: .number(Rational(2)))
        let doubleFast = try #require(FastBottomUpParameters(BottomUpParameters(double)))
        let ordinaryPlan = try #require(FastBottomUpPlan(ordinary))
        #expect(FastBottomUpColumns([ordinaryPlan]).settledTotals(doubleFast) == [ordinaryPlan.totals(doubleFast)])
    }

    /// A cohort's plans are read line by line each time they are costed: the lines stay small.
    @Test func fastLinesStaySmall() {
        #expect(MemoryLayout<FastBottomUpPlan.Care>.stride == 48)
        #expect(MemoryLayout<FastBottomUpPlan.SleepIn>.stride == 24)
        #expect(MemoryLayout<FastBottomUpPlan.Item>.stride == 24)
    }

    @Test func fastPathDeclinesEveryPlanTheFullBreakdownRejects() throws {
        let policy = try ExamplePolicy.policy()
        let context = try CalculationContext(asAt: CalendarDate(iso: "2025-06-01")!, policy: policy)
        let parameters = BottomUpParameters(context)
        let fast = try #require(FastBottomUpParameters(parameters))
        var g = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            var plan = RandomPlans.plan(using: &g)
            // Break one thing at random.
            switch g.int(0...7) {
            case 0: plan.care[0].hoursPerWeek = Rational(Int128(g.int(-100...20_000)), over: Int128(g.pick([1, 100, 1_000])))
            case 1: plan.care[0].staffRatio = g.int(-1...200)
            case 2: plan.care[0].band = "nope"
            case 3: plan.care[0].hourlyRate = Rational(Int128(g.int(-100...1_300)), over: 100)
            case 4: plan.personalAssistants = g.int(-1...1_002)
            case 5: plan.deployment = nil
            case 6: plan.sleepIns.append(SleepInLine(nightsPerWeek: Rational(Int128(g.int(-2...20)), over: 2)))
            default: plan.otherItems.append(OtherItem(description: "x", amount: Rational(g.int(-500...500)),
                                                      period: g.pick(ItemPeriod.allCases)))
            }
            let check = FastPathCheck.compare(plan, parameters: parameters, fast: fast)
            if case .mismatch(let why) = check { Issue.record("\(why)") }
        }
    }
}
