/// A parameter value resolved for one calculation date, with where it came from.
public struct Resolved<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value, typed.
    public let value: Value
    /// The value's provenance, as the result lists it.
    public let use: ParameterUse

    public init(value: Value, use: ParameterUse) {
        self.value = value
        self.use = use
    }
}

/// A parameter as a snapshot holds it: resolved, or the error a calculation
/// gets when it uses the parameter (docs/rules.md §2: a missing value is an error
/// only for a calculation that needs it).
public typealias ParameterLookup<Value: Sendable & Hashable> = Result<Resolved<Value>, BudgetError>

extension CalculationContext {
    /// `key`'s number, resolved now.
    func lookUpNumber(_ key: ParameterKey) -> ParameterLookup<Rational> {
        Result { () throws(BudgetError) in let (value, use) = try number(key); return Resolved(value: value, use: use) }
    }

    /// `key`'s percentage as a fraction (12.07 → 0.1207), resolved now.
    func lookUpFraction(_ key: ParameterKey) -> ParameterLookup<Rational> {
        Result { () throws(BudgetError) in let (value, use) = try fraction(key); return Resolved(value: value, use: use) }
    }

    /// `key`'s flag, resolved now.
    func lookUpFlag(_ key: ParameterKey) -> ParameterLookup<Bool> {
        Result { () throws(BudgetError) in let (value, use) = try flag(key); return Resolved(value: value, use: use) }
    }

    /// `key`'s choice as its enum case, resolved now.
    func lookUpChoice<Choice>(_ key: ParameterKey, as type: Choice.Type) -> ParameterLookup<Choice>
    where Choice: RawRepresentable & CaseIterable & Sendable & Hashable, Choice.RawValue == String {
        Result { () throws(BudgetError) in
            let (value, use) = try choice(key, as: type)
            return Resolved(value: value, use: use)
        }
    }
}
