import PHBEngine

/// The words of a command line, sorted into options, flags and positional
/// arguments: `--name value`, `--name=value`, `--flag`, and `--` to end the options.
struct ParsedArguments {
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Parses `arguments` for a command that takes the options in `valued` (with a value) and `flags` (without).
    init(_ arguments: [String], valued: Set<String>, flags known: Set<String>) throws(CommandLineError) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" {
                positionals += rest
                return
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                positionals.append(argument)
                continue
            }
            var name = argument, inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            if known.contains(name) {
                guard inline == nil else { throw .usage("\(name) takes no value") }
                flags.insert(name)
            } else if valued.contains(name) {
                guard let value = inline ?? rest.popFirst() else { throw .usage("\(name) needs a value") }
                guard values[name] == nil else { throw .usage("\(name) is given twice") }
                values[name] = value
            } else {
                let all = (valued.union(known)).sorted().joined(separator: ", ")
                throw .usage("unknown option '\(argument.prefix(60))' (this command takes: \(all))")
            }
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// A date option, `YYYY-MM-DD`.
    func date(_ name: String) throws(CommandLineError) -> CalendarDate? {
        guard let text = values[name] else { return nil }
        guard let date = CalendarDate(iso: text) else { throw .usage("\(name): '\(text.safeForDisplay(limit: 40))' is not a date written YYYY-MM-DD") }
        return date
    }

    /// A whole-number option within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(CommandLineError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw .usage("\(name): '\(text.safeForDisplay(limit: 40))' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
