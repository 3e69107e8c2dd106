import PHBCodec
import PHBEngine

/// `budget-calc params`: the parameters in force on a date, with value, start date, layer and source.
struct ParamsCommand: Command {
    static let name = "params"
    static let summary = "list the statutory and policy parameters in force on a date, with their sources"
    static let valued: Set<String> = ["--as-at", "--policy", "--format"]
    static let flags: Set<String> = ["--help"]
    static let help = """
    Usage: budget-calc params [NAME] [--as-at YYYY-MM-DD] [--policy FILE] [--format table|json]

    Lists every parameter the engine knows that has a value in force on the date
    (default: the built-in example's date, 2025-06-01): the embedded England
    statutory values and the policy's (default: the embedded example policy),
    each with its value, the day it came into force, its layer and its source.
    Give NAME (e.g. nationalLivingWage) for one parameter only.

    Example:
      budget-calc params --as-at 2026-04-06
      budget-calc params employerNI.ratePercent --as-at 2026-04-06 --format json
    """

    let name: String?
    let asAt: CalendarDate
    let policyFile: String?
    let json: Bool

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        guard arguments.positionals.count <= 1 else { throw .usage("give at most one parameter name") }
        name = arguments.positionals.first
        if let date = try arguments.date("--as-at") { asAt = date } else { asAt = try builtInExampleDate() }
        policyFile = arguments["--policy"]
        let format = arguments["--format"] ?? "table"
        guard format == "table" || format == "json" else { throw .usage("--format: '\(format)' is not table or json") }
        json = format == "json"
    }

    func run() throws(CommandLineError) -> Int32 {
        let policy = try loadPolicy(policyFile)
        let context: CalculationContext
        do { context = try CalculationContext(asAt: asAt, policy: policy) } catch { throw .invalid(error.description) }
        var keys = Set(policy.parameters.histories.keys).union(context.statutory.histories.keys).sorted()
        if let name {
            guard let key = ParameterKey(name: name) else {
                throw .usage("unknown parameter '\(name.safeForDisplay(limit: 60))' (run 'budget-calc params' for the list)")
            }
            keys = [key]
        }
        var rows: [(key: ParameterKey, use: ParameterUse?)] = []
        for key in keys { rows.append((key, try? context.parameter(key))) }
        if json {
            writeOut(JSONValue.object([
                ("formatVersion", .number("1")), ("asAt", .string(asAt.isoText)), ("policy", .string(policy.name)),
                ("parameters", .array(rows.map { row in
                    var members: [(key: String, value: JSONValue)] = [("name", .string(row.key.name)),
                                                                      ("kind", .string(row.key.definition.kind.description))]
                    if let use = row.use {
                        members += [("value", ResultCodec.json(use.value)), ("display", .string(use.displayValue)),
                                    ("from", .string(use.from.isoText)), ("origin", .string(use.origin.rawValue)),
                                    ("source", .string(use.source))]
                        if let until = use.staleAfter { members.append(("knownUntil", .string(until.isoText))) }
                    } else {
                        members.append(("value", .null))
                    }
                    return .object(members)
                })),
            ]).text() + "\n")
        } else {
            var table = [["Parameter", "Value", "In force from", "Layer", "Source"]]
            for row in rows {
                table.append([row.key.name, row.use?.displayValue ?? "not in force", row.use?.from.isoText ?? "",
                              row.use?.origin.rawValue ?? "", row.use.map { $0.source + ($0.staleAfter.map { " (known until \($0))" } ?? "") } ?? ""])
            }
            writeOut("Parameters in force on \(asAt) · \(policy.name)\n\n"
                     + TableRenderer.columns(table, rightAligned: []).map { $0.safeForDisplay(limit: 2_000) }.joined(separator: "\n") + "\n")
        }
        return 0
    }
}
