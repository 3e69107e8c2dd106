import PHBEngine

/// What a fixture case must come to: a result, or an error.
public enum CaseExpectation: Sendable, Hashable {
    /// The listed lines, totals and figures, to the penny.
    case result(ExpectedResult)
    /// An error with this code (and field, if given).
    case error(code: String, field: String?)

    /// Differences between `outcome` and the expectation; empty when it matches.
    public func mismatches(_ outcome: Result<BudgetResult, BudgetError>) -> [String] {
        switch (self, outcome) {
        case let (.result(expected), .success(result)):
            return expected.mismatches(result)
        case let (.result, .failure(error)):
            return ["expected a result, got the error: \(error)"]
        case let (.error(code, _), .success):
            return ["expected the error \(code), got a result"]
        case let (.error(code, field), .failure(error)):
            var problems: [String] = []
            if error.code != code { problems.append("expected the error \(code), got \(error.code): \(error)") }
            if let field, error.field != field {
                problems.append("expected the error on \(field), got it on \(error.field ?? "no field"): \(error)")
            }
            return problems
        }
    }
}

/// Expected figures, as plain decimal text (`"341.18"`).
public struct ExpectedResult: Sendable, Hashable {
    /// Every line of the result, by key, with its columns (`weekly`, `annual`, `oneOff`).
    public var lines: [String: [String: String]]
    /// `weekly`, `annual`, `oneOff`, `firstYear`.
    public var totals: [String: String]
    /// Named figures by key.
    public var figures: [String: String]
    /// Flags the result must raise (all of them, exactly), when given.
    public var flags: [String]?

    static func decode(_ field: JSONField) throws(InputError) -> ExpectedResult {
        try field.checkKeys(["lines", "totals", "figures", "flags"])
        var lines: [String: [String: String]] = [:]
        for (key, columns) in try field.member("lines")?.members() ?? [] {
            lines[key] = try texts(columns, allowing: ["weekly", "annual", "oneOff"])
        }
        return ExpectedResult(
            lines: lines,
            totals: try field.member("totals").map { (f: JSONField) throws(InputError) in
                try texts(f, allowing: ["weekly", "annual", "oneOff", "firstYear"]) } ?? [:],
            figures: try field.member("figures").map { (f: JSONField) throws(InputError) in try texts(f, allowing: nil) } ?? [:],
            flags: try field.member("flags")?.array().map { (f: JSONField) throws(InputError) in try f.string() })
    }

    private static func texts(_ field: JSONField, allowing: Set<String>?) throws(InputError) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in try field.members(allowing: allowing) {
            switch value.value {
            case .string(let s): result[key] = s
            case .number(let n): result[key] = n
            case .bool(let b): result[key] = b ? "true" : "false"
            default: throw value.fail("must be a figure such as \"12.34\"")
            }
        }
        return result
    }

    /// Differences from `result`; lines are compared exhaustively when any are listed.
    public func mismatches(_ result: BudgetResult) -> [String] {
        var problems: [String] = []
        func compare(_ what: String, _ expected: String, _ actual: String?) {
            if expected != (actual ?? "none") { problems.append("\(what): expected \(expected), got \(actual ?? "none")") }
        }
        if !lines.isEmpty {
            let actualKeys = Set(result.lines.map(\.key))
            for key in actualKeys.subtracting(lines.keys).sorted() { problems.append("unexpected line \(key)") }
            for key in Set(lines.keys).subtracting(actualKeys).sorted() { problems.append("missing line \(key)") }
        }
        for line in result.lines {
            guard let columns = lines[line.key] else { continue }
            let actual = ["weekly": line.weekly, "annual": line.annual, "oneOff": line.oneOff]
            for (column, text) in columns.sorted(by: { $0.key < $1.key }) {
                compare("\(line.key) \(column)", text, actual[column]??.plainText)
            }
        }
        let totals = ["weekly": result.totals.weekly, "annual": result.totals.annual,
                      "oneOff": result.totals.oneOff, "firstYear": result.totals.firstYear]
        for (column, text) in self.totals.sorted(by: { $0.key < $1.key }) {
            compare("total \(column)", text, totals[column]?.plainText)
        }
        for (key, text) in figures.sorted(by: { $0.key < $1.key }) {
            compare("figure \(key)", text, result.figure(key)?.value.plainText)
        }
        if let flags, flags.sorted() != result.flags.map(\.code).sorted() {
            problems.append("flags: expected \(flags), got \(result.flags.map(\.code))")
        }
        return problems
    }
}

extension BudgetCase {
    /// A case file that cannot be read, against its `expectedError`: what
    /// differs (empty when the error is the expected one), or `nil` when the
    /// file expects no error, so the read error is itself the problem.
    public static func readErrorMismatches(_ error: InputError, text: String) -> [String]? {
        guard let raw = try? JSONValue.parse(text), case .string(let code)? = raw["expectedError"]?["code"] else { return nil }
        var problems = error.code == code ? [] : ["error \(error.code), expected \(code): \(error)"]
        if case .string(let field)? = raw["expectedError"]?["field"], error.field != field {
            problems.append("error field \(error.field ?? "none"), expected \(field): \(error)")
        }
        return problems
    }
}
