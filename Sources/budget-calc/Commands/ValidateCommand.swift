import PHBCodec
import PHBEngine

/// `budget-calc validate`: every problem of a policy file at once, with file and key.
struct ValidateCommand: Command {
    static let name = "validate"
    static let summary = "check a policy file and report every problem at once, with file and key"
    static let valued: Set<String> = ["--format"]
    static let flags: Set<String> = ["--help"]
    static let help = """
    Usage: budget-calc validate POLICY_FILE [--format table|json]

    Reads a local policy file and reports every problem in it at once: unknown
    keys and parameters, values of the wrong kind or out of range, dates out of
    order, bad tables. Each problem names the file and the key. Exit code 0 when
    the policy is valid, 65 when it has problems.

    Example:
      budget-calc validate my-icb-policy.json
    """

    let file: String
    let json: Bool

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        guard arguments.positionals.count == 1, let file = arguments.positionals.first else {
            throw .usage("give one policy file")
        }
        self.file = file
        let format = arguments["--format"] ?? "table"
        guard format == "table" || format == "json" else { throw .usage("--format: '\(format)' is not table or json") }
        json = format == "json"
    }

    func run() throws(CommandLineError) -> Int32 {
        let problems = PolicyCodec.problems(try readText(file), file: file)
        if json {
            writeOut(JSONValue.object([
                ("formatVersion", .number("1")), ("file", .string(file)), ("valid", .bool(problems.isEmpty)),
                ("problems", .array(problems.map { problem in
                    .object([("code", .string(problem.code)), ("field", problem.field.map(JSONValue.string) ?? .null),
                             ("message", .string(problem.message))])
                })),
            ]).text() + "\n")
        } else if problems.isEmpty {
            writeOut("\(file): valid\n")
        } else {
            writeOut(problems.map { "\($0.description)\n" }.joined()
                     + "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file)\n")
        }
        return problems.isEmpty ? 0 : 65
    }
}
