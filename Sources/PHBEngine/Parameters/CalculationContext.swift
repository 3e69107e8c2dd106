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

    /// This policy on top of `base`: each parameter this policy gives replaces
    /// the base's history of it; the rest comes from the base. Illustrative if
    /// either layer is.
    public func layered(over base: LocalPolicy) -> LocalPolicy {
        var merged = base.parameters
        for history in parameters.histories.values.sorted(by: { $0.key < $1.key }) { merged.set(history) }
        let ownName = name.isEmpty ? "changes" : name
        return LocalPolicy(name: "\(ownName) over \(base.name)", isIllustrative: isIllustrative || base.isIllustrative,
                           parameters: merged)
    }
}

/// Everything a calculation reads besides its own input: the date, the
/// statutory values, the local policy and any overrides given by the case.
///
/// Lookups go override → policy → statutory, so a policy may replace a
/// statutory value and a case may replace either. Every parameter is resolved
/// for the date once, when the context is made (and again when its date,
/// layers or strictness change), so a calculation's lookups find it resolved;
/// a value with a problem (not in force, out of date when strict) is kept as
/// the error, thrown only to a calculation that uses it.
public struct CalculationContext: Sendable {
    /// The date the calculation is made as at.
    public var asAt: CalendarDate { didSet { resolve() } }
    /// The local policy.
    public var policy: LocalPolicy { didSet { resolve() } }
    /// The statutory values (by default the embedded England values).
    public var statutory: ParameterSet { didSet { resolve() } }
    /// Values the case sets for itself.
    public private(set) var overrides: [ParameterKey: ParameterValue]
    /// Whether lines carry their formulas in words (default). Batch runs that
    /// need only the figures turn this off: the figures are the same.
    public var explains: Bool
    /// Whether a value used after the last day it is known to hold is an
    /// error (strict) rather than a warning on the result (default).
    public var strictDates = false { didSet { if strictDates != oldValue { resolve() } } }
    /// Every parameter any layer gives, resolved for ``asAt``: its use, or the error a calculation that uses it gets.
    private var resolved: [ParameterKey: Result<ParameterUse, BudgetError>] = [:]
    /// Whether any parameter resolved for ``asAt`` is used past the last day it is known to hold. When none is, no
    /// result made with this context (or one made from it by ``overriding(_:with:)``) uses such a value, and its lines
    /// need not be searched for one.
    private(set) var resolvesOutOfDateValue = false
    /// The rounding rule in force, typed: every calculation reads it. (This and ``weeksPerYear`` start as
    /// placeholders, replaced by `resolveBasics()`, which the initialiser calls.)
    private(set) var roundingRule: ParameterLookup<RoundingRule> = .failure(.missingInput(field: "roundingRule"))
    /// Weeks per year in force (above zero), typed: every calculation reads it.
    private(set) var weeksPerYear: ParameterLookup<Rational> = .failure(.missingInput(field: "weeksPerYear"))

    /// A context; every override must fit its parameter's kind and range (``ParameterKey/problem(with:)``).
    public init(asAt: CalendarDate, policy: LocalPolicy,
                statutory: ParameterSet = EnglandStatutoryParameters.parameters,
                overrides: [ParameterKey: ParameterValue] = [:], explains: Bool = true) throws(BudgetError) {
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) { try Self.check(value, for: key) }
        self.asAt = asAt
        self.policy = policy
        self.statutory = statutory
        self.overrides = overrides
        self.explains = explains
        resolve()
    }

    /// Checks that an override fits its parameter's kind and range.
    private static func check(_ value: ParameterValue, for key: ParameterKey) throws(BudgetError) {
        guard key.definition.kind.accepts(value) else {
            throw .parameterKindMismatch(name: key.name, expected: key.definition.kind.description)
        }
        if let problem = key.problem(with: value) { throw .invalidValue(field: key.name, value: "", reason: problem) }
    }

    /// This context with `value` for `key` in place of any other (checked as an override is), resolving only that key:
    /// the cheap way to give one case its own value from a context made, and resolved, for a date and policy.
    public func overriding(_ key: ParameterKey, with value: ParameterValue) throws(BudgetError) -> CalculationContext {
        try Self.check(value, for: key)
        var changed = self
        changed.overrides[key] = value
        changed.resolved[key] = Result { () throws(BudgetError) in try changed.lookUp(key) }
        changed.resolvesOutOfDateValue = resolvesOutOfDateValue || Self.isOutOfDate(changed.resolved[key])
        changed.resolveBasics()
        return changed
    }

    /// Resolves every parameter any layer gives for the date, once.
    private mutating func resolve() {
        var resolved: [ParameterKey: Result<ParameterUse, BudgetError>] = [:]
        resolved.reserveCapacity(statutory.histories.count + policy.parameters.histories.count + overrides.count)
        for keys in [Array(overrides.keys), Array(policy.parameters.histories.keys), Array(statutory.histories.keys)] {
            for key in keys where resolved[key] == nil { resolved[key] = Result { () throws(BudgetError) in try lookUp(key) } }
        }
        self.resolved = resolved
        resolvesOutOfDateValue = resolved.values.contains(where: Self.isOutOfDate)
        resolveBasics()
    }

    /// Whether `resolved` is a use past the last day its value is known to hold.
    private static func isOutOfDate(_ resolved: Result<ParameterUse, BudgetError>?) -> Bool {
        if case .success(let use) = resolved { use.staleAfter != nil } else { false }
    }

    /// Types the rounding rule and weeks per year from the resolved parameters.
    private mutating func resolveBasics() {
        roundingRule = lookUpChoice(.roundingRule, as: RoundingRule.self)
        weeksPerYear = lookUpNumber(.weeksPerYear)
        if let weeks = weeksPerYear.resolved, weeks.value.isZero {
            weeksPerYear = .failure(.invalidValue(field: ParameterKey.weeksPerYear.name, value: "0", reason: "must be above zero"))
        }
    }

    /// Whether any layer defines `key` (at any date).
    public func defines(_ key: ParameterKey) -> Bool {
        overrides[key] != nil || policy.parameters[key] != nil || statutory[key] != nil
    }

    /// The value of `key` in force on the calculation date, with its provenance.
    public func parameter(_ key: ParameterKey) throws(BudgetError) -> ParameterUse {
        guard let use = resolved[key] else { throw .parameterNotInForce(name: key.name, date: asAt, firstFrom: nil) }
        return try use.get()
    }

    /// The value of `key` in force on the calculation date, looked up in the layers in turn.
    private func lookUp(_ key: ParameterKey) throws(BudgetError) -> ParameterUse {
        if let value = overrides[key] {
            return ParameterUse(key: key, value: value, from: asAt, source: "override given by the case", origin: .caseOverride)
        }
        // The policy's history, else the statutory one: looked up in turn, with no list of the layers built.
        let history: ParameterHistory, origin: ParameterOrigin
        if let own = policy.parameters[key] {
            (history, origin) = (own, .policy)
        } else if let statutory = statutory[key] {
            (history, origin) = (statutory, .statutory)
        } else {
            throw .parameterNotInForce(name: key.name, date: asAt, firstFrom: nil)
        }
        guard let dated = history.value(on: asAt) else {
            throw .parameterNotInForce(name: key.name, date: asAt, firstFrom: history.values.first?.from)
        }
        var staleAfter: CalendarDate?
        if dated.from == history.values.last?.from, let knownUntil = history.knownUntil, knownUntil < asAt {
            if strictDates { throw .parameterOutOfDate(name: key.name, date: asAt, knownUntil: knownUntil) }
            staleAfter = knownUntil
        }
        return ParameterUse(key: key, value: dated.value, from: dated.from, source: dated.source, origin: origin,
                            staleAfter: staleAfter)
    }

    /// A numeric parameter's exact value and its provenance.
    public func number(_ key: ParameterKey) throws(BudgetError) -> (value: Rational, use: ParameterUse) {
        let use = try parameter(key)
        guard case .number(let n) = use.value else { throw .parameterKindMismatch(name: key.name, expected: "a number") }
        return (n, use)
    }

    /// A percentage parameter as a fraction (12.07 → 0.1207) and its provenance.
    public func fraction(_ key: ParameterKey) throws(BudgetError) -> (value: Rational, use: ParameterUse) {
        let (n, use) = try number(key)
        return (n / 100, use)
    }

    /// A choice parameter as its enum case, and its provenance.
    public func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: ParameterKey, as type: Choice.Type
    ) throws(BudgetError) -> (value: Choice, use: ParameterUse) where Choice.RawValue == String {
        let use = try parameter(key)
        guard case .choice(let word) = use.value, let choice = Choice(rawValue: word) else {
            throw .parameterKindMismatch(name: key.name, expected: key.definition.kind.description)
        }
        return (choice, use)
    }

    /// A flag parameter and its provenance.
    public func flag(_ key: ParameterKey) throws(BudgetError) -> (value: Bool, use: ParameterUse) {
        let use = try parameter(key)
        guard case .flag(let b) = use.value else { throw .parameterKindMismatch(name: key.name, expected: "true or false") }
        return (b, use)
    }

    /// A table parameter and its provenance.
    public func table(_ key: ParameterKey) throws(BudgetError) -> (value: PolicyTable, use: ParameterUse) {
        let use = try parameter(key)
        guard case .table(let t) = use.value else { throw .parameterKindMismatch(name: key.name, expected: "a table") }
        return (t, use)
    }

    /// The names of the time bands any layer gives `provider` a rate for.
    public func bands(of provider: Provider) -> [String] {
        // A policy has a few bands among some sixty keys: the bands are gathered in a short list, with no set of
        // every key built and hashed (which was a third of resolving a snapshot).
        var bands: [String] = []
        func gather(_ keys: some Sequence<ParameterKey>) {
            for key in keys {
                switch (key, provider) {
                case (.paHourlyRate(let band), .personalAssistant), (.agencyHourlyRate(let band), .agency):
                    if !bands.contains(band) { bands.append(band) }
                default: break
                }
            }
        }
        gather(policy.parameters.histories.keys)
        gather(statutory.histories.keys)
        gather(overrides.keys)
        return bands.sorted()
    }
}
