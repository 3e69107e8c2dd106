import Dispatch

/// Maps a stream through a pure function on several threads, a chunk at a
/// time, and hands the results on in input order.
///
/// Memory holds one chunk (`jobs × chunkSize` items and their results), not
/// the stream, and the results reach `consume` in exactly the order the
/// inputs came, whatever `jobs` is: so output built from them is
/// byte-identical for one job or many.
public struct OrderedParallelMap: Sendable {
    /// Threads to use (1: no threads at all).
    public let jobs: Int
    /// Items each thread takes per round.
    public let chunkSize: Int

    public init(jobs: Int, chunkSize: Int = 2_048) {
        self.jobs = max(1, jobs)
        self.chunkSize = max(1, chunkSize)
    }

    /// Takes every element of `source`, maps it by `transform` and passes the
    /// results to `consume` in input order.
    ///
    /// With more than one job the rounds overlap: while the threads map one
    /// chunk, this thread reads the next and hands on the results of the one
    /// before, so reading and writing are not left waiting on each other.
    public func run<Source: IteratorProtocol, Output>(
        _ source: inout Source,
        transform: (Source.Element) -> Output,
        consume: (Output) throws -> Void
    ) rethrows {
        func nextChunk() -> [Source.Element] {
            var chunk: [Source.Element] = []
            chunk.reserveCapacity(jobs * chunkSize)
            while chunk.count < jobs * chunkSize, let next = source.next() { chunk.append(next) }
            return chunk
        }
        if jobs == 1 {
            while true {
                let chunk = nextChunk()
                if chunk.isEmpty { return }
                for input in chunk { try consume(transform(input)) }
            }
        }
        try withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(transform)
            /// Maps `chunk` on the global queue; `wait()` gives the results.
            func start(_ chunk: [Source.Element]) -> PendingResults<Output> {
                let pending = PendingResults<Output>()
                let input = UncheckedSendable(chunk)
                DispatchQueue.global().async(group: pending.group) {
                    pending.results = self.map(input.value, work.value)
                }
                return pending
            }
            var chunk = nextChunk()
            guard !chunk.isEmpty else { return }
            var pending = start(chunk)
            while true {
                chunk = nextChunk()
                let results = pending.wait()
                if !chunk.isEmpty { pending = start(chunk) }
                for output in results { try consume(output) }
                if chunk.isEmpty { return }
            }
        }
    }

    /// `inputs.map(transform)`, split over `jobs` threads.
    func map<Input, Output>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
        if jobs == 1 || inputs.count < 2 { return inputs.map(transform) }
        let parts = min(jobs, inputs.count)
        let size = (inputs.count + parts - 1) / parts
        return withoutActuallyEscaping(transform) { transform in
            [Output](unsafeUninitializedCapacity: inputs.count) { buffer, initialised in
                // Both buffers hold at least two elements, so both have addresses.
                guard let start = buffer.baseAddress else { return }
                let base = UncheckedSendable(start)
                inputs.withUnsafeBufferPointer { source in
                    guard let first = source.baseAddress else { return }
                    let input = UncheckedSendable(first)
                    let work = UncheckedSendable(transform)
                    let count = inputs.count
                    // Each thread initialises its own disjoint range of the result.
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let range = (part * size)..<min(count, (part + 1) * size)
                        for i in range {
                            (base.value + i).initialize(to: work.value(input.value[i]))
                        }
                    }
                    initialised = count
                }
            }
        }
    }
}

/// A value handed to threads that use it in ways the compiler cannot check:
/// here, disjoint ranges of one buffer and a pure function.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The results of a chunk being mapped on another thread.
final class PendingResults<Output>: @unchecked Sendable {
    let group = DispatchGroup()
    /// Written once by the mapping thread before the group leaves; read after `wait()`.
    var results: [Output] = []

    func wait() -> [Output] {
        group.wait()
        return results
    }
}
