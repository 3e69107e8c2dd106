/// Plain decimal text (`-1234.50`: no grouping, no currency sign) written
/// straight into bytes: the form a results file holds and a spreadsheet reads.
public enum PlainDecimal {
    /// The most bytes ``write(_:places:to:)`` writes: 19 digits, a leading 0, a point and a sign.
    public static let longest = 22

    /// Writes `scaled × 10^−places` with exactly `places` decimal places (0 ... 18) at `out`; returns how many bytes.
    @inlinable
    public static func write(_ scaled: Int64, places: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let places = Swift.min(Swift.max(places, 0), 18)
        var magnitude = scaled.magnitude
        // Digits in the magnitude (at least one, at most 19), found by comparison with 10^digits, not division.
        var digits = 1, power: UInt64 = 10
        while digits < 19, magnitude >= power {
            digits += 1
            power &*= 10
        }
        let whole = Swift.max(digits - places, 1)  // "0.05": a zero before the point
        let count = whole + places + (places > 0 ? 1 : 0) + (scaled < 0 ? 1 : 0)
        // From the last byte back, two digits at a time where they fall on the same side of the point:
        // the decimal places, the point, the whole part, the sign.
        var at = count
        func pair() {
            let r = Int(truncatingIfNeeded: magnitude % 100)
            magnitude /= 100
            at -= 2
            out[at] = digitPairs.utf8Start[2 &* r]
            out[at + 1] = digitPairs.utf8Start[2 &* r &+ 1]
        }
        func single() {
            at -= 1
            out[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        }
        if places & 1 == 1 { single() }
        for _ in 0..<(places / 2) { pair() }
        if places > 0 {
            at -= 1
            out[at] = UInt8(ascii: ".")
        }
        while magnitude >= 100 { pair() }
        if magnitude >= 10 { pair() } else { single() }  // at least one digit: "0.05"
        if scaled < 0 { out[0] = UInt8(ascii: "-") }
        return count
    }

    /// "00", "01", … "99": the two bytes of each number below 100.
    @usableFromInline
    static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// Appends `scaled × 10^−places` with exactly `places` decimal places (0 ... 18) to `bytes`.
    @inlinable
    public static func append(_ scaled: Int64, places: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest) { buffer in
            guard let base = buffer.baseAddress else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: write(scaled, places: places, to: base)))
        }
    }
}
