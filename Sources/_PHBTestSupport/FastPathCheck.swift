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

    /// A sink that keeps every line's figures by key, naming lines with the plan's ids as the full breakdown does.
    public struct RecordingSink: BottomUpFigureSink {
        public var lines: [String: [Int64]] = [:]
        public var order: [String] = []
        let plan: BottomUpPlan

        public init(plan: BottomUpPlan) {
            self.plan = plan
        }

        /// The line's key in the full breakdown (the fast path passes lines by position only).
        func key(_ line: BottomUpLine) -> String {
            switch line {
            case .care(let i, _) where plan.care.indices.contains(i): BottomUpLine.care(i, id: plan.care[i].id).key
            case .sleepIn(let i, _) where plan.sleepIns.indices.contains(i): BottomUpLine.sleepIn(i, id: plan.sleepIns[i].id).key
            case .other(let i, _) where plan.otherItems.indices.contains(i): BottomUpLine.other(i, id: plan.otherItems[i].id).key
            default: line.key
            }
        }

        public mutating func recurring(_ line: BottomUpLine, weeklyPence: Int64, annualPence: Int64) -> Bool {
            order.append(key(line))
            lines[key(line)] = [weeklyPence, annualPence]
            return true
        }

        public mutating func oneOff(_ line: BottomUpLine, pence: Int64) -> Bool {
            order.append(key(line))
            lines[key(line)] = [pence]
            return true
        }
    }

    /// Runs `plan` both ways and compares every line and the totals.
    public static func compare(_ plan: BottomUpPlan, parameters: BottomUpParameters,
                               fast: FastBottomUpParameters) -> Outcome {
        var sink = RecordingSink(plan: plan)
        let settled = FastBottomUpPlan(plan)?.figures(fast, into: &sink)
        let full = Result { () throws(BudgetError) in try plan.calculate(with: parameters, explains: false) }
        guard let settled else { return .declined }
        guard case .success(let result) = full else {
            return .mismatch("the fast path gave figures where the full breakdown failed: \(full)")
        }
        let expected = result.lines.map { line in
            (line.key, line.oneOff.map { [$0.pence] } ?? [line.weekly?.pence ?? -1, line.annual?.pence ?? -1])
        }
        if expected.map(\.0) != sink.order {
            return .mismatch("lines differ: full \(expected.map(\.0)), fast \(sink.order)")
        }
        for (key, pence) in expected where sink.lines[key] != pence {
            return .mismatch("\(key): full \(pence), fast \(sink.lines[key] ?? [])")
        }
        if plan.fastTotals(fast) != result.totals {
            return .mismatch("totals: full \(result.totals), fast \(String(describing: plan.fastTotals(fast)))")
        }
        return .proven(by: settled)
    }
}
