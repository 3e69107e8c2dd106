// libFuzzer target: decimal text and money cells. Built by Tests/Fuzz/run-fuzzers.sh, not by SwiftPM.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecimal(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: count)
    let text = String(decoding: bytes, as: UTF8.self)
    if let value = Rational(decimalText: text) {
        // What parses must print back to the same value.
        if let places = value.decimalPlaces, places <= 30 {
            precondition(Rational(decimalText: value.decimalText(maxPlaces: 30)) == value, "round trip of \(text)")
        }
        _ = value.roundedToInteger(.halfEven)
    }
    _ = CohortCSV.decimal(text)
    _ = CalendarDate(iso: text)
    _ = Money(poundsText: text)
    return 0
}
