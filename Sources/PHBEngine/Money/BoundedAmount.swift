/// An amount known to within a stated bound: a fixed-point value in units of
/// 10⁻¹⁰ £ and the most the exact amount can differ from it.
///
/// An input with at most 10 decimal places (rates have 4, amounts 2) is held
/// exactly; another (a weekly threshold of £10,000 ÷ 52) is truncated with
/// bound 1.
///
/// This is the number type of the fast path (`docs/fast-path.md`). It lives in
/// 64 bits, so no operation needs a 128-bit division, and every division is by
/// an ``ExactDivisor`` (a multiplication by its reciprocal, then one
/// correction) or by the unit's own constants. Every operation keeps the
/// invariant `|exact − value| ≤ bound`:
///
/// | operation | value | bound |
/// |---|---|---|
/// | `a + b`, `a − b` | exact sum | `a.bound + b.bound` |
/// | `a × k` (k a whole number ≥ 0) | exact product | `a.bound × k` |
/// | `a × n ÷ d` (n ≥ 0, d > 0) | truncated quotient | `a.bound × ⌈n ÷ d⌉`, + 1 if the division left a remainder |
/// | `a × part ÷ whole` | truncated quotient | `a.bound`, + 1 if the division left a remainder |
/// | `max(a, c)`, `min(a, c)` | max, min | the larger of the two bounds (both are 1-Lipschitz); exact when the bounds settle which is larger |
///
/// Decisions are taken only when the bound settles them: ``roundedPence(_:)``
/// answers only when both ends of `[value − bound, value + bound]` round to the
/// same penny, which, every rounding rule being monotone, is then the penny of
/// the exact amount; comparisons answer only when the whole interval lies on
/// one side. Otherwise they answer `nil`, and the caller recomputes exactly.
/// An overflow (a figure beyond about £922 million), or a multiplication of
/// a negative amount (the steps have none), poisons the amount (bound −1), and
/// a poisoned amount settles nothing, so neither can ever become a figure.
@frozen
public struct BoundedAmount: Sendable, Hashable {
    /// The fixed-point value in units of 10⁻¹⁰ £.
    public var value: Int64
    /// The most `|exact − value|` can be, in the same units; −1 once poisoned.
    public var bound: Int64

    /// Units in a penny: the unit is 10⁻¹⁰ £.
    @inlinable public static var unitsPerPenny: Int64 { 100_000_000 }
    /// Units in a pound.
    @inlinable public static var unitsPerPound: Int64 { 10_000_000_000 }

    @inlinable
    public init(value: Int64, bound: Int64) {
        self.value = value
        self.bound = bound
    }

    /// An exact amount of `units`.
    @inlinable public init(units: Int64) { self.init(value: units, bound: 0) }

    /// The exact amount of a decimal as written, `digits × 10^−places` pounds
    /// (`1375`, 2 places: £13.75); poisoned when `places` is beyond 0 ... 10 or the amount beyond the unit's range.
    @inlinable
    public init(digits: Int64, places: Int) {
        guard (0...10).contains(places) else {
            self = .poisoned
            return
        }
        var scale: Int64 = 1
        for _ in places..<10 { scale &*= 10 }
        let (v, o) = digits.multipliedReportingOverflow(by: scale)
        self = o ? .poisoned : BoundedAmount(units: v)
    }

    /// Zero, exactly.
    @inlinable public static var zero: BoundedAmount { BoundedAmount(value: 0, bound: 0) }
    /// The result of an overflow: it settles no decision.
    @inlinable public static var poisoned: BoundedAmount { BoundedAmount(value: 0, bound: -1) }

    /// Whether an overflow reached this amount.
    @inlinable public var isPoisoned: Bool { bound < 0 }

    /// The amount of `rational` pounds: exact when it has at most 10 decimal
    /// places, else truncated with bound 1 (a weekly threshold worked out from
    /// an annual one); poisoned beyond the unit's range.
    public init(_ rational: Rational) {
        // From the fraction as stored: the quotient is the same in lowest terms or not.
        guard !rational.isOverflow, rational.storedDenominator > 0 else {
            self = .poisoned
            return
        }
        let (scaled, o) = rational.storedNumerator.multipliedReportingOverflow(by: Int128(Self.unitsPerPound))
        var (q, r) = scaled.quotientAndRemainder(dividingBy: rational.storedDenominator)
        if r < 0 { q -= 1 }  // floor: the bound covers the part cut off
        guard !o, let v = Int64(exactly: q) else {
            self = .poisoned
            return
        }
        self.init(value: v, bound: r == 0 ? 0 : 1)
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

    /// `self × k` for a whole number k ≥ 0.
    @inlinable
    public func times(_ k: Int64) -> BoundedAmount {
        guard !isPoisoned, k >= 0 else { return .poisoned }
        let (v, o1) = value.multipliedReportingOverflow(by: k)
        let (e, o2) = bound.multipliedReportingOverflow(by: k)
        return o1 || o2 ? .poisoned : BoundedAmount(value: v, bound: e)
    }

    /// `self × m` for an exact non-negative decimal multiplier; the amount must not be negative.
    @inlinable @inline(__always)
    public func times(_ m: Multiplier) -> BoundedAmount {
        guard !isPoisoned, value >= 0 else { return .poisoned }
        if value == 0 && bound == 0 { return .zero }  // the usual third-party part
        if m.divisor.isOne { return times(m.numerator) }
        guard let (v, r) = m.divisor.scale(UInt64(value), by: m.numerator) else { return .poisoned }
        // bound × ⌈n ÷ d⌉ ≥ bound × n ÷ d: one multiplication, no second division.
        let (carried, o1) = bound.multipliedReportingOverflow(by: m.ceiling)
        let (e, o2) = carried.addingReportingOverflow(r == 0 ? 0 : 1)
        return o1 || o2 ? .poisoned : BoundedAmount(value: v, bound: e)
    }

    /// `self × part ÷ whole` for exact amounts 0 ≤ part ≤ whole, whole > 0
    /// (a share of a line held one way), through a 128-bit product.
    @inlinable
    public func proportion(_ part: BoundedAmount, of whole: BoundedAmount) -> BoundedAmount {
        guard !isPoisoned, value >= 0, part.bound == 0, whole.bound == 0, whole.value > 0, part.value >= 0,
              part.value <= whole.value
        else { return .poisoned }
        if part.value == 0 { return .zero }
        if part.value == whole.value { return self }
        // 0 ≤ value × part ÷ whole ≤ value, so the quotient fits; |q − exact| ≤ bound × part ÷ whole + 1.
        let (quotient, remainder) = UInt64(whole.value)
            .dividingFullWidth(UInt64(value).multipliedFullWidth(by: UInt64(part.value)))
        let (e, o) = bound.addingReportingOverflow(remainder == 0 ? 0 : 1)
        return o ? .poisoned : BoundedAmount(value: Int64(quotient), bound: e)
    }

    /// The larger of the amount and `floor`: exact when the bounds settle
    /// which is larger, else within the larger bound (max is 1-Lipschitz).
    @inlinable
    public func atLeast(_ floor: BoundedAmount) -> BoundedAmount {
        guard let (low, high) = interval, let (floorLow, floorHigh) = floor.interval else { return .poisoned }
        if high <= floorLow { return floor }
        if low >= floorHigh { return self }
        return BoundedAmount(value: Swift.max(value, floor.value), bound: Swift.max(bound, floor.bound))
    }

    /// The smaller of the amount and `ceiling`: exact when the bounds settle
    /// which is smaller, else within the larger bound (min is 1-Lipschitz).
    @inlinable
    public func atMost(_ ceiling: BoundedAmount) -> BoundedAmount {
        guard let (low, high) = interval, let (ceilingLow, ceilingHigh) = ceiling.interval else { return .poisoned }
        if low >= ceilingHigh { return ceiling }
        if high <= ceilingLow { return self }
        return BoundedAmount(value: Swift.min(value, ceiling.value), bound: Swift.max(bound, ceiling.bound))
    }

    // MARK: Decisions

    /// `[value − bound, value + bound]`, or `nil` when poisoned or out of range.
    @inlinable
    var interval: (low: Int64, high: Int64)? {
        guard !isPoisoned else { return nil }
        let (low, o1) = value.subtractingReportingOverflow(bound)
        let (high, o2) = value.addingReportingOverflow(bound)
        return o1 || o2 ? nil : (low, high)
    }

    /// Whether the exact amount is above `threshold`'s, or `nil` when the bounds do not settle it.
    @inlinable
    public func isAbove(_ threshold: BoundedAmount) -> Bool? {
        guard let (low, high) = (self - threshold).interval else { return nil }
        if low > 0 { return true }
        if high <= 0 { return false }
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
    /// does not settle the penny.
    @inlinable @inline(__always)
    public func roundedPence(_ rule: RoundingRule) -> Int64? {
        if bound == 0 { return Self.pence(value, rule) }  // exact (a poisoned amount's bound is −1)
        // The usual inexact case: the whole interval lies inside one penny, clear of its half, so one division
        // settles it (the rounding of a value in [q, q + 1) pence is q below the half and q + 1 above it).
        // Which side of the half it lies on is as good as random line to line: the answer is made from
        // comparisons' bits, with no branch (a mispredicted branch costs more than the whole rounding).
        if value >= 0, bound > 0, bound < Self.unitsPerPenny {
            let q = Int64(UInt64(value) / UInt64(Self.unitsPerPenny)), r = value &- q &* Self.unitsPerPenny
            let half = Self.unitsPerPenny / 2
            let down = Self.bit(rule == .down)
            let above = (down ^ 1) & Self.bit(r &- bound > half)
            let below = down | Self.bit(r &+ bound < half)
            let inside = Self.bit(r >= bound) & Self.bit(r &+ bound < Self.unitsPerPenny)
            if inside & (below | above) != 0 { return q &+ above }
        }
        // An interval across a penny or its half, or a negative value: both ends worked out.
        guard let (low, high) = interval else { return nil }
        let pence = Self.pence(low, rule)
        return Self.pence(high, rule) == pence ? pence : nil
    }

    /// 1 when `condition` holds, else 0: a comparison's flag, to be combined without a branch.
    @inlinable @inline(__always)
    static func bit(_ condition: Bool) -> Int64 { condition ? 1 : 0 }

    /// `units` rounded to pence by `rule` (the table of ``RoundingRule``): the
    /// divisions are by a constant, so they compile to multiplications.
    @inlinable @inline(__always)
    static func pence(_ units: Int64, _ rule: RoundingRule) -> Int64 {
        var q: Int64, r: Int64
        let half = unitsPerPenny / 2
        if units >= 0 {  // the usual case: an unsigned division by a constant is the cheapest
            q = Int64(UInt64(units) / UInt64(unitsPerPenny))
            r = units &- q &* unitsPerPenny
            // Whether the remainder is above the half is as good as random line to line: the penny up is
            // selected, not branched to. A tie goes up away from zero, or to the even penny.
            let tieUp = rule == .halfAwayFromZero || q & 1 == 1
            let up = rule != .down && (r > half || (r == half && tieUp))
            return q &+ (up ? 1 : 0)
        } else {
            q = units / unitsPerPenny
            r = units - q * unitsPerPenny
            if r < 0 {  // floor division: 0 ≤ r < a penny
                q -= 1
                r += unitsPerPenny
            }
        }
        if rule == .down || r < half { return q }
        if r > half { return q + 1 }
        return rule == .halfAwayFromZero ? (q < 0 ? q : q + 1) : (q & 1 == 0 ? q : q + 1)
    }
}

/// A positive whole divisor with its reciprocal, so that dividing by it is a
/// multiplication and one correction, not a hardware division.
///
/// With `R = ⌊(2⁶⁴ − 1) ÷ d⌋`, for any `v < 2⁶⁴`: `v × R ÷ 2⁶⁴ > v ÷ d − 1`, so
/// the high word of `v × R` is the true quotient or one less; one comparison
/// of the remainder with `d` settles which.
@frozen
public struct ExactDivisor: Sendable, Hashable {
    /// The divisor, 1 ... 2³¹.
    public let divisor: UInt64
    /// ⌊(2⁶⁴ − 1) ÷ divisor⌋.
    public let reciprocal: UInt64

    /// The divisor `d`, or `nil` unless 1 ≤ d ≤ 2³¹ (so that a remainder times a multiplier's numerator stays in 64 bits).
    @inlinable
    public init?(_ d: Int64) {
        guard d >= 1, d <= 1 << 31 else { return nil }
        self.init(checked: UInt64(d))
    }

    /// A divisor already known to be in range.
    @inlinable @inline(__always)
    init(checked d: UInt64) {
        divisor = d
        reciprocal = UInt64.max / d
    }

    /// 100, for hundredths of an hour or a night: a constant, so its reciprocal is worked out when the code is compiled.
    @inlinable static var hundred: ExactDivisor { ExactDivisor(checked: 100) }

    /// Whether dividing by it changes nothing.
    @inlinable @inline(__always) public var isOne: Bool { divisor == 1 }

    /// The quotient and remainder of `v ÷ divisor`.
    @inlinable @inline(__always)
    public func divide(_ v: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let estimate = v.multipliedFullWidth(by: reciprocal).high
        let rest = v &- estimate &* divisor
        // The estimate is one short for every exact division, and whether a division is exact is as good
        // as random: the correction is selected, not branched to.
        let short = rest >= divisor
        let q = estimate &+ (short ? 1 : 0), r = rest &- (short ? divisor : 0)
        assert(r < divisor && q == v / divisor, "the reciprocal division must be exact")
        return (q, r)
    }

    /// `⌊v × n ÷ divisor⌋` and its remainder, or `nil` when the quotient does
    /// not fit `Int64`: one division when `v × n` fits 64 bits, else
    /// `(a·d + b) × n ÷ d = a·n + b·n ÷ d`, so no product exceeds 64 bits
    /// (b < d ≤ 2³¹ and 0 ≤ n ≤ 2³¹).
    @inlinable @inline(__always)
    public func scale(_ v: UInt64, by n: Int64) -> (quotient: Int64, remainder: UInt64)? {
        let (product, overflow) = v.multipliedReportingOverflow(by: UInt64(n))
        if !overflow {  // the usual case: one division
            let (q, r) = divide(product)
            return q <= UInt64(Int64.max) ? (Int64(q), r) : nil
        }
        let (a, b) = divide(v)
        let (q, r) = divide(b &* UInt64(n))
        guard let whole = Int64(exactly: a) else { return nil }
        let (an, o1) = whole.multipliedReportingOverflow(by: n)
        let (sum, o2) = an.addingReportingOverflow(Int64(q))
        return o1 || o2 ? nil : (sum, r)
    }
}

/// An exact non-negative decimal used as a multiplier on the fast path (a
/// percentage as a fraction, weeks per year or its inverse, a share of pay):
/// a numerator and an ``ExactDivisor``.
@frozen
public struct Multiplier: Sendable, Hashable {
    /// The numerator, 0 ... 2³¹.
    public let numerator: Int64
    /// The denominator, with its reciprocal.
    public let divisor: ExactDivisor
    /// `⌈numerator ÷ denominator⌉`: what a bound is multiplied by (see ``BoundedAmount``).
    public let ceiling: Int64

    /// `numerator ÷ denominator`, or `nil` unless both are in range (0 ... 2³¹ and 1 ... 2³¹).
    @inlinable
    public init?(_ numerator: Int64, over denominator: Int64) {
        guard numerator >= 0, numerator <= 1 << 31, let divisor = ExactDivisor(denominator) else { return nil }
        self.numerator = numerator
        self.divisor = divisor
        ceiling = (numerator + denominator - 1) / denominator
    }

    /// The multiplier of a non-negative `rational`, or `nil` when its numerator or denominator is out of range.
    public init?(_ rational: Rational) {
        let lowest = rational.reduced  // once: the range is of the fraction in lowest terms
        guard !lowest.isOverflow, let n = Int64(exactly: lowest.storedNumerator), let d = Int64(exactly: lowest.storedDenominator)
        else { return nil }
        self.init(n, over: d)
    }

    /// `hundredths ÷ 100` (hours or nights a week), for `hundredths` ≤ 2³¹.
    @inlinable @inline(__always)
    init(hundredths: UInt32) {
        assert(hundredths <= 1 << 31, "a multiplier's numerator is at most 2³¹")
        numerator = Int64(hundredths)
        divisor = .hundred
        ceiling = (Int64(hundredths) + 99) / 100
    }

    /// `1 ÷ self`, or `nil` when self is zero.
    @inlinable
    public var inverse: Multiplier? { Multiplier(Int64(divisor.divisor), over: numerator) }
}
