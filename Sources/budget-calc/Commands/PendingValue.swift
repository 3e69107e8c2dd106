import Dispatch

/// A value worked out on another thread, waited for once it is needed.
final class PendingValue<Value: Sendable>: @unchecked Sendable {
    /// The outcome once it is known, guarded by `lock`.
    private var outcome: Result<Value, CommandLineError>?
    private let lock = DispatchSemaphore(value: 1)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on another thread.
    init(_ work: @escaping @Sendable () throws(CommandLineError) -> Value) {
        DispatchQueue.global().async {
            let outcome = Result(catching: work)
            self.lock.wait()
            self.outcome = outcome
            self.lock.signal()
            self.done.signal()
        }
    }

    /// Whether the value is known (never waits: a timed wait that finds nothing would sleep for the timer's slack).
    var isReady: Bool {
        lock.wait()
        defer { lock.signal() }
        return outcome != nil
    }

    /// The value, waiting for it; its error is thrown here.
    func value() throws(CommandLineError) -> Value {
        done.wait()
        done.signal()  // for another call
        lock.wait()
        let outcome = self.outcome
        lock.signal()
        switch outcome {
        case .success(let value)?: return value
        case .failure(let error)?: throw error
        case nil: throw .invalid("the parameters were not worked out")  // cannot happen: `done` is signalled after `outcome` is set
        }
    }
}
