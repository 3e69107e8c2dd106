extension Rational {
    /// Reads a plain decimal such as `13.75`, `-0.5` or `12.0700`, exactly.
    ///
    /// Accepts an optional sign, digits, and an optional point with digits after
    /// it; no exponent, grouping or currency sign. Returns `nil` for anything
    /// else, or for more than 30 significant digits.
    public init?(decimalText text: Substring) {
        var digits: Int128 = 0
        var scale = 0
        var count = 0
        var seenPoint = false
        var negative = false
        var index = text.startIndex
        if index < text.endIndex, text[index] == "-" || text[index] == "+" {
            negative = text[index] == "-"
            index = text.index(after: index)
        }
        var digitsBefore = 0, digitsAfter = 0
        while index < text.endIndex {
            let c = text[index]
            if c == "." {
                if seenPoint { return nil }
                seenPoint = true
            } else if let d = c.wholeNumberValue, c.isASCII {
                if digits != 0 || d != 0 { count += 1 }
                guard count <= 30 else { return nil }
                digits = digits * 10 + Int128(d)
                if seenPoint { scale += 1; digitsAfter += 1 } else { digitsBefore += 1 }
            } else {
                return nil
            }
            index = text.index(after: index)
        }
        guard digitsBefore > 0, !seenPoint || digitsAfter > 0 else { return nil }
        self.init(negative ? -digits : digits, over: Int128.powerOfTen(scale))
    }

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
