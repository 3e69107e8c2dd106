import PHBCodec
import PHBEngine
import Testing
import _PHBTestSupport

/// Properties every bottom-up budget keeps, over seeded random plans.
@Suite struct PropertyTests {
    let context: CalculationContext

    init() throws {
        context = try CalculationContext(asAt: CalendarDate(iso: "2026-06-01")!, policy: ExamplePolicy.policy())
    }

    func totals(_ plan: BottomUpPlan) throws -> BudgetTotals { try plan.calculate(in: context).totals }

    @Test func theOrderOfLinesDoesNotChangeTheBudget() throws {
        var g = SeededGenerator(seed: 31)
        for index in 0..<400 {
            let plan = RandomPlans.plan(seed: 31, index: index)
            var shuffled = plan
            shuffled.care.shuffle(using: &g)
            shuffled.sleepIns.shuffle(using: &g)
            shuffled.otherItems.shuffle(using: &g)
            #expect(try totals(plan) == totals(shuffled), "plan \(index)")
        }
    }

    @Test func moreHoursOrAHigherRateNeverLowerTheBudget() throws {
        for index in 0..<400 {
            let plan = RandomPlans.plan(seed: 32, index: index)
            let before = try totals(plan)
            var more = plan
            if more.care[0].hoursPerWeek + Rational(1, over: 4) <= Rational(168) {
                more.care[0].hoursPerWeek += Rational(1, over: 4)
                let after = try totals(more)
                #expect(after.weekly >= before.weekly && after.annual >= before.annual, "plan \(index), hours")
            }
            var dearer = plan
            if let rate = dearer.care[0].hourlyRate {
                dearer.care[0].hourlyRate = rate + Rational(1, over: 100)
                let after = try totals(dearer)
                #expect(after.weekly >= before.weekly && after.annual >= before.annual, "plan \(index), rate")
            }
        }
    }

    @Test func theSameInputGivesByteIdenticalOutputThatReadsBackToItsFigures() throws {
        for index in 0..<100 {
            let plan = RandomPlans.plan(seed: 33, index: index)
            let first = try plan.calculate(in: context), second = try plan.calculate(in: context)
            let json = ResultCodec.json(first).text()
            #expect(json == ResultCodec.json(second).text())
            #expect(TableRenderer.render(first) == TableRenderer.render(second))
            let read = try JSONValue.parse(json)
            #expect(read["totals"]?["annual"] == .number(first.totals.annual.plainText), "plan \(index)")
            #expect(read["totals"]?["firstYear"] == .number(first.totals.firstYear.plainText), "plan \(index)")
        }
    }
}

/// Joint funding splits every line to the penny, whatever the shares.
@Suite struct JointFundingTests {
    @Test func largestRemainderPartsAddUpAndBreakTiesInFunderOrder() {
        var g = SeededGenerator(seed: 41)
        for _ in 0..<2_000 {
            let a = g.int(0...100), b = g.int(0...(100 - a))
            let shares: [(Funder, Rational)] = [(.health, Rational(a)), (.socialCare, Rational(b)), (.education, Rational(100 - a - b))]
            let pence = Int64(g.int(-1_000_000...1_000_000))
            let parts = LargestRemainder.apportion(pence, shares: shares)
            #expect(parts.values.reduce(0, +) == pence)
        }
        // 1p three ways: the tie goes to health first.
        let third = Rational(100, over: 3)
        #expect(LargestRemainder.apportion(1, shares: [(.health, third), (.socialCare, third), (.education, third)])
                == [.health: 1, .socialCare: 0, .education: 0])
    }

    @Test func theFundersTotalsAreTheBudgetsTotals() throws {
        let context = try CalculationContext(asAt: CalendarDate(iso: "2026-06-01")!, policy: ExamplePolicy.policy())
        for index in 0..<100 {
            let plan = RandomPlans.plan(seed: 42, index: index)
            let joint = JointFunding(plan: plan, shares: [.health: Rational(45), .socialCare: Rational(35), .education: Rational(20)])
            let result = try joint.calculate(in: context)
            for (column, total) in [("weekly", result.totals.weekly), ("annual", result.totals.annual), ("oneOff", result.totals.oneOff)] {
                let sum = Funder.allCases.compactMap { result.figure("\($0.rawValue).\(column)") }.reduce(Int64(0)) {
                    if case .money(let m) = $1.value { $0 + m.pence } else { $0 }
                }
                #expect(sum == total.pence, "plan \(index) \(column)")
            }
        }
    }
}
