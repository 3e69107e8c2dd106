/// How an exact value becomes a whole number of pence (or of any other unit).
///
/// Every rounding in the engine names its rule; a policy chooses the rule for
/// its lines (default ``halfAwayFromZero``) and the rule in force is part of
/// every result.
public enum RoundingRule: String, Sendable, Hashable, CaseIterable {
    /// Nearest, ties away from zero: 2.345 → 2.35, −2.345 → −2.35 ("half-up").
    case halfAwayFromZero
    /// Nearest, ties to the even neighbour: 2.345 → 2.34, 2.355 → 2.36 (banker's).
    case halfEven
    /// Toward negative infinity: 2.349 → 2.34 (used where a rule says "rounded down").
    case down

    /// The rule in words, for explanations.
    public var description: String {
        switch self {
        case .halfAwayFromZero: "half away from zero"
        case .halfEven: "half to even"
        case .down: "down"
        }
    }
}

extension RoundingRule {
    /// `numerator / denominator` rounded to a whole number by this rule; the
    /// denominator must be positive.
    ///
    /// | rule | 2.5 | 3.5 | −2.5 | 2.4 | 2.6 |
    /// |---|---|---|---|---|---|
    /// | halfAwayFromZero | 3 | 4 | −3 | 2 | 3 |
    /// | halfEven | 2 | 4 | −2 | 2 | 3 |
    /// | down | 2 | 3 | −3 | 2 | 2 |
    @inlinable
    public func roundedQuotient(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        roundedQuotientAndRemainder(numerator, denominator).rounded
    }

    /// The rounded quotient, and the floor remainder `r` (0 ≤ r < denominator)
    /// of `numerator` above its floor multiple of the denominator.
    @inlinable
    public func roundedQuotientAndRemainder(_ numerator: Int128, _ denominator: Int128)
        -> (rounded: Int128, remainder: Int128) {
        let (q, r) = numerator.dividedWithRemainder(by: denominator)
        return rounded(quotient: q, remainder: r, denominator: denominator)
    }

    /// `numerator / denominator` rounded by this rule in 64 bits (the table above); the denominator must be positive.
    /// Optimized for size: its division is one instruction, not behind a branch on the values' width (see
    /// ``Rational``).
    @inlinable @_optimize(size)
    public func roundedQuotient(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        let (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        return rounded(quotient: q, remainder: r, denominator: denominator).rounded
    }

    /// A truncating quotient and remainder by a positive `denominator`, rounded by this rule, with the floor remainder.
    @inlinable
    func rounded<T: FixedWidthInteger & SignedInteger>(quotient: T, remainder: T, denominator: T)
        -> (rounded: T, remainder: T) {
        // Floor division: 0 ≤ r < denominator. A negative remainder means q > T.min (no overflow); it is corrected
        // with a mask, not under a branch.
        let negative = remainder >> (T.bitWidth - 1)  // every bit set when the remainder is below zero, else none
        let q = quotient &+ negative, r = remainder &+ (denominator & negative)
        // Whether to round up, as values rather than branches: which way an amount rounds is as good as random, and
        // branches on it were mispredicted about half the time. 2r is compared with the denominator without overflow
        // (`half` is the distance to the next integer); r = 0 never rounds up. q + 1 cannot overflow: q is at most
        // T.max ÷ 2 when r > 0.
        let half = denominator &- r
        let above = r > half, onHalf = r == half
        let up = switch self {
        case .down: false
        case .halfAwayFromZero: above || (onHalf && q >= 0)
        case .halfEven: above || (onHalf && q & 1 != 0)
        }
        return (q &+ (up ? 1 : 0), r)
    }
}

extension Rational {
    /// The value rounded to a whole number by `rule`, or `nil` if it overflowed.
    @inlinable
    public func roundedToInteger(_ rule: RoundingRule) -> Int128? {
        isOverflow ? nil : rule.roundedQuotient(storedNumerator, storedDenominator)
    }

    /// The value times 10^`places` (0...38), rounded to a whole number by `rule`, or `nil` if it overflowed:
    /// pence for 2 places.
    ///
    /// Rounding needs no fraction in lowest terms: n × 10^places ÷ d is rounded as it stands. Only a
    /// numerator that the power takes out of range goes through the reduced product, which may bring it back.
    @inlinable
    public func roundedToInteger(scaledBy places: Int, _ rule: RoundingRule) -> Int128? {
        guard !isOverflow else { return nil }
        // The usual value, a few pounds over a small denominator, in 64 bits: one product, one division.
        if places <= 18, let n = Int64(exactly: storedNumerator), let d = Int64(exactly: storedDenominator) {
            let (scaled, overflow) = n.multipliedReportingOverflow(by: Int64.powerOfTen(places))
            if !overflow { return Int128(rule.roundedQuotient(scaled, d)) }
        }
        let power = Int128.powerOfTen(places)
        let (scaled, overflow) = storedNumerator.multipliedReportingOverflow(by: power)
        if overflow || scaled == .min { return (self * Rational(power, over: 1)).roundedToInteger(rule) }
        return rule.roundedQuotient(scaled, storedDenominator)
    }

    /// The value rounded to `places` decimal places, as an exact decimal.
    @inlinable
    public func rounded(places: Int, _ rule: RoundingRule) -> Rational {
        guard let n = roundedToInteger(scaledBy: places, rule) else { return .overflow }
        return Rational(n, over: Int128.powerOfTen(places))
    }
}

extension Int128 {
    /// 10 to the power `exponent` (0...38).
    @inlinable
    public static func powerOfTen(_ exponent: Int) -> Int128 {
        let exponent = Swift.max(0, Swift.min(exponent, 38))
        if exponent <= 18 { return Int128(Int64.powerOfTen(exponent)) }
        return Int128(Int64.powerOfTen(18)) * powerOfTen(exponent - 18)
    }
}

extension Int64 {
    /// 10 to the power `exponent` (0...18), by a switch: no loop of checked products.
    @inlinable
    static func powerOfTen(_ exponent: Int) -> Int64 {
        switch exponent {
        case ...0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        default: 1_000_000_000_000_000_000
        }
    }
}
