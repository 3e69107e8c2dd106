import Dispatch

/// Maps a stream through a pure function on several threads, a batch of
/// items at a time, and hands the results on in input order.
///
/// Memory holds a bounded window of batches (twice as many as there are
/// jobs) and their results, not the stream, and the results reach `consume`
/// in exactly the order the inputs came, whatever `jobs` is: so output built
/// from them is byte-identical for one job or many.
public struct OrderedParallelMap: Sendable {
    /// Threads to use (1: no threads at all).
    public let jobs: Int
    /// Items in one batch: the unit handed to a thread.
    public let chunkSize: Int

    public init(jobs: Int, chunkSize: Int = 2_048) {
        self.jobs = max(1, jobs)
        self.chunkSize = max(1, chunkSize)
    }

    /// Takes every element of `source`, maps it by `transform` and passes the
    /// results to `consume` in input order.
    ///
    /// With more than one job it is a pipeline, not a series of rounds: this
    /// thread reads the next batch and hands on finished results while up to
    /// `jobs` threads map the batches before it, so no thread waits for the
    /// slowest batch of a round.
    public func run<Source: IteratorProtocol, Output>(
        _ source: inout Source,
        transform: (Source.Element) -> Output,
        consume: (Output) throws -> Void
    ) rethrows {
        func nextBatch() -> [Source.Element] {
            var batch: [Source.Element] = []
            batch.reserveCapacity(chunkSize)
            while batch.count < chunkSize, let next = source.next() { batch.append(next) }
            return batch
        }
        if jobs == 1 {
            while true {
                let batch = nextBatch()
                if batch.isEmpty { return }
                for input in batch { try consume(transform(input)) }
            }
        }
        try withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(transform)
            let window = BatchWindow<Output>(size: 2 * jobs)
            /// A thread is free once `idle` can be taken; each batch gives it back when mapped.
            let idle = DispatchSemaphore(value: jobs)
            var read = 0, consumed = 0
            // Whatever ends the run (a throw from `consume` too), no batch is still being mapped after it,
            // and no thread still holds `transform` (a block leaves its group after it is released).
            let running = DispatchGroup()
            defer { running.wait() }
            func consumeNext(waiting: Bool) throws -> Bool {
                guard consumed < read, let results = window.take(consumed, waiting: waiting) else { return false }
                consumed += 1
                for output in results { try consume(output) }
                return true
            }
            while true {
                let batch = nextBatch()
                if batch.isEmpty { break }
                // The window is full: hand on the oldest batch's results first.
                if read - consumed == window.size { _ = try consumeNext(waiting: true) }
                idle.wait()
                let slot = read
                let input = UncheckedSendable(batch)
                DispatchQueue.global().async(group: running) {
                    window.put(slot, input.value.map(work.value))
                    idle.signal()
                }
                read += 1
                while try consumeNext(waiting: false) {}
            }
            while try consumeNext(waiting: true) {}
        }
    }
}

/// The results of the batches in flight, each in its own slot: a slot is
/// written by one thread, then taken by the reading thread once its
/// semaphore says it is ready.
final class BatchWindow<Output>: @unchecked Sendable {
    let size: Int
    private let slots: UnsafeMutablePointer<[Output]>
    private let ready: [DispatchSemaphore]

    init(size: Int) {
        self.size = size
        slots = .allocate(capacity: size)
        slots.initialize(repeating: [], count: size)
        ready = (0..<size).map { _ in DispatchSemaphore(value: 0) }
    }

    /// Stores batch `index`'s results (on the mapping thread).
    func put(_ index: Int, _ results: [Output]) {
        slots[index % size] = results
        ready[index % size].signal()
    }

    /// Batch `index`'s results, waiting for them when `waiting`, else `nil` if they are not ready.
    func take(_ index: Int, waiting: Bool) -> [Output]? {
        let semaphore = ready[index % size]
        if waiting { semaphore.wait() } else if semaphore.wait(timeout: .now()) == .timedOut { return nil }
        defer { slots[index % size] = [] }
        return slots[index % size]
    }

    deinit {
        slots.deinitialize(count: size)
        slots.deallocate()
    }
}

/// A value handed to threads that use it in ways the compiler cannot check:
/// here, disjoint slots of one buffer and a pure function.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
