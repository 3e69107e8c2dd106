/// Eight bytes of text read as one word, so that the bytes that matter to a
/// CSV reader (commas, quotes, line ends, bytes above 127) are found eight at
/// a time instead of one by one.
///
/// Each test answers a mask with the high bit set in exactly the bytes that
/// match, lowest address in the lowest byte; `trailingZeroBitCount / 8` of a
/// mask is the first match's offset.
struct ByteWord {
    let bits: UInt64

    private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    private static var lows: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

    /// The bytes `base[offset ..< offset + 8]`, or, with fewer than eight left before `end`, those read as zeros after.
    @inline(__always)
    init(_ base: UnsafePointer<UInt8>, at offset: Int, end: Int) {
        var word: UInt64 = 0
        if end - offset >= 8 {
            word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
        } else {
            withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + offset, count: end - offset)) }
        }
        bits = UInt64(littleEndian: word)
    }

    /// The bytes equal to `byte` (never a zero byte read past the end, as long as `byte` is not 0).
    @inline(__always)
    func matches(_ byte: UInt8) -> UInt64 {
        let x = bits ^ (Self.ones &* UInt64(byte))
        return ~(((x & Self.lows) &+ Self.lows) | x | Self.lows)  // high bit where x's byte is 0, exactly
    }

    /// The bytes above 127 (not ASCII).
    @inline(__always)
    var nonASCII: UInt64 { bits & ~Self.lows }
}
