import Dispatch
import Foundation
import PHBCodec
import PHBEngine
import Synchronization
import _PHBTestSupport

/// The release-mode proof that the fast path never changes a penny: every
/// plan of a seeded random cohort, on several dates, under both rounding rules
/// and 52 and 52.1429 weeks, computed both ways and compared line by line.
struct FastPathProof {
    let plans: Int
    let seed: UInt64

    struct Counts: Sendable {
        var proven = 0, declined = 0
        /// Plans costed in columns (``FastBottomUpColumns``), and those the columns left to be costed alone.
        var inColumns = 0, costedAlone = 0
        /// Plans proven by each try.
        var byTry: [FastPathTry: Int] = [:]
        var mismatches: [String] = []
        mutating func add(_ other: Counts) {
            proven += other.proven
            declined += other.declined
            inColumns += other.inColumns
            costedAlone += other.costedAlone
            byTry.merge(other.byTry, uniquingKeysWith: +)
            mismatches += other.mismatches
        }

        /// The line `budget-bench check` ends with.
        var summary: String {
            let tries = FastPathTry.allCases.map { "\((byTry[$0] ?? 0).groupedText) \($0)" }.joined(separator: ", ")
            return "fast path checked on \((proven + declined).groupedText) plans: \(proven.groupedText) proven equal line by line "
                + "(by try: \(tries)), \(declined.groupedText) declined to the full breakdown; in columns: "
                + "\((inColumns - costedAlone).groupedText) settled, \(costedAlone.groupedText) costed alone; "
                + "\(mismatches.count.groupedText) mismatches"
        }
    }

    func run(progress: (String) -> Void) throws -> Counts {
        let policy = try ExamplePolicy.policy()
        let dates = ["2024-06-01", "2025-04-05", "2025-06-01", "2026-06-01"].compactMap(CalendarDate.init(iso:))
        let settings = try dates.flatMap { date in
            try RandomPlans.variations().map { overrides in
                let parameters = BottomUpParameters(try CalculationContext(asAt: date, policy: policy, overrides: overrides))
                guard let fast = FastBottomUpParameters(parameters) else { throw BenchError("no fast form for \(date)") }
                return (parameters, fast)
            }
        }
        let cores = ProcessInfo.activeCores
        let total = Mutex(Counts())
        let batch = 10_000
        for start in stride(from: 0, to: plans, by: batch) {
            let end = min(plans, start + batch)
            DispatchQueue.concurrentPerform(iterations: cores) { c in
                var counts = Counts()
                // This thread's plans by setting, to be costed in columns too.
                var groups = Array(repeating: [(index: Int, plan: FastBottomUpPlan)](), count: settings.count)
                for index in stride(from: start + c, to: end, by: cores) {
                    let (parameters, fast) = settings[index % settings.count]
                    let plan = RandomPlans.plan(seed: seed, index: index)
                    if let fastPlan = FastBottomUpPlan(plan) { groups[index % settings.count].append((index, fastPlan)) }
                    switch FastPathCheck.compare(plan, parameters: parameters, fast: fast) {
                    case .proven(let by):
                        counts.proven += 1
                        counts.byTry[by, default: 0] += 1
                    case .declined: counts.declined += 1
                    case .mismatch(let why): counts.mismatches.append("plan \(index): \(why)")
                    }
                }
                // The columns must give each plan the fast path's totals, which the comparison above proves equal
                // to the full breakdown's.
                for (setting, group) in groups.enumerated() where !group.isEmpty {
                    let fast = settings[setting].1
                    let columns = FastBottomUpColumns(group.lazy.map(\.plan))
                    let settled = columns.settledTotals(fast)
                    for (j, entry) in group.enumerated() {
                        let alone = entry.plan.totals(fast)
                        counts.inColumns += 1
                        if settled[j] == nil { counts.costedAlone += 1 }
                        if let inColumns = settled[j], inColumns != alone {
                            counts.mismatches.append("plan \(entry.index): in columns \(inColumns), alone \(String(describing: alone))")
                        }
                    }
                }
                total.withLock { $0.add(counts) }
            }
            let sofar = total.withLock { $0 }
            progress("\(end.groupedText) of \(plans.groupedText) plans: \(sofar.proven.groupedText) proven equal, "
                     + "\(sofar.declined.groupedText) declined, \(sofar.mismatches.count.groupedText) mismatches")
        }
        return total.withLock { $0 }
    }
}
