/// An exact rational number: the type of every intermediate value on a money path.
///
/// Numerator and denominator are `Int128`, kept in lowest terms with a positive
/// denominator, so equal values are equal structurally. Arithmetic never traps:
/// a result that does not fit is *overflowed*, a sticky state (like a NaN) that
/// every later operation keeps and that `Money.rounded(_:rule:)` reports as
/// ``BudgetError/arithmeticOverflow(_:)``. Budgets stay far inside the range:
/// a £10 million plan with every rate at six decimals uses under 2^90.
public struct Rational: Sendable, Hashable {
    // Each `Int128` is stored as two 64-bit halves. Two `Int128` fields would align the value to 16 bytes, and
    // so every array, box and result that holds one: on Linux the Swift runtime allocates such a block with
    // `posix_memalign`, at several times the cost of `malloc` (an explained breakdown allocates some 150).
    @usableFromInline let numeratorLow: UInt64
    @usableFromInline let numeratorHigh: Int64
    @usableFromInline let denominatorLow: UInt64
    @usableFromInline let denominatorHigh: Int64

    /// The numerator, in lowest terms (sign carried here).
    @inlinable public var numerator: Int128 { Int128(numeratorHigh) << 64 | Int128(numeratorLow) }
    /// The denominator: positive, or 0 when the value overflowed.
    @inlinable public var denominator: Int128 { Int128(denominatorHigh) << 64 | Int128(denominatorLow) }

    @usableFromInline
    init(reduced numerator: Int128, _ denominator: Int128) {
        numeratorLow = UInt64(truncatingIfNeeded: numerator)
        numeratorHigh = Int64(truncatingIfNeeded: numerator >> 64)
        denominatorLow = UInt64(truncatingIfNeeded: denominator)
        denominatorHigh = Int64(truncatingIfNeeded: denominator >> 64)
    }

    /// The overflowed value: the result of any arithmetic that left `Int128`.
    public static let overflow = Rational(reduced: 0, 0)
    /// Zero.
    public static let zero = Rational(reduced: 0, 1)
    /// One.
    public static let one = Rational(reduced: 1, 1)

    /// Whether an operation on the way to this value overflowed.
    @inlinable public var isOverflow: Bool { denominator == 0 }

    /// An integer value.
    @inlinable public init(_ integer: Int) {
        self.init(reduced: Int128(integer), 1)
    }

    /// `numerator / denominator`, reduced; overflowed when the denominator is 0.
    @inlinable public init(_ numerator: Int128, over denominator: Int128) {
        guard denominator != 0, denominator != .min, numerator != .min else {
            self = .overflow
            return
        }
        let sign: Int128 = denominator < 0 ? -1 : 1
        let g = Rational.gcd(numerator.magnitude, denominator.magnitude)
        self.init(reduced: (sign * numerator).dividedExactly(by: Int128(g)), (sign * denominator).dividedExactly(by: Int128(g)))
    }

    /// Whether the value is below zero.
    @inlinable public var isNegative: Bool { numerator < 0 && !isOverflow }
    /// Whether the value is exactly zero.
    @inlinable public var isZero: Bool { numerator == 0 && !isOverflow }
    /// Whether the value is a whole number.
    @inlinable public var isInteger: Bool { denominator == 1 }

    /// Greatest common divisor; 64-bit arithmetic when both values fit.
    @inlinable
    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if a | b <= UInt128(UInt64.max) {
            return UInt128(gcd(UInt64(truncatingIfNeeded: a), UInt64(truncatingIfNeeded: b)))
        }
        return binaryGCD(a, b)
    }

    /// Greatest common divisor of 64-bit values by Euclid's algorithm: the processor divides 64-bit values,
    /// money's values need few steps, and it measured faster here than Stein's algorithm.
    @inlinable
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        if a == 1 || b == 1 { return 1 }  // a whole number's denominator: common on money paths
        var u = a, v = b
        while v != 0 { (u, v) = (v, u % v) }
        return u
    }

    /// Greatest common divisor of 128-bit values by Stein's binary algorithm: no division, which is in
    /// software at this width.
    @inlinable
    static func binaryGCD(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if a == 0 { return b }
        if b == 0 { return a }
        var u = a, v = b
        let shift = (u | v).trailingZeroBitCount
        u >>= u.trailingZeroBitCount
        repeat {
            v >>= v.trailingZeroBitCount
            if u > v { swap(&u, &v) }
            v -= u
        } while v != 0
        return u << shift
    }
}

// MARK: - Arithmetic

extension Rational {
    /// Exact sum (overflowed if it does not fit).
    @inlinable
    public static func + (a: Rational, b: Rational) -> Rational {
        if a.isOverflow || b.isOverflow { return .overflow }
        // Sums often start from zero (a running total, a share held no way).
        if a.numerator == 0 { return b }
        if b.numerator == 0 { return a }
        if a.denominator == b.denominator {
            let (n, o) = a.numerator.addingReportingOverflow(b.numerator)
            return o ? .overflow : Rational(n, over: a.denominator)  // that initialiser refuses Int128.min
        }
        // Knuth 4.5.1: keeps intermediates small and the result in lowest terms.
        if let an = Int64(exactly: a.numerator), let ad = Int64(exactly: a.denominator),
           let bn = Int64(exactly: b.numerator), let bd = Int64(exactly: b.denominator) {
            // The usual case: products of two 64-bit factors, and their sum, fit.
            let g = Int64(gcd(ad.magnitude, bd.magnitude))
            let (adOverG, bdOverG) = g == 1 ? (ad, bd) : (ad / g, bd / g)
            let t = wide(an, bdOverG) + wide(bn, adOverG)
            let g2 = Int128(gcd(t.magnitude, UInt128(g)))
            return Rational(reduced: t.dividedExactly(by: g2), wide(adOverG, bd).dividedExactly(by: g2))
        }
        let g = Int128(gcd(a.denominator.magnitude, b.denominator.magnitude))
        let bOverG = b.denominator.dividedExactly(by: g), aOverG = a.denominator.dividedExactly(by: g)
        let (x, o1) = a.numerator.multipliedReportingOverflow(by: bOverG)
        let (y, o2) = b.numerator.multipliedReportingOverflow(by: aOverG)
        let (t, o3) = x.addingReportingOverflow(y)
        // Int128.min has no negation: treat it as out of range, so no later sign change can trap.
        if o1 || o2 || o3 || t == .min { return .overflow }
        let g2 = Int128(gcd(t.magnitude, g.magnitude))
        let (d, o4) = aOverG.multipliedReportingOverflow(by: b.denominator.dividedExactly(by: g2))
        return o4 ? .overflow : Rational(reduced: t.dividedExactly(by: g2), d)
    }

    /// The product of two 64-bit values, which always fits: one full-width multiplication, with no overflow check.
    @inlinable
    static func wide(_ x: Int64, _ y: Int64) -> Int128 {
        let (high, low) = x.multipliedFullWidth(by: y)
        return Int128(high) << 64 | Int128(low)
    }

    /// Exact negation.
    @inlinable
    public static prefix func - (a: Rational) -> Rational {
        a.isOverflow ? .overflow : Rational(reduced: -a.numerator, a.denominator)
    }

    /// Exact difference.
    @inlinable
    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    /// Exact product.
    @inlinable
    public static func * (a: Rational, b: Rational) -> Rational {
        if a.isOverflow || b.isOverflow { return .overflow }
        if a.numerator == 0 || b.numerator == 0 { return .zero }
        if let an = Int64(exactly: a.numerator), let ad = Int64(exactly: a.denominator),
           let bn = Int64(exactly: b.numerator), let bd = Int64(exactly: b.denominator) {
            // The usual case: 64-bit reductions, and products of two 64-bit factors, which fit.
            let g1 = Int64(gcd(an.magnitude, bd.magnitude)), g2 = Int64(gcd(bn.magnitude, ad.magnitude))
            // A common factor is usually 1: no division then.
            let (anOverG1, bdOverG1) = g1 == 1 ? (an, bd) : (an / g1, bd / g1)
            let (bnOverG2, adOverG2) = g2 == 1 ? (bn, ad) : (bn / g2, ad / g2)
            return Rational(reduced: wide(anOverG1, bnOverG2), wide(adOverG2, bdOverG1))
        }
        let g1 = Int128(gcd(a.numerator.magnitude, b.denominator.magnitude))
        let g2 = Int128(gcd(b.numerator.magnitude, a.denominator.magnitude))
        let (n, o1) = a.numerator.dividedExactly(by: g1).multipliedReportingOverflow(by: b.numerator.dividedExactly(by: g2))
        let (d, o2) = a.denominator.dividedExactly(by: g2).multipliedReportingOverflow(by: b.denominator.dividedExactly(by: g1))
        // Int128.min has no negation: treat it as out of range, so no later sign change can trap.
        return o1 || o2 || n == .min || d == .min ? .overflow : Rational(reduced: n, d)
    }

    /// Exact quotient; dividing by zero gives the overflowed value.
    @inlinable
    public static func / (a: Rational, b: Rational) -> Rational {
        if b.isOverflow || b.numerator == 0 { return .overflow }
        let sign: Int128 = b.numerator < 0 ? -1 : 1
        return a * Rational(reduced: sign * b.denominator, sign * b.numerator)
    }

    @inlinable public static func += (a: inout Rational, b: Rational) { a = a + b }
    @inlinable public static func -= (a: inout Rational, b: Rational) { a = a - b }

    /// Product with a whole number.
    @inlinable
    public static func * (a: Rational, b: Int) -> Rational { a * Rational(b) }

    /// Quotient by a whole number.
    @inlinable
    public static func / (a: Rational, b: Int) -> Rational { a / Rational(b) }

    /// The larger of the value and zero.
    @inlinable public var clampedAtZero: Rational { isNegative ? .zero : self }
}

extension Rational: Comparable {
    /// Exact ordering; an overflowed value orders below every other value.
    @inlinable
    public static func < (a: Rational, b: Rational) -> Bool {
        if a.isOverflow || b.isOverflow { return a.isOverflow && !b.isOverflow }
        if a.denominator == b.denominator { return a.numerator < b.numerator }
        if let an = Int64(exactly: a.numerator), let ad = Int64(exactly: a.denominator),
           let bn = Int64(exactly: b.numerator), let bd = Int64(exactly: b.denominator) {
            return wide(an, bd) < wide(bn, ad)  // the usual case: two full-width 64-bit products, which always fit
        }
        let (l, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (r, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        if !(o1 || o2) { return l < r }
        // Compare integer parts first, then the fractions' reciprocals.
        let (qa, ra) = a.numerator.quotientAndRemainder(dividingBy: a.denominator)
        let (qb, rb) = b.numerator.quotientAndRemainder(dividingBy: b.denominator)
        let fa = ra < 0 ? (qa - 1, ra + a.denominator) : (qa, ra)
        let fb = rb < 0 ? (qb - 1, rb + b.denominator) : (qb, rb)
        if fa.0 != fb.0 { return fa.0 < fb.0 }
        if fa.1 == 0 || fb.1 == 0 { return fa.1 == 0 && fb.1 != 0 }
        // a.frac < b.frac  ⇔  1/a.frac > 1/b.frac
        return Rational(reduced: b.denominator, fb.1) < Rational(reduced: a.denominator, fa.1)
    }
}
