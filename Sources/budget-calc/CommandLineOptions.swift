import PHBEngine

/// What the user asked for on the command line.
struct CommandLineOptions {
    enum Format: String { case table, json }

    var caseFile: String?
    var policyFile: String?
    var asAt: CalendarDate?
    var format: Format = .table
    var check = false
    var help = false

    static let usage = """
    Usage: budget-calc [CASE_FILE] [--policy FILE] [--as-at YYYY-MM-DD] [--format table|json] [--check]

    Computes a personal health budget from a case file and prints its breakdown.
    With no CASE_FILE, computes the built-in example (spec §8: one PA, 20 hours a
    week of weekday-day care, held as a direct payment, as at 2025-06-01) with the
    embedded England statutory values and the illustrative example policy.

    Options:
      --policy FILE        use this local policy file instead of the case's policy
      --as-at DATE         calculate as at this date instead of the case's date
      --format FORMAT      table (default) for people, json for programs
      --check              compare the result with the case's "expected" figures
      -h, --help           show this help

    Exit codes: 0 done; 1 --check found differences; 64 usage error;
    65 invalid input (bad JSON, a bad field, a calculation error); 66 unreadable file.
    """

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws(CommandLineError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var rest = arguments[...]
        func value(for flag: String) throws(CommandLineError) -> String {
            guard let v = rest.popFirst(), !v.hasPrefix("--") else { throw .usage("\(flag) needs a value") }
            return v
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help": options.help = true
            case "--check": options.check = true
            case "--policy": options.policyFile = try value(for: argument)
            case "--as-at":
                let text = try value(for: argument)
                guard let date = CalendarDate(iso: text) else { throw .usage("--as-at: '\(text)' is not a date written YYYY-MM-DD") }
                options.asAt = date
            case "--format":
                let text = try value(for: argument)
                guard let format = Format(rawValue: text) else { throw .usage("--format: '\(text)' is not table or json") }
                options.format = format
            default:
                guard !argument.hasPrefix("-") else { throw .usage("unknown option '\(argument)'") }
                if let first = options.caseFile { throw .usage("give one case file (got '\(first)' and '\(argument)')") }
                options.caseFile = argument
            }
        }
        if options.check && options.caseFile == nil { throw .usage("--check needs a case file with expected figures") }
        return options
    }
}

/// Why the tool stopped, with the exit code that says so.
enum CommandLineError: Error {
    case usage(String)
    case unreadable(file: String, reason: String)
    case invalid(String)
    case checkFailed([String])

    var exitCode: Int32 {
        switch self {
        case .checkFailed: 1
        case .usage: 64
        case .invalid: 65
        case .unreadable: 66
        }
    }

    var message: String {
        switch self {
        case .usage(let m): "budget-calc: \(m)\nRun 'budget-calc --help' for usage."
        case let .unreadable(file, reason): "budget-calc: cannot read \(file): \(reason)"
        case .invalid(let m): "budget-calc: \(m)"
        case .checkFailed(let problems):
            "budget-calc: the result differs from the expected figures:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}
