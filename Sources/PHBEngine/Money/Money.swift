/// An amount of money in whole pence (GBP minor units).
///
/// Money is what a breakdown *shows*: every `Money` is the rounded image of an
/// exact ``Rational``, produced by ``Rational/roundedToMoney(_:)``. It adds and
/// subtracts exactly (overflow is a typed error, never a trap) and can be scaled
/// by a ``Rational``, but `Money × Money` does not exist.
public struct Money: Sendable, Hashable, Comparable {
    /// The amount in pence.
    public let pence: Int64

    /// An amount in pence.
    @inlinable public init(pence: Int64) { self.pence = pence }

    /// Zero pence (made where it is used, as ``Rational/zero`` is).
    @inlinable public static var zero: Money { Money(pence: 0) }

    /// The exact value in pounds.
    @inlinable public var exact: Rational { Rational(Int128(pence), over: 100) }

    @inlinable public static func < (a: Money, b: Money) -> Bool { a.pence < b.pence }

    /// Reads an amount in pounds with at most two decimal places (`13.75`, `61`).
    public init?(poundsText text: String) {
        guard let value = Rational(decimalText: text), let places = value.decimalPlaces, places <= 2,
              let pence = Int64(exactly: value.numerator * (100 / value.denominator))
        else { return nil }
        self.pence = pence
    }

    /// Plain decimal pounds, `1234.50`, as a spreadsheet reads it.
    public var plainText: String {
        var bytes: [UInt8] = []
        PlainDecimal.append(pence, places: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pounds for people: `£1,234.50`, `-£3.00`.
    public var displayText: String {
        Rational.formatScaled(Int128(pence), places: 2, grouping: true, pounds: true)
    }
}

extension Money: CustomStringConvertible {
    public var description: String { displayText }
}

extension Money {
    /// Sum, or ``BudgetError/arithmeticOverflow(_:)`` if it leaves `Int64` pence.
    @inlinable
    public func adding(_ other: Money, context: @autoclosure () -> String) throws(BudgetError) -> Money {
        let (sum, overflow) = pence.addingReportingOverflow(other.pence)
        if overflow { throw .arithmeticOverflow(context()) }
        return Money(pence: sum)
    }
}

extension Rational {
    /// The exact value rounded to whole pence by `rule`: the one place where
    /// exact values become money.
    @inlinable
    public func roundedToMoney(_ rule: RoundingRule, context: @autoclosure () -> String) throws(BudgetError) -> Money {
        // The usual value, a few pounds over a small denominator, in 64 bits: one product, one division.
        if let n = smallNumerator, let d = smallDenominator {
            let (scaled, overflow) = n.multipliedReportingOverflow(by: 100)
            if !overflow { return Money(pence: rule.roundedQuotient(scaled, d)) }
        }
        guard let pence = roundedToInteger(scaledBy: 2, rule), let p = Int64(exactly: pence) else {
            throw .arithmeticOverflow(context())
        }
        return Money(pence: p)
    }
}

extension Sequence where Element == Money {
    /// The exact sum, or an overflow error naming `context`.
    public func total(context: String) throws(BudgetError) -> Money {
        var sum = Money.zero
        for m in self { sum = try sum.adding(m, context: context) }
        return sum
    }
}
