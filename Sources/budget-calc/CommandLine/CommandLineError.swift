/// Why the tool stopped, with the exit code that says so.
enum CommandLineError: Error {
    case usage(String)
    case unreadable(file: String, reason: String)
    case invalid(String)
    case cannotWrite(file: String, reason: String)
    case checkFailed([String])

    /// The exit code: 1 check failed; 64 usage; 65 invalid input; 66 unreadable; 73 cannot write.
    var exitCode: Int32 {
        switch self {
        case .checkFailed: 1
        case .usage: 64
        case .invalid: 65
        case .unreadable: 66
        case .cannotWrite: 73
        }
    }

    var message: String {
        switch self {
        case .usage(let m): "budget-calc: \(m)\nRun 'budget-calc --help' for usage."
        case let .unreadable(file, reason): "budget-calc: cannot read \(file): \(reason)"
        case .invalid(let m): "budget-calc: \(m)"
        case let .cannotWrite(file, reason): "budget-calc: cannot write \(file): \(reason)"
        case .checkFailed(let problems):
            "budget-calc: the result differs from the expected figures:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}
