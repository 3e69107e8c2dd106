@testable import PHBEngine
import Testing
import _PHBTestSupport

/// The fast path's two number types: the weekly value alone, and the weekly and annual values side by side.
@Suite struct FastAmountTests {
    /// £8,498.385 a year, a week's worth of it: its annual figure is exactly a half penny. Held as a weekly
    /// value (÷ weeks truncates) the bound straddles the half penny and the figure is left to the full
    /// breakdown; held in both scales the annual value is exact, and the figure is settled.
    @Test(arguments: [(Int64(52), Int64(1)), (521_429, 10_000)])
    func aHalfPennyAYearIsSettledInTwoScales(weeksNumerator: Int64, weeksDenominator: Int64) throws {
        let weeks = try #require(Multiplier(weeksNumerator, over: weeksDenominator))
        let perWeek = try #require(weeks.inverse)
        let annual = BoundedAmount(digits: 8_498_385, places: 3)
        #expect(BoundedAmount.annual(annual, perWeek: perWeek).pence(weeks: weeks, rule: .halfAwayFromZero) == nil)
        let twoScales = try #require(TwoScaleAmount.annual(annual, perWeek: perWeek).pence(weeks: weeks, rule: .halfAwayFromZero))
        #expect(twoScales.annual == 849_839)
        #expect(TwoScaleAmount.annual(annual, perWeek: perWeek).pence(weeks: weeks, rule: .halfEven)?.annual == 849_838)
    }

    /// Each scale keeps its own bound through the steps, and a decision either scale settles is taken.
    @Test func eachScaleKeepsItsBound() throws {
        let weeks = try #require(Multiplier(521_429, over: 10_000)), perWeek = try #require(weeks.inverse)
        let a = TwoScaleAmount.annual(BoundedAmount(digits: 1_000_000, places: 2), perWeek: perWeek)  // £10,000 a year
        let b = TwoScaleAmount.weekly(BoundedAmount(digits: 15_000, places: 2), weeks: weeks)  // £150 a week
        let sum = a + b
        #expect(sum.year.value == BoundedAmount(digits: 17_821_435, places: 3).value)  // £10,000 + £150 × 52.1429
        #expect(sum.year.bound == 0)
        #expect(sum.week.bound == 1)  // the ÷ weeks of £10,000
        // £341.7806… a week: above £341.78, below £341.79.
        #expect(sum.isAbove(TwoScaleAmount.weekly(BoundedAmount(digits: 34_178, places: 2), weeks: weeks)) == true)
        #expect(sum.isAbove(TwoScaleAmount.weekly(BoundedAmount(digits: 34_179, places: 2), weeks: weeks)) == false)
        #expect((sum - sum).isZero == true)
    }

    /// Values in units on a penny's edges, its half and either side of them (within `jitter` units), or anywhere in a penny.
    static func valuesNearPennyEdges(seed: UInt64, jitter: Int) -> [Int64] {
        var g = SeededGenerator(seed: seed)
        let penny = BoundedAmount.unitsPerPenny
        return (0..<20_000).map { _ in
            let pence = Int64(g.int(-1_000_000...1_000_000))
            let offset = g.pick([0, penny / 2, penny - 1, 1, penny / 2 - 1, penny / 2 + 1, Int64(g.int(0...99_999_999))])
            return pence * penny + offset + Int64(g.int(-jitter...jitter))
        }
    }

    /// An exact amount rounds to the penny the rule's own rounding gives (`RoundingRule.roundedQuotient`): the fast
    /// path's rounding selects the penny up rather than branching, so every case is checked against the reference.
    @Test(arguments: RoundingRule.allCases)
    func roundingAnExactAmountAgreesWithTheRule(rule: RoundingRule) {
        for value in Self.valuesNearPennyEdges(seed: 12, jitter: 0) {
            let expected = rule.roundedQuotient(value, BoundedAmount.unitsPerPenny)
            #expect(BoundedAmount.pence(value, rule) == expected, "\(value)")
            #expect(BoundedAmount(units: value).roundedPence(rule) == expected, "\(value)")
        }
    }

    /// Rounding an inexact amount answers exactly when both ends of its interval round to the same penny, and
    /// then with that penny: the one-division shortcut agrees with rounding both ends, near halves and edges too.
    @Test(arguments: RoundingRule.allCases)
    func roundingAnInexactAmountAgreesWithRoundingBothEnds(rule: RoundingRule) {
        var g = SeededGenerator(seed: 11)
        let penny = BoundedAmount.unitsPerPenny
        for value in Self.valuesNearPennyEdges(seed: 13, jitter: 3) {
            // Bounds small, or up to a penny and more.
            let bound = g.pick([1, 2, 7, Int64(g.int(1...1_000)), penny / 2, penny - 1, penny, penny + 5])
            let amount = BoundedAmount(value: value, bound: bound)
            let low = BoundedAmount.pence(value - bound, rule), high = BoundedAmount.pence(value + bound, rule)
            #expect(amount.roundedPence(rule) == (low == high ? low : nil), "\(value) ± \(bound)")
        }
    }
}
