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
        var d = denominator
        var twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        return d == 1 ? Swift.max(twos, fives) : nil
    }

    /// The value as decimal text: exact when it terminates within `maxPlaces`
    /// places (trailing zeros kept to `minPlaces`), otherwise rounded half away
    /// from zero to `maxPlaces` places. Overflowed values print as `overflow`.
    public func decimalText(minPlaces: Int = 0, maxPlaces: Int = 6) -> String {
        guard !isOverflow else { return "overflow" }
        let places = Swift.max(minPlaces, Swift.min(decimalPlaces ?? maxPlaces, maxPlaces))
        guard let scaled = (self * Rational(Int128.powerOfTen(places), over: 1))
            .roundedToInteger(.halfAwayFromZero) else { return "overflow" }
        return Rational.formatScaled(scaled, places: places, grouping: false)
    }

    /// Formats an integer count of 10^-places units as decimal text.
    static func formatScaled(_ scaled: Int128, places: Int, grouping: Bool) -> String {
        let negative = scaled < 0
        var digits = String(scaled.magnitude)
        if digits.count <= places {
            digits = String(repeating: "0", count: places - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        var whole = String(digits[..<split])
        if grouping, whole.count > 3 {
            var grouped = ""
            for (i, c) in whole.enumerated() {
                if i > 0, (whole.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            whole = grouped
        }
        let text = places > 0 ? whole + "." + digits[split...] : whole
        return negative ? "-" + text : text
    }
}

extension Rational: CustomStringConvertible {
    /// Exact decimal where it terminates within 6 places, else 6 places.
    public var description: String { decimalText() }
}

extension Rational {
    /// The exact value as pounds, grouped in thousands with at least 2 places: `£13.75`, `£3.021978`, `-£10,500.00`.
    public var poundsText: String {
        let text = decimalText(minPlaces: 2)
        let negative = text.hasPrefix("-")
        let digits = negative ? text.dropFirst() : Substring(text)
        let point = digits.firstIndex(of: ".") ?? digits.endIndex
        var whole = ""
        for (i, c) in digits[..<point].enumerated() {
            if i > 0, (digits.distance(from: digits.startIndex, to: point) - i) % 3 == 0 { whole.append(",") }
            whole.append(c)
        }
        return (negative ? "-£" : "£") + whole + digits[point...]
    }
}
