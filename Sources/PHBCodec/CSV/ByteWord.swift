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

    /// The word of these eight bytes (little-endian).
    @inline(__always)
    init(bits: UInt64) { self.bits = bits }

    /// The bytes `base[offset ..< offset + 8]`, or, with fewer than eight left before `end`, those read as zeros after.
    ///
    /// `base[0 ..< readable]` (`readable ≥ end`) may be read: when eight bytes from `offset` lie inside it,
    /// the word is loaded whole and the bytes from `end` on are masked out, with no copy.
    @inline(__always)
    init(_ base: UnsafePointer<UInt8>, at offset: Int, end: Int, readable: Int) {
        var word: UInt64 = 0
        if readable - offset >= 8 {
            word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            let count = end - offset
            if count < 8 { word &= (1 &<< UInt64(8 &* count)) &- 1 }
        } else {
            withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + offset, count: end - offset)) }
            word = UInt64(littleEndian: word)
        }
        bits = word
    }

    /// The bytes equal to `byte` (never a zero byte read past the end, as long as `byte` is not 0).
    @inline(__always)
    func matches(_ byte: UInt8) -> UInt64 {
        let x = bits ^ (Self.ones &* UInt64(byte))
        return ~(((x & Self.lows) &+ Self.lows) | x | Self.lows)  // high bit where x's byte is 0, exactly
    }

    /// A mask whose lowest set bit is the high bit of the first byte equal to `a`, `b` or `c` (zero when none
    /// is): cheaper than ``matches(_:)`` for each, but only the first marked byte is sure to match (a byte
    /// after a match may be marked too), so it serves to find the first.
    @inline(__always)
    func firstMatchMarker(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt64 {
        // x − 0x01… borrows into the high bit of x's first zero byte, and of no byte before it.
        func zeros(_ x: UInt64) -> UInt64 { (x &- Self.ones) & ~x }
        return (zeros(bits ^ (Self.ones &* UInt64(a))) | zeros(bits ^ (Self.ones &* UInt64(b)))
                | zeros(bits ^ (Self.ones &* UInt64(c)))) & ~Self.lows
    }

    /// How many bytes `mask` (a result of these tests) marks: a multiplication, not a population count
    /// (which the baseline x86-64 target has no instruction for).
    @inline(__always)
    static func count(_ mask: UInt64) -> Int {
        Int(truncatingIfNeeded: ((mask &>> 7) &* ones) &>> 56)
    }

    /// The bytes above 127 (not ASCII).
    @inline(__always)
    var nonASCII: UInt64 { bits & ~Self.lows }

    /// The first `count` (1 ... 8) bytes of a mask, the rest cleared.
    @inline(__always)
    static func first(_ count: Int, of mask: UInt64) -> UInt64 {
        count >= 8 ? mask : mask & ((1 &<< UInt64(8 &* count)) &- 1)
    }
}

/// Sixteen bytes of text tested at once with SIMD compares, answered as
/// ``ByteWord``'s tests are: for each half, a mask with the high bit set in
/// exactly the bytes that match, lowest address in the lowest byte.
struct ByteBlock {
    let bytes: SIMD16<UInt8>

    /// The sixteen bytes at `base + offset` (which must all be readable).
    @inline(__always)
    init(_ base: UnsafePointer<UInt8>, at offset: Int) {
        bytes = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// The marks of the bytes equal to `splat`'s (one byte repeated): the caller makes it once, outside its
    /// loop, or the compare is done lane by lane.
    @inline(__always)
    func matches(_ splat: SIMD16<UInt8>) -> (UInt64, UInt64) {
        Self.marks(bytes .== splat)
    }

    /// The marks of a compare's lanes, as the two halves' masks.
    @inline(__always)
    static func marks(_ found: SIMDMask<SIMD16<Int8>>) -> (UInt64, UInt64) {
        halves(SIMD16<UInt8>(repeating: 0).replacing(with: 0x80, where: found))
    }

    /// The bytes above 127 (not ASCII), as the two halves' masks.
    @inline(__always)
    var nonASCII: (UInt64, UInt64) { Self.halves(bytes & SIMD16(repeating: 0x80)) }

    /// The sixteen bytes read as two little-endian words.
    @inline(__always)
    static func halves(_ v: SIMD16<UInt8>) -> (UInt64, UInt64) {
        let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        return (UInt64(littleEndian: words[0]), UInt64(littleEndian: words[1]))
    }
}
