// budget-bench: the speed, memory and fast-path proof harness (release builds only).
//   swift build -c release --static-swift-stdlib && .build/release/budget-bench --help
import Foundation

let usage = """
Usage: budget-bench COMMAND [options]

Measures the engine on seeded synthetic cohorts (a realistic mix: PA and agency
lines across time bands, 2:1 support, sleep-ins, one to three PAs with shares,
other items in every period, every deployment). Build in release, with the
Swift runtime linked in as the recorded figures are (Benchmarks/README.md):
  swift build -c release --static-swift-stdlib
  .build/release/budget-bench library

Commands:
  library      ns per budget: fast path and full breakdown, per calculator, 1 core and all cores
  check        prove fast == full breakdown, line by line, on seeded random plans (exit 1 on any mismatch)
  end-to-end   budget-calc recalc, CSV → CSV: people per second, MB/s and the speed-up of all cores over
               one, from runs made in turn (needs the release budget-calc)
  memory       peak resident memory of budget-calc recalc on cohorts of 10k, 100k, 1M and 10M people
  cohort       write a seeded synthetic cohort CSV of --people people to --out FILE
  targets      the cohort issue's targets on this machine, each measured and marked met, met by the best
               run only, or missed (exit 1 if any is missed): the fast path and the explained breakdown
               (--budgets), end to end and two jobs over one (--people), peak memory at 10k and 10M people,
               and the proof on 1,000,000 plans

Options:
  --budgets N   budgets per timing (library, targets; default 1000000)
  --plans N     plans to check (check; default 100000)
  --people N    cohort size (end-to-end, cohort, targets; default 200000)
  --out FILE    where the cohort goes (cohort)
  --sizes LIST  cohort sizes, comma-separated (memory; default 10000,100000,1000000,10000000)
  --repeats R   timing repeats; min, median and max are shown (default 5)
  --seed S      the cohort's seed (default 2026)
  --only WORDS  run only the library timings whose name contains WORDS
  --distinct N  library: the pool of 20,000 plans repeats N distinct ones (default: all distinct), so
                that the branch predictor learns them; the pool's memory is the same
  --new-values  library, with --distinct: each repeat gets new hours and amounts (its shape repeats)
  --json        print the results as JSON instead of a table
  -h, --help    show this help

Example:
  .build/release/budget-bench check --plans 1000000
"""

/// The options after the command word.
struct BenchOptions {
    var budgets = 1_000_000
    var plans = 100_000
    var people = 200_000
    var sizes = [10_000, 100_000, 1_000_000, 10_000_000]
    var repeats = 5
    var seed: UInt64 = 2026
    var json = false
    var only: String?
    var out: String?
    var distinct = Int.max
    var newValues = false

    init(_ arguments: ArraySlice<String>) throws {
        var rest = arguments
        func number(_ flag: String) throws -> Int {
            guard let text = rest.popFirst(), let n = Int(text.replacingOccurrences(of: "_", with: "")), n > 0 else {
                throw BenchError("\(flag) needs a positive whole number")
            }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--budgets": budgets = try number(argument)
            case "--plans": plans = try number(argument)
            case "--people": people = try number(argument)
            case "--repeats": repeats = try number(argument)
            case "--seed": seed = UInt64(try number(argument))
            case "--sizes":
                guard let list = rest.popFirst() else { throw BenchError("--sizes needs a list such as 10000,100000") }
                sizes = list.split(separator: ",").compactMap { Int($0) }
            case "--distinct": distinct = try number(argument)
            case "--new-values": newValues = true
            case "--json": json = true
            case "--only": only = rest.popFirst()
            case "--out": out = rest.popFirst()
            default: throw BenchError("unknown option '\(argument)'")
            }
        }
    }
}

func printTimings(_ timings: [Timing], json: Bool) {
    if json {
        print("[" + timings.map { t in
            let ns = t.nanosecondsPerItem
            let mbps = t.megabytesPerSecond.map { ", \"mibPerSecondMedian\": \($0)" } ?? ""
            let speedUp = t.speedUp.map { #", "speedUpOverOneJob": {"min": \#($0.min), "median": \#($0.median), "max": \#($0.max)}"# } ?? ""
            return #"{"benchmark": "\#(t.label)", "items": \#(t.items), "nsPerItem": {"min": \#(ns.min), "median": \#(ns.median), "max": \#(ns.max)}, "perSecondMedian": \#(Int(t.perSecond))\#(mbps)\#(speedUp)}"#
        }.joined(separator: ",\n ") + "]")
        return
    }
    print("| benchmark | items | ns each: min | median | max | per second (median) | MiB/s (median) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for t in timings {
        let ns = t.nanosecondsPerItem
        print("| \(t.label) | \(formatted(Double(t.items))) | \(formatted(ns.min, places: 1)) | "
              + "\(formatted(ns.median, places: 1)) | \(formatted(ns.max, places: 1)) | \(formatted(t.perSecond)) | "
              + (t.megabytesPerSecond.map { formatted($0, places: 1) } ?? "–") + " |")
    }
    for t in timings {
        guard let s = t.speedUp else { continue }
        print("\nSpeed-up over one job, runs made in turn (\(t.label)): min \(formatted(s.min, places: 2))×, "
              + "median \(formatted(s.median, places: 2))×, max \(formatted(s.max, places: 2))×")
    }
}

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first, !["-h", "--help", "help"].contains(command) else {
    print(usage)
    exit(0)
}
do {
    let options = try BenchOptions(arguments.dropFirst())
    switch command {
    case "library":
        printTimings(try LibraryBenchmark(budgets: options.budgets, repeats: options.repeats, seed: options.seed,
                                          only: options.only, distinct: options.distinct,
                                          newValues: options.newValues).run(),
                     json: options.json)
    case "check":
        let counts = try FastPathProof(plans: options.plans, seed: options.seed).run { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        print(counts.summary)
        for m in counts.mismatches.prefix(20) { print("  mismatch: \(m)") }
        exit(counts.mismatches.isEmpty ? 0 : 1)
    case "end-to-end":
        let cores = ProcessInfo.activeCores
        printTimings(try EndToEndBenchmark(people: options.people, repeats: options.repeats, seed: options.seed,
                                           jobs: cores > 1 ? [1, cores] : [1]).run(), json: options.json)
    case "memory":
        let rows = try MemoryBenchmark(sizes: options.sizes, seed: options.seed).run()
        if options.json {
            print("[" + rows.map { #"{"people": \#($0.people), "peakMiB": \#($0.megabytes), "seconds": \#($0.seconds)}"# }
                .joined(separator: ",\n ") + "]")
        } else {
            print("| people | peak memory (MiB) | wall time (s) |")
            print("|---:|---:|---:|")
            for row in rows {
                print("| \(formatted(Double(row.people))) | \(formatted(row.megabytes, places: 1)) | \(formatted(row.seconds, places: 2)) |")
            }
        }
    case "targets":
        let results = try TargetCheck(budgets: options.budgets, people: options.people, repeats: options.repeats,
                                      seed: options.seed).run()
        if options.json {
            print("[" + results.map { r in
                #"{"target": "\#(r.target)", "measured": "\#(r.measured)", "verdict": "\#(r.verdict.rawValue)"}"#
            }.joined(separator: ",\n ") + "]")
        } else {
            print("| target | measured | |")
            print("|---|---|---|")
            for r in results { print("| \(r.target) | \(r.measured) | \(r.verdict.rawValue) |") }
        }
        exit(results.contains { $0.verdict == .missed } ? 1 : 0)
    case "cohort":
        guard let out = options.out else { throw BenchError("cohort needs --out FILE") }
        try SyntheticCohort(people: options.people, seed: options.seed).write(to: out)
    default:
        throw BenchError("unknown command '\(command)'")
    }
} catch {
    FileHandle.standardError.write(Data("budget-bench: \(error)\nRun 'budget-bench --help' for usage.\n".utf8))
    exit(64)
}
