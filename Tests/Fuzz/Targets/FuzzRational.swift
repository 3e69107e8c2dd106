// libFuzzer target: Rational arithmetic at the edges of Int128. Built by Tests/Fuzz/run-fuzzers.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRational(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count >= 64 else { return 0 }
    func int128(_ offset: Int) -> Int128 {
        var value: UInt128 = 0
        for i in 0..<16 { value = value << 8 | UInt128(data[offset + i]) }
        return Int128(bitPattern: value)
    }
    let a = Rational(int128(0), over: int128(16))
    let b = Rational(int128(32), over: int128(48))
    for value in [a + b, a - b, a * b, a / b, -a] {
        _ = value.roundedToInteger(.halfAwayFromZero)
        _ = value.roundedToInteger(.down)
        _ = value.decimalText()
        _ = value < a
        _ = try? value.roundedToMoney(.halfEven, context: "fuzz")
        if !value.isOverflow { precondition(value.denominator > 0, "denominator must stay positive") }
    }
    let bounded = BoundedAmount(value: Int64(truncatingIfNeeded: int128(0)), bound: Int64(truncatingIfNeeded: int128(16)))
    if let m = Multiplier(Int64(truncatingIfNeeded: int128(32)) & 0xFFFF, over: (Int64(truncatingIfNeeded: int128(48)) & 0xFFFF) + 1) {
        _ = bounded.times(m).roundedPence(.halfEven)
    }
    _ = bounded.times(Int64(truncatingIfNeeded: int128(32))).roundedPence(.down)
    _ = bounded.proportion(BoundedAmount(units: Int64(truncatingIfNeeded: int128(48))), of: BoundedAmount(units: Int64.max))
    return 0
}
