/// One ICB's local policy: its name and its dated parameter histories.
public struct LocalPolicy: Sendable, Hashable {
    /// The policy's name, shown on every result.
    public var name: String
    /// Whether the figures are illustrative (not any ICB's adopted policy).
    public var isIllustrative: Bool
    /// The policy's parameters.
    public var parameters: ParameterSet

    public init(name: String, isIllustrative: Bool, parameters: ParameterSet) {
        self.name = name
        self.isIllustrative = isIllustrative
        self.parameters = parameters
    }
}

/// Everything a calculation reads besides its own input: the date, the
/// statutory values, the local policy and any overrides given by the case.
///
/// Lookups go override → policy → statutory, so a policy may replace a
/// statutory value and a case may replace either. Values are looked up only
/// when a calculation uses them.
public struct CalculationContext: Sendable {
    /// The date the calculation is made as at.
    public var asAt: CalendarDate
    /// The local policy.
    public var policy: LocalPolicy
    /// The statutory values (by default the embedded England values).
    public var statutory: ParameterSet
    /// Values the case sets for itself.
    public private(set) var overrides: [String: ParameterValue]
    /// Whether lines carry their formulas in words (default). Batch runs that
    /// need only the figures turn this off: the figures are the same.
    public var explains: Bool

    /// A context; every override must name a known parameter and fit its kind.
    public init(asAt: CalendarDate, policy: LocalPolicy,
                statutory: ParameterSet = EnglandStatutoryParameters.parameters,
                overrides: [String: ParameterValue] = [:], explains: Bool = true) throws(BudgetError) {
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let definition = ParameterCatalogue.definition(of: name) else { throw .unknownParameter(name: name) }
            guard definition.kind.accepts(value) else {
                throw .parameterKindMismatch(name: name, expected: definition.kind.description)
            }
        }
        self.asAt = asAt
        self.policy = policy
        self.statutory = statutory
        self.overrides = overrides
        self.explains = explains
    }

    /// Whether any layer defines `name` (at any date).
    public func defines(_ name: String) -> Bool {
        overrides[name] != nil || policy.parameters[name] != nil || statutory[name] != nil
    }

    /// The value of `name` in force on the calculation date, with its provenance.
    public func parameter(_ name: String) throws(BudgetError) -> ParameterUse {
        if let value = overrides[name] {
            return ParameterUse(name: name, value: value, from: asAt,
                                source: "override given by the case", origin: .caseOverride)
        }
        for (set, origin) in [(policy.parameters, ParameterOrigin.policy), (statutory, .statutory)] {
            guard let history = set[name] else { continue }
            guard let dated = history.value(on: asAt) else {
                throw .parameterNotInForce(name: name, date: asAt, firstFrom: history.values.first?.from)
            }
            return ParameterUse(name: name, value: dated.value, from: dated.from, source: dated.source,
                                origin: origin)
        }
        throw .parameterNotInForce(name: name, date: asAt, firstFrom: nil)
    }

    /// A numeric parameter's exact value and its provenance.
    public func number(_ name: String) throws(BudgetError) -> (value: Rational, use: ParameterUse) {
        let use = try parameter(name)
        guard case .number(let n) = use.value else { throw .parameterKindMismatch(name: name, expected: "a number") }
        return (n, use)
    }

    /// A percentage parameter as a fraction (12.07 → 0.1207) and its provenance.
    public func fraction(_ name: String) throws(BudgetError) -> (value: Rational, use: ParameterUse) {
        let (n, use) = try number(name)
        return (n / 100, use)
    }

    /// A choice parameter's word and its provenance.
    public func choice(_ name: String) throws(BudgetError) -> (value: String, use: ParameterUse) {
        let use = try parameter(name)
        guard case .choice(let w) = use.value else { throw .parameterKindMismatch(name: name, expected: "a word") }
        return (w, use)
    }

    /// A flag parameter and its provenance.
    public func flag(_ name: String) throws(BudgetError) -> (value: Bool, use: ParameterUse) {
        let use = try parameter(name)
        guard case .flag(let b) = use.value else { throw .parameterKindMismatch(name: name, expected: "true or false") }
        return (b, use)
    }

    /// A table parameter and its provenance.
    public func table(_ name: String) throws(BudgetError) -> (value: PolicyTable, use: ParameterUse) {
        let use = try parameter(name)
        guard case .table(let t) = use.value else { throw .parameterKindMismatch(name: name, expected: "a table") }
        return (t, use)
    }

    /// The names of the policy's time bands for a rate family (`pa.hourlyRate.`).
    public func bands(withPrefix prefix: String) -> [String] {
        let names = Set(policy.parameters.histories.keys).union(statutory.histories.keys).union(overrides.keys)
        return names.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }
}
