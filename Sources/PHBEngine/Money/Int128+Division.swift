extension Int128 {
    /// The truncating quotient and remainder, as `quotientAndRemainder(dividingBy:)`
    /// gives them, by one 128-by-64-bit hardware division whenever the divisor
    /// is positive and fits 64 bits and the quotient does too (every division on
    /// the fast path); otherwise by the general 128-bit division.
    @inlinable
    func dividedWithRemainder(by divisor: Int128) -> (quotient: Int128, remainder: Int128) {
        if divisor > 0, divisor <= Int128(UInt64.max) {
            let magnitude = self.magnitude
            let d = UInt64(truncatingIfNeeded: divisor)
            let high = UInt64(truncatingIfNeeded: magnitude >> 64)
            if high < d {
                let (q, r) = d.dividingFullWidth((high, UInt64(truncatingIfNeeded: magnitude)))
                return self < 0 ? (-Int128(q), -Int128(r)) : (Int128(q), Int128(r))
            }
        }
        return quotientAndRemainder(dividingBy: divisor)
    }
}

extension Int128 {
    /// The quotient by a positive `divisor` known to divide the value exactly (a
    /// common factor from a GCD): the value itself when the divisor is 1, as it
    /// usually is, with no division at all.
    @inlinable
    func dividedExactly(by divisor: Int128) -> Int128 {
        divisor == 1 ? self : dividedWithRemainder(by: divisor).quotient
    }
}
