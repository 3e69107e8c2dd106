extension Rational {
    /// Reads a plain decimal such as `13.75`, `-0.5` or `12.0700`, exactly.
    ///
    /// Accepts an optional sign, digits, and an optional point with digits after
    /// it; no exponent, grouping or currency sign. Returns `nil` for anything
    /// else, and for what it cannot hold exactly: more than 30 significant
    /// digits, more than 30 places after the point, or more than 64 characters.
    public init?(decimalText text: Substring) {
        self.init(decimalBytes: text.utf8)
    }

    /// Reads a plain decimal from its UTF-8 bytes; see ``init(decimalText:)-(Substring)``.
    @inlinable
    public init?<Bytes: Collection>(decimalBytes bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count <= Rational.longestDecimalText else { return nil }
        var digits: Int128 = 0
        var significant = 0, before = 0, after = 0
        var seenPoint = false, negative = false
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let d = Int128(byte &- UInt8(ascii: "0"))
                if digits != 0 || d != 0 { significant += 1 }
                guard significant <= 30 else { return nil }
                digits = digits * 10 + d
                if seenPoint { after += 1 } else { before += 1 }
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        guard before > 0, !seenPoint || after > 0, after <= 30 else { return nil }
        self.init(negative ? -digits : digits, over: Int128.powerOfTen(after))
    }

    /// The longest decimal text read, in bytes.
    public static let longestDecimalText = 64

    /// Reads a plain decimal such as `13.75` exactly; see ``init(decimalText:)-(Substring)``.
    public init?(decimalText text: String) {
        self.init(decimalText: Substring(text))
    }

    /// Digits after the point in the shortest exact decimal form, or `nil`
    /// when the value has no finite decimal expansion (e.g. 1/7).
    public var decimalPlaces: Int? {
        guard !isOverflow else { return nil }
        let denominator = reduced.storedDenominator
        let twos = denominator.trailingZeroBitCount
        var d = UInt128(denominator.magnitude) >> twos
        var fives = 0
        // The usual denominator (a power of ten up to 10¹⁸) fits 64 bits: its fives are taken out there.
        if let small = UInt64(exactly: d) {
            var rest = small
            while rest % 5 == 0 { rest /= 5; fives += 1 }
            d = UInt128(rest)
        } else {
            while d % 5 == 0 { d /= 5; fives += 1 }
        }
        return d == 1 ? Swift.max(twos, fives) : nil
    }

    /// The value as decimal text: exact when it terminates within `maxPlaces`
    /// places (trailing zeros kept to `minPlaces`), otherwise rounded half away
    /// from zero to `maxPlaces` places. Overflowed values print as `overflow`.
    public func decimalText(minPlaces: Int = 0, maxPlaces: Int = 6) -> String {
        decimalText(minPlaces: minPlaces, maxPlaces: maxPlaces, grouping: false)
    }

    /// ``decimalText(minPlaces:maxPlaces:)``, its whole part grouped in thousands when `grouping` (`1,234,567.5`).
    public func decimalText(minPlaces: Int, maxPlaces: Int, grouping: Bool) -> String {
        decimalText(minPlaces: minPlaces, maxPlaces: maxPlaces, grouping: grouping, pounds: false)
    }

    /// ``decimalText(minPlaces:maxPlaces:grouping:)``, preceded by `£` when `pounds`.
    func decimalText(minPlaces: Int, maxPlaces: Int, grouping: Bool, pounds: Bool) -> String {
        guard !isOverflow else { return "overflow" }
        let places = Swift.max(minPlaces, Swift.min(decimalPlaces ?? maxPlaces, maxPlaces))
        guard let scaled = roundedToInteger(scaledBy: places, .halfAwayFromZero) else { return "overflow" }
        return Rational.formatScaled(scaled, places: places, grouping: grouping, pounds: pounds)
    }

    /// Formats an integer count of 10^-places units as decimal text, its whole part grouped in thousands
    /// when `grouping` and preceded by `£` when `pounds` (`-£1,234.50`): built as bytes, back to front,
    /// 18 digits at a time in 64 bits, into one string.
    static func formatScaled(_ scaled: Int128, places: Int, grouping: Bool, pounds: Bool = false) -> String {
        // At most 39 digits (or places + 1), a point, 12 commas, a pound sign (2 bytes) and a sign.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 + Swift.max(0, places)) { buffer -> String in
            var at = buffer.count
            func put(_ byte: UInt8) {
                at -= 1
                buffer[at] = byte
            }
            var magnitude = scaled.magnitude
            var written = 0  // digits so far
            var group = 0  // digits of the whole part since the last comma
            // Digits come 18 at a time from 64-bit chunks; past the last chunk, zeros only until `places` + 1.
            while magnitude != 0 || written <= places {
                let (rest, chunk) = magnitude.quotientAndRemainder(dividingBy: 1_000_000_000_000_000_000)
                var digits = UInt64(chunk)
                for _ in 0..<18 {
                    if rest == 0, digits == 0, written > places { break }
                    if written == places, places > 0 { put(UInt8(ascii: ".")) }
                    if written > places, grouping, group == 3 {
                        put(UInt8(ascii: ","))
                        group = 0
                    }
                    put(UInt8(ascii: "0") + UInt8(digits % 10))
                    digits /= 10
                    if written >= places { group += 1 }
                    written += 1
                }
                magnitude = rest
            }
            if pounds {
                put(0xA3)  // "£" in UTF-8, back to front
                put(0xC2)
            }
            if scaled < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[at...]), as: UTF8.self)
        }
    }
}

extension Rational: CustomStringConvertible {
    /// Exact decimal where it terminates within 6 places, else 6 places.
    public var description: String { decimalText() }
}

extension Rational {
    /// The exact value as pounds, grouped in thousands with at least 2 places: `£13.75`, `£3.021978`, `-£10,500.00`
    /// (`overflow`, with no pound sign, for a value that overflowed or does not fit when rounded).
    public var poundsText: String { decimalText(minPlaces: 2, maxPlaces: 6, grouping: true, pounds: true) }
}
