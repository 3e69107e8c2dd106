import PHBEngine

/// Writes a ``BudgetResult`` as JSON: money as exact decimal numbers
/// (`275.00`), keys in a fixed order, every line with its explanation.
public enum ResultCodec {
    /// The result as a JSON value.
    public static func json(_ result: BudgetResult) -> JSONValue {
        .object([
            ("formatVersion", .number("1")),
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

    /// A parameter's value, typed: a number as exact decimal text, a flag, a word, or a table's summary.
    public static func json(_ value: ParameterValue) -> JSONValue {
        switch value {
        case .number(let n): .number(n.decimalText(maxPlaces: 12))
        case .flag(let b): .bool(b)
        case .choice(let word): .string(word)
        case .table(let table): .string(table.summary)
        }
    }

    static func money(_ m: Money?) -> JSONValue { m.map { .number($0.plainText) } ?? .null }

    static func line(_ line: BudgetLine) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("key", .string(line.key)), ("description", .string(line.description)),
        ]
        if let q = line.quantity { members.append(("quantity", .string(FormulaRenderer.words(q)))) }
        if let r = line.unitRate { members.append(("unitRate", .string(FormulaRenderer.words(r)))) }
        members += [
            ("weekly", money(line.weekly)), ("annual", money(line.annual)), ("oneOff", money(line.oneOff)),
            ("exact", .string(line.exact.decimalText(maxPlaces: 10))),
        ]
        if let formula = line.formula {
            members += [("formula", .string(FormulaRenderer.words(formula))), ("explanation", FormulaRenderer.json(formula))]
        }
        if let d = line.deployment { members.append(("deployment", .string(d))) }
        members.append(("parameters", .array(line.parameters.map { .string($0.name) })))
        return .object(members)
    }

    static func figure(_ figure: ResultFigure) -> JSONValue {
        let (kind, value): (String, JSONValue) = switch figure.value {
        case .money: ("money", .number(figure.value.plainText))
        case .percent: ("percent", .number(figure.value.plainText))
        case .number: ("number", .number(figure.value.plainText))
        case .flag(let b): ("flag", .bool(b))
        case .text(let t): ("word", .string(t))
        case .list(let items): ("list", .array(items.map(JSONValue.string)))
        }
        return .object([("key", .string(figure.key)), ("label", .string(figure.label)), ("kind", .string(kind)),
                        ("value", value), ("formula", .string(FormulaRenderer.words(figure.formula))),
                        ("explanation", FormulaRenderer.json(figure.formula))])
    }

    static func parameter(_ use: ParameterUse) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(use.name)), ("value", json(use.value)), ("display", .string(use.displayValue)),
            ("from", .string(use.from.isoText)), ("source", .string(use.source)), ("origin", .string(use.origin.rawValue)),
        ]
        if let until = use.staleAfter { members.append(("knownUntil", .string(until.isoText))) }
        return .object(members)
    }
}
