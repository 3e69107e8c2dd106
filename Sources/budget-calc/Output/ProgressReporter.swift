import Foundation
import PHBCodec

/// Progress of a long run on standard error (people done, rate, time left),
/// shown only when standard error is a terminal and not asked to be quiet.
struct ProgressReporter {
    let enabled: Bool
    let totalBytes: Int
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var last: ContinuousClock.Instant

    init(quiet: Bool, totalBytes: Int) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
        self.totalBytes = totalBytes
        start = clock.now
        last = start
    }

    /// Shows progress at most four times a second.
    mutating func update(people: Int, bytesRead: Int) {
        guard enabled else { return }
        let now = clock.now
        guard now - last >= .milliseconds(250) else { return }
        last = now
        // Whole milliseconds and integer arithmetic: no floating point anywhere in the tool.
        let elapsed = now - start
        let milliseconds = max(1, Int(elapsed.components.seconds) * 1_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000))
        let rate = people * 1_000 / milliseconds
        var text = "\r\(people.groupedText) people, \(rate.groupedText) a second"
        if totalBytes > 0, bytesRead > 0 {
            let leftSeconds = (milliseconds * max(0, totalBytes - bytesRead) / bytesRead + 999) / 1_000
            text += ", about \(leftSeconds) s left   "
        }
        writeError(text)
    }

    /// Clears the progress line.
    func finish() {
        if enabled { writeError("\r\u{1B}[K") }
    }
}
