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

extension FastBottomUpPlan {
    /// The plan's rounded figures by the fast path, into `sink`; `false` when
    /// the fast path cannot prove every penny or the plan has a problem, and
    /// the full breakdown (``BottomUpPlan/calculate(with:explains:)``) must decide.
    ///
    /// When it returns `true`, every line and total equals the full
    /// breakdown's, to the penny (`docs/fast-path.md` gives the proof). Lines
    /// reach the sink by position (`.care(0)`), without the input's ids.
    public func figures<Sink: BottomUpFigureSink>(_ parameters: FastBottomUpParameters, into sink: inout Sink) -> Bool {
        // The calculation borrows the parameters (unowned) and the plan (as arguments): no reference
        // counting on the way in or out, which was a tenth of the fast path's instructions.
        withExtendedLifetime(parameters) {
            var calculation = FastBottomUpCalculation(p: parameters, sink: sink)
            let proven = calculation.run(self)
            sink = calculation.sink
            return proven
        }
    }

    /// The plan's column totals by the fast path, or `nil` when the full breakdown must decide.
    public func totals(_ parameters: FastBottomUpParameters) -> BudgetTotals? {
        var sink = BottomUpTotalsSink()
        return figures(parameters, into: &sink) ? sink.totals : nil
    }
}

extension BottomUpPlan {
    /// The plan's column totals by the fast path, or `nil` when the full breakdown must decide.
    public func fastTotals(_ parameters: FastBottomUpParameters) -> BudgetTotals? {
        FastBottomUpPlan(self)?.totals(parameters)
    }
}

/// The steps of docs/rules.md §3 on ``BoundedAmount``s, in the same order as
/// `BottomUpCalculation`, with no strings, arrays or results built.
struct FastBottomUpCalculation<Sink: BottomUpFigureSink> {
    /// Kept alive by the caller (``FastBottomUpPlan/figures(_:into:)``) for the whole calculation.
    ///
    /// Reading a stored value through it takes no reference count; calling a method on it, or reading
    /// an array it holds, would retain and release it (or the array) each time. So the calculation
    /// only reads values and `ReadOnlyTable`s and calls static functions: a count on the snapshot,
    /// which every thread of a batch shares, is contended.
    unowned(unsafe) let p: FastBottomUpParameters
    var sink: Sink

    /// `G`, and the part of it held by a third party.
    var paPay = BoundedAmount.zero, paPayThirdParty = BoundedAmount.zero
    var agencyPay = BoundedAmount.zero, agencyPayThirdParty = BoundedAmount.zero
    /// The contingency base (docs/rules.md §3) and its third-party part.
    var careSubtotal = BoundedAmount.zero, careSubtotalThirdParty = BoundedAmount.zero
    /// The third-party part of the other items.
    var otherThirdParty = BoundedAmount.zero

    init(p: FastBottomUpParameters, sink: Sink) {
        self.p = p
        self.sink = sink
    }

    /// Rounds and records a recurring line from its exact weekly and annual amounts.
    mutating func recurring(_ line: BottomUpLine, weekly: BoundedAmount, annual: BoundedAmount) -> Bool {
        guard let w = weekly.roundedPence(p.rule), let a = annual.roundedPence(p.rule) else { return false }
        return sink.recurring(line, weeklyPence: w, annualPence: a)
    }

    /// A line whose natural period is the week.
    mutating func weeklyLine(_ line: BottomUpLine, _ weekly: BoundedAmount) -> Bool {
        recurring(line, weekly: weekly, annual: weekly.times(p.weeks))
    }

    /// A line whose natural period is the year; returns its exact weekly amount, or poisoned when not proven.
    mutating func annualLine(_ line: BottomUpLine, _ annual: BoundedAmount) -> BoundedAmount {
        guard let figures = AnnualLine(perWeek: p.perWeek, rule: p.rule).figures(annual) else { return .poisoned }
        return settled(line, figures) ? figures.weekly : .poisoned
    }

    /// Records a recurring line whose figures are already rounded.
    mutating func settled(_ line: BottomUpLine, _ figures: RecurringFigures) -> Bool {
        sink.recurring(line, weeklyPence: figures.weeklyPence, annualPence: figures.annualPence)
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
        return careSubtotal.isAbove(Self.largestCareSubtotal) == false
            && addOtherItems(plan.items, plan: plan.deployment) && addContingency(hasCare: hasCare) && addFees(anyDirectPayment: plan.anyDirectPayment)
    }

    /// £100,000,000 a week: a care subtotal above it takes the full path, so
    /// the hourly cost of PA care (at least 0.01 hours) always fits in pence
    /// and the annual figures stay inside the fixed-point range.
    static var largestCareSubtotal: BoundedAmount { BoundedAmount(units: 100_000_000 * BoundedAmount.unitsPerPound) }

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
            let weekly = rate.times(line.hours)
            guard let held = line.deployment ?? plan, weeklyLine(.care(i), weekly) else { return false }
            addPay(weekly, provider: line.provider, held: held)
        }
        return true
    }

    mutating func addSleepIns(_ sleepIns: [FastBottomUpPlan.SleepIn], plan: Deployment?) -> Bool {
        for i in sleepIns.indices {
            let line = sleepIns[i]
            guard let rate = line.rate ?? p.sleepInRate else { return false }
            let weekly = rate.times(line.nights)
            guard let held = line.deployment ?? plan, weeklyLine(.sleepIn(i), weekly) else { return false }
            addPay(weekly, provider: line.provider, held: held)
        }
        return true
    }

    /// Adds a care or sleep-in line's weekly pay to its provider's pay and the care subtotal.
    mutating func addPay(_ weekly: BoundedAmount, provider: Provider, held: Deployment) {
        let thirdParty = held == .thirdParty ? weekly : .zero
        if provider == .personalAssistant {
            paPay += weekly
            paPayThirdParty += thirdParty
        } else {
            agencyPay += weekly
            agencyPayThirdParty += thirdParty
        }
        careSubtotal += weekly
        careSubtotalThirdParty += thirdParty
    }

    /// Bank holidays (docs/rules.md §3): returns the PA line's exact weekly amount (zero when none), poisoned when not proven.
    mutating func addBankHolidays() -> BoundedAmount {
        guard let noPA = paPay.isZero, let noAgency = agencyPay.isZero else { return .poisoned }
        if noPA && noAgency { return .zero }
        guard let enhanced = p.bankHolidaysEnhanced else { return .poisoned }
        guard enhanced else { return .zero }
        guard let factor = p.bankHolidayFactor else { return .poisoned }
        let paWeekly = bankHolidayLine(.personalAssistant, pay: paPay, thirdParty: paPayThirdParty, factor: factor)
        let agencyWeekly = bankHolidayLine(.agency, pay: agencyPay, thirdParty: agencyPayThirdParty, factor: factor)
        return agencyWeekly.isPoisoned ? .poisoned : paWeekly
    }

    /// One provider's bank-holiday line, when it has pay: annual = days × (pay ÷ 7) × (m − 1).
    mutating func bankHolidayLine(_ provider: Provider, pay: BoundedAmount, thirdParty: BoundedAmount,
                                  factor: Multiplier) -> BoundedAmount {
        guard let none = pay.isZero else { return .poisoned }
        if none { return .zero }
        let weekly = annualLine(.bankHolidays(provider), pay.times(factor))
        careSubtotal += weekly
        careSubtotalThirdParty += thirdParty.times(factor).times(p.perWeek)
        return weekly
    }

    /// PA on-costs (docs/rules.md §3): itemised or flat, then the employment costs.
    mutating func addOnCosts(bankHolidaysPA: BoundedAmount, personalAssistants k: Int64, parts: [Multiplier]?) -> Bool {
        guard let mode = p.onCostMode else { return false }
        var onCosts = BoundedAmount.zero
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
    mutating func addItemised(bankHolidaysPA: BoundedAmount, personalAssistants k: Int64, parts: [Multiplier]?) -> BoundedAmount? {
        guard let holiday = p.holidayAccrual, let niRate = p.employerNIRate, let threshold = p.niSecondaryThreshold,
              let allowanceApplied = p.employmentAllowanceApplied, let pensionRate = p.pensionRate,
              let pensionThreshold = p.pensionThreshold, let lower = p.pensionLowerLimit, let upper = p.pensionUpperLimit
        else { return nil }
        let holidayBase = paPay + bankHolidaysPA
        let cover = holidayBase.times(holiday)
        guard weeklyLine(.holidayCover, cover) else { return nil }
        let earnings = holidayBase + cover

        // Employer NI and pension: Σ over PAs. With equal shares every PA earns
        // e = E ÷ k, so Σ max(0, e − T) = max(0, E − kT), exactly, and likewise
        // for pension; with weights each PA's e = E × w ÷ Σw.
        var weeklyNI = BoundedAmount.zero
        var pension = BoundedAmount.zero
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
            niWeekly = annualLine(.employerNI, (weeklyNI.times(p.weeks) - allowance).atLeast(.zero))
        } else if !weeklyLine(.employerNI, weeklyNI) {
            return nil
        }
        guard weeklyLine(.pension, pension) else { return nil }
        let sum = cover + niWeekly + pension
        return sum.isPoisoned ? nil : sum
    }

    /// Insurance and payroll once; training, DBS and recruitment per PA (docs/rules.md §3); returns the recurring weekly sum.
    mutating func addEmploymentCosts(personalAssistants k: Int64) -> BoundedAmount? {
        // The same for every plan with as many PAs: worked out with the snapshot, not here.
        guard let costs = FastBottomUpParameters.employmentCostFigures(
                  personalAssistants: k, settled: p.settledEmploymentCosts.elements, costs: p.employmentCosts),
              settled(.insurance, costs.insurance), settled(.payroll, costs.payroll), settled(.training, costs.training),
              sink.oneOff(.dbsChecks, pence: costs.dbsPence), sink.oneOff(.recruitment, pence: costs.recruitmentPence)
        else { return nil }
        return costs.recurringWeekly
    }

    mutating func addOtherItems(_ items: [FastBottomUpPlan.Item], plan: Deployment?) -> Bool {
        for i in items.indices {
            let item = items[i]
            let amount = item.amount
            let weekly: BoundedAmount
            switch item.period {
            case .weekly:
                guard weeklyLine(.other(i), amount) else { return false }
                weekly = amount
            case .fourWeekly:
                weekly = amount.times(p.quarter)
                guard weeklyLine(.other(i), weekly) else { return false }
            case .monthly:
                weekly = annualLine(.other(i), amount.times(12))
            case .annual:
                weekly = annualLine(.other(i), amount)
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
        let thirdParty: BoundedAmount
        switch mode {
        case .percent:
            guard weeklyLine(.contingency, careSubtotal.times(value)) else { return false }
            thirdParty = careSubtotalThirdParty.times(value)
        case .weeks:
            guard !annualLine(.contingency, careSubtotal.times(value)).isPoisoned else { return false }
            thirdParty = careSubtotalThirdParty.times(value).times(p.perWeek)
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
