import PHBCodec

/// Why the tool stopped, with the exit code that says so.
enum CommandLineError: Error {
    case usage(String)
    case unreadable(file: String, reason: String)
    case invalid(String)
    /// An input file or calculation at fault, with its code, file and field.
    case input(InputError)
    case cannotWrite(file: String, reason: String)
    case checkFailed([String])

    /// The exit code: 1 check failed; 64 usage; 65 invalid input; 66 unreadable; 73 cannot write.
    var exitCode: Int32 {
        switch self {
        case .checkFailed: 1
        case .usage: 64
        case .invalid, .input: 65
        case .unreadable: 66
        case .cannotWrite: 73
        }
    }

    var message: String {
        switch self {
        case .usage(let m): "budget-calc: \(m)\nRun 'budget-calc --help' for usage."
        case let .unreadable(file, reason): "budget-calc: cannot read \(file): \(reason)"
        case .invalid(let m): "budget-calc: \(m)"
        case .input(let error): "budget-calc: \(error.description)"
        case let .cannotWrite(file, reason): "budget-calc: cannot write \(file): \(reason)"
        case .checkFailed(let problems):
            "budget-calc: the result differs from the expected figures:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}

extension CommandLineError {
    /// The error as a JSON object for programs (`--format json`): a stable code,
    /// the file and field where known, the message, and the exit code.
    var json: JSONValue {
        let (code, file, field): (String, String?, String?) = switch self {
        case .usage: ("usage", nil, nil)
        case .unreadable(let file, _): ("unreadable", file, nil)
        case .invalid: ("invalidInput", nil, nil)
        case .input(let error): (error.code, error.file, error.field)
        case .cannotWrite(let file, _): ("cannotWrite", file, nil)
        case .checkFailed: ("checkFailed", nil, nil)
        }
        var members: [(key: String, value: JSONValue)] = [("code", .string(code))]
        if let file { members.append(("file", .string(file))) }
        if let field { members.append(("field", .string(field))) }
        members.append(("message", .string(String(message.dropFirst("budget-calc: ".count)))))
        members.append(("exitCode", .number(String(exitCode))))
        return .object([("formatVersion", .number("1")), ("error", .object(members))])
    }
}
