/// Plain decimal text (`-1234.50`: no grouping, no currency sign) written
/// straight into bytes: the form a results file holds and a spreadsheet reads.
public enum PlainDecimal {
    /// The most bytes of text ``write(_:places:to:)`` gives: 19 digits, a leading 0, a point and a sign.
    public static let longest = 22
    /// The bytes ``write(_:places:to:)`` may overwrite at `out`: the text is stored as three whole words.
    public static let room = 24

    /// Writes `scaled × 10^−places` with exactly `places` decimal places (0 ... 18) at `out`; returns how many bytes.
    ///
    /// `out` must have ``room`` bytes: the text is built from its last byte back, two digits at a time,
    /// with no digit count worked out first, and stored in three words; the bytes after it are scratch.
    /// Pence below £1,000,000, the usual figure, take ``writePence(_:to:)``, with no loop.
    @inlinable
    public static func write(_ scaled: Int64, places: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if places == 2, scaled.magnitude < 100_000_000 { return writePence(scaled, to: out) }  // the usual figure
        let places = Swift.min(Swift.max(places, 0), 18)
        var magnitude = scaled.magnitude
        let pairs = UnsafeRawPointer(digitPairs.utf8Start)
        // The text is built in bytes at ..< 24 of a 48-byte buffer, so that the 24 bytes from `at` can be read whole.
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &scratch) { buffer -> Int in
            guard let text = buffer.baseAddress else { return 0 }
            var at = room
            func put(_ byte: UInt8) {
                at &-= 1
                text.storeBytes(of: byte, toByteOffset: at, as: UInt8.self)
            }
            func pair() {
                let r = Int(truncatingIfNeeded: magnitude % 100)
                magnitude /= 100
                at &-= 2
                text.storeBytes(of: pairs.loadUnaligned(fromByteOffset: 2 &* r, as: UInt16.self), toByteOffset: at, as: UInt16.self)
            }
            func single() {
                put(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10))
                magnitude /= 10
            }
            // The decimal places, the point, the whole part (at least one digit: "0.05"), the sign.
            if places & 1 == 1 { single() }
            for _ in 0..<(places / 2) { pair() }
            if places > 0 { put(UInt8(ascii: ".")) }
            while magnitude >= 100 { pair() }
            if magnitude >= 10 { pair() } else { single() }
            if scaled < 0 { put(UInt8(ascii: "-")) }
            let destination = UnsafeMutableRawPointer(out)
            for word in 0..<(room / 8) {
                let offset = 8 &* word
                destination.storeBytes(of: text.loadUnaligned(fromByteOffset: at &+ offset, as: UInt64.self),
                                       toByteOffset: offset, as: UInt64.self)
            }
            return room &- at
        }
    }

    /// Writes pence below £1,000,000 (in magnitude) as pounds and two places, at `out` (``room`` bytes): the six
    /// pound digits are made as one word from three digit pairs, their leading zeros shifted out but one, with no
    /// loop and no digit count.
    @inlinable
    static func writePence(_ scaled: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let magnitude = scaled.magnitude
        assert(magnitude < 100_000_000, "six pound digits")
        let pairs = UnsafeRawPointer(digitPairs.utf8Start)
        // A pair's two bytes with the first in the low byte, on any host.
        func pair(_ n: UInt64) -> UInt64 {
            UInt64(UInt16(littleEndian: pairs.loadUnaligned(fromByteOffset: 2 &* Int(n), as: UInt16.self)))
        }
        let pounds = magnitude / 100, pence = magnitude % 100
        let high = pounds / 10_000, low = pounds % 10_000
        // The pound digits, first in the lowest byte: "001234" for £1,234.
        let digits = pair(high) | pair(low / 100) &<< 16 | pair(low % 100) &<< 32
        // Leading "0" bytes become zero bytes; at most five are dropped, so £0.50 keeps its "0".
        let leadingZeros = Swift.min((digits ^ 0x3030_3030_3030).trailingZeroBitCount &>> 3, 5)
        let text = UnsafeMutableRawPointer(out)
        var at = 0
        if scaled < 0 {
            text.storeBytes(of: UInt8(ascii: "-"), as: UInt8.self)
            at = 1
        }
        text.storeBytes(of: (digits &>> UInt64(8 &* leadingZeros)).littleEndian, toByteOffset: at, as: UInt64.self)
        at &+= 6 &- leadingZeros
        text.storeBytes(of: UInt8(ascii: "."), toByteOffset: at, as: UInt8.self)
        text.storeBytes(of: UInt16(truncatingIfNeeded: pair(pence)).littleEndian, toByteOffset: at &+ 1, as: UInt16.self)
        return at &+ 3
    }

    /// "00", "01", … "99": the two bytes of each number below 100.
    @usableFromInline
    static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// Appends `scaled × 10^−places` with exactly `places` decimal places (0 ... 18) to `bytes`.
    @inlinable
    public static func append(_ scaled: Int64, places: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { buffer in
            guard let base = buffer.baseAddress else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: write(scaled, places: places, to: base)))
        }
    }
}
