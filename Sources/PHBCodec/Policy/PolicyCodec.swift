import PHBEngine

/// Reads local policies (docs/rules.md §2) and parameter values from JSON.
///
/// A policy file is an object with `name`, `illustrative`, optional
/// `description`, and `parameters`: each parameter name maps to a list of
/// `{ "from": "YYYY-MM-DD", "value": …, "source": "…" }`, start dates
/// strictly increasing; the newest may add `"until": "YYYY-MM-DD"`, the last
/// day it is known to hold (see ``ParameterHistory/knownUntil``). Unknown keys, unknown parameters, values of the wrong
/// kind, negative numbers and duplicate or unordered dates are errors naming
/// the file and the key.
///
/// **Layers.** A policy with `"base": "example"` (the embedded example
/// policy) or `"base": "other-policy.json"` (a path relative to it) sets only
/// what it changes: each parameter it gives replaces the base's whole history
/// of that parameter, and everything else comes from the base.
public enum PolicyCodec {
    /// The keys a policy file may have.
    static let policyKeys: Set<String> = ["name", "illustrative", "description", "parameters", "base"]

    /// Decodes a policy from JSON text; `file` names it in errors. A `base` is
    /// read by `loadBase` (given the base's name as written) and layered under it.
    public static func decode(_ text: String, file: String,
                              loadBase: (String) throws(InputError) -> LocalPolicy = { _ throws(InputError) in
                                  throw InputError(field: "base", message: "a policy with a base file needs a reader", code: "invalidValue")
                              }) throws(InputError) -> LocalPolicy {
        let root: JSONField
        let own: LocalPolicy
        do {
            root = JSONField(try parseJSON(text))
            own = try decode(root)
        } catch {
            throw error.inFile(file)
        }
        guard let baseField = root.member("base") else { return own }
        let baseName: String
        do { baseName = try baseField.string() } catch { throw error.inFile(file) }
        let base = baseName == "example" ? try ExamplePolicy.policy() : try loadBase(baseName)
        return own.layered(over: base)
    }

    /// Every problem of a policy file at once (not only the first), each with
    /// the file and the key: for `budget-calc validate`. Empty when valid.
    public static func problems(_ text: String, file: String) -> [InputError] {
        let root: JSONField
        do { root = JSONField(try parseJSON(text)) } catch { return [error.inFile(file)] }
        var found: [InputError] = []
        guard case .object(let members) = root.value else {
            return [InputError(file: file, field: nil, message: "must be an object, not \(root.value.kindName)", code: "invalidValue")]
        }
        let allowed = policyKeys
        for member in members where !allowed.contains(member.key) {
            found.append(InputError(file: file, field: member.key,
                                    message: "unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))",
                                    code: "unknownKey"))
        }
        if root.member("name") == nil, root.member("base") == nil {
            found.append(InputError(file: file, field: "name", message: "required but missing", code: "missingInput"))
        }
        do {
            for (parameter, field) in try root.required("parameters").members() {
                do { _ = try history(parameter, field) } catch { found.append(error.inFile(file)) }
            }
        } catch {
            found.append(error.inFile(file))
        }
        return found
    }

    static func decode(_ root: JSONField) throws(InputError) -> LocalPolicy {
        try root.checkKeys(policyKeys)
        let hasBase = root.member("base") != nil
        let name: String
        if let field = root.member("name") {
            name = try field.string()
        } else {
            name = hasBase ? "" : try root.required("name").string()
        }
        let illustrative = try root.member("illustrative")?.bool() ?? false
        var set = ParameterSet()
        for (parameter, field) in try root.required("parameters").members() {
            set.set(try history(parameter, field))
        }
        return LocalPolicy(name: name, isIllustrative: illustrative, parameters: set)
    }

    static func history(_ name: String, _ field: JSONField) throws(InputError) -> ParameterHistory {
        guard let key = ParameterKey(name: name) else {
            throw field.fail("unknown parameter '\(name)'", code: "unknownParameter")
        }
        var values: [DatedValue] = []
        var until: CalendarDate?
        let entries = try field.array()
        for (i, entry) in entries.enumerated() {
            try entry.checkKeys(["from", "value", "source", "until"])
            values.append(DatedValue(
                from: try entry.required("from").date(),
                value: try value(try entry.required("value"), key: key),
                source: try entry.required("source").string()))
            if let last = entry.member("until") {
                guard i == entries.count - 1 else { throw last.fail("only the newest value may say 'until'") }
                until = try last.date()
            }
        }
        do {
            return try ParameterHistory(key: key, values: values, until: until)
        } catch {
            guard case let .invalidValue(_, value, reason) = error else { throw InputError(error) }
            throw field.fail(value.isEmpty ? reason : "start date \(value): \(reason)")
        }
    }

    /// A value of `key`'s kind; numbers must not be negative.
    static func value(_ field: JSONField, key: ParameterKey) throws(InputError) -> ParameterValue {
        let definition = key.definition
        let value: ParameterValue
        switch definition.kind {
        case .money, .percent, .number: value = .number(try field.decimal())
        case .flag: value = .flag(try field.bool())
        case .choice: value = .choice(try field.string())
        case .table(let shape): value = .table(try PolicyTableCodec.decode(field, shape: shape))
        }
        if let problem = key.problem(with: value) {
            throw field.fail(problem, code: definition.kind.accepts(value) || problem.hasPrefix("must not be negative")
                                 ? "invalidValue" : "parameterKindMismatch")
        }
        return value
    }

    /// Overrides given by a case: `{ "name": value }`.
    static func overrides(_ field: JSONField) throws(InputError) -> [ParameterKey: ParameterValue] {
        var result: [ParameterKey: ParameterValue] = [:]
        for (name, entry) in try field.members() {
            guard let key = ParameterKey(name: name) else {
                throw entry.fail("unknown parameter '\(name)'", code: "unknownParameter")
            }
            result[key] = try value(entry, key: key)
        }
        return result
    }
}

/// Parses JSON, turning a syntax error into an ``InputError``.
func parseJSON(_ text: String) throws(InputError) -> JSONValue {
    do {
        return try JSONValue.parse(text)
    } catch {
        throw InputError(field: nil, message: "not valid JSON: \(error)", code: "syntax")
    }
}

