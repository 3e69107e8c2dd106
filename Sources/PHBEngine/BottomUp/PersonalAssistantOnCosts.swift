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
    /// `shares` in words, for every on-cost line of an explained breakdown: worked out once (a mixed
    /// line's words are built from its percentages), empty when the breakdown is not explained.
    let heldAs: String

    /// The exact weekly sum of the recurring lines added (each held as `shares`), for the hourly cost,
    /// contingency and fees.
    private(set) var recurringTotal = Rational.zero
    /// Notes for the result's warnings.
    private(set) var notes: [String] = []

    init(parameters: BottomUpParameters, weeksPerYear: Rational, pay: Rational, bankHolidays: Rational, weights: [Rational],
         shares: DeploymentShares, explains: Bool) {
        self.parameters = parameters
        self.weeksPerYear = weeksPerYear
        self.pay = pay
        self.bankHolidays = bankHolidays
        self.weights = weights
        self.shares = shares
        heldAs = explains ? shares.description : ""
    }

    var paCount: Int { weights.count }

    /// Weeks per year in a formula.
    var weeks: Formula { .weeks(weeksPerYear) }

    /// PA pay `G` in a formula.
    var payFormula: Formula { .value(.paPay, pay, .poundsAWeek) }

    /// A number of PAs in a formula.
    static func assistants(_ count: Int) -> Formula { .value(.personalAssistants, Rational(count), .personalAssistants) }

    /// Adds every on-cost line to `builder`.
    mutating func add(to builder: inout BreakdownBuilder) throws(BudgetError) {
        let mode = try parameters.onCostMode.get()
        if mode.value == .flat {
            let flat = try parameters.flatOnCost.get()
            let weekly = pay * flat.value
            try addRecurring(builder.recurring(
                BottomUpLine.flatOnCost.key, "PA on-costs (flat percentage)", exactWeekly: weekly,
                formula: .steps([(payFormula * .percentParameter(.flatOnCostPercent, fraction: flat.value))
                    .equals(.weekly, weekly, .poundsAWeek), .note(.replacesItemisedOnCosts)]),
                deployment: heldAs, parameters: parameters.lineUses.flatOnCost))
        } else {
            try addItemised(to: &builder)
        }
        // Insurance and payroll once per employer; training, DBS and recruitment per PA (docs/rules.md §3):
        // worked out once per snapshot.
        let employmentCosts = try parameters.employmentCostLines(paCount: paCount)
        builder.append(employmentCosts, deployment: heldAs)
        addRecurring(employmentCosts.recurringTotal)
    }

    private mutating func addRecurring(_ exactWeekly: Rational) {
        recurringTotal += exactWeekly
    }

    private mutating func addItemised(to builder: inout BreakdownBuilder) throws(BudgetError) {
        let holiday = try parameters.holidayAccrual.get()
        let holidayBase = pay + bankHolidays
        let cover = holidayBase * holiday.value
        try addRecurring(builder.recurring(
            BottomUpLine.holidayCover.key, "PA holiday cover", exactWeekly: cover,
            formula: ((payFormula + .value(.bankHolidays, bankHolidays, .poundsAWeek))
                      * .percentParameter(.holidayAccrualPercent, fraction: holiday.value)).equals(.weekly, cover, .poundsAWeek),
            deployment: heldAs, parameters: parameters.lineUses.holidayCover))

        // Earnings base per PA per week: e_i = (G + BHpa + H) × w_i / Σw.
        let earnings = holidayBase + cover
        let totalWeight = weights.reduce(Rational.zero, +)
        let perPA = weights.map { earnings * $0 / totalWeight }
        // Built only when the lines are explained.
        let (payFormula, bankHolidays, weights) = (self.payFormula, self.bankHolidays, self.weights)
        func earningsFormula() -> Formula {
            let total = (payFormula + .value(.bankHolidays, bankHolidays, .poundsAWeek) + .value(.holidayCover, cover, .poundsAWeek))
                .equals(.earnings, earnings, .poundsAWeek)
            guard perPA.count > 1 else { return total }
            let equal = weights.allSatisfy { $0 == weights[0] }
            return .steps([total, .note(equal ? .earningsSharedEqually : .earningsSharedByWeights)] + perPA.indices.map { i in
                (Formula.value(.earnings, earnings, .poundsAWeek) * .value(.share, weights[i], .number)
                 / .value(.totalShares, totalWeight, .number)).equals(Self.earningsName(i, of: perPA.count), perPA[i], .poundsAWeek)
            })
        }
        // The NI and pension lines show the same earnings: worked out once, when the lines are explained.
        let shown = builder.explains ? earningsFormula() : .steps([])
        try addEmployerNI(to: &builder, perPA: perPA, earnings: shown)
        try addPension(to: &builder, perPA: perPA, earnings: shown)
    }

    /// The name of PA `i`'s weekly earnings: `earnings` when there is one PA, else `earnings[i]`.
    static func earningsName(_ i: Int, of count: Int) -> QuantityName {
        count == 1 ? .earnings : QuantityName(rawValue: earningsNames[i])
    }

    /// The names of the PAs' weekly earnings when there are several.
    private static let earningsNames = IndexedName(QuantityName.earnings.rawValue, count: 8)

    /// PA `i`'s weekly earnings in a formula.
    static func earnings(_ perPA: [Rational], _ i: Int) -> Formula {
        .value(earningsName(i, of: perPA.count), perPA[i], .poundsAWeek)
    }

    private mutating func addEmployerNI(to builder: inout BreakdownBuilder, perPA: [Rational],
                                        earnings: Formula) throws(BudgetError) {
        let rate = try parameters.employerNIRate.get()
        let threshold = try parameters.niSecondaryThreshold.get()
        let weeklyNI = perPA.reduce(Rational.zero) { $0 + ($1 - threshold.value).clampedAtZero * rate.value }
        let applied = try parameters.employmentAllowanceApplied.get()
        // With the allowance: annual NI = max(0, weekly NI × weeks − allowance) (docs/rules.md §3).
        var allowance: (value: Rational, annualBefore: Rational, annual: Rational)?
        if applied.value {
            let annualAllowance = try parameters.employmentAllowance.get()
            let annualBefore = weeklyNI * weeksPerYear
            allowance = (annualAllowance.value, annualBefore, (annualBefore - annualAllowance.value).clampedAtZero)
            if let a = allowance, a.annual.isZero, !weeklyNI.isZero {
                notes.append("Employer NI of \(annualBefore.poundsText) a year is wholly covered by the Employment Allowance.")
            }
        }
        let exactWeekly = allowance.map { $0.annual / weeksPerYear } ?? weeklyNI
        func formula() -> Formula {
            let terms = perPA.indices.map { i in
                Formula.operation(.maximum, [.value(.zero, Rational(0), .poundsAWeek),
                                             Self.earnings(perPA, i) - .parameter(.niSecondaryThreshold, threshold.value, .poundsAWeek)])
                    * .percentParameter(.employerNIRate, fraction: rate.value)
            }
            let weekly = (terms.count == 1 ? terms[0] : .operation(.sum, terms)).equals(.weekly, weeklyNI, .poundsAWeek)
            guard let allowance else { return .steps([earnings, weekly, .note(.employmentAllowanceNotApplied)]) }
            let annual = Formula.operation(.maximum, [
                .value(.zero, Rational(0), .poundsAYear),
                (Formula.value(.weekly, weeklyNI, .poundsAWeek) * weeks).equals(.annual, allowance.annualBefore, .poundsAYear)
                    - .parameter(.employmentAllowance, allowance.value, .poundsAYear),
            ]).equals(.annual, allowance.annual, .poundsAYear)
            return .steps([earnings, weekly, (annual / weeks).equals(.weekly, exactWeekly, .poundsAWeek)])
        }
        try addRecurring(builder.recurring(
            BottomUpLine.employerNI.key, "Employer National Insurance", exactWeekly: exactWeekly,
            exactAnnual: allowance?.annual ?? exactWeekly * weeksPerYear, formula: formula(),
            quantity: Self.assistants(paCount), deployment: heldAs,
            parameters: applied.value ? parameters.lineUses.employerNIWithAllowance : parameters.lineUses.employerNI))
    }

    private mutating func addPension(to builder: inout BreakdownBuilder, perPA: [Rational],
                                     earnings: Formula) throws(BudgetError) {
        let rate = try parameters.pensionRate.get()
        let fundedFrom = try parameters.pensionFunding.get()
        let lower = try parameters.pensionLowerLimit.get()
        let upper = try parameters.pensionUpperLimit.get()
        let threshold: (value: Rational, key: ParameterKey)
        if fundedFrom.value == .lowerLimit {
            threshold = (lower.value, .pensionLowerLimit)
        } else {
            let trigger = try parameters.pensionTrigger.get()
            threshold = (trigger.value, .pensionTrigger)
        }
        var total = Rational.zero
        var enrolled = 0
        for e in perPA where threshold.value < e {
            enrolled += 1
            total += rate.value * (min(e, upper.value) - lower.value).clampedAtZero
        }
        /// The earnings, each PA's check against the threshold, and the sum of the enrolled PAs' terms: built in one
        /// pass, each PA compared once.
        func formula() -> Formula {
            var steps: [Formula] = [], terms: [Formula] = []
            steps.reserveCapacity(perPA.count + 3)
            terms.reserveCapacity(enrolled)
            steps.append(earnings)
            for i in perPA.indices {
                let above = threshold.value < perPA[i]
                steps.append(.comparison(Self.earnings(perPA, i), above ? .above : .atMost,
                                         .parameter(threshold.key, threshold.value, .poundsAWeek)))
                guard above else { continue }
                terms.append(Formula.percentParameter(.pensionEmployerRate, fraction: rate.value)
                    * .operation(.maximum, [.value(.zero, Rational(0), .poundsAWeek),
                                            .operation(.minimum, [Self.earnings(perPA, i), .parameter(.pensionUpperLimit, upper.value, .poundsAWeek)])
                                                - .parameter(.pensionLowerLimit, lower.value, .poundsAWeek)]))
            }
            steps.append(.note(.pensionOnlyAboveThreshold))
            steps.append(terms.isEmpty ? .value(.weekly, Rational(0), .poundsAWeek)
                         : (terms.count == 1 ? terms[0] : .operation(.sum, terms)).equals(.weekly, total, .poundsAWeek))
            return .steps(steps)
        }
        try addRecurring(builder.recurring(
            BottomUpLine.pension.key, "Employer pension", exactWeekly: total, formula: formula(),
            quantity: Self.assistants(enrolled), deployment: heldAs,
            parameters: fundedFrom.value == .lowerLimit ? parameters.lineUses.pensionFromLowerLimit
                                                        : parameters.lineUses.pensionFromTrigger))
    }
}
