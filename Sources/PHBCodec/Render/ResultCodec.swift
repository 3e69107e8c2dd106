import PHBEngine

/// Writes a ``BudgetResult`` as JSON: money as exact decimal numbers
/// (`275.00`), keys in a fixed order, every line with its explanation.
public enum ResultCodec {
    /// The result as a JSON value.
    public static func json(_ result: BudgetResult) -> JSONValue {
        .object([
            ("calculator", .string(result.calculator)),
            ("title", .string(result.title)),
            ("asAt", .string(result.asAt.isoText)),
            ("policy", .object([("name", .string(result.policyName)),
                                ("illustrative", .bool(result.policyIsIllustrative))])),
            ("roundingRule", .string(result.roundingRule.rawValue)),
            ("weeksPerYear", .number(result.weeksPerYear.decimalText())),
            ("lines", .array(result.lines.map(line))),
            ("totals", .object([
                ("weekly", money(result.totals.weekly)), ("annual", money(result.totals.annual)),
                ("oneOff", money(result.totals.oneOff)), ("firstYear", money(result.totals.firstYear)),
            ])),
            ("figures", .array(result.figures.map(figure))),
            ("parametersUsed", .array(result.parametersUsed.map(parameter))),
            ("warnings", .array(result.warnings.map(JSONValue.string))),
            ("flags", .array(result.flags.map { .object([("code", .string($0.code)), ("message", .string($0.message))]) })),
        ])
    }

    /// An error as a JSON value (`{"error": {"code", "field", "message"}}`).
    public static func json(_ error: InputError) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("code", .string(error.code))]
        if let file = error.file { members.append(("file", .string(file))) }
        if let field = error.field { members.append(("field", .string(field))) }
        members.append(("message", .string(error.description)))
        return .object([("error", .object(members))])
    }

    static func money(_ m: Money?) -> JSONValue { m.map { .number($0.plainText) } ?? .null }

    static func line(_ line: BudgetLine) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("key", .string(line.key)), ("description", .string(line.description)),
        ]
        if let q = line.quantity { members.append(("quantity", .string(q))) }
        if let r = line.unitRate { members.append(("unitRate", .string(r))) }
        members += [
            ("weekly", money(line.weekly)), ("annual", money(line.annual)), ("oneOff", money(line.oneOff)),
            ("exact", .string(line.exact.decimalText(maxPlaces: 10))),
            ("formula", .string(line.formula)),
        ]
        if let d = line.deployment { members.append(("deployment", .string(d))) }
        members.append(("parameters", .array(line.parameters.map { .string($0.name) })))
        return .object(members)
    }

    static func figure(_ figure: ResultFigure) -> JSONValue {
        let value: JSONValue = switch figure.value {
        case .money, .percent, .number: .number(figure.value.plainText)
        case .flag(let b): .bool(b)
        case .text(let t): .string(t)
        case .list(let items): .array(items.map(JSONValue.string))
        }
        return .object([("key", .string(figure.key)), ("label", .string(figure.label)), ("value", value),
                        ("formula", .string(figure.formula))])
    }

    static func parameter(_ use: ParameterUse) -> JSONValue {
        .object([("name", .string(use.name)), ("value", .string(use.displayValue)), ("from", .string(use.from.isoText)),
                 ("source", .string(use.source)), ("origin", .string(use.origin.rawValue))])
    }
}
