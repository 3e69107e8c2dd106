/// How often a budget is paid.
public enum PaymentFrequency: String, Sendable, Hashable, CaseIterable {
    /// 52 payments a year, every 7 days.
    case weekly
    /// 13 payments a year, every 28 days.
    case fourWeekly
    /// 12 payments a year, on the same day of each month (the month's last day when shorter).
    case monthly

    /// Payments in a full year.
    public var perYear: Int {
        switch self {
        case .weekly: 52
        case .fourWeekly: 13
        case .monthly: 12
        }
    }

    /// The date of payment number `index` (0 first) from `start`.
    public func date(_ index: Int, from start: CalendarDate) -> CalendarDate? {
        switch self {
        case .weekly: start.adding(days: 7 * index)
        case .fourWeekly: start.adding(days: 28 * index)
        case .monthly: start.adding(months: index)
        }
    }
}

/// The payments actually made for a bottom-up budget: weekly, four-weekly or
/// monthly from a start date, adding up exactly to the annual figure (a part
/// year pro rata), with the one-off amounts in the first payment.
///
/// A full year pays `annual ÷ payments` each, the pennies left over one each
/// to the earliest payments. A part year (an end date within the year) is
/// paid `round(annual × days ÷ days in the year from the start)`, split the
/// same way over the payments that fall before the end.
public struct PaymentSchedule: BudgetCalculation {
    public var calculatorName: String { "paymentSchedule" }

    public var plan: BottomUpPlan
    public var frequency: PaymentFrequency
    /// The first payment's date.
    public var start: CalendarDate
    /// The day after the last day paid for, when the schedule covers less than a year.
    public var end: CalendarDate?

    public init(plan: BottomUpPlan, frequency: PaymentFrequency, start: CalendarDate, end: CalendarDate? = nil) {
        self.plan = plan
        self.frequency = frequency
        self.start = start
        self.end = end
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        let budget = try plan.calculate(in: context)
        guard let yearEnd = start.adding(years: 1) else {
            throw .invalidValue(field: "input.start", value: start.isoText, reason: "is too late a date")
        }
        let until = end ?? yearEnd
        guard start < until, !(yearEnd < until) else {
            throw .invalidValue(field: "input.end", value: until.isoText,
                                reason: "must be after the start and no more than a year after it (\(yearEnd.isoText))")
        }
        let yearDays = yearEnd.dayNumber - start.dayNumber
        let days = until.dayNumber - start.dayNumber
        var builder = try BreakdownBuilder(context: context)
        let exactPeriod = budget.totals.annual.exact * Rational(days) / Rational(yearDays)
        let period = try exactPeriod.roundedToMoney(builder.rule, context: "amount for the period")
        var dates: [CalendarDate] = []
        var index = 0
        while index < frequency.perYear, let date = frequency.date(index, from: start), date < until {
            dates.append(date)
            index += 1
        }
        let count = Int64(dates.count)
        let base = period.pence / count, extra = period.pence % count
        for (i, date) in dates.enumerated() {
            let recurring = base + (Int64(i) < extra ? 1 : 0)
            let oneOff = i == 0 ? budget.totals.oneOff.pence : 0
            try builder.oneOff(
                "payment\(i + 1)", "Payment \(i + 1), \(date.isoText)", exact: Money(pence: recurring + oneOff).exact,
                formula: .steps([
                    (Formula.value(.periodAmount, period.exact, .pounds) / .value(.payments, Rational(Int128(count), over: 1), .payments))
                        .equals(.payment, period.exact / Rational(Int128(count), over: 1), .pounds),
                    .steps([.value(.payment, Money(pence: recurring).exact, .pounds),
                            .note(i < Int(extra) ? .carriesAPennyMore : .roundedDownToPenny)]),
                ] + (oneOff > 0 ? [(Formula.value(.payment, Money(pence: recurring).exact, .pounds)
                                    + .value(.oneOffTotal, budget.totals.oneOff.exact, .pounds))
                                    .equals(.payment, Money(pence: recurring + oneOff).exact, .pounds)] : [])))
        }
        let figures = [
            ResultFigure(key: "annualBudget", label: "Annual budget", value: .money(budget.totals.annual),
                         formula: .note(.annualTotal)),
            ResultFigure(key: "periodAmount", label: "Recurring amount for the period", value: .money(period),
                         formula: days == yearDays ? .note(.fullYear)
                             : .rounded((Formula.value(.annual, budget.totals.annual.exact, .poundsAYear)
                                         * .value(.daysPaid, Rational(days), .days) / .value(.daysInYear, Rational(yearDays), .days))
                                        .equals(.periodAmount, exactPeriod, .pounds), places: 2, builder.rule)),
            ResultFigure(key: "payments", label: "Payments", value: .number(Rational(dates.count)),
                         formula: .steps([.value(.payments, Rational(dates.count), .payments), .note(.paymentsFromStartBeforeEnd)])),
        ]
        return try builder.result(calculator: calculatorName, title: "Payment schedule (\(frequency.rawValue))",
                                  context: context, figures: figures)
    }
}

extension CalendarDate {
    /// The date `days` later (or earlier), or `nil` outside years 1–9999.
    public func adding(days: Int) -> CalendarDate? {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The same day `months` later, or the month's last day when it is shorter.
    public func adding(months: Int) -> CalendarDate? {
        let total = year * 12 + (month - 1) + months
        let (y, m) = (total / 12, total % 12 + 1)
        guard (1...9999).contains(y) else { return nil }
        return CalendarDate(year: y, month: m, day: Swift.min(day, CalendarDate.daysIn(month: m, year: y)))
    }

    /// The same day a number of years later (28 February for 29 February in a common year).
    public func adding(years: Int) -> CalendarDate? { adding(months: 12 * years) }
}
