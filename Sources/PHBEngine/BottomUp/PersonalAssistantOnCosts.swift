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

    /// Weeks per year in a formula.
    var weeks: Formula { .weeks(weeksPerYear) }

    /// A number of PAs in a formula.
    static func assistants(_ count: Int) -> Formula { .value(.personalAssistants, Rational(count), .personalAssistants) }

    /// A number of PAs, written.
    static func assistants(_ count: Int, _ w: inout FormulaWriter) {
        w.value(.personalAssistants, Rational(count), .personalAssistants)
    }

    /// `PA pay + bank holidays`, the operands the holiday cover and the earnings begin with.
    static func payAndBankHolidays(_ pay: Rational, _ bankHolidays: Rational, _ w: inout FormulaWriter) {
        w.value(.paPay, pay, .poundsAWeek)
        w.value(.bankHolidays, bankHolidays, .poundsAWeek)
    }

    /// Adds every on-cost line to `builder`.
    mutating func add(to builder: inout BreakdownBuilder) throws(BudgetError) {
        let mode = try parameters.onCostMode.value()
        if mode == .flat {
            let flat = try parameters.flatOnCost.value()
            let weekly = pay * flat
            try addRecurring(builder.recurring(
                BottomUpLine.Derived.flatOnCost.key, BottomUpLine.Derived.flatOnCost.words, exactWeekly: weekly,
                working: { [pay] w in
                    w.steps { w in
                        w.equals(.weekly, weekly, .poundsAWeek) { w in
                            w.product { w in
                                w.value(.paPay, pay, .poundsAWeek)
                                w.percentParameter(.flatOnCostPercent, fraction: flat)
                            }
                        }
                        w.note(.replacesItemisedOnCosts)
                    }
                },
                deployment: shares, parameters: parameters.lineUses.flatOnCost))
        } else {
            try addItemised(to: &builder)
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

    private mutating func addItemised(to builder: inout BreakdownBuilder) throws(BudgetError) {
        let holiday = try parameters.holidayAccrual.value()
        let holidayBase = pay + bankHolidays
        let cover = holidayBase * holiday
        let (pay, bankHolidays, weights) = (self.pay, self.bankHolidays, self.weights)
        try addRecurring(builder.recurring(
            BottomUpLine.Derived.holidayCover.key, BottomUpLine.Derived.holidayCover.words, exactWeekly: cover,
            working: { w in
                w.equals(.weekly, cover, .poundsAWeek) { w in
                    w.product { w in
                        w.sum { Self.payAndBankHolidays(pay, bankHolidays, &$0) }
                        w.percentParameter(.holidayAccrualPercent, fraction: holiday)
                    }
                }
            },
            deployment: shares, parameters: parameters.lineUses.holidayCover))

        // Earnings base per PA per week: e_i = (G + BHpa + H) × w_i / Σw.
        let earnings = holidayBase + cover
        var weightSum = Rational.zero
        for i in weights.indices { weightSum = weightSum + weights[i] }  // by index, as the NI is summed
        // A constant for the working that captures it: a variable captured was checked for exclusive access.
        let totalWeight = weightSum
        let perPA = EarningsPerPA(earnings, weights: weights, totalWeight: totalWeight)
        /// The earnings, and each PA's share of them when there are several: the first step of the NI and pension
        /// lines' workings.
        func earningsWorking(_ w: inout FormulaWriter) {
            func total(_ w: inout FormulaWriter) {
                w.equals(.earnings, earnings, .poundsAWeek) { w in
                    w.sum { w in
                        Self.payAndBankHolidays(pay, bankHolidays, &w)
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
                    w.equals(Self.earningsName(i, of: perPA.count), perPA[i], .poundsAWeek) { w in
                        w.quotient { w in
                            w.product { w in
                                w.value(.earnings, earnings, .poundsAWeek)
                                w.value(.share, weights[i], .number)
                            }
                            w.value(.totalShares, totalWeight, .number)
                        }
                    }
                }
            }
        }
        try addEmployerNI(to: &builder, perPA: perPA, earnings: earningsWorking)
        try addPension(to: &builder, perPA: perPA, earnings: earningsWorking)
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

    private mutating func addEmployerNI(to builder: inout BreakdownBuilder, perPA: EarningsPerPA,
                                        earnings: BreakdownBuilder.Writing) throws(BudgetError) {
        let rate = try parameters.employerNIRate.value()
        let threshold = try parameters.niSecondaryThreshold.value()
        // Summed by index: a sum through `reduce` copied the earnings into its iterator, a reference count each way.
        var niSum = Rational.zero
        for i in perPA.indices { niSum = niSum + (perPA[i] - threshold).clampedAtZero * rate }
        let weeklyNI = niSum  // a constant for the working that captures it
        let applied = try parameters.employmentAllowanceApplied.value()
        // With the allowance: annual NI = max(0, weekly NI × weeks − allowance) (docs/rules.md §3).
        // A constant, for the working that captures it (as the pension's total is).
        let allowance: (value: Rational, annualBefore: Rational, annual: Rational)?
        if applied {
            let annualAllowance = try parameters.employmentAllowance.value()
            let annualBefore = weeklyNI * weeksPerYear
            let annual = (annualBefore - annualAllowance).clampedAtZero
            allowance = (annualAllowance, annualBefore, annual)
            if annual.isZero, !weeklyNI.isZero {
                notes.append(.employerNICoveredByAllowance(annualBefore: annualBefore))  // its words made when read
            }
        } else {
            allowance = nil
        }
        let weeksPerYear = weeksPerYear
        let exactWeekly = allowance.map { $0.annual / weeksPerYear } ?? weeklyNI
        func working(_ w: inout FormulaWriter) {
            w.steps { w in
                earnings(&w)
                w.equals(.weekly, weeklyNI, .poundsAWeek) { w in
                    Self.sum(perPA.indices, count: perPA.count, &w) { i, w in
                        w.product { w in
                            w.operation(.maximum) { w in
                                w.value(.zero, Rational(0), .poundsAWeek)
                                w.difference { w in
                                    Self.earnings(perPA, i, &w)
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
                                    w.value(.weekly, weeklyNI, .poundsAWeek)
                                    w.weeks(weeksPerYear)
                                }
                            }
                            w.parameter(.employmentAllowance, allowance.value, .poundsAYear)
                        }
                    }
                }
            }
        }
        try addRecurring(builder.recurring(
            BottomUpLine.Derived.employerNI.key, BottomUpLine.Derived.employerNI.words, exactWeekly: exactWeekly,
            exactAnnual: allowance?.annual ?? exactWeekly * weeksPerYear, working: working,
            quantity: { [paCount] in Self.assistants(paCount, &$0) }, deployment: shares,
            parameters: applied ? parameters.lineUses.employerNIWithAllowance : parameters.lineUses.employerNI))
    }

    private mutating func addPension(to builder: inout BreakdownBuilder, perPA: EarningsPerPA,
                                     earnings: BreakdownBuilder.Writing) throws(BudgetError) {
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
            let e = perPA[i]
            count += 1
            sum += rate * (min(e, upper) - lower).clampedAtZero
        }
        // Constants for the working that captures them: a variable it captured was checked for exclusive access at
        // each use.
        let total = sum, enrolled = count
        /// The earnings, each PA's check against the threshold, and the sum of the enrolled PAs' terms.
        func working(_ w: inout FormulaWriter) {
            w.steps { w in
                earnings(&w)
                for i in perPA.indices {
                    w.comparison(threshold.value < perPA[i] ? .above : .atMost) { w in
                        Self.earnings(perPA, i, &w)
                        w.parameter(threshold.key, threshold.value, .poundsAWeek)
                    }
                }
                w.note(.pensionOnlyAboveThreshold)
                guard enrolled > 0 else { return w.value(.weekly, Rational(0), .poundsAWeek) }
                w.equals(.weekly, total, .poundsAWeek) { w in
                    Self.sum(perPA.indices, count: enrolled, where: { threshold.value < perPA[$0] }, &w) { i, w in
                        w.product { w in
                            w.percentParameter(.pensionEmployerRate, fraction: rate)
                            w.operation(.maximum) { w in
                                w.value(.zero, Rational(0), .poundsAWeek)
                                w.difference { w in
                                    w.operation(.minimum) { w in
                                        Self.earnings(perPA, i, &w)
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
        try addRecurring(builder.recurring(
            BottomUpLine.Derived.pension.key, BottomUpLine.Derived.pension.words, exactWeekly: total, working: working,
            quantity: { Self.assistants(enrolled, &$0) }, deployment: shares,
            parameters: fundedFrom == .lowerLimit ? parameters.lineUses.pensionFromLowerLimit
                                                        : parameters.lineUses.pensionFromTrigger))
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
