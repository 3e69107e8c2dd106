import Foundation

/// Keeps a value alive so the optimiser cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Repeated timings of one piece of work: min, median and max, so noise is visible.
struct Timing: Sendable {
    let label: String
    /// Items per repeat (budgets, people).
    let items: Int
    /// Seconds per repeat.
    let seconds: [Double]
    /// Input bytes per repeat, where the work reads a file.
    var bytes: Int?
    /// How many times faster than a one-job run, repeat by repeat (runs made in turn), where there is one.
    var speedUps: [Double]?

    var sorted: [Double] { seconds.sorted() }
    /// Nanoseconds per item: min, median, max.
    var nanosecondsPerItem: (min: Double, median: Double, max: Double) {
        let s = sorted
        let per = { (t: Double) in t * 1e9 / Double(items) }
        return (per(s[0]), per(s[s.count / 2]), per(s[s.count - 1]))
    }
    /// Items per second at the median.
    var perSecond: Double { Double(items) / sorted[seconds.count / 2] }
    /// The speed-up over one job: min, median, max of the paired repeats.
    var speedUp: (min: Double, median: Double, max: Double)? {
        guard let s = speedUps?.sorted(), !s.isEmpty else { return nil }
        return (s[0], s[s.count / 2], s[s.count - 1])
    }
    /// Input megabytes (MiB) per second at the median.
    var megabytesPerSecond: Double? { bytes.map { Double($0) / 1_048_576 / sorted[seconds.count / 2] } }
}

/// Times `body` `repeats` times after one warm-up run.
func time(_ label: String, items: Int, repeats: Int, _ body: () -> Void) -> Timing {
    body()
    let clock = ContinuousClock()
    let seconds = (0..<repeats).map { _ in
        let d = clock.measure(body)
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
    return Timing(label: label, items: items, seconds: seconds)
}

/// Peak resident memory of this process so far, in bytes (getrusage).
func peakResidentBytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024  // kilobytes on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return usage.ru_maxrss  // bytes on macOS
    #endif
}

/// Formats a number with thousands separators and `places` decimals.
func formatted(_ value: Double, places: Int = 0) -> String {
    String(format: "%.\(places)f", value).replacingOccurrences(of: #"(\d)(?=(\d{3})+(?!\d))"#, with: "$1,",
                                                               options: .regularExpression)
}
