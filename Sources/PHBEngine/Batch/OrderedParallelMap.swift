import Dispatch

/// Maps a stream through a pure function on several threads, a batch of
/// items at a time, and hands the results on in input order.
///
/// Memory holds a bounded window of batches (four per job) and their results, not the stream, and the results reach `consume`
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
    /// thread reads batches into a queue and hands on finished results in
    /// order, while `jobs − 1` threads take batch after batch from the queue,
    /// so no thread waits for the slowest batch of a round or for the reader.
    /// This thread is the last job: when every other thread has two batches
    /// waiting, it maps the batch it has just read itself. So `jobs` threads
    /// run on `jobs` cores, none of them taking turns with the reader; and
    /// since this thread also reads and hands on, the others are kept fed
    /// first (with one batch waiting each, the other thread of a two-job run
    /// sat idle about a fifth of the time; with two, never).
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
            let window = BatchWindow<Output>(size: 4 * jobs)
            let queue = BatchQueue<Source.Element>()
            let helpers = jobs - 1
            // `jobs − 1` threads, each mapping batch after batch until it takes the end mark.
            let running = DispatchGroup()
            for _ in 0..<helpers {
                DispatchQueue.global().async(group: running) {
                    while let (index, batch) = queue.pop() { window.put(index, batch.map(work.value)) }
                }
            }
            var read = 0, consumed = 0
            // Whatever ends the run (a throw from `consume` too), the threads stop, and none still holds
            // `transform` (a block leaves its group after it is released).
            defer {
                for _ in 0..<helpers { queue.push(nil) }
                running.wait()
            }
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
                if queue.waitingBatches >= 2 * helpers {
                    window.put(read, batch.map(transform))  // every other thread has work queued: map this batch here
                } else {
                    queue.push((read, batch))
                }
                read += 1
                while try consumeNext(waiting: false) {}
            }
            while try consumeNext(waiting: true) {}
        }
    }
}

/// The batches waiting for a thread, first in first out; `nil` marks the end for one thread.
final class BatchQueue<Input>: @unchecked Sendable {
    private var batches: [(Int, [Input])?] = []
    private var head = 0
    private let lock = DispatchSemaphore(value: 1)
    private let waiting = DispatchSemaphore(value: 0)

    func push(_ batch: (Int, [Input])?) {
        lock.wait()
        // Taken places are dropped once they are most of the array: it stays about as long as the window.
        if head > 16, head * 2 > batches.count {
            batches.removeFirst(head)
            head = 0
        }
        batches.append(batch)
        lock.signal()
        waiting.signal()
    }

    /// How many batches wait for a thread.
    var waitingBatches: Int {
        lock.wait()
        defer { lock.signal() }
        return batches.count - head
    }

    /// The next batch, waiting for one; `nil` at the end.
    func pop() -> (Int, [Input])? {
        waiting.wait()
        lock.wait()
        defer { lock.signal() }
        let batch = batches[head]
        batches[head] = nil  // the queue no longer holds the batch's inputs
        head += 1
        return batch
    }
}

/// The results of the batches in flight, each in its own slot: a slot is
/// written by one thread, then taken by the reading thread once its
/// semaphore says it is ready.
final class BatchWindow<Output>: @unchecked Sendable {
    let size: Int
    private let slots: UnsafeMutablePointer<[Output]>
    private let ready: [DispatchSemaphore]
    /// Whether each slot's results are stored and not yet taken, guarded by `lock`: so that looking
    /// whether a batch is ready never waits. (A wait with a timeout that finds nothing sleeps for the
    /// system timer's slack, about 50 µs on Linux: the reading thread looked after every batch it read,
    /// and slept about a tenth of a two-job run.)
    private var stored: [Bool]
    private let lock = DispatchSemaphore(value: 1)

    init(size: Int) {
        self.size = size
        slots = .allocate(capacity: size)
        slots.initialize(repeating: [], count: size)
        ready = (0..<size).map { _ in DispatchSemaphore(value: 0) }
        stored = Array(repeating: false, count: size)
    }

    /// Stores batch `index`'s results (on the mapping thread).
    func put(_ index: Int, _ results: [Output]) {
        slots[index % size] = results
        lock.wait()
        stored[index % size] = true
        lock.signal()
        ready[index % size].signal()
    }

    /// Batch `index`'s results, waiting for them when `waiting`, else `nil` if they are not ready.
    func take(_ index: Int, waiting: Bool) -> [Output]? {
        let slot = index % size
        if !waiting {
            lock.wait()
            let isStored = stored[slot]
            lock.signal()
            guard isStored else { return nil }
        }
        ready[slot].wait()  // at once when stored
        lock.wait()
        stored[slot] = false
        lock.signal()
        defer { slots[slot] = [] }
        return slots[slot]
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
