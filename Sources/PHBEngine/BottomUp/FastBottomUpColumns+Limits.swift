/// The sizes the columns admit, so that no sum or product of their costing leaves 64 bits, and they need no
/// overflow check (docs/fast-path.md, "Columns"): a plan or snapshot beyond them is costed alone, by the fast
/// path's checked steps. All are in units of 10⁻¹⁰ £ and far above any real plan's.
enum ColumnLimits {
    /// Care and sleep-in lines of a plan.
    static let payLines = 64
    /// Other items of a plan.
    static let items = 16
    /// An hourly or nightly rate, about £439.80: times 1,680,000 hundredths (168 hours at 100 staff) it stays below 2⁶³.
    static let rate: Int64 = 1 << 42
    /// An item's amount a period (times its quantity), about £112,590.
    static let itemAmount: Int64 = 1 << 50
    /// The bound of a rate or amount a plan or policy gives (exact ones have none).
    static let givenBound: Int64 = 1 << 20
    /// A plan's pay a week, its four sums together, value and bound, about £56,295: checked as each plan is costed.
    static let pay: Int64 = 1 << 49
    /// A weekly threshold or limit for a plan's PAs together, or their employment costs a week, about £56,295.
    static let weeklyPolicyAmount: Int64 = 1 << 49
    /// The Employment Allowance a year, about £7.2 million.
    static let allowance: Int64 = 1 << 56
    /// Weeks a year, or a contingency in weeks: the most any multiplier may be.
    static let weeks: Int64 = 64
    /// The bank-holiday factor, days × (multiplier − 1) ÷ 7: 4 is 8 days at 4.5 times pay. Every multiplier
    /// not named here is at most 1.
    static let bankHolidayFactor: Int64 = 4
    /// The largest numerator a multiplier multiplies by before dividing; a larger one divides first.
    static let wholeProductNumerator: Int64 = 64

    /// Whether `plan` is within the limits on its lines.
    static func admits(_ plan: FastBottomUpPlan) -> Bool {
        plan.care.count + plan.sleepIns.count <= payLines && plan.items.count <= items
            && plan.care.allSatisfy { !$0.hasOwnRate || admits(rate: $0.ownRate) }
            && plan.sleepIns.allSatisfy { $0.rate.map { admits(rate: $0) } ?? true }
            && plan.items.allSatisfy { admits($0.amount, most: itemAmount) }
    }

    /// Whether a policy's rate is within the limits.
    static func admits(rate: BoundedAmount) -> Bool { admits(rate, most: Self.rate) }

    /// Whether an amount is at least zero and at most `most`, with a bound of at most ``givenBound``.
    static func admits(_ amount: BoundedAmount, most: Int64) -> Bool {
        amount.value >= 0 && amount.value <= most && amount.bound >= 0 && amount.bound <= givenBound
    }

    /// Whether a multiplier is at most `most` (its ceiling: ⌈n ÷ d⌉).
    static func admits(_ m: Multiplier, most: Int64) -> Bool { m.ceiling <= most }
}

/// The snapshot's values the columns read, as plain values: `nil` when any is missing (every plan is then
/// costed on its own, and the fast path or the full breakdown says which value a plan needs).
struct ColumnParameters {
    let rule: RoundingRule
    /// Weeks a year, its inverse, and a quarter (four-weekly to weekly).
    let weeks: ColumnMultiplier, perWeek: ColumnMultiplier, quarter: ColumnMultiplier
    let nationalLivingWage: BoundedAmount
    let sleepInRate: BoundedAmount
    let bankHolidaysEnhanced: Bool
    let bankHolidayFactor: ColumnMultiplier
    let flatOnCost: ColumnMultiplier?
    let holidayAccrual: ColumnMultiplier, employerNIRate: ColumnMultiplier
    let niThreshold: BoundedAmount
    /// The Employment Allowance when it is applied.
    let employmentAllowance: BoundedAmount?
    let pensionRate: ColumnMultiplier
    let pensionThreshold: BoundedAmount, pensionLowerLimit: BoundedAmount, pensionUpperLimit: BoundedAmount
    /// The figures for 1 ... ``EmploymentCosts/settledPACounts`` PAs (a plan with more is costed on its own).
    let byPAs: [PAFigures]
    let contingencyInWeeks: Bool
    let contingency: ColumnMultiplier
    let thirdPartyFee: ColumnMultiplier
    let supportFee: RoundedPence, setUpFee: Int64
    let largestCareSubtotal: BoundedAmount

    init?(_ p: FastBottomUpParameters) {
        guard let wage = p.nationalLivingWage, let sleepInRate = p.sleepInRate, let enhanced = p.bankHolidaysEnhanced,
              let factor = p.bankHolidayFactor, let mode = p.onCostMode, let holiday = p.holidayAccrual,
              let niRate = p.employerNIRate, let niThreshold = p.niSecondaryThreshold,
              let allowanceApplied = p.employmentAllowanceApplied,
              let pensionRate = p.pensionRate, let pensionThreshold = p.pensionThreshold, let lower = p.pensionLowerLimit,
              let upper = p.pensionUpperLimit, let contingencyMode = p.contingencyMode, let contingency = p.contingency,
              let fee = p.thirdPartyFee, let fees = p.directPaymentFees
        else { return nil }
        let costs = p.settledEmploymentCosts.elements.compactMap { $0 }
        guard costs.count == p.settledEmploymentCosts.elements.count, mode == .itemised || p.flatOnCost != nil,
              !allowanceApplied || p.employmentAllowance != nil else { return nil }
        // Within ``ColumnLimits``: weeks (and a contingency in weeks) at most 64, the bank-holiday factor at most 4,
        // every other multiplier at most 1, rates and amounts below their limits.
        let atMostOne = [p.perWeek, p.quarter, holiday, niRate, pensionRate, fee]
            + (mode == .flat ? [p.flatOnCost].compactMap { $0 } : [])
        guard ColumnLimits.admits(p.weeks, most: ColumnLimits.weeks),
              ColumnLimits.admits(factor, most: ColumnLimits.bankHolidayFactor),
              ColumnLimits.admits(contingency, most: contingencyMode == .weeks ? ColumnLimits.weeks : 1),
              atMostOne.allSatisfy({ ColumnLimits.admits($0, most: 1) }),
              ColumnLimits.admits(rate: wage), ColumnLimits.admits(rate: sleepInRate),
              p.employmentAllowance.map({ ColumnLimits.admits($0, most: ColumnLimits.allowance) }) ?? true
        else { return nil }
        rule = p.rule
        weeks = ColumnMultiplier(p.weeks)
        perWeek = ColumnMultiplier(p.perWeek)
        quarter = ColumnMultiplier(p.quarter)
        nationalLivingWage = wage
        self.sleepInRate = sleepInRate
        bankHolidaysEnhanced = enhanced
        bankHolidayFactor = ColumnMultiplier(factor)
        flatOnCost = mode == .flat ? p.flatOnCost.map(ColumnMultiplier.init) : nil
        holidayAccrual = ColumnMultiplier(holiday)
        employerNIRate = ColumnMultiplier(niRate)
        self.niThreshold = niThreshold.week
        employmentAllowance = allowanceApplied ? p.employmentAllowance : nil
        self.pensionRate = ColumnMultiplier(pensionRate)
        self.pensionThreshold = pensionThreshold.week
        pensionLowerLimit = lower.week
        pensionUpperLimit = upper.week
        byPAs = zip(1...Int64(costs.count), costs).map { k, costs in
            PAFigures(ni: niThreshold.week.times(k), pension: pensionThreshold.week.times(k),
                      lower: lower.week.times(k), upper: upper.week.times(k), costs: costs)
        }
        guard byPAs.allSatisfy(\.isWithinLimits) else { return nil }
        contingencyInWeeks = contingencyMode == .weeks
        self.contingency = ColumnMultiplier(contingency)
        thirdPartyFee = ColumnMultiplier(fee)
        supportFee = fees.support.pence
        setUpFee = fees.setUpPence
        largestCareSubtotal = BoundedAmount(units: 100_000_000 * BoundedAmount.unitsPerPound)
    }
}

/// What depends on a plan's number of PAs only: the weekly NI threshold, pension threshold and pension limits for
/// its PAs together (equal shares), and its employment-cost lines (insurance, payroll and training; DBS checks
/// and recruitment), their pence summed.
struct PAFigures {
    let ni: BoundedAmount, pension: BoundedAmount, lower: BoundedAmount, upper: BoundedAmount
    let weeklyPence: Int64, annualPence: Int64, oneOffPence: Int64
    /// Insurance, payroll and training a week: their part of the care subtotal.
    let recurring: BoundedAmount

    init(ni: BoundedAmount, pension: BoundedAmount, lower: BoundedAmount, upper: BoundedAmount, costs: EmploymentCostFigures) {
        self.ni = ni
        self.pension = pension
        self.lower = lower
        self.upper = upper
        // A sum that overflows is kept as −1: the figures are then poisoned.
        func sum(_ terms: Int64...) -> Int64 {
            var total: Int64 = 0
            for term in terms {
                let (next, overflow) = total.addingReportingOverflow(term)
                if overflow || term < 0 { return -1 }
                total = next
            }
            return total
        }
        weeklyPence = sum(costs.insurance.weekly, costs.payroll.weekly, costs.training.weekly)
        annualPence = sum(costs.insurance.annual, costs.payroll.annual, costs.training.annual)
        oneOffPence = sum(costs.dbsPence, costs.recruitmentPence)
        recurring = costs.recurring.week
    }

    /// Whether every amount is below ``ColumnLimits/weeklyPolicyAmount`` (and not poisoned), and every sum of pence fitted.
    var isWithinLimits: Bool {
        [ni, pension, lower, upper, recurring].allSatisfy { ColumnLimits.admits($0, most: ColumnLimits.weeklyPolicyAmount) }
            && weeklyPence >= 0 && annualPence >= 0 && oneOffPence >= 0
    }
}
