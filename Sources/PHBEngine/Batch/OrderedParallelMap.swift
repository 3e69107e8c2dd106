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
    public func run<Source: IteratorProtocol, Output>(
        _ source: inout Source,
        transform: (Source.Element) -> Output,
        consume: (Output) throws -> Void
    ) rethrows {
        var inputs: [Source.Element] = []
        inputs.reserveCapacity(jobs * chunkSize)
        while true {
            inputs.removeAll(keepingCapacity: true)
            while inputs.count < jobs * chunkSize, let next = source.next() { inputs.append(next) }
            if inputs.isEmpty { return }
            for output in map(inputs, transform) { try consume(output) }
        }
    }

    /// `inputs.map(transform)`, split over `jobs` threads.
    func map<Input, Output>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
        if jobs == 1 || inputs.count < 2 { return inputs.map(transform) }
        let parts = min(jobs, inputs.count)
        let size = (inputs.count + parts - 1) / parts
        return withoutActuallyEscaping(transform) { transform in
            [Output](unsafeUninitializedCapacity: inputs.count) { buffer, initialised in
                let base = UncheckedSendable(buffer.baseAddress)
                inputs.withUnsafeBufferPointer { source in
                    let input = UncheckedSendable(source.baseAddress)
                    let work = UncheckedSendable(transform)
                    let count = inputs.count
                    // Each thread initialises its own disjoint range of the result.
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let range = (part * size)..<min(count, (part + 1) * size)
                        for i in range {
                            (base.value! + i).initialize(to: work.value(input.value![i]))
                        }
                    }
                }
                initialised = inputs.count
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
