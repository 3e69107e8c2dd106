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
        // From the last byte back: the decimal places, the point, the whole part, the sign.
        var at = count
        for _ in 0..<places {
            at -= 1
            out[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        }
        if places > 0 {
            at -= 1
            out[at] = UInt8(ascii: ".")
        }
        repeat {
            at -= 1
            out[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if scaled < 0 { out[0] = UInt8(ascii: "-") }
        return count
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
