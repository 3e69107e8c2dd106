import Foundation

/// A finished child process: exit status, wall time and peak resident memory.
struct ChildRun {
    let status: Int32
    let seconds: Double
    let peakResidentBytes: Int
}

/// Runs `executable` with `arguments`, output discarded, and measures it with wait4.
func runChild(_ executable: String, _ arguments: [String]) throws -> ChildRun {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let clock = ContinuousClock()
    let start = clock.now
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
        throw BenchError("cannot start \(executable)")
    }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { throw BenchError("lost \(executable)") }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    #if canImport(Glibc)
    let peak = usage.ru_maxrss * 1024
    #else
    let peak = usage.ru_maxrss
    #endif
    return ChildRun(status: (status >> 8) & 0xFF, seconds: seconds, peakResidentBytes: peak)
}

/// End to end: `budget-calc recalc` on a synthetic cohort file, CSV → CSV, as
/// a user runs it (process start included).
struct EndToEndBenchmark {
    let people: Int
    let repeats: Int
    let seed: UInt64
    let jobs: [Int]

    /// The release `budget-calc` beside this executable.
    static var budgetCalc: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("budget-calc").path
    }

    /// A cohort file of `people` (made once and kept in the temporary folder).
    static func cohortFile(people: Int, seed: UInt64) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("budget-bench-\(seed)-\(people).csv").path
        if !FileManager.default.fileExists(atPath: path) {
            FileHandle.standardError.write(Data("making a cohort of \(people) people at \(path)…\n".utf8))
            try SyntheticCohort(people: people, seed: seed).write(to: path)
        }
        return path
    }

    /// The recalc arguments for `cohort`, writing beside it.
    static func recalcArguments(_ cohort: String, jobs: Int) -> [String] {
        ["recalc", cohort, "--from", "2025-06-01", "--to", "2026-04-06", "--paid-from", "2026-06-01",
         "--out", outputs(cohort).results, "--errors", outputs(cohort).errors, "--jobs", String(jobs), "--quiet"]
    }

    /// Where a run on `cohort` writes.
    static func outputs(_ cohort: String) -> (results: String, errors: String) {
        (cohort + ".out.csv", cohort + ".errors.csv")
    }

    /// Removes a previous run's outputs, before the clock starts: each run writes new files, as a first run
    /// does. (Replacing a file frees the old one's blocks in the rename; on a disk mounted with online
    /// discard, as this benchmark's host is, that took 5 ms for 200,000 people's results.)
    static func removeOutputs(_ cohort: String) {
        let (results, errors) = outputs(cohort)
        try? FileManager.default.removeItem(atPath: results)
        try? FileManager.default.removeItem(atPath: errors)
    }

    func run() throws -> [Timing] {
        let binary = Self.budgetCalc
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchError("no release budget-calc at \(binary): run 'swift build -c release --static-swift-stdlib' first")
        }
        let cohort = try Self.cohortFile(people: people, seed: seed)
        let bytes = (try FileManager.default.attributesOfItem(atPath: cohort)[.size] as? Int) ?? 0
        // The job counts take turns, repeat by repeat, so that a spell of noise on the shared host
        // falls on all of them, and each repeat gives a paired speed-up over one job.
        var seconds = Array(repeating: [Double](), count: jobs.count)
        for _ in 0..<repeats {
            for (i, jobs) in jobs.enumerated() {
                Self.removeOutputs(cohort)
                let child = try runChild(binary, Self.recalcArguments(cohort, jobs: jobs))
                guard child.status == 0 else { throw BenchError("budget-calc recalc exited \(child.status)") }
                seconds[i].append(child.seconds)
            }
        }
        let megabytes = Double(bytes) / 1_048_576
        let oneJob = jobs.firstIndex(of: 1).map { seconds[$0] }
        return jobs.enumerated().map { i, jobs in
            var timing = Timing(label: "budget-calc recalc, CSV → CSV, \(people.groupedText) people (\(formatted(megabytes, places: 1)) MiB), "
                                + "\(jobs) job" + (jobs == 1 ? "" : "s"), items: people, seconds: seconds[i], bytes: bytes)
            if jobs > 1, let oneJob { timing.speedUps = zip(oneJob, seconds[i]).map { $0 / $1 } }
            return timing
        }
    }
}

/// Peak memory of `budget-calc recalc` for cohorts of several sizes: it must not grow with the cohort.
struct MemoryBenchmark {
    let sizes: [Int]
    let seed: UInt64

    /// Whether a spawned child's measured peak starts from this process's (Linux).
    #if os(Linux)
    static let childPeakStartsFromOwn = true
    #else
    static let childPeakStartsFromOwn = false
    #endif

    /// Each size's peak, in MiB, and wall time.
    ///
    /// On Linux a spawned child's peak (`ru_maxrss`) starts from this process's own: until it runs its program,
    /// the child shares this process's memory. So a child that never grows past this process's peak cannot be
    /// measured from here, and that is an error rather than a figure (run `budget-bench memory` on its own).
    func run() throws -> [(people: Int, megabytes: Double, seconds: Double)] {
        try sizes.map { size in
            let cohort = try EndToEndBenchmark.cohortFile(people: size, seed: seed)
            let harness = peakResidentBytes()
            let child = try runChild(EndToEndBenchmark.budgetCalc,
                                     EndToEndBenchmark.recalcArguments(cohort, jobs: ProcessInfo.activeCores))
            guard child.status == 0 else { throw BenchError("budget-calc recalc exited \(child.status)") }
            if Self.childPeakStartsFromOwn, child.peakResidentBytes <= harness {
                throw BenchError("the peak memory of budget-calc on \(size.groupedText) people cannot be told from this "
                                 + "process's own (\(formatted(Double(harness) / 1_048_576, places: 1)) MiB)")
            }
            return (size, Double(child.peakResidentBytes) / 1_048_576, child.seconds)
        }
    }
}
