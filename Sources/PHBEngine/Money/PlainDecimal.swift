/// Plain decimal text (`-1234.50`: no grouping, no currency sign) written
/// straight into bytes: the form a results file holds and a spreadsheet reads.
public enum PlainDecimal {
    /// Appends `scaled × 10^−places` with exactly `places` decimal places (0 ... 18) to `bytes`.
    @inlinable
    public static func append(_ scaled: Int64, places: Int, to bytes: inout [UInt8]) {
        let places = Swift.min(Swift.max(places, 0), 18)
        var magnitude = scaled.magnitude
        // Digits, least significant first, from the end of a fixed buffer: at most 20 digits, a point, a 0 and a sign.
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            var start = raw.count
            var written = 0
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                written += 1
                if written == places {
                    start -= 1
                    raw[start] = UInt8(ascii: ".")
                }
            } while magnitude > 0 || written <= places
            if scaled < 0 {
                start -= 1
                raw[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start...]).assumingMemoryBound(to: UInt8.self))
        }
    }
}
