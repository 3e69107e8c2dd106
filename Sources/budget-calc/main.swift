import Foundation

/// Picks the command named by the first word (default `compute`), parses its options and runs it.
func main(_ arguments: [String]) throws(CommandLineError) -> Int32 {
    if let first = arguments.first {
        if first == "--version" {
            writeOut("budget-calc \(version)\n")
            return 0
        }
        if first == "--help" || first == "-h" || first == "help" {
            writeOut(toolHelp + "\n")
            return 0
        }
    }
    var rest = arguments
    var command = commands[0]
    if let first = arguments.first, let named = commands.first(where: { $0.name == first }) {
        command = named
        rest.removeFirst()
    } else if let first = arguments.first, !first.hasPrefix("-"), !first.contains("."), !first.contains("/") {
        throw .usage("unknown command '\(first.safeForDisplay(limit: 40))' (commands: \(commands.map(\.name).joined(separator: ", ")))")
    }
    let parsed = try ParsedArguments(rest, valued: command.valued, flags: command.flags)
    if parsed.has("--help") {
        writeOut(command.help + "\n")
        return 0
    }
    return try command.execute(parsed)
}

do {
    exit(try main(Array(CommandLine.arguments.dropFirst())))
} catch {
    writeError(error.message + "\n")
    exit(error.exitCode)
}
