import PHBEngine

/// Seeded random bottom-up plans with a realistic mix, for property tests,
/// the fast-path check and the benchmark's synthetic cohorts.
///
/// The mix: PA and agency lines across the example policy's time bands, 2:1
/// support, sleep-ins, one to three PAs (sometimes with weighted shares),
/// other items in every period, and every deployment, mixed ones included.
/// Some plans are built to land on, or within a hair of, a half penny.
public enum RandomPlans {
    /// The example policy's time bands.
    public static let bands = ["weekdayDay", "weekdayEvening", "weekend", "wakingNight"]

    /// The plan numbered `index` of the cohort `seed`: the same numbers always give the same plan.
    public static func plan(seed: UInt64, index: Int) -> BottomUpPlan {
        var g = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(truncatingIfNeeded: index))
        return plan(using: &g)
    }

    /// A valid plan (one the example policy accepts on dates from 2024-04-01).
    public static func plan(using g: inout SeededGenerator) -> BottomUpPlan {
        let deployment = g.pick(Deployment.allCases)
        let pas = g.chance(70) ? 1 : g.int(2...3)
        var plan = BottomUpPlan(deployment: deployment, personalAssistants: pas)
        if pas > 1, g.chance(30) {
            plan.paShares = (0..<pas).map { _ in Rational(g.int(1...4)) }
        }
        let nearHalfPenny = g.chance(20)
        for _ in 0..<g.int(1...4) {
            let provider: Provider = g.chance(75) ? .personalAssistant : .agency
            var line = CareLine(hoursPerWeek: hours(&g), staffRatio: g.chance(10) ? 2 : 1, provider: provider,
                                band: g.pick(bands))
            if nearHalfPenny, g.chance(50) {
                // Pay that puts a line, the bank holidays or an on-cost on (or a hair from) a half penny.
                line.hoursPerWeek = g.pick([Rational(7, over: 4), Rational(1), Rational(7, over: 2), Rational(5, over: 2)])
                let pounds = Int128(g.int(13...40))
                let tenThousandths = Int128(g.pick([50, 25, 75, 49, 51, 1, 9999, 5]))
                line.hourlyRate = Rational(pounds * 10_000 + tenThousandths, over: 10_000)
            } else if g.chance(10) {
                line.hourlyRate = Rational(Int128(g.int(130_000...350_000)), over: 10_000)  // 4 decimal places
            }
            if g.chance(10) { line.deployment = g.pick(Deployment.allCases) }
            if g.chance(20) { line.id = "care\(plan.care.count)" }
            plan.care.append(line)
        }
        if g.chance(25) {
            plan.sleepIns.append(SleepInLine(nightsPerWeek: Rational(Int128(g.int(1...14)), over: 2),
                                             provider: g.chance(80) ? .personalAssistant : .agency,
                                             nightRate: g.chance(20) ? Rational(Int128(g.int(6_000...9_000)), over: 100) : nil,
                                             deployment: g.chance(10) ? g.pick(Deployment.allCases) : nil))
        }
        for _ in 0..<g.int(0...3) {
            let period = g.pick(ItemPeriod.allCases)
            let largestPence = switch period {
            case .weekly: 10_000
            case .fourWeekly, .monthly: 40_000
            case .annual: 500_000
            case .oneOff: 200_000
            }
            var item = OtherItem(description: g.pick(["Gym membership", "Travel", "Equipment", "Activities", "Respite"]),
                                 amount: Rational(Int128(g.int(1...largestPence)), over: 100),
                                 period: period, quantity: Rational(g.int(1...3)))
            if nearHalfPenny, g.chance(50) {
                // An annual amount whose weekly figure is exactly a half penny at 52 weeks.
                item.period = .annual
                item.amount = Rational(Int128(g.int(1...2_000)) * 5_200 + 26, over: 100)
                item.quantity = .one
            }
            if g.chance(10) { item.deployment = g.pick(Deployment.allCases) }
            if g.chance(20) { item.id = "item\(plan.otherItems.count)" }
            plan.otherItems.append(item)
        }
        return plan
    }

    /// Hours a week: quarters of an hour, sometimes to the hundredth.
    static func hours(_ g: inout SeededGenerator) -> Rational {
        g.chance(80) ? Rational(Int128(g.int(1...240)), over: 4) : Rational(Int128(g.int(1...6_000)), over: 100)
    }

    /// Overrides that vary the rounding rule and weeks per year (docs/rules.md §1): both rules, 52 and 52.1429 weeks.
    public static func variations() -> [[ParameterKey: ParameterValue]] {
        let weeks = [Rational(52), Rational(521_429, over: 10_000)]
        return weeks.flatMap { w in
            [RoundingRule.halfAwayFromZero, .halfEven].map { rule in
                [.weeksPerYear: .number(w), .roundingRule: .choice(rule.rawValue)]
            }
        }
    }
}
