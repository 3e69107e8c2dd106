/// Receives the rounded figures of the fast path, line by line.
public protocol BottomUpFigureSink {
    /// A recurring line's weekly and annual pence; `false` stops the calculation (e.g. a total overflowed).
    mutating func recurring(_ line: BottomUpLine, weeklyPence: Int64, annualPence: Int64) -> Bool
    /// A one-off line's pence; `false` stops the calculation.
    mutating func oneOff(_ line: BottomUpLine, pence: Int64) -> Bool
}

/// Column totals gathered from the fast path: the batch's sink.
public struct BottomUpTotalsSink: BottomUpFigureSink, Sendable {
    public var weekly: Int64 = 0
    public var annual: Int64 = 0
    public var oneOff: Int64 = 0

    public init() {}

    @inlinable
    public mutating func recurring(_ line: BottomUpLine, weeklyPence: Int64, annualPence: Int64) -> Bool {
        let (w, o1) = weekly.addingReportingOverflow(weeklyPence)
        let (a, o2) = annual.addingReportingOverflow(annualPence)
        weekly = w
        annual = a
        return !(o1 || o2)
    }

    @inlinable
    public mutating func oneOff(_ line: BottomUpLine, pence: Int64) -> Bool {
        let (t, o) = oneOff.addingReportingOverflow(pence)
        oneOff = t
        return !o
    }

    /// The totals, or `nil` if the first-year total does not fit.
    public var totals: BudgetTotals? {
        let (firstYear, o) = annual.addingReportingOverflow(oneOff)
        return o ? nil : BudgetTotals(weekly: Money(pence: weekly), annual: Money(pence: annual),
                                      oneOff: Money(pence: oneOff), firstYear: Money(pence: firstYear))
    }
}

/// Every line's rounded figures from the fast path, in the full breakdown's
/// order: the rows of a lines file.
public struct BottomUpLineFiguresSink: BottomUpFigureSink, Sendable {
    /// One line's figures: weekly and annual for a recurring line, one-off for a one-off line.
    public struct LineFigures: Sendable, Hashable {
        /// The line, by position (the fast path does not know the input's ids).
        public var line: BottomUpLine
        public var weekly: Money?
        public var annual: Money?
        public var oneOff: Money?
    }

    /// The lines so far.
    public private(set) var lines: [LineFigures] = []

    public init() {}

    public mutating func recurring(_ line: BottomUpLine, weeklyPence: Int64, annualPence: Int64) -> Bool {
        lines.append(LineFigures(line: line, weekly: Money(pence: weeklyPence), annual: Money(pence: annualPence), oneOff: nil))
        return true
    }

    public mutating func oneOff(_ line: BottomUpLine, pence: Int64) -> Bool {
        lines.append(LineFigures(line: line, weekly: nil, annual: nil, oneOff: Money(pence: pence)))
        return true
    }
}

/// Which of the fast path's tries settled a plan's figures (docs/fast-path.md).
public enum FastPathTry: Sendable, Hashable, CaseIterable {
    /// Weekly values with a bound: nearly every plan.
    case bounded
    /// Weekly and annual values side by side, each with its bound.
    case twoScales
    /// Exact fractions: a plan with a figure on a half penny after a truncating step.
    case exact
}

extension FastBottomUpPlan {
    /// The plan's rounded figures by the fast path, into `sink`, and the try
    /// that settled them; `nil` when the fast path cannot prove every penny or
    /// the plan has a problem, and the full breakdown
    /// (``BottomUpPlan/calculate(with:explains:)``) must decide.
    ///
    /// When it answers, every line and total equals the full breakdown's, to
    /// the penny (`docs/fast-path.md` gives the proof). Lines reach the sink by
    /// position (`.care(0)`), without the input's ids.
    @discardableResult
    public func figures<Sink: BottomUpFigureSink>(_ parameters: FastBottomUpParameters, into sink: inout Sink) -> FastPathTry? {
        // The calculation borrows the parameters (unowned) and the plan (as arguments): no reference
        // counting on the way in or out, which was a tenth of the fast path's instructions.
        withExtendedLifetime(parameters) {
            var first = FastBottomUpCalculation<Sink, BoundedAmount>(p: parameters, sink: sink)
            if first.run(self) {
                sink = first.sink
                return .bounded
            }
            // Each later try starts from the sink as it was. The second: weekly and annual values side by
            // side, for the few plans with an annual figure on a half penny that the first try's bound could
            // not settle.
            var second = FastBottomUpCalculation<Sink, TwoScaleAmount>(p: parameters, sink: sink)
            if second.run(self) {
                sink = second.sink
                return .twoScales
            }
            // The third: exact fractions, for a figure on a half penny after a step both scales truncate.
            var third = FastBottomUpCalculation<Sink, ExactAmount>(p: parameters, sink: sink)
            guard third.run(self) else { return nil }
            sink = third.sink
            return .exact
        }
    }

    /// The plan's column totals by the fast path, or `nil` when the full breakdown must decide.
    public func totals(_ parameters: FastBottomUpParameters) -> BudgetTotals? {
        var sink = BottomUpTotalsSink()
        return figures(parameters, into: &sink) != nil ? sink.totals : nil
    }
}

extension BottomUpPlan {
    /// The plan's column totals by the fast path, or `nil` when the full breakdown must decide.
    public func fastTotals(_ parameters: FastBottomUpParameters) -> BudgetTotals? {
        FastBottomUpPlan(self)?.totals(parameters)
    }
}

/// The steps of docs/rules.md §3 on amounts with a bound (``FastAmount``), in
/// the same order as `BottomUpCalculation`, with no strings, arrays or results built.
struct FastBottomUpCalculation<Sink: BottomUpFigureSink, Amount: FastAmount> {
    /// Kept alive by the caller (``FastBottomUpPlan/figures(_:into:)``) for the whole calculation.
    ///
    /// Reading a stored value through it takes no reference count; calling a method on it, or reading
    /// an array it holds, would retain and release it (or the array) each time. So the calculation
    /// only reads values and `ReadOnlyTable`s and calls static functions: a count on the snapshot,
    /// which every thread of a batch shares, is contended.
    unowned(unsafe) let p: FastBottomUpParameters
    var sink: Sink

    /// `G`, and the part of it held by a third party.
    var paPay = Amount.zero, paPayThirdParty = Amount.zero
    var agencyPay = Amount.zero, agencyPayThirdParty = Amount.zero
    /// The contingency base (docs/rules.md §3) and its third-party part.
    var careSubtotal = Amount.zero, careSubtotalThirdParty = Amount.zero
    /// The third-party part of the other items.
    var otherThirdParty = Amount.zero

    init(p: FastBottomUpParameters, sink: Sink) {
        self.p = p
        self.sink = sink
    }

    /// A line whose natural period is the week.
    mutating func weeklyLine(_ line: BottomUpLine, _ weekly: Amount) -> Bool {
        guard let (w, a) = weekly.pence(weeks: p.weeks, rule: p.rule) else { return false }
        return sink.recurring(line, weeklyPence: w, annualPence: a)
    }

    /// A line whose natural period is the year, from its annual amount; returns its amount, or poisoned when not proven.
    mutating func annualLine(_ line: BottomUpLine, _ annual: Amount.Annual) -> Amount {
        guard let (amount, pence) = Amount.annualLine(annual, perWeek: p.perWeek, rule: p.rule), settled(line, pence)
        else { return poisoned }
        return amount
    }

    /// Records a recurring line whose figures are already rounded.
    mutating func settled(_ line: BottomUpLine, _ figures: RecurringFigures) -> Bool {
        settled(line, figures.pence)
    }

    mutating func settled(_ line: BottomUpLine, _ pence: RoundedPence) -> Bool {
        sink.recurring(line, weeklyPence: pence.weekly, annualPence: pence.annual)
    }

    mutating func oneOffLine(_ line: BottomUpLine, _ amount: BoundedAmount) -> Bool {
        guard let pence = amount.roundedPence(p.rule) else { return false }
        return sink.oneOff(line, pence: pence)
    }

    /// Costs `plan`, borrowed: its lines are passed down, never stored.
    mutating func run(_ plan: borrowing FastBottomUpPlan) -> Bool {
        guard addCareLines(plan.care, plan: plan.deployment), addSleepIns(plan.sleepIns, plan: plan.deployment) else { return false }
        let bankHolidaysPA = addBankHolidays()
        if bankHolidaysPA.isPoisoned { return false }
        guard let noPAPay = paPay.isZero else { return false }
        if !noPAPay, !addOnCosts(bankHolidaysPA: bankHolidaysPA, personalAssistants: plan.personalAssistants,
                                 parts: plan.parts) { return false }
        let hasCare = !plan.care.isEmpty || !plan.sleepIns.isEmpty
        return careSubtotal.isAbove(largestCareSubtotal) == false
            && addOtherItems(plan.items, plan: plan.deployment) && addContingency(hasCare: hasCare) && addFees(anyDirectPayment: plan.anyDirectPayment)
    }

    /// £100,000,000 a week: a care subtotal above it takes the full path, so
    /// the hourly cost of PA care (at least 0.01 hours) always fits in pence
    /// and the annual figures stay inside the fixed-point range.
    var largestCareSubtotal: Amount { Amount.weekly(BoundedAmount(units: 100_000_000 * BoundedAmount.unitsPerPound), weeks: p.weeks) }

    /// Care lines; `plan` is the plan's deployment, for lines with none of their own.
    mutating func addCareLines(_ care: [FastBottomUpPlan.Care], plan: Deployment?) -> Bool {
        for i in care.indices {
            let line = care[i]
            // The policy's PA rates were checked against the wage with the snapshot; a line's own rate is checked here.
            let rates = line.provider == .personalAssistant ? p.paRates.elements : p.agencyRates.elements
            guard let rate = line.rate ?? FastBottomUpParameters.hourlyRate(band: line.band, in: rates) else { return false }
            if line.provider == .personalAssistant, line.rate != nil {
                guard let wage = p.nationalLivingWage, FastBottomUpParameters.meetsWage(rate, wage) else { return false }
            }
            let weekly = Amount.weekly(rate.times(line.hours), weeks: p.weeks)
            guard let held = line.deployment ?? plan, weeklyLine(.care(i), weekly) else { return false }
            addPay(weekly, provider: line.provider, held: held)
        }
        return true
    }

    mutating func addSleepIns(_ sleepIns: [FastBottomUpPlan.SleepIn], plan: Deployment?) -> Bool {
        for i in sleepIns.indices {
            let line = sleepIns[i]
            guard let rate = line.rate ?? p.sleepInRate else { return false }
            let weekly = Amount.weekly(rate.times(line.nights), weeks: p.weeks)
            guard let held = line.deployment ?? plan, weeklyLine(.sleepIn(i), weekly) else { return false }
            addPay(weekly, provider: line.provider, held: held)
        }
        return true
    }

    /// Adds a care or sleep-in line's weekly pay to its provider's pay and the care subtotal.
    mutating func addPay(_ weekly: Amount, provider: Provider, held: Deployment) {
        let thirdParty = held == .thirdParty
        if provider == .personalAssistant {
            paPay += weekly
            if thirdParty { paPayThirdParty += weekly }
        } else {
            agencyPay += weekly
            if thirdParty { agencyPayThirdParty += weekly }
        }
        careSubtotal += weekly
        if thirdParty { careSubtotalThirdParty += weekly }
    }

    /// Bank holidays (docs/rules.md §3): returns the PA line's exact weekly amount (zero when none), poisoned when not proven.
    mutating func addBankHolidays() -> Amount {
        guard let noPA = paPay.isZero, let noAgency = agencyPay.isZero else { return poisoned }
        if noPA && noAgency { return .zero }
        guard let enhanced = p.bankHolidaysEnhanced else { return poisoned }
        guard enhanced else { return .zero }
        guard let factor = p.bankHolidayFactor else { return poisoned }
        let paWeekly = bankHolidayLine(.personalAssistant, pay: paPay, thirdParty: paPayThirdParty, factor: factor)
        let agencyWeekly = bankHolidayLine(.agency, pay: agencyPay, thirdParty: agencyPayThirdParty, factor: factor)
        return agencyWeekly.isPoisoned ? poisoned : paWeekly
    }

    /// The result of an overflow, or of a step not proven: it settles nothing.
    var poisoned: Amount { Amount.weekly(.poisoned, weeks: p.weeks) }

    /// One provider's bank-holiday line, when it has pay: annual = days × (pay ÷ 7) × (m − 1).
    mutating func bankHolidayLine(_ provider: Provider, pay: Amount, thirdParty: Amount,
                                  factor: Multiplier) -> Amount {
        guard let none = pay.isZero else { return poisoned }
        if none { return .zero }
        let weekly = annualLine(.bankHolidays(provider), pay.annual(weeklyTimes: factor))
        careSubtotal += weekly
        careSubtotalThirdParty += Amount.annual(thirdParty.annual(weeklyTimes: factor), perWeek: p.perWeek)
        return weekly
    }

    /// PA on-costs (docs/rules.md §3): itemised or flat, then the employment costs.
    mutating func addOnCosts(bankHolidaysPA: Amount, personalAssistants k: Int64, parts: [Multiplier]?) -> Bool {
        guard let mode = p.onCostMode else { return false }
        var onCosts = Amount.zero
        if mode == .flat {
            guard let flat = p.flatOnCost else { return false }
            let weekly = paPay.times(flat)
            guard weeklyLine(.flatOnCost, weekly) else { return false }
            onCosts += weekly
        } else {
            guard let itemised = addItemised(bankHolidaysPA: bankHolidaysPA, personalAssistants: k, parts: parts)
            else { return false }
            onCosts += itemised
        }
        guard let employment = addEmploymentCosts(personalAssistants: k) else { return false }
        onCosts += employment
        careSubtotal += onCosts
        // On-cost lines are held as PA pay is: their third-party part is onCosts × G(third party) ÷ G.
        careSubtotalThirdParty += onCosts.proportion(paPayThirdParty, of: paPay)
        return !onCosts.isPoisoned && !careSubtotalThirdParty.isPoisoned
    }

    /// Holiday cover, employer NI and pension; returns their exact weekly sum, or `nil` when not proven.
    mutating func addItemised(bankHolidaysPA: Amount, personalAssistants k: Int64, parts: [Multiplier]?) -> Amount? {
        guard let holiday = p.holidayAccrual, let niRate = p.employerNIRate, let niThreshold = p.niSecondaryThreshold,
              let allowanceApplied = p.employmentAllowanceApplied, let pensionRate = p.pensionRate,
              let pensionTrigger = p.pensionThreshold, let lowerLimit = p.pensionLowerLimit, let upperLimit = p.pensionUpperLimit
        else { return nil }
        let threshold = Amount.scaled(niThreshold, perWeek: p.perWeek), pensionThreshold = Amount.scaled(pensionTrigger, perWeek: p.perWeek)
        let lower = Amount.scaled(lowerLimit, perWeek: p.perWeek), upper = Amount.scaled(upperLimit, perWeek: p.perWeek)
        let holidayBase = paPay + bankHolidaysPA
        let cover = holidayBase.times(holiday)
        guard weeklyLine(.holidayCover, cover) else { return nil }
        let earnings = holidayBase + cover

        // Employer NI and pension: Σ over PAs. With equal shares every PA earns
        // e = E ÷ k, so Σ max(0, e − T) = max(0, E − kT), exactly, and likewise
        // for pension; with weights each PA's e = E × w ÷ Σw.
        var weeklyNI = Amount.zero
        var pension = Amount.zero
        if let parts {
            for part in parts {
                let e = earnings.times(part)
                weeklyNI += (e - threshold).atLeast(.zero).times(niRate)
                guard let enrolled = e.isAbove(pensionThreshold) else { return nil }
                if enrolled { pension += (e.atMost(upper) - lower).atLeast(.zero).times(pensionRate) }
            }
        } else {
            guard let enrolled = earnings.isAbove(pensionThreshold.times(k)) else { return nil }
            weeklyNI = (earnings - threshold.times(k)).atLeast(.zero).times(niRate)
            if enrolled { pension = (earnings.atMost(upper.times(k)) - lower.times(k)).atLeast(.zero).times(pensionRate) }
        }

        var niWeekly = weeklyNI
        if allowanceApplied {
            // annual = max(0, weekly NI × weeks − allowance) (docs/rules.md §3)
            guard let allowance = p.employmentAllowance else { return nil }
            niWeekly = annualLine(.employerNI, weeklyNI.annualValue(weeks: p.weeks, less: allowance))
        } else if !weeklyLine(.employerNI, weeklyNI) {
            return nil
        }
        guard weeklyLine(.pension, pension) else { return nil }
        let sum = cover + niWeekly + pension
        return sum.isPoisoned ? nil : sum
    }

    /// Insurance and payroll once; training, DBS and recruitment per PA (docs/rules.md §3); returns the recurring weekly sum.
    mutating func addEmploymentCosts(personalAssistants k: Int64) -> Amount? {
        // The same for every plan with as many PAs: worked out with the snapshot, not here.
        guard let costs = FastBottomUpParameters.employmentCostFigures(
                  personalAssistants: k, settled: p.settledEmploymentCosts.elements, costs: p.employmentCosts),
              settled(.insurance, costs.insurance), settled(.payroll, costs.payroll), settled(.training, costs.training),
              sink.oneOff(.dbsChecks, pence: costs.dbsPence), sink.oneOff(.recruitment, pence: costs.recruitmentPence)
        else { return nil }
        return Amount.scaled(costs.recurring, perWeek: p.perWeek)
    }

    mutating func addOtherItems(_ items: [FastBottomUpPlan.Item], plan: Deployment?) -> Bool {
        for i in items.indices {
            let item = items[i]
            let amount = item.amount
            let weekly: Amount
            switch item.period {
            case .weekly:
                weekly = Amount.weekly(amount, weeks: p.weeks)
                guard weeklyLine(.other(i), weekly) else { return false }
            case .fourWeekly:
                weekly = Amount.weekly(amount.times(p.quarter), weeks: p.weeks)
                guard weeklyLine(.other(i), weekly) else { return false }
            case .monthly:
                weekly = annualLine(.other(i), Amount.annual(given: amount.times(12)))
            case .annual:
                weekly = annualLine(.other(i), Amount.annual(given: amount))
            case .oneOff:
                guard oneOffLine(.other(i), amount) else { return false }
                continue
            }
            if weekly.isPoisoned { return false }
            if (item.deployment ?? plan) == .thirdParty { otherThirdParty += weekly }
        }
        return true
    }

    /// Contingency (docs/rules.md §3), present when the plan has any care or sleep-in line.
    mutating func addContingency(hasCare: Bool) -> Bool {
        guard hasCare else { return true }
        guard let mode = p.contingencyMode, let value = p.contingency else { return false }
        let thirdParty: Amount
        switch mode {
        case .percent:
            guard weeklyLine(.contingency, careSubtotal.times(value)) else { return false }
            thirdParty = careSubtotalThirdParty.times(value)
        case .weeks:
            guard !annualLine(.contingency, careSubtotal.annual(weeklyTimes: value)).isPoisoned else { return false }
            thirdParty = Amount.annual(careSubtotalThirdParty.annual(weeklyTimes: value), perWeek: p.perWeek)
        }
        otherThirdParty += thirdParty
        return true
    }

    /// Fees by how the budget is held (docs/rules.md §3).
    mutating func addFees(anyDirectPayment: Bool) -> Bool {
        let thirdPartyBase = careSubtotalThirdParty + otherThirdParty
        guard let noFee = thirdPartyBase.isZero else { return false }
        if !noFee {
            guard let fee = p.thirdPartyFee, weeklyLine(.thirdPartyFee, thirdPartyBase.times(fee)) else { return false }
        }
        if anyDirectPayment {
            guard let fees = p.directPaymentFees, settled(.directPaymentSupportFee, fees.support),
                  sink.oneOff(.directPaymentSetUpFee, pence: fees.setUpPence) else { return false }
        }
        return true
    }
}
