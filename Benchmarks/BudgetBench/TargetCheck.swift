import Foundation

/// The cohort issue's targets measured on this machine, each by the benchmark that names it, with a verdict.
struct TargetCheck {
    let budgets: Int
    let people: Int
    let repeats: Int
    let seed: UInt64

    /// How a measure stands against its target.
    enum Verdict: String, Sendable {
        /// The median run (or the only measure) meets it.
        case met
        /// The best run meets it and the median does not: the host's noise decides.
        case metByTheBestRunOnly = "met by the best run only"
        case missed
    }

    /// One target: what it asks, what was measured, and the verdict.
    struct Result: Sendable {
        let target: String
        let measured: String
        let verdict: Verdict
    }

    /// The fast path, the full breakdown, end to end, two jobs over one, memory and the proof, in that order.
    func run() throws -> [Result] {
        // Memory first, while this process is small: a child's measured peak starts from this process's own
        // (``MemoryBenchmark/run()``).
        let memory = try MemoryBenchmark(sizes: [10_000, 10_000_000], seed: seed).run()
        func library(_ label: String) throws -> Timing {
            let timings = try LibraryBenchmark(budgets: budgets, repeats: repeats, seed: seed, only: label,
                                               distinct: .max, newValues: false).run()
            guard let timing = timings.first(where: { $0.label == label }) else { throw BenchError("no timing '\(label)'") }
            return timing
        }
        let fast = try library("bottom-up, fast path in columns, 1 core")
        let explained = try library("bottom-up, full breakdown, with explanation, 1 core")
        let cores = ProcessInfo.activeCores
        let endToEnd = try EndToEndBenchmark(people: people, repeats: repeats, seed: seed,
                                             jobs: cores > 1 ? [1, cores] : [1]).run()
        let proof = try FastPathProof(plans: 1_000_000, seed: seed).run { _ in }

        var results = [
            Self.atMost(fast, nanoseconds: 100, "library fast path ≤ 100 ns per bottom-up budget, 1 core (in columns)"),
            Self.atMost(explained, nanoseconds: 2_000, "full breakdown with explanation ≤ 2 µs (bottom-up, 1 core)"),
        ]
        if let all = endToEnd.last {
            let best = Double(all.items) / all.sorted[0]
            results.append(Result(
                target: "end to end ≥ 1,000,000 people a second (`budget-calc recalc`, CSV → CSV, \(all.items.groupedText) people)",
                measured: "\(formatted(all.perSecond)) people a second (median), \(formatted(best)) (best), with \(cores) jobs",
                verdict: Self.verdict(median: all.perSecond >= 1_000_000, best: best >= 1_000_000)))
        }
        if let speedUp = endToEnd.last?.speedUp {
            results.append(Result(
                target: "\(cores) jobs ≥ 1.8× one",
                measured: "median \(formatted(speedUp.median, places: 2))× (\(formatted(speedUp.min, places: 2))× – "
                    + "\(formatted(speedUp.max, places: 2))×), runs made in turn",
                verdict: Self.verdict(median: speedUp.median >= 1.8, best: speedUp.max >= 1.8)))
        }
        if let small = memory.first, let large = memory.last, small.megabytes > 0 {
            let ratio = large.megabytes / small.megabytes
            results.append(Result(
                target: "peak memory for 10,000,000 people within 1.5× that for 10,000",
                measured: "\(formatted(large.megabytes, places: 1)) / \(formatted(small.megabytes, places: 1)) MiB = "
                    + "\(formatted(ratio, places: 2))×",
                verdict: ratio <= 1.5 ? .met : .missed))
        }
        let checked = proof.proven + proof.declined
        results.append(Result(
            target: "fast path == full breakdown, line by line, on ≥ 1,000,000 seeded plans",
            measured: "\(checked.groupedText) plans: \(proof.proven.groupedText) proven equal, "
                + "\(proof.declined.groupedText) declined, \(proof.mismatches.count.groupedText) mismatches",
            verdict: proof.mismatches.isEmpty && checked >= 1_000_000 ? .met : .missed))
        return results
    }

    /// A timing against a ceiling in nanoseconds an item.
    static func atMost(_ timing: Timing, nanoseconds ceiling: Double, _ target: String) -> Result {
        let ns = timing.nanosecondsPerItem
        return Result(target: target,
                      measured: "\(formatted(ns.median, places: 1)) ns (median), \(formatted(ns.min, places: 1)) (best)",
                      verdict: verdict(median: ns.median <= ceiling, best: ns.min <= ceiling))
    }

    /// The verdict when the median and the best run do or do not meet a target.
    static func verdict(median: Bool, best: Bool) -> Verdict {
        median ? .met : best ? .metByTheBestRunOnly : .missed
    }
}
