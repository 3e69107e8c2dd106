/// A percentage to two decimal places, held as a whole number of hundredths
/// of a percent: 12.34% is 1,234.
///
/// A cohort's percentage changes are rounded once, by the new rounding rule,
/// and compared, banded and written from this whole number: no fraction is
/// built for each person.
public struct RoundedPercentage: Sendable, Hashable {
    /// Hundredths of a percent.
    public let hundredths: Int128

    public init(hundredths: Int128) {
        self.hundredths = hundredths
    }

    /// `part ÷ whole × 100`, rounded to two decimal places by `rule`; `nil` when `whole` is zero.
    ///
    /// In 64 bits when `part × 10,000` fits (always, for a change of less than £9 trillion), else in 128.
    @inlinable
    public init?(_ part: Int64, of whole: Int64, rule: RoundingRule) {
        guard whole != 0 else { return nil }
        let (scaled, overflow) = part.multipliedReportingOverflow(by: 10_000)
        if !overflow, whole != .min {
            let sign: Int64 = whole < 0 ? -1 : 1
            hundredths = Int128(rule.roundedQuotient(sign &* scaled, sign &* whole))
        } else {
            let sign: Int128 = whole < 0 ? -1 : 1
            hundredths = rule.roundedQuotient(sign * Int128(part) * 10_000, sign * Int128(whole))
        }
    }

    /// The percentage as an exact fraction (12.34).
    public var value: Rational { Rational(hundredths, over: 100) }

    /// Whether it is 0%.
    public var isZero: Bool { hundredths == 0 }

    /// The whole percent at or below it: 12 for 12.34%, −13 for −12.34%.
    public var wholePercentBelow: Int128 {
        if let small = Int64(exactly: hundredths) {  // the usual case: a division by a constant
            let (q, r) = small.quotientAndRemainder(dividingBy: 100)
            return Int128(r < 0 ? q - 1 : q)
        }
        let (q, r) = hundredths.dividedWithRemainder(by: 100)
        return r < 0 ? q - 1 : q
    }

    /// The percentage as plain decimal text with two places ("12.34", "-0.50"), without the % sign.
    public var decimalText: String {
        if let small = Int64(exactly: hundredths) {
            var bytes: [UInt8] = []
            PlainDecimal.append(small, places: 2, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        return value.decimalText(minPlaces: 2)
    }
}
