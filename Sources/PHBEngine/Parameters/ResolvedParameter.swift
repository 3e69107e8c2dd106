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
///
/// The error is kept in a box, so copying a lookup (a calculation reads dozens)
/// copies a value and a reference, never an error's fields.
public enum ParameterLookup<Value: Sendable & Hashable>: Sendable {
    /// The value in force, with its provenance.
    case resolved(Resolved<Value>)
    /// The error a calculation that uses the parameter gets.
    case failed(BoxedError)

    /// The value `resolve` gives, or the error it throws.
    init(_ resolve: () throws(BudgetError) -> Resolved<Value>) {
        do { self = .resolved(try resolve()) } catch { self = .failed(BoxedError(error)) }
    }

    /// A lookup that fails with `error`.
    static func failure(_ error: BudgetError) -> ParameterLookup { .failed(BoxedError(error)) }

    /// The resolved value, or the lookup's error.
    @inlinable
    public func get() throws(BudgetError) -> Resolved<Value> {
        switch self {
        case .resolved(let resolved): resolved
        case .failed(let box): throw box.error
        }
    }

    /// The resolved value alone, or the lookup's error: for a calculation whose lines list the parameter's use from
    /// lists made with the snapshot, so that no copy of the use is made to be dropped.
    @inlinable
    public func value() throws(BudgetError) -> Value {
        switch self {
        case .resolved(let resolved): resolved.value
        case .failed(let box): throw box.error
        }
    }

    /// The resolved value, or `nil` when the lookup failed.
    public var resolved: Resolved<Value>? {
        if case .resolved(let resolved) = self { resolved } else { nil }
    }
}

/// A ``BudgetError`` in a box: one reference to copy.
public final class BoxedError: Sendable {
    /// The error.
    public let error: BudgetError

    init(_ error: BudgetError) { self.error = error }
}

extension CalculationContext {
    /// `key`'s number, resolved now.
    func lookUpNumber(_ key: ParameterKey) -> ParameterLookup<Rational> {
        ParameterLookup { () throws(BudgetError) in let (value, use) = try number(key); return Resolved(value: value, use: use) }
    }

    /// `key`'s percentage as a fraction (12.07 → 0.1207), resolved now.
    func lookUpFraction(_ key: ParameterKey) -> ParameterLookup<Rational> {
        ParameterLookup { () throws(BudgetError) in let (value, use) = try fraction(key); return Resolved(value: value, use: use) }
    }

    /// `key`'s flag, resolved now.
    func lookUpFlag(_ key: ParameterKey) -> ParameterLookup<Bool> {
        ParameterLookup { () throws(BudgetError) in let (value, use) = try flag(key); return Resolved(value: value, use: use) }
    }

    /// `key`'s choice as its enum case, resolved now.
    func lookUpChoice<Choice>(_ key: ParameterKey, as type: Choice.Type) -> ParameterLookup<Choice>
    where Choice: RawRepresentable & CaseIterable & Sendable & Hashable, Choice.RawValue == String {
        ParameterLookup { () throws(BudgetError) in
            let (value, use) = try choice(key, as: type)
            return Resolved(value: value, use: use)
        }
    }
}
