/// The number type of a fast-path calculation: an amount a week, known to
/// within a bound, or exactly (docs/fast-path.md).
///
/// ``BoundedAmount`` holds the weekly value alone: the first try, and the
/// cheapest. ``TwoScaleAmount`` holds the weekly and the annual value side by
/// side, so that a line whose exact annual amount is a half penny is still
/// settled when its weekly value went through a truncating step (÷ 7,
/// ÷ weeks): the second try, when the first declines. ``ExactAmount`` holds
/// the exact amount: the third try, for the few plans the second leaves.
protocol FastAmount {
    /// An annual amount, as the try holds it: the steps that work in the annual scale (an annual line,
    /// bank holidays, a contingency in weeks, NI after the allowance) pass it on without a weekly value.
    associatedtype Annual
    static var zero: Self { get }
    /// An amount whose natural period is the week.
    static func weekly(_ amount: BoundedAmount, weeks: Multiplier) -> Self
    /// An amount whose natural period is the year, a week's worth of it.
    static func annual(_ amount: Annual, perWeek: Multiplier) -> Self
    /// An annual amount a plan or policy gives in pounds.
    static func annual(given amount: BoundedAmount) -> Annual
    /// An amount whose weekly and annual values were worked out already (a threshold, a settled line).
    static func scaled(_ amount: TwoScaleAmount, perWeek: Multiplier) -> Self
    /// The annual amount `m ×` the weekly value (bank holidays, a contingency in weeks).
    func annual(weeklyTimes m: Multiplier) -> Annual
    /// The annual value less `allowance`, or zero if that is below zero (employer NI after the employment allowance).
    func annualValue(weeks: Multiplier, less allowance: BoundedAmount) -> Annual
    /// A recurring line whose natural period is the year: its amount and its weekly (annual ÷ weeks) and
    /// annual pence, or `nil` when a bound does not settle them.
    static func annualLine(_ annual: Annual, perWeek: Multiplier, rule: RoundingRule) -> (amount: Self, pence: RoundedPence)?
    var isPoisoned: Bool { get }
    var isZero: Bool? { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func += (a: inout Self, b: Self)
    func times(_ m: Multiplier) -> Self
    func times(_ k: Int64) -> Self
    /// `self × part ÷ whole`, for exact weekly `part` ≤ `whole`.
    func proportion(_ part: Self, of whole: Self) -> Self
    func atLeast(_ floor: Self) -> Self
    func atMost(_ ceiling: Self) -> Self
    func isAbove(_ threshold: Self) -> Bool?
    /// The weekly and annual pence of a line whose natural period is the week, or `nil` when a bound does not settle them.
    func pence(weeks: Multiplier, rule: RoundingRule) -> (weekly: Int64, annual: Int64)?
}

/// What the first two tries share: an annual amount is a ``BoundedAmount``.
extension FastAmount where Annual == BoundedAmount {
    @inline(__always) static func annual(given amount: BoundedAmount) -> BoundedAmount { amount }

    @inline(__always)
    static func annualLine(_ annual: BoundedAmount, perWeek: Multiplier, rule: RoundingRule) -> (amount: Self, pence: RoundedPence)? {
        guard let figures = AnnualLine(perWeek: perWeek, rule: rule).figures(annual) else { return nil }
        return (scaled(figures.amount, perWeek: perWeek), figures.pence)
    }
}

extension BoundedAmount: FastAmount {
    @inline(__always) static func weekly(_ amount: BoundedAmount, weeks: Multiplier) -> BoundedAmount { amount }
    @inline(__always) static func annual(_ amount: BoundedAmount, perWeek: Multiplier) -> BoundedAmount {
        amount.times(perWeek)
    }
    @inline(__always) static func scaled(_ amount: TwoScaleAmount, perWeek: Multiplier) -> BoundedAmount { amount.week }
    @inline(__always) func annual(weeklyTimes m: Multiplier) -> BoundedAmount { times(m) }
    @inline(__always) func annualValue(weeks: Multiplier, less allowance: BoundedAmount) -> BoundedAmount {
        (times(weeks) - allowance).atLeast(.zero)
    }

    @inline(__always)
    func pence(weeks: Multiplier, rule: RoundingRule) -> (weekly: Int64, annual: Int64)? {
        guard let w = roundedPence(rule), let a = times(weeks).roundedPence(rule) else { return nil }
        return (w, a)
    }
}

/// An amount a week held in two scales: its weekly value and its annual value
/// (the weekly amount × weeks a year), each a ``BoundedAmount`` within its own
/// bound of the exact amount in its scale.
///
/// Every step of the calculation is linear in its inputs, or a `max`/`min`
/// (which commute with multiplying by weeks), so each scale can be worked out
/// on its own and each keeps its invariant. An annual amount that is exact in
/// pounds (a yearly cost, a threshold × weeks) stays exact in the annual
/// scale, where the weekly scale would have truncated it: so an annual figure
/// that lands exactly on a half penny is settled.
struct TwoScaleAmount: FastAmount, Sendable {
    var week: BoundedAmount
    var year: BoundedAmount

    static var zero: TwoScaleAmount { TwoScaleAmount(week: .zero, year: .zero) }

    static func weekly(_ amount: BoundedAmount, weeks: Multiplier) -> TwoScaleAmount {
        TwoScaleAmount(week: amount, year: amount.times(weeks))
    }

    static func annual(_ amount: BoundedAmount, perWeek: Multiplier) -> TwoScaleAmount {
        TwoScaleAmount(week: amount.times(perWeek), year: amount)
    }

    static func scaled(_ amount: TwoScaleAmount, perWeek: Multiplier) -> TwoScaleAmount { amount }

    /// From the weekly scale: m × the exact weekly amount, which the annual scale holds only × weeks.
    func annual(weeklyTimes m: Multiplier) -> BoundedAmount { week.times(m) }
    func annualValue(weeks: Multiplier, less allowance: BoundedAmount) -> BoundedAmount { (year - allowance).atLeast(.zero) }
    var isPoisoned: Bool { week.isPoisoned || year.isPoisoned }
    /// Settled by either scale.
    var isZero: Bool? { week.isZero ?? year.isZero }

    static func + (a: TwoScaleAmount, b: TwoScaleAmount) -> TwoScaleAmount {
        TwoScaleAmount(week: a.week + b.week, year: a.year + b.year)
    }

    static func - (a: TwoScaleAmount, b: TwoScaleAmount) -> TwoScaleAmount {
        TwoScaleAmount(week: a.week - b.week, year: a.year - b.year)
    }

    static func += (a: inout TwoScaleAmount, b: TwoScaleAmount) { a = a + b }

    func times(_ m: Multiplier) -> TwoScaleAmount { TwoScaleAmount(week: week.times(m), year: year.times(m)) }
    func times(_ k: Int64) -> TwoScaleAmount { TwoScaleAmount(week: week.times(k), year: year.times(k)) }

    /// The same share in both scales: `part ÷ whole` is a ratio of exact weekly amounts.
    func proportion(_ part: TwoScaleAmount, of whole: TwoScaleAmount) -> TwoScaleAmount {
        TwoScaleAmount(week: week.proportion(part.week, of: whole.week), year: year.proportion(part.week, of: whole.week))
    }

    func atLeast(_ floor: TwoScaleAmount) -> TwoScaleAmount {
        TwoScaleAmount(week: week.atLeast(floor.week), year: year.atLeast(floor.year))
    }

    func atMost(_ ceiling: TwoScaleAmount) -> TwoScaleAmount {
        TwoScaleAmount(week: week.atMost(ceiling.week), year: year.atMost(ceiling.year))
    }

    /// Settled by either scale.
    func isAbove(_ threshold: TwoScaleAmount) -> Bool? {
        week.isAbove(threshold.week) ?? year.isAbove(threshold.year)
    }

    func pence(weeks: Multiplier, rule: RoundingRule) -> (weekly: Int64, annual: Int64)? {
        guard let w = week.roundedPence(rule), let a = year.roundedPence(rule) else { return nil }
        return (w, a)
    }
}
