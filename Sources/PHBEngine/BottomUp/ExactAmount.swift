/// An amount a week held exactly, as a ``Rational``: the number type of the
/// fast path's third try (docs/fast-path.md).
///
/// With no bound to carry, every decision is the exact one and every penny is
/// the exact amount's, rounded once: so the third try settles the plans whose
/// figures land on a half penny after a step the first two tries truncate (a
/// third party's share of the on-costs, ÷ 7, ÷ weeks). It declines only when
/// an input is not held exactly (a parameter truncated to fit the fixed-point
/// unit) or a figure leaves `Int128`; the full breakdown then decides, and
/// reports the overflow. It costs several times the first try, and runs for
/// about 7 plans in 10,000.
struct ExactAmount: FastAmount, Sendable {
    /// The amount a week, in pounds; overflowed once poisoned.
    var week: Rational

    typealias Annual = Rational

    static var zero: ExactAmount { ExactAmount(week: .zero) }

    /// The exact pounds of a fixed-point amount, or the overflowed value when it is not exact.
    static func pounds(_ amount: BoundedAmount) -> Rational {
        amount.bound == 0 ? Rational(Int128(amount.value), over: Int128(BoundedAmount.unitsPerPound)) : .overflow
    }

    /// The multiplier as a fraction.
    static func fraction(_ m: Multiplier) -> Rational { Rational(Int128(m.numerator), over: Int128(m.divisor.divisor)) }

    /// Pence of an exact amount by `rule`, or `nil` beyond 64 bits.
    static func pence(_ pounds: Rational, _ rule: RoundingRule) -> Int64? {
        pounds.roundedToInteger(scaledBy: 2, rule).flatMap { Int64(exactly: $0) }
    }

    static func weekly(_ amount: BoundedAmount, weeks: Multiplier) -> ExactAmount { ExactAmount(week: pounds(amount)) }

    static func annual(_ amount: Rational, perWeek: Multiplier) -> ExactAmount { ExactAmount(week: amount * fraction(perWeek)) }

    static func annual(given amount: BoundedAmount) -> Rational { pounds(amount) }

    /// The weekly value when it is exact, else the exact annual value ÷ weeks (a threshold is weekly; a settled
    /// line's weekly value was truncated from its annual amount).
    static func scaled(_ amount: TwoScaleAmount, perWeek: Multiplier) -> ExactAmount {
        amount.week.bound == 0 ? ExactAmount(week: pounds(amount.week)) : annual(pounds(amount.year), perWeek: perWeek)
    }

    func annual(weeklyTimes m: Multiplier) -> Rational { week * Self.fraction(m) }

    func annualValue(weeks: Multiplier, less allowance: BoundedAmount) -> Rational {
        (week * Self.fraction(weeks) - Self.pounds(allowance)).clampedAtZero
    }

    static func annualLine(_ annual: Rational, perWeek: Multiplier, rule: RoundingRule) -> (amount: ExactAmount, pence: RoundedPence)? {
        let amount = ExactAmount.annual(annual, perWeek: perWeek)
        guard let weekly = pence(amount.week, rule), let yearly = pence(annual, rule) else { return nil }
        return (amount, RoundedPence(weekly: weekly, annual: yearly))
    }

    var isPoisoned: Bool { week.isOverflow }
    var isZero: Bool? { isPoisoned ? nil : week.isZero }

    static func + (a: ExactAmount, b: ExactAmount) -> ExactAmount { ExactAmount(week: a.week + b.week) }
    static func - (a: ExactAmount, b: ExactAmount) -> ExactAmount { ExactAmount(week: a.week - b.week) }
    static func += (a: inout ExactAmount, b: ExactAmount) { a = a + b }

    func times(_ m: Multiplier) -> ExactAmount { ExactAmount(week: week * Self.fraction(m)) }
    func times(_ k: Int64) -> ExactAmount { ExactAmount(week: week * Rational(Int128(k), over: 1)) }

    /// `self × part ÷ whole`; poisoned when `whole` is zero.
    func proportion(_ part: ExactAmount, of whole: ExactAmount) -> ExactAmount {
        ExactAmount(week: week * part.week / whole.week)  // ÷ 0 gives the overflowed value
    }

    func atLeast(_ floor: ExactAmount) -> ExactAmount {
        isPoisoned || floor.isPoisoned ? ExactAmount(week: .overflow) : (week < floor.week ? floor : self)
    }

    func atMost(_ ceiling: ExactAmount) -> ExactAmount {
        isPoisoned || ceiling.isPoisoned ? ExactAmount(week: .overflow) : (ceiling.week < week ? ceiling : self)
    }

    func isAbove(_ threshold: ExactAmount) -> Bool? {
        isPoisoned || threshold.isPoisoned ? nil : threshold.week < week
    }

    func pence(weeks: Multiplier, rule: RoundingRule) -> (weekly: Int64, annual: Int64)? {
        guard let weekly = Self.pence(week, rule), let annual = Self.pence(week * Self.fraction(weeks), rule) else { return nil }
        return (weekly, annual)
    }
}
