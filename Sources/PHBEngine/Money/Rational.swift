/// An exact rational number: the type of every intermediate value on a money path.
///
/// Numerator and denominator are `Int128`, with a positive denominator. A
/// product or sum whose numerator and denominator both fit in 64 bits is kept
/// as worked out, not reduced: reducing takes a greatest common divisor, and
/// took most of a product's time; a value is reduced when it is read by its
/// parts (``numerator``, ``denominator``), and before any arithmetic that
/// would leave 64 bits, so a value beyond 64 bits is always in lowest terms
/// and overflow comes exactly where it would for reduced values. Equality and
/// hashing are of the value. Arithmetic never traps: a result that does not
/// fit is *overflowed*, a sticky state (like a NaN) that every later
/// operation keeps and that `Money.rounded(_:rule:)` reports as
/// ``BudgetError/arithmeticOverflow(_:)``. Budgets stay far inside the range:
/// a £10 million plan with every rate at six decimals uses under 2^90.
///
/// The functions that divide 64-bit values are optimized for size
/// (`@_optimize(size)`): optimizing for speed, LLVM puts each 64-bit division
/// behind a branch on whether both values fit 32 bits (the 32-bit instruction
/// is faster on some processors); money's values fall either side of it as
/// good as at random, so the branch was often mispredicted. Optimized for
/// size, a division is the one instruction: an explained breakdown took 2%
/// less time (2,111 – 2,129 ns against 2,140 – 2,199).
public struct Rational: Sendable {
    // Each `Int128` is stored as two 64-bit halves. Two `Int128` fields would align the value to 16 bytes, and
    // so every array, box and result that holds one: on Linux the Swift runtime allocates such a block with
    // `posix_memalign`, at several times the cost of `malloc` (an explained breakdown allocates some 150).
    @usableFromInline let numeratorLow: UInt64
    @usableFromInline let numeratorHigh: Int64
    @usableFromInline let denominatorLow: UInt64
    @usableFromInline let denominatorHigh: Int64

    /// The numerator as stored: in lowest terms, unless it and the denominator both fit in 64 bits.
    @inlinable var storedNumerator: Int128 { Int128(numeratorHigh) << 64 | Int128(numeratorLow) }
    /// The denominator as stored: positive, or 0 when the value overflowed.
    @inlinable var storedDenominator: Int128 { Int128(denominatorHigh) << 64 | Int128(denominatorLow) }

    /// The numerator as stored, when it fits 64 bits.
    @inlinable @inline(__always)
    var smallNumerator: Int64? {
        let low = Int64(bitPattern: numeratorLow)
        return numeratorHigh == low >> 63 ? low : nil
    }

    /// The denominator as stored, when it fits 64 bits: never for the overflowed value, whose denominator is 0, so
    /// that a fast path that needs four small parts leaves that value to the general one.
    @inlinable @inline(__always)
    var smallDenominator: Int64? {
        let low = Int64(bitPattern: denominatorLow)
        return denominatorHigh == 0 && low > 0 ? low : nil
    }

    /// A numerator and positive denominator within 64 bits (or 0/0, the overflowed value), stored as they are.
    @inlinable @inline(__always)
    init(small numerator: Int64, _ denominator: Int64) {
        numeratorLow = UInt64(bitPattern: numerator)
        numeratorHigh = numerator >> 63
        denominatorLow = UInt64(bitPattern: denominator)
        denominatorHigh = 0
    }

    /// The numerator, in lowest terms (sign carried here).
    public var numerator: Int128 { reduced.storedNumerator }
    /// The denominator, in lowest terms: positive, or 0 when the value overflowed.
    public var denominator: Int128 { reduced.storedDenominator }

    /// Stores a numerator and positive denominator (or 0/0, the overflowed value) as given: they must be in
    /// lowest terms, or both within 64 bits (``fitsUnreduced(_:_:)``), except in a fraction made only to be compared.
    @usableFromInline
    init(stored numerator: Int128, _ denominator: Int128) {
        numeratorLow = UInt64(truncatingIfNeeded: numerator)
        numeratorHigh = Int64(truncatingIfNeeded: numerator >> 64)
        denominatorLow = UInt64(truncatingIfNeeded: denominator)
        denominatorHigh = Int64(truncatingIfNeeded: denominator >> 64)
    }

    /// Whether a numerator and positive denominator may be stored as they are, not reduced: both within 64 bits,
    /// and the numerator above `Int64.min`, so that the negation and the reciprocal stay within 64 bits too.
    @inlinable
    static func fitsUnreduced(_ numerator: Int128, _ denominator: Int128) -> Bool {
        numerator > Int128(Int64.min) && numerator <= Int128(Int64.max) && denominator <= Int128(Int64.max)
    }

    /// The same value in lowest terms (a value beyond 64 bits already is); optimized for size, as every function
    /// here that divides 64-bit values is (see above).
    @inlinable @_optimize(size)
    var reduced: Rational {
        guard let n = Int64(exactly: storedNumerator), let d = Int64(exactly: storedDenominator), d > 1 else { return self }
        let g = Int64(Rational.gcd(n.magnitude, d.magnitude))
        return g == 1 ? self : Rational(stored: Int128(n / g), Int128(d / g))
    }

    /// The value in hundredths, when it is a whole number of them within 64 bits (hours or nights a week with
    /// at most two decimal places); worked out from the value as stored, with no reduction.
    @inlinable
    var wholeHundredths: Int64? {
        guard let n = Int64(exactly: storedNumerator), let d = Int64(exactly: storedDenominator), d > 0 else { return nil }
        let (scaled, overflow) = n.multipliedReportingOverflow(by: 100)
        guard !overflow, scaled % d == 0 else { return nil }
        return scaled / d
    }

    // The constants are made where they are used: stored, each use went through the once-only initialiser of a
    // global (a call and a check) to read four words the compiler can write as constants.

    /// The overflowed value: the result of any arithmetic that left `Int128`.
    @inlinable public static var overflow: Rational { Rational(small: 0, 0) }
    /// Zero.
    @inlinable public static var zero: Rational { Rational(small: 0, 1) }
    /// One.
    @inlinable public static var one: Rational { Rational(small: 1, 1) }

    /// Whether an operation on the way to this value overflowed.
    @inlinable public var isOverflow: Bool { denominatorLow == 0 && denominatorHigh == 0 }

    /// An integer value.
    @inlinable @inline(__always) public init(_ integer: Int) {
        self.init(small: Int64(integer), 1)
    }

    /// `numerator / denominator`, reduced; overflowed when the denominator is 0.
    @inlinable public init(_ numerator: Int128, over denominator: Int128) {
        guard denominator != 0, denominator != .min, numerator != .min else {
            self = .overflow
            return
        }
        let sign: Int128 = denominator < 0 ? -1 : 1
        let g = Rational.gcd(numerator.magnitude, denominator.magnitude)
        self.init(stored: (sign * numerator).dividedExactly(by: Int128(g)), (sign * denominator).dividedExactly(by: Int128(g)))
    }

    /// Whether the value is below zero.
    @inlinable public var isNegative: Bool { numeratorHigh < 0 }
    /// Whether the value is exactly zero.
    @inlinable public var isZero: Bool { numeratorLow == 0 && numeratorHigh == 0 && !isOverflow }
    /// Whether the value is a whole number.
    @inlinable public var isInteger: Bool {
        let d = storedDenominator
        if d == 1 { return true }
        guard let n = Int64(exactly: storedNumerator), let small = Int64(exactly: d), small > 1 else { return false }
        return n % small == 0
    }

    /// Greatest common divisor; 64-bit arithmetic when both values fit.
    @inlinable
    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if a | b <= UInt128(UInt64.max) {
            return UInt128(gcd(UInt64(truncatingIfNeeded: a), UInt64(truncatingIfNeeded: b)))
        }
        return gcdBeyond64Bits(a, b)
    }

    /// Greatest common divisor of 64-bit values: one division, then Stein's binary algorithm.
    ///
    /// The division brings the larger value below the smaller (an amount over a small denominator is then
    /// small); Euclid's steps after it were a division each, each waiting on the last (14 on average for the values
    /// beyond 2^40 an explained breakdown reduces), where a binary step is a subtraction, a count of trailing zeros
    /// and a shift, with no branch but the loop's (on an explained breakdown's values, 8.5 ns a divisor against
    /// 14.2 by Euclid's algorithm alone). Optimized for size: its division is one instruction (see ``Rational``).
    @inlinable @_optimize(size)
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        if a == 1 || b == 1 { return 1 }  // a whole number's denominator: common on money paths
        let (larger, smaller) = a < b ? (b, a) : (a, b)
        if smaller == 0 { return larger }
        let remainder = larger % smaller
        if remainder == 0 { return smaller }
        // Both odd parts then; the common power of two put back at the end.
        let shift = (smaller | remainder).trailingZeroBitCount
        var u = smaller >> smaller.trailingZeroBitCount, v = remainder, vZeros = remainder.trailingZeroBitCount
        while true {
            v >>= vZeros
            let difference = v &- u
            if difference == 0 { return u << shift }
            vZeros = difference.trailingZeroBitCount  // of |v − u| too: negation keeps the trailing zeros
            let vIsSmaller = v < u
            (u, v) = vIsSmaller ? (v, 0 &- difference) : (u, difference)
        }
    }

    /// Greatest common divisor when a value is beyond 64 bits: one division, then the 64-bit algorithm once both
    /// values fit (as they usually do after the division: an amount's numerator beyond 64 bits over a denominator
    /// within them), else Stein's binary algorithm until they do.
    ///
    /// Stein's algorithm from the start, with a branch at each step on which value was larger, took 32 steps on
    /// average for the values an explained breakdown reduces at this width, each as likely as not mispredicted.
    @usableFromInline
    static func gcdBeyond64Bits(_ a: UInt128, _ b: UInt128) -> UInt128 {
        let (larger, smaller) = a < b ? (b, a) : (a, b)
        if smaller == 0 { return larger }
        let remainder = larger % smaller
        if remainder == 0 { return smaller }
        // Both odd parts then (`u` odd, so the power of two `v` has left does not divide their divisor); the common
        // power of two put back at the end.
        let shift = (smaller | remainder).trailingZeroBitCount
        var u = smaller >> smaller.trailingZeroBitCount, v = remainder
        while true {
            if u | v <= UInt128(UInt64.max) {
                return UInt128(gcd(UInt64(truncatingIfNeeded: u), UInt64(truncatingIfNeeded: v))) << shift
            }
            v >>= v.trailingZeroBitCount
            let difference = v &- u
            if difference == 0 { return u << shift }
            let vIsSmaller = v < u
            (u, v) = vIsSmaller ? (v, 0 &- difference) : (u, difference)
        }
    }
}

// MARK: - Arithmetic

extension Rational {
    /// Exact sum (overflowed if it does not fit).
    ///
    /// The usual sums, from zero or over one denominator within 64 bits, are worked out where they are written; two
    /// values within 64 bits over different denominators in ``sumOfSmall(_:_:_:_:)``, given their parts as they are;
    /// the rest in ``sumOverDenominators(_:_:)``. (The whole sum written in one function was too long to be inlined,
    /// and every sum paid for the call and the registers its rarer paths saved; a sum of small values over different
    /// denominators, the usual case of the general function, paid there for its every test made again.)
    @inlinable @inline(__always)
    public static func + (a: Rational, b: Rational) -> Rational {
        if let an = a.smallNumerator, let ad = a.smallDenominator, let bn = b.smallNumerator, let bd = b.smallDenominator {
            // Sums often start from zero (a running total, a share held no way).
            if an == 0 { return b }
            if bn == 0 { return a }
            // Over one denominator, the sum is kept as it is when it fits.
            if ad == bd {
                let (n, o) = an.addingReportingOverflow(bn)
                if !o, n != .min { return Rational(small: n, ad) }
            } else {
                return sumOfSmall(an, ad, bn, bd)
            }
        }
        return sumOverDenominators(a, b)
    }

    /// Exact sum of two values within 64 bits (non-zero numerators, positive denominators), over their least common
    /// denominator (Knuth 4.5.1): products of two 64-bit factors, and their sum, fit. Optimized for size: its
    /// division is one instruction (see ``Rational``).
    @usableFromInline @inline(never) @_optimize(size)
    static func sumOfSmall(_ an: Int64, _ ad: Int64, _ bn: Int64, _ bd: Int64) -> Rational {
        // A denominator that divides the other (hundredths and ten-thousandths, a whole number and hundredths: 93% of
        // an explained breakdown's sums) is the common one: only the smaller can divide the larger, so one division
        // (quotient and remainder together, unsigned: the denominators are positive) finds it, rather than the several
        // of a greatest common divisor; the sum is then the value over the smaller denominator scaled by the quotient,
        // plus the other, over the larger.
        let (larger, smaller) = ad < bd ? (bd, ad) : (ad, bd)
        let (q, r) = UInt64(bitPattern: larger).quotientAndRemainder(dividingBy: UInt64(bitPattern: smaller))
        if r == 0 {
            let (scaled, other) = ad < bd ? (an, bn) : (bn, an)
            let t = wide(scaled, Int64(bitPattern: q)) + Int128(other)
            // Kept as it is when it fits 64 bits (the larger denominator does); else reduced, as a value beyond 64 bits
            // always is.
            if let n = Int64(exactly: t), n != .min { return Rational(small: n, larger) }
            return Rational(t, over: Int128(larger))
        }
        let g = Int64(gcd(ad.magnitude, bd.magnitude))
        let (adOverG, bdOverG) = g == 1 ? (ad, bd) : (ad / g, bd / g)
        let t = wide(an, bdOverG) + wide(bn, adOverG), d = wide(adOverG, bd)
        if Rational.fitsUnreduced(t, d) { return Rational(stored: t, d) }
        return Rational(t, over: d)
    }

    /// Exact sum of any two values: the general case of ``+(_:_:)``.
    @usableFromInline @inline(never)
    static func sumOverDenominators(_ a: Rational, _ b: Rational) -> Rational {
        if a.isOverflow || b.isOverflow { return .overflow }
        if a.isZero { return b }
        if b.isZero { return a }
        if let an = a.smallNumerator, let ad = a.smallDenominator, let bn = b.smallNumerator, let bd = b.smallDenominator {
            if ad == bd {
                let (n, o) = an.addingReportingOverflow(bn)
                if !o, n != .min { return Rational(small: n, ad) }
            }
            return sumOfSmall(an, ad, bn, bd)
        }
        return sum(a.reduced, b.reduced)
    }

    /// Exact sum of two values in lowest terms, one of them beyond 64 bits (overflowed if it does not fit).
    @usableFromInline
    static func sum(_ a: Rational, _ b: Rational) -> Rational {
        let (an, ad, bn, bd) = (a.storedNumerator, a.storedDenominator, b.storedNumerator, b.storedDenominator)
        if ad == bd {
            let (n, o) = an.addingReportingOverflow(bn)
            return o ? .overflow : Rational(n, over: ad)  // that initialiser refuses Int128.min
        }
        // Knuth 4.5.1: keeps intermediates small and the result in lowest terms.
        let g = Int128(gcd(ad.magnitude, bd.magnitude))
        let bOverG = bd.dividedExactly(by: g), aOverG = ad.dividedExactly(by: g)
        let (x, o1) = an.multipliedReportingOverflow(by: bOverG)
        let (y, o2) = bn.multipliedReportingOverflow(by: aOverG)
        let (t, o3) = x.addingReportingOverflow(y)
        // Int128.min has no negation: treat it as out of range, so no later sign change can trap.
        if o1 || o2 || o3 || t == .min { return .overflow }
        let g2 = Int128(gcd(t.magnitude, g.magnitude))
        let (d, o4) = aOverG.multipliedReportingOverflow(by: bd.dividedExactly(by: g2))
        return o4 ? .overflow : Rational(stored: t.dividedExactly(by: g2), d)
    }

    /// The product of two 64-bit values, which always fits: one full-width multiplication, with no overflow check.
    @inlinable @inline(__always)
    static func wide(_ x: Int64, _ y: Int64) -> Int128 {
        let (high, low) = x.multipliedFullWidth(by: y)
        return Int128(high) << 64 | Int128(low)
    }

    /// Exact negation.
    @inlinable
    public static prefix func - (a: Rational) -> Rational {
        if let n = a.smallNumerator, n != .min, let d = a.smallDenominator { return Rational(small: -n, d) }
        return a.isOverflow ? .overflow : Rational(stored: -a.storedNumerator, a.storedDenominator)
    }

    /// Exact difference.
    @inlinable
    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    /// Exact product.
    ///
    /// The usual product, of two values within 64 bits that stays there, is worked out where it is written; the
    /// rest in ``productBeyond64Bits(_:_:)``.
    @inlinable @inline(__always)
    public static func * (a: Rational, b: Rational) -> Rational {
        if let an = a.smallNumerator, let ad = a.smallDenominator, let bn = b.smallNumerator, let bd = b.smallDenominator,
           an != 0, bn != 0 {
            // The products kept as they are when both fit 64 bits, with no common factor sought.
            let (n, o1) = an.multipliedReportingOverflow(by: bn)
            let (d, o2) = ad.multipliedReportingOverflow(by: bd)
            if !o1, !o2, n != .min { return Rational(small: n, d) }
        }
        return productBeyond64Bits(a, b)
    }

    /// Exact product of any two values: the general case of ``*(_:_:)``.
    ///
    /// Two values within 64 bits whose products leave them lose the factors each numerator shares with the other's
    /// denominator; the product is kept as it is when it then fits (95% of an explained breakdown's such products),
    /// with no factor sought within either value: that needed a greatest common divisor of the larger values, of
    /// some 14 steps. Only a product that still leaves 64 bits is worked out from the values in lowest terms.
    /// Optimized for size: its divisions are one instruction each (see ``Rational``).
    @usableFromInline @inline(never) @_optimize(size)
    static func productBeyond64Bits(_ a: Rational, _ b: Rational) -> Rational {
        if a.isOverflow || b.isOverflow { return .overflow }
        if a.isZero || b.isZero { return .zero }
        if let an = a.smallNumerator, let ad = a.smallDenominator, let bn = b.smallNumerator, let bd = b.smallDenominator {
            let (n, o1) = an.multipliedReportingOverflow(by: bn)
            let (d, o2) = ad.multipliedReportingOverflow(by: bd)
            if !o1, !o2, n != .min { return Rational(small: n, d) }
            let g1 = Int64(gcd(an.magnitude, bd.magnitude)), g2 = Int64(gcd(bn.magnitude, ad.magnitude))
            // A common factor is usually 1: no division then.
            let (anOverG1, bdOverG1) = g1 == 1 ? (an, bd) : (an / g1, bd / g1)
            let (bnOverG2, adOverG2) = g2 == 1 ? (bn, ad) : (bn / g2, ad / g2)
            let (cancelledN, o3) = anOverG1.multipliedReportingOverflow(by: bnOverG2)
            let (cancelledD, o4) = adOverG2.multipliedReportingOverflow(by: bdOverG1)
            if !o3, !o4, cancelledN != .min { return Rational(small: cancelledN, cancelledD) }
        }
        return product(a.reduced, b.reduced)
    }

    /// Exact product of two values in lowest terms, whose product leaves 64 bits (overflowed if it does not fit).
    /// Optimized for size: its divisions are one instruction each (see ``Rational``).
    @usableFromInline @_optimize(size)
    static func product(_ a: Rational, _ b: Rational) -> Rational {
        if let an = Int64(exactly: a.storedNumerator), let ad = Int64(exactly: a.storedDenominator),
           let bn = Int64(exactly: b.storedNumerator), let bd = Int64(exactly: b.storedDenominator) {
            // 64-bit reductions, and products of two 64-bit factors, which fit.
            let g1 = Int64(gcd(an.magnitude, bd.magnitude)), g2 = Int64(gcd(bn.magnitude, ad.magnitude))
            // A common factor is usually 1: no division then.
            let (anOverG1, bdOverG1) = g1 == 1 ? (an, bd) : (an / g1, bd / g1)
            let (bnOverG2, adOverG2) = g2 == 1 ? (bn, ad) : (bn / g2, ad / g2)
            return Rational(stored: wide(anOverG1, bnOverG2), wide(adOverG2, bdOverG1))
        }
        let (an, ad, bn, bd) = (a.storedNumerator, a.storedDenominator, b.storedNumerator, b.storedDenominator)
        let g1 = Int128(gcd(an.magnitude, bd.magnitude))
        let g2 = Int128(gcd(bn.magnitude, ad.magnitude))
        let (n, o1) = an.dividedExactly(by: g1).multipliedReportingOverflow(by: bn.dividedExactly(by: g2))
        let (d, o2) = ad.dividedExactly(by: g2).multipliedReportingOverflow(by: bd.dividedExactly(by: g1))
        // Int128.min has no negation: treat it as out of range, so no later sign change can trap.
        return o1 || o2 || n == .min || d == .min ? .overflow : Rational(stored: n, d)
    }

    /// Exact quotient; dividing by zero gives the overflowed value.
    @inlinable @inline(__always)
    public static func / (a: Rational, b: Rational) -> Rational {
        // A divisor within 64 bits (not the overflowed value, whose denominator is 0) whose numerator can be
        // negated: its reciprocal is within 64 bits too.
        if let bn = b.smallNumerator, let bd = b.smallDenominator, bn != 0, bn != .min {
            return a * (bn < 0 ? Rational(small: -bd, -bn) : Rational(small: bd, bn))
        }
        return quotientBeyond64Bits(a, b)
    }

    /// Exact quotient by a divisor beyond 64 bits, zero or overflowed: the general case of ``/(_:_:)``.
    @usableFromInline @inline(never)
    static func quotientBeyond64Bits(_ a: Rational, _ b: Rational) -> Rational {
        if b.isOverflow || b.isZero { return .overflow }
        let sign: Int128 = b.isNegative ? -1 : 1
        return a * Rational(stored: sign * b.storedDenominator, sign * b.storedNumerator)
    }

    @inlinable public static func += (a: inout Rational, b: Rational) { a = a + b }
    @inlinable public static func -= (a: inout Rational, b: Rational) { a = a - b }

    /// Product with a whole number.
    @inlinable @inline(__always)
    public static func * (a: Rational, b: Int) -> Rational { a * Rational(b) }

    /// Quotient by a whole number.
    @inlinable @inline(__always)
    public static func / (a: Rational, b: Int) -> Rational { a / Rational(b) }

    /// The larger of the value and zero.
    @inlinable public var clampedAtZero: Rational { isNegative ? .zero : self }
}

extension Rational: Hashable {
    /// Whether two values are equal, however each is stored.
    @inlinable
    public static func == (a: Rational, b: Rational) -> Bool {
        if a.isOverflow || b.isOverflow { return a.isOverflow && b.isOverflow }
        if a.storedDenominator == b.storedDenominator { return a.storedNumerator == b.storedNumerator }
        if let an = Int64(exactly: a.storedNumerator), let ad = Int64(exactly: a.storedDenominator),
           let bn = Int64(exactly: b.storedNumerator), let bd = Int64(exactly: b.storedDenominator) {
            return wide(an, bd) == wide(bn, ad)
        }
        // One is beyond 64 bits, and so in lowest terms: equal values are then equal part by part.
        let (x, y) = (a.reduced, b.reduced)
        return x.storedNumerator == y.storedNumerator && x.storedDenominator == y.storedDenominator
    }

    /// Hashes the value in lowest terms, so that equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        let value = reduced
        hasher.combine(value.storedNumerator)
        hasher.combine(value.storedDenominator)
    }
}

extension Rational: Comparable {
    /// Exact ordering; an overflowed value orders below every other value.
    ///
    /// Two values within 64 bits, the usual case, are compared where the comparison is written (two full-width
    /// 64-bit products, which always fit); the rest in ``isOrderedBeyond64Bits(_:_:)``.
    @inlinable @inline(__always)
    public static func < (a: Rational, b: Rational) -> Bool {
        if let an = a.smallNumerator, let ad = a.smallDenominator, let bn = b.smallNumerator, let bd = b.smallDenominator {
            return ad == bd ? an < bn : wide(an, bd) < wide(bn, ad)
        }
        return isOrderedBeyond64Bits(a, b)
    }

    /// Exact ordering of any two values: the general case of ``<(_:_:)``.
    @usableFromInline @inline(never)
    static func isOrderedBeyond64Bits(_ a: Rational, _ b: Rational) -> Bool {
        if a.isOverflow || b.isOverflow { return a.isOverflow && !b.isOverflow }
        if a.storedDenominator == b.storedDenominator { return a.storedNumerator < b.storedNumerator }
        if let an = Int64(exactly: a.storedNumerator), let ad = Int64(exactly: a.storedDenominator),
           let bn = Int64(exactly: b.storedNumerator), let bd = Int64(exactly: b.storedDenominator) {
            return wide(an, bd) < wide(bn, ad)  // the usual case: two full-width 64-bit products, which always fit
        }
        let (an, ad, bn, bd) = (a.storedNumerator, a.storedDenominator, b.storedNumerator, b.storedDenominator)
        let (l, o1) = an.multipliedReportingOverflow(by: bd)
        let (r, o2) = bn.multipliedReportingOverflow(by: ad)
        if !(o1 || o2) { return l < r }
        // Compare integer parts first, then the fractions' reciprocals.
        let (qa, ra) = an.quotientAndRemainder(dividingBy: ad)
        let (qb, rb) = bn.quotientAndRemainder(dividingBy: bd)
        let fa = ra < 0 ? (qa - 1, ra + ad) : (qa, ra)
        let fb = rb < 0 ? (qb - 1, rb + bd) : (qb, rb)
        if fa.0 != fb.0 { return fa.0 < fb.0 }
        if fa.1 == 0 || fb.1 == 0 { return fa.1 == 0 && fb.1 != 0 }
        // a.frac < b.frac  ⇔  1/a.frac > 1/b.frac: fractions made only to be compared, which compares values as
        // stored, so they need not be in lowest terms.
        return Rational(stored: bd, fb.1) < Rational(stored: ad, fa.1)
    }
}
