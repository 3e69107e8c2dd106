import PHBEngine

/// Compares the fast path with the full breakdown, line by line: the proof
/// that the fast path never changes a penny, run by `swift test` and by
/// `budget-bench check` over millions of plans.
public enum FastPathCheck {
    /// What the comparison of one plan found.
    public enum Outcome: Sendable, Equatable {
        /// The fast path gave figures by this try, and every line and total equals the full breakdown's.
        case proven(by: FastPathTry)
        /// The fast path declined; the full breakdown decides (a figure or an error).
        case declined
        /// The two disagree: a bug.
        case mismatch(String)
    }

    /// `line`'s key in the full breakdown of `plan`: the fast path passes lines by position only, and the full
    /// breakdown names them with the plan's ids.
    static func key(_ line: BottomUpLine, in plan: BottomUpPlan) -> String {
        switch line {
        case .care(let i, _) where plan.care.indices.contains(i): BottomUpLine.care(i, id: plan.care[i].id).key
        case .sleepIn(let i, _) where plan.sleepIns.indices.contains(i): BottomUpLine.sleepIn(i, id: plan.sleepIns[i].id).key
        case .other(let i, _) where plan.otherItems.indices.contains(i): BottomUpLine.other(i, id: plan.otherItems[i].id).key
        default: line.key
        }
    }

    /// Runs `plan` both ways and compares every line and the totals.
    public static func compare(_ plan: BottomUpPlan, parameters: BottomUpParameters,
                               fast: FastBottomUpParameters) -> Outcome {
        var sink = BottomUpLineFiguresSink()
        let settled = FastBottomUpPlan(plan)?.figures(fast, into: &sink)
        let full = Result { () throws(BudgetError) in try plan.calculate(with: parameters, explains: false) }
        guard let settled else { return .declined }
        guard case .success(let result) = full else {
            return .mismatch("the fast path gave figures where the full breakdown failed: \(full)")
        }
        let expected = result.lines.map { ($0.key, [$0.weekly, $0.annual, $0.oneOff]) }
        let got = sink.lines.map { (key($0.line, in: plan), [$0.weekly, $0.annual, $0.oneOff]) }
        if expected.map(\.0) != got.map(\.0) {
            return .mismatch("lines differ: full \(expected.map(\.0)), fast \(got.map(\.0))")
        }
        for (full, fast) in zip(expected, got) where full.1 != fast.1 {
            return .mismatch("\(full.0): full \(full.1), fast \(fast.1)")
        }
        if plan.fastTotals(fast) != result.totals {
            return .mismatch("totals: full \(result.totals), fast \(String(describing: plan.fastTotals(fast)))")
        }
        return .proven(by: settled)
    }
}
