/// The costs of employing PAs on top of their pay (docs/rules.md §3):
/// holiday cover, employer NI, pension (or one flat percentage), and the
/// employment costs of insurance, payroll, training, DBS checks and recruitment.
struct PersonalAssistantOnCosts {
    let parameters: BottomUpParameters
    /// Weeks per year, for annual figures.
    let weeksPerYear: Rational
    /// `G`: exact weekly PA pay (care and sleep-ins).
    let pay: Rational
    /// Exact weekly PA bank-holiday enhancement.
    let bankHolidays: Rational
    /// Relative shares of pay, one per PA.
    let weights: [Rational]
    /// How PA pay is held; every on-cost line is held the same way.
    let shares: DeploymentShares

    /// The exact weekly sum of the recurring lines added (each held as `shares`), for the hourly cost,
    /// contingency and fees.
    private(set) var recurringTotal = Rational.zero
    /// Notes for the result's warnings.
    private(set) var notes: [ResultWarning] = []

    init(parameters: BottomUpParameters, weeksPerYear: Rational, pay: Rational, bankHolidays: Rational, weights: [Rational],
         shares: DeploymentShares) {
        self.parameters = parameters
        self.weeksPerYear = weeksPerYear
        self.pay = pay
        self.bankHolidays = bankHolidays
        self.weights = weights
        self.shares = shares
    }

    var paCount: Int { weights.count }

    /// A number of PAs in a formula.
    static func assistants(_ count: Int) -> Formula { .value(.personalAssistants, Rational(count), .personalAssistants) }

    /// A number of PAs, written.
    static func assistants(_ count: Int, _ w: inout FormulaWriter) {
        w.value(.personalAssistants, Rational(count), .personalAssistants)
    }

    /// Adds every on-cost line to `builder`, their workings' values to `held` when the breakdown is explained.
    mutating func add(to builder: inout BreakdownBuilder, held: BottomUpWorkings?) throws(BudgetError) {
        let mode = try parameters.onCostMode.value()
        if mode == .flat {
            let flat = try parameters.flatOnCost.value()
            let weekly = pay * flat
            let part = held?.hold(.flatOnCost(FlatOnCostWorking(pay: pay, flat: flat, exactWeekly: weekly))) ?? 0
            try addRecurring(builder.recurring(
                BottomUpLine.Derived.flatOnCost.key, BottomUpLine.Derived.flatOnCost.words, exactWeekly: weekly,
                held: HeldLine(part: part), deployment: shares, parameters: parameters.lineUses.flatOnCost))
        } else {
            try addItemised(to: &builder, held: held)
        }
        // Insurance and payroll once per employer; training, DBS and recruitment per PA (docs/rules.md §3):
        // worked out once per snapshot.
        let employmentCosts = try parameters.employmentCostLines(paCount: paCount)
        builder.append(employmentCosts, deployment: shares)
        addRecurring(employmentCosts.recurringTotal)
    }

    private mutating func addRecurring(_ exactWeekly: Rational) {
        recurringTotal += exactWeekly
    }

    /// Adds the holiday cover, employer NI and pension lines, their workings' values held once for the three.
    private mutating func addItemised(to builder: inout BreakdownBuilder, held: BottomUpWorkings?) throws(BudgetError) {
        let earnings = PersonalAssistantEarnings(pay: pay, bankHolidays: bankHolidays,
                                                 holiday: try parameters.holidayAccrual.value(), weights: weights)
        let employerNI = try employerNI(earnings.perPA)
        let pension = try pension(earnings.perPA)
        var parts: (holidayCover: Int32, employerNI: Int32, pension: Int32) = (0, 0, 0)
        if let held { parts = (held.hold(.holidayCover), held.hold(.employerNI), held.hold(.pension)) }
        try addRecurring(builder.recurring(
            BottomUpLine.Derived.holidayCover.key, BottomUpLine.Derived.holidayCover.words, exactWeekly: earnings.cover,
            held: HeldLine(part: parts.holidayCover), deployment: shares, parameters: parameters.lineUses.holidayCover))
        try addRecurring(builder.recurring(
            BottomUpLine.Derived.employerNI.key, BottomUpLine.Derived.employerNI.words, exactWeekly: employerNI.exactWeekly,
            exactAnnual: employerNI.exactAnnual, held: HeldLine(part: parts.employerNI, hasQuantity: true), deployment: shares,
            parameters: employerNI.allowance != nil ? parameters.lineUses.employerNIWithAllowance : parameters.lineUses.employerNI))
        try addRecurring(builder.recurring(
            BottomUpLine.Derived.pension.key, BottomUpLine.Derived.pension.words, exactWeekly: pension.total,
            held: HeldLine(part: parts.pension, hasQuantity: true), deployment: shares,
            parameters: pension.thresholdKey == .pensionLowerLimit ? parameters.lineUses.pensionFromLowerLimit
                                                                   : parameters.lineUses.pensionFromTrigger))
        // The values the three parts show, moved into the held workings once the lines are added (copied, the
        // earnings' lists were retained and released).
        held?.hold(itemisedOnCosts: ItemisedOnCostValues(earnings: consume earnings, employerNI: consume employerNI,
                                                         pension: consume pension))
    }

    /// The name of PA `i`'s weekly earnings: `earnings` when there is one PA, else `earnings[i]`.
    static func earningsName(_ i: Int, of count: Int) -> QuantityName {
        count == 1 ? .earnings : QuantityName(.earnings, at: i)
    }

    /// PA `i`'s weekly earnings, written.
    static func earnings(_ perPA: EarningsPerPA, _ i: Int, _ w: inout FormulaWriter) {
        w.value(earningsName(i, of: perPA.count), perPA[i], .poundsAWeek)
    }

    /// The terms `term` writes for each of `indices` that `included` takes (`count` of them), summed when there are
    /// several. (The indices are filtered here, not by a lazy filter, which held its test in a context of its own
    /// on the heap.)
    static func sum(_ indices: Range<Int>, count: Int, where included: (Int) -> Bool = { _ in true }, _ w: inout FormulaWriter,
                    _ term: (Int, inout FormulaWriter) -> Void) {
        if count == 1, let i = indices.first(where: included) { return term(i, &w) }
        w.sum { w in
            for i in indices where included(i) { term(i, &w) }
        }
    }

    /// Employer NI on each PA's earnings above the secondary threshold, less the employment allowance when it
    /// applies (docs/rules.md §3).
    private mutating func employerNI(_ perPA: EarningsPerPA) throws(BudgetError) -> EmployerNIWorking {
        let rate = try parameters.employerNIRate.value()
        let threshold = try parameters.niSecondaryThreshold.value()
        // Summed by index: a sum through `reduce` copied the earnings into its iterator, a reference count each way.
        var weeklyNI = Rational.zero
        for i in perPA.indices { weeklyNI = weeklyNI + (perPA[i] - threshold).clampedAtZero * rate }
        // With the allowance: annual NI = max(0, weekly NI × weeks − allowance) (docs/rules.md §3).
        var allowance: EmployerNIWorking.Allowance?
        if try parameters.employmentAllowanceApplied.value() {
            let annualAllowance = try parameters.employmentAllowance.value()
            let annualBefore = weeklyNI * weeksPerYear
            let annual = (annualBefore - annualAllowance).clampedAtZero
            allowance = .init(value: annualAllowance, annualBefore: annualBefore, annual: annual)
            if annual.isZero, !weeklyNI.isZero {
                notes.append(.employerNICoveredByAllowance(annualBefore: annualBefore))  // its words made when read
            }
        }
        return EmployerNIWorking(rate: rate, threshold: threshold, weekly: weeklyNI, allowance: allowance,
                                 weeksPerYear: weeksPerYear)
    }

    /// The employer's pension contribution for each PA whose earnings are above the threshold, on earnings between
    /// the lower and upper limits (docs/rules.md §3).
    private func pension(_ perPA: EarningsPerPA) throws(BudgetError) -> PensionWorking {
        let rate = try parameters.pensionRate.value()
        let fundedFrom = try parameters.pensionFunding.value()
        let lower = try parameters.pensionLowerLimit.value()
        let upper = try parameters.pensionUpperLimit.value()
        let threshold: (value: Rational, key: ParameterKey)
        if fundedFrom == .lowerLimit {
            threshold = (lower, .pensionLowerLimit)
        } else {
            let trigger = try parameters.pensionTrigger.value()
            threshold = (trigger, .pensionTrigger)
        }
        var sum = Rational.zero, count = 0
        for i in perPA.indices where threshold.value < perPA[i] {  // by index, as the NI is summed
            count += 1
            sum += rate * (min(perPA[i], upper) - lower).clampedAtZero
        }
        return PensionWorking(rate: rate, lower: lower, upper: upper, threshold: threshold.value,
                              thresholdKey: threshold.key, total: sum, enrolled: count)
    }
}

/// The PAs' weekly earnings, `(G + BHpa + H)`, and each PA's share of them (docs/rules.md §3), with the holiday cover
/// `H` they include and the values their workings show.
struct PersonalAssistantEarnings {
    /// `G`: exact weekly PA pay, and the PA bank-holiday enhancement.
    let pay: Rational
    let bankHolidays: Rational
    /// The holiday accrual, as a fraction.
    let holiday: Rational
    /// `H = (G + BHpa) × holiday accrual`.
    let cover: Rational
    /// `G + BHpa + H`.
    let total: Rational
    /// The PAs' relative shares, and their sum.
    let weights: [Rational]
    let totalWeight: Rational
    /// Each PA's weekly earnings.
    let perPA: EarningsPerPA

    init(pay: Rational, bankHolidays: Rational, holiday: Rational, weights: [Rational]) {
        let holidayBase = pay + bankHolidays
        let cover = holidayBase * holiday
        (self.pay, self.bankHolidays, self.holiday, self.cover, total) = (pay, bankHolidays, holiday, cover, holidayBase + cover)
        var weightSum = Rational.zero
        for i in weights.indices { weightSum = weightSum + weights[i] }  // by index, as the NI is summed
        (self.weights, totalWeight) = (weights, weightSum)
        perPA = EarningsPerPA(total, weights: weights, totalWeight: weightSum)
    }

    /// `PA pay + bank holidays`, the operands the holiday cover and the earnings begin with.
    private func payAndBankHolidays(_ w: inout FormulaWriter) {
        w.value(.paPay, pay, .poundsAWeek)
        w.value(.bankHolidays, bankHolidays, .poundsAWeek)
    }

    /// The holiday cover line's working.
    func writeHolidayCover(_ w: inout FormulaWriter) {
        w.equals(.weekly, cover, .poundsAWeek) { w in
            w.product { w in
                w.sum(payAndBankHolidays)
                w.percentParameter(.holidayAccrualPercent, fraction: holiday)
            }
        }
    }

    /// The earnings, and each PA's share of them when there are several: the first step of the NI and pension
    /// lines' workings.
    func write(_ w: inout FormulaWriter) {
        func total(_ w: inout FormulaWriter) {
            w.equals(.earnings, self.total, .poundsAWeek) { w in
                w.sum { w in
                    payAndBankHolidays(&w)
                    w.value(.holidayCover, cover, .poundsAWeek)
                }
            }
        }
        guard perPA.count > 1 else { return total(&w) }
        let equal = weights.allSatisfy { $0 == weights[0] }
        w.steps { w in
            total(&w)
            w.note(equal ? .earningsSharedEqually : .earningsSharedByWeights)
            for i in perPA.indices {
                w.equals(PersonalAssistantOnCosts.earningsName(i, of: perPA.count), perPA[i], .poundsAWeek) { w in
                    w.quotient { w in
                        w.product { w in
                            w.value(.earnings, self.total, .poundsAWeek)
                            w.value(.share, weights[i], .number)
                        }
                        w.value(.totalShares, totalWeight, .number)
                    }
                }
            }
        }
    }
}

/// Employer NI for the PAs (docs/rules.md §3), and the values its working shows.
struct EmployerNIWorking {
    /// The employment allowance, annual, and the annual NI before and after it.
    struct Allowance {
        let value: Rational
        let annualBefore: Rational
        let annual: Rational
    }

    /// The NI rate (a fraction) and the weekly secondary threshold.
    let rate: Rational
    let threshold: Rational
    /// Σ max(0, e_i − threshold) × rate.
    let weekly: Rational
    /// The allowance, when it applies.
    let allowance: Allowance?
    let weeksPerYear: Rational

    /// The line's exact weekly and annual values: with the allowance, annual = max(0, weekly NI × weeks − allowance)
    /// and weekly = annual ÷ weeks.
    var exactWeekly: Rational { allowance.map { $0.annual / weeksPerYear } ?? weekly }
    var exactAnnual: Rational { allowance?.annual ?? weekly * weeksPerYear }

    /// The line's working, after the earnings' (`earnings`).
    func write(earnings: PersonalAssistantEarnings, _ w: inout FormulaWriter) {
        let perPA = earnings.perPA
        w.steps { w in
            earnings.write(&w)
            w.equals(.weekly, weekly, .poundsAWeek) { w in
                PersonalAssistantOnCosts.sum(perPA.indices, count: perPA.count, &w) { i, w in
                    w.product { w in
                        w.operation(.maximum) { w in
                            w.value(.zero, Rational(0), .poundsAWeek)
                            w.difference { w in
                                PersonalAssistantOnCosts.earnings(perPA, i, &w)
                                w.parameter(.niSecondaryThreshold, threshold, .poundsAWeek)
                            }
                        }
                        w.percentParameter(.employerNIRate, fraction: rate)
                    }
                }
            }
            guard let allowance else { return w.note(.employmentAllowanceNotApplied) }
            w.weekly(exactWeekly, fromAnnual: allowance.annual, weeksPerYear: weeksPerYear) { w in
                w.operation(.maximum) { w in
                    w.value(.zero, Rational(0), .poundsAYear)
                    w.difference { w in
                        w.equals(.annual, allowance.annualBefore, .poundsAYear) { w in
                            w.product { w in
                                w.value(.weekly, weekly, .poundsAWeek)
                                w.weeks(weeksPerYear)
                            }
                        }
                        w.parameter(.employmentAllowance, allowance.value, .poundsAYear)
                    }
                }
            }
        }
    }
}

/// The employer's pension contribution for the PAs (docs/rules.md §3), and the values its working shows.
struct PensionWorking {
    /// The employer's rate (a fraction), and the band of earnings it is paid on.
    let rate: Rational
    let lower: Rational
    let upper: Rational
    /// The earnings a PA must be above to be enrolled, and the parameter it is.
    let threshold: Rational
    let thresholdKey: ParameterKey
    /// Σ rate × max(0, min(e_i, upper) − lower) over the enrolled PAs, and how many are enrolled.
    let total: Rational
    let enrolled: Int

    /// The line's working, after the earnings' (`earnings`): each PA's check against the threshold, and the sum of
    /// the enrolled PAs' terms.
    func write(earnings: PersonalAssistantEarnings, _ w: inout FormulaWriter) {
        let perPA = earnings.perPA
        w.steps { w in
            earnings.write(&w)
            for i in perPA.indices {
                w.comparison(threshold < perPA[i] ? .above : .atMost) { w in
                    PersonalAssistantOnCosts.earnings(perPA, i, &w)
                    w.parameter(thresholdKey, threshold, .poundsAWeek)
                }
            }
            w.note(.pensionOnlyAboveThreshold)
            guard enrolled > 0 else { return w.value(.weekly, Rational(0), .poundsAWeek) }
            w.equals(.weekly, total, .poundsAWeek) { w in
                PersonalAssistantOnCosts.sum(perPA.indices, count: enrolled, where: { threshold < perPA[$0] }, &w) { i, w in
                    w.product { w in
                        w.percentParameter(.pensionEmployerRate, fraction: rate)
                        w.operation(.maximum) { w in
                            w.value(.zero, Rational(0), .poundsAWeek)
                            w.difference { w in
                                w.operation(.minimum) { w in
                                    PersonalAssistantOnCosts.earnings(perPA, i, &w)
                                    w.parameter(.pensionUpperLimit, upper, .poundsAWeek)
                                }
                                w.parameter(.pensionLowerLimit, lower, .poundsAWeek)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Each PA's weekly earnings, `e_i = earnings × w_i / Σw` (docs/rules.md §3). One PA's are the earnings themselves,
/// held with no list: a list made for every breakdown was an allocation of its own, and most plans have one PA.
struct EarningsPerPA: RandomAccessCollection {
    /// The earnings of all the PAs.
    private let all: Rational
    /// Each PA's share of them, when there are several; empty for one PA.
    private let shares: [Rational]

    init(_ earnings: Rational, weights: [Rational], totalWeight: Rational) {
        all = earnings
        shares = weights.count == 1 ? [] : weights.map { earnings * $0 / totalWeight }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { shares.isEmpty ? 1 : shares.count }
    subscript(i: Int) -> Rational { shares.isEmpty ? all : shares[i] }
}
