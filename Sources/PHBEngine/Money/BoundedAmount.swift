/// An amount known to within a stated bound: a fixed-point value in units of
/// a ``FixedPointScale`` and the most the exact amount can differ from it.
///
/// This is the number type of the fast path (`docs/fast-path.md`). Every
/// operation keeps the invariant `|exact − value| ≤ bound`:
///
/// | operation | value | bound |
/// |---|---|---|
/// | `a + b`, `a − b` | exact sum | `a.bound + b.bound` |
/// | `a × n ÷ d` (n ≥ 0, d > 0) | truncated quotient | `⌈a.bound × n ÷ d⌉`, + 1 if the division left a remainder |
/// | `max(a, c)`, `min(a, c)`, c exact | max, min | unchanged (both are 1-Lipschitz) |
///
/// Decisions are taken only when the bound settles them: ``roundedPence(_:)``
/// answers only when both ends of `[value − bound, value + bound]` round to the
/// same penny, which, every rounding rule being monotone, is then the penny of
/// the exact amount; comparisons answer only when the whole interval lies on
/// one side. Otherwise they answer `nil`, and the caller recomputes exactly.
/// An overflow poisons the amount (bound −1), and a poisoned amount settles
/// nothing, so an overflow can never become a figure.
@frozen
public struct BoundedAmount: Sendable, Hashable {
    /// The fixed-point value in units of the scale.
    public var value: Int128
    /// The most `|exact − value|` can be, in the same units; −1 once poisoned.
    public var bound: Int128

    @inlinable
    public init(value: Int128, bound: Int128) {
        self.value = value
        self.bound = bound
    }

    /// An exact amount of `units`.
    @inlinable public init(units: Int128) { self.init(value: units, bound: 0) }

    /// Zero, exactly.
    public static let zero = BoundedAmount(value: 0, bound: 0)
    /// The result of an overflow: it settles no decision.
    public static let poisoned = BoundedAmount(value: 0, bound: -1)

    /// Whether an overflow reached this amount.
    @inlinable public var isPoisoned: Bool { bound < 0 }

    /// The amount of `rational` pounds, or poisoned if the scale cannot hold it exactly.
    @inlinable
    public init(exactly rational: Rational, _ scale: FixedPointScale) {
        let (perUnit, remainder) = scale.unitsPerPound.dividedWithRemainder(by: rational.denominator)
        guard !rational.isOverflow, remainder == 0 else {
            self = .poisoned
            return
        }
        let (v, o) = rational.numerator.multipliedReportingOverflow(by: perUnit)
        self = o ? .poisoned : BoundedAmount(units: v)
    }

    // MARK: Arithmetic

    @inlinable
    public static func + (a: BoundedAmount, b: BoundedAmount) -> BoundedAmount {
        if a.isPoisoned || b.isPoisoned { return .poisoned }
        let (v, o1) = a.value.addingReportingOverflow(b.value)
        let (e, o2) = a.bound.addingReportingOverflow(b.bound)
        return o1 || o2 ? .poisoned : BoundedAmount(value: v, bound: e)
    }

    @inlinable
    public static func - (a: BoundedAmount, b: BoundedAmount) -> BoundedAmount {
        if a.isPoisoned || b.isPoisoned { return .poisoned }
        let (v, o1) = a.value.subtractingReportingOverflow(b.value)
        let (e, o2) = a.bound.addingReportingOverflow(b.bound)
        return o1 || o2 ? .poisoned : BoundedAmount(value: v, bound: e)
    }

    @inlinable public static func += (a: inout BoundedAmount, b: BoundedAmount) { a = a + b }

    /// `self × numerator ÷ denominator`, for numerator ≥ 0 and denominator > 0.
    @inlinable
    public func scaled(by numerator: Int128, over denominator: Int128) -> BoundedAmount {
        guard !isPoisoned, numerator >= 0, denominator > 0 else { return .poisoned }
        var p = value, pe = bound
        if numerator != 1 {
            let (v, o1) = value.multipliedCheckingOverflow(by: numerator)
            let (e, o2) = bound == 0 ? (0, false) : bound.multipliedCheckingOverflow(by: numerator)
            if o1 || o2 { return .poisoned }
            (p, pe) = (v, e)
        }
        if denominator == 1 { return BoundedAmount(value: p, bound: pe) }
        let (q, r) = p.dividedWithRemainder(by: denominator)
        if pe == 0 { return BoundedAmount(value: q, bound: r == 0 ? 0 : 1) }
        let (qe, re) = pe.dividedWithRemainder(by: denominator)
        return BoundedAmount(value: q, bound: qe + (re == 0 ? 0 : 1) + (r == 0 ? 0 : 1))
    }

    /// `self × k` for a whole number k ≥ 0.
    @inlinable
    public func times(_ k: Int128) -> BoundedAmount { scaled(by: k, over: 1) }

    /// `self × m` for an exact non-negative decimal multiplier.
    @inlinable
    public func times(_ m: Multiplier) -> BoundedAmount { scaled(by: m.numerator, over: m.denominator) }

    /// `self ÷ m` for an exact positive decimal divisor.
    @inlinable
    public func divided(by m: Multiplier) -> BoundedAmount { scaled(by: m.denominator, over: m.numerator) }

    /// `self × part ÷ whole` for exact amounts 0 ≤ part ≤ whole, whole > 0
    /// (a share of a line held one way), through a 256-bit product.
    @inlinable
    public func proportion(_ part: BoundedAmount, of whole: BoundedAmount) -> BoundedAmount {
        guard !isPoisoned, part.bound == 0, whole.bound == 0, whole.value > 0, part.value >= 0, part.value <= whole.value
        else { return .poisoned }
        if part.value == 0 { return .zero }
        if part.value == whole.value { return self }
        // |q − exact| ≤ bound × part ÷ whole + 1 ≤ bound + 1, and |q| ≤ |value|, so the quotient fits.
        let (quotient, remainder) = whole.value.dividingFullWidth(value.multipliedFullWidth(by: part.value))
        return BoundedAmount(value: quotient, bound: bound + (remainder == 0 ? 0 : 1))
    }

    /// The larger of the amount and `floor` (an exact number of units).
    @inlinable
    public func atLeast(_ floor: Int128) -> BoundedAmount {
        isPoisoned ? self : BoundedAmount(value: Swift.max(value, floor), bound: bound)
    }

    /// The smaller of the amount and `ceiling` (an exact number of units).
    @inlinable
    public func atMost(_ ceiling: Int128) -> BoundedAmount {
        isPoisoned ? self : BoundedAmount(value: Swift.min(value, ceiling), bound: bound)
    }

    // MARK: Decisions

    /// `[value − bound, value + bound]`, or `nil` when poisoned or out of range.
    @inlinable
    var interval: (low: Int128, high: Int128)? {
        guard !isPoisoned else { return nil }
        let (low, o1) = value.subtractingReportingOverflow(bound)
        let (high, o2) = value.addingReportingOverflow(bound)
        return o1 || o2 ? nil : (low, high)
    }

    /// Whether the exact amount is above `threshold` units, or `nil` when the bound does not settle it.
    @inlinable
    public func isAbove(_ threshold: Int128) -> Bool? {
        guard let (low, high) = interval else { return nil }
        if low > threshold { return true }
        if high <= threshold { return false }
        return nil
    }

    /// Whether the exact amount is zero, or `nil` when the bound does not settle it.
    @inlinable
    public var isZero: Bool? {
        guard let (low, high) = interval else { return nil }
        if low == 0 && high == 0 { return true }
        return low > 0 || high < 0 ? false : nil
    }

    /// The exact amount rounded to pence by `rule`, or `nil` when the bound
    /// does not settle the penny (or the pence do not fit `Int64`).
    @inlinable
    public func roundedPence(_ rule: RoundingRule, _ scale: FixedPointScale) -> Int64? {
        guard let (low, high) = interval else { return nil }
        let (pence, remainder) = rule.roundedQuotientAndRemainder(low, scale.unitsPerPenny)
        // The high end rounds to the same penny when it stays short of the next
        // boundary: the tie for the half rules, the next penny for `down`
        // (`remainder` is the distance of `low` above its penny below).
        if bound != 0 {
            let room = rule == .down ? scale.unitsPerPenny : (scale.unitsPerPenny + 1) / 2
            let sameSide = remainder + 2 * bound < room
                || rule != .down && remainder > scale.unitsPerPenny / 2 && remainder + 2 * bound < scale.unitsPerPenny
            if !sameSide, rule.roundedQuotient(high, scale.unitsPerPenny) != pence { return nil }
        }
        return Int64(exactly: pence)
    }
}

/// An exact non-negative decimal used as a multiplier on the fast path
/// (a percentage as a fraction, weeks per year, a count), as a reduced fraction.
@frozen
public struct Multiplier: Sendable, Hashable {
    public let numerator: Int128
    public let denominator: Int128

    /// The multiplier of a non-negative `rational` small enough that products stay far inside `Int128`, else `nil`.
    @inlinable
    public init?(_ rational: Rational) {
        guard !rational.isOverflow, !rational.isNegative,
              rational.numerator < 1_000_000_000_000, rational.denominator <= 1_000_000_000_000 else { return nil }
        numerator = rational.numerator
        denominator = rational.denominator
    }

}

/// The unit of a fast calculation's ``BoundedAmount``s: 10⁻¹² £ ÷ (7 × the
/// numerator of weeks per year), so that every decimal amount to 12 places is
/// whole, and dividing by 7 (bank holidays) or by weeks per year (an annual
/// amount's weekly figure) of such an amount leaves no remainder.
public struct FixedPointScale: Sendable, Hashable {
    /// Units per pound.
    public let unitsPerPound: Int128
    /// Units per penny.
    public let unitsPerPenny: Int128

    /// The scale for `weeksPerYear`, or `nil` when its numerator is too large to keep products inside `Int128`.
    public init?(weeksPerYear weeks: Multiplier) {
        guard weeks.numerator > 0, weeks.numerator <= 10_000_000 else { return nil }
        unitsPerPenny = 10_000_000_000 * 7 * weeks.numerator
        unitsPerPound = 100 * unitsPerPenny
    }
}
