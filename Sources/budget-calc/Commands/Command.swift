/// One job of `budget-calc`: a type per command, each with its own options and help.
protocol Command: Sendable {
    /// The word that names the command (`compute`).
    static var name: String { get }
    /// One line for the list of commands.
    static var summary: String { get }
    /// The full help, with an example.
    static var help: String { get }
    /// Options that take a value, and flags.
    static var valued: Set<String> { get }
    static var flags: Set<String> { get }
    /// The command from its parsed arguments.
    init(_ arguments: ParsedArguments) throws(CommandLineError)
    /// Does the job; returns the exit code.
    func run() throws(CommandLineError) -> Int32
}

/// A command as the dispatcher sees it: its name, help and options, and how to run it.
struct CommandEntry: Sendable {
    let name: String
    let summary: String
    let help: String
    let valued: Set<String>
    let flags: Set<String>
    let execute: @Sendable (ParsedArguments) throws(CommandLineError) -> Int32

    init<C: Command>(_ type: C.Type) {
        name = C.name
        summary = C.summary
        help = C.help
        valued = C.valued
        flags = C.flags
        execute = { (arguments: ParsedArguments) throws(CommandLineError) -> Int32 in try C(arguments).run() }
    }
}

/// Every command, in the order `--help` lists them.
let commands = [CommandEntry(ComputeCommand.self), CommandEntry(StatementCommand.self), CommandEntry(ParamsCommand.self),
                CommandEntry(ValidateCommand.self), CommandEntry(FixturesCommand.self), CommandEntry(CalibrateCommand.self),
                CommandEntry(ReviewCommand.self), CommandEntry(BatchCommand.self), CommandEntry(RecalcCommand.self)]

/// The tool's version.
let version = "0.3.0"

/// The top-level help.
var toolHelp: String {
    """
    budget-calc \(version): personal health budget calculations, exact to the penny.

    Usage: budget-calc [COMMAND] [options]      (no command: compute)

    Commands:
    \(commands.map { "  " + $0.name.padding(to: 10) + $0.summary }.joined(separator: "\n"))

    Run 'budget-calc COMMAND --help' for a command's options and an example.
    The rules are described in docs/rules.md; case, policy and cohort files in
    Fixtures/README.md and docs/cohort-files.md.

    Exit codes: 0 done; 1 --check found differences; 2 some cohort rows failed
    (the rest were written); 64 usage; 65 invalid input; 66 unreadable file;
    73 cannot write an output file.
    """
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}
