/// The costs of employing PAs on top of their pay (docs/rules.md §3):
/// holiday cover, employer NI, pension (or one flat percentage), and the
/// employment costs of insurance, payroll, training, DBS checks and recruitment.
struct PersonalAssistantOnCosts {
    let parameters: BottomUpParameters
    /// Weeks per year, for annual figures and formulas.
    let weeksPerYear: Rational
    /// `G`: exact weekly PA pay (care and sleep-ins).
    let pay: Rational
    /// Exact weekly PA bank-holiday enhancement.
    let bankHolidays: Rational
    /// Relative shares of pay, one per PA.
    let weights: [Rational]
    /// How PA pay is held; every on-cost line is held the same way.
    let shares: DeploymentShares

    /// The recurring lines added (exact weekly, held), for contingency and fees.
    private(set) var recurringLines: [HeldAmount] = []
    /// Notes for the result's warnings.
    private(set) var notes: [String] = []

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

    var weeksText: String { weeksPerYear.decimalText() }

    /// Adds every on-cost line to `builder`.
    mutating func add(to builder: inout BreakdownBuilder) throws(BudgetError) {
        let mode = try parameters.onCostMode.get()
        if mode.value == .flat {
            let flat = try parameters.flatOnCost.get()
            try addRecurring(builder.recurring(
                BottomUpLine.flatOnCost.key, "PA on-costs (flat percentage)", exactWeekly: pay * flat.value,
                formula: "PA pay \(pounds(pay)) a week × \(flat.use.displayValue) (replaces holiday, NI and pension)",
                deployment: shares.description, parameters: [mode.use, flat.use]))
        } else {
            try addItemised(to: &builder, modeUse: mode.use)
        }
        try addEmploymentCosts(to: &builder)
    }

    private mutating func addRecurring(_ line: BudgetLine) {
        recurringLines.append((line.exact, shares))
    }

    private mutating func addItemised(to builder: inout BreakdownBuilder, modeUse: ParameterUse) throws(BudgetError) {
        let holiday = try parameters.holidayAccrual.get()
        let holidayBase = pay + bankHolidays
        let cover = holidayBase * holiday.value
        try addRecurring(builder.recurring(
            BottomUpLine.holidayCover.key, "PA holiday cover", exactWeekly: cover,
            formula: "(PA pay \(pounds(pay)) + bank holidays \(pounds(bankHolidays))) × \(holiday.use.displayValue)"
                + " = \(pounds(cover)) a week",
            deployment: shares.description, parameters: [modeUse, holiday.use]))

        // Earnings base per PA per week: e_i = (G + BHpa + H) × w_i / Σw.
        let earnings = holidayBase + cover
        let totalWeight = weights.reduce(Rational.zero, +)
        let perPA = weights.map { earnings * $0 / totalWeight }
        try addEmployerNI(to: &builder, perPA: perPA)
        try addPension(to: &builder, perPA: perPA)
    }

    /// `e = £311.579231`, or each PA's `e` when there are several.
    private func earningsText(_ perPA: [Rational]) -> String {
        perPA.count == 1 ? "e = \(pounds(perPA[0]))"
            : perPA.enumerated().map { "PA \($0.offset + 1) e = \(pounds($0.element))" }.joined(separator: ", ")
    }

    private mutating func addEmployerNI(to builder: inout BreakdownBuilder, perPA: [Rational]) throws(BudgetError) {
        let rate = try parameters.employerNIRate.get()
        let threshold = try parameters.niSecondaryThreshold.get()
        let weeklyNI = perPA.reduce(Rational.zero) { $0 + ($1 - threshold.value).clampedAtZero * rate.value }
        let applied = try parameters.employmentAllowanceApplied.get()
        var uses = [rate.use, threshold.use, applied.use]
        // With the allowance: annual NI = max(0, weekly NI × weeks − allowance) (docs/rules.md §3).
        var allowance: (value: Rational, annualBefore: Rational, annual: Rational)?
        if applied.value {
            let annualAllowance = try parameters.employmentAllowance.get()
            uses.append(annualAllowance.use)
            let annualBefore = weeklyNI * weeksPerYear
            allowance = (annualAllowance.value, annualBefore, (annualBefore - annualAllowance.value).clampedAtZero)
            if let a = allowance, a.annual.isZero, !weeklyNI.isZero {
                notes.append("Employer NI of \(pounds(annualBefore)) a year is wholly covered by the Employment Allowance.")
            }
        }
        let exactWeekly = allowance.map { $0.annual / weeksPerYear } ?? weeklyNI
        try addRecurring(builder.recurring(
            BottomUpLine.employerNI.key, "Employer National Insurance", exactWeekly: exactWeekly,
            formula: "\(earningsText(perPA)); Σ max(0, e − \(pounds(threshold.value))) × \(rate.use.displayValue)"
                + " = \(pounds(weeklyNI)) a week"
                + (allowance.map {
                    "; × \(weeksText) = \(pounds($0.annualBefore)) a year, less the Employment Allowance"
                        + " \(pounds($0.value)) = \(pounds($0.annual)) a year ÷ \(weeksText)"
                } ?? " (Employment Allowance not applied)"),
            quantity: "\(paCount) PA" + (paCount == 1 ? "" : "s"), deployment: shares.description, parameters: uses))
    }

    private mutating func addPension(to builder: inout BreakdownBuilder, perPA: [Rational]) throws(BudgetError) {
        let rate = try parameters.pensionRate.get()
        let fundedFrom = try parameters.pensionFunding.get()
        let lower = try parameters.pensionLowerLimit.get()
        let upper = try parameters.pensionUpperLimit.get()
        var uses = [rate.use, fundedFrom.use, lower.use, upper.use]
        let threshold: (value: Rational, name: String)
        if fundedFrom.value == .lowerLimit {
            threshold = (lower.value, "the lower limit")
        } else {
            let trigger = try parameters.pensionTrigger.get()
            uses.append(trigger.use)
            threshold = (trigger.value, "the trigger")
        }
        var total = Rational.zero
        var enrolled = 0
        for e in perPA where threshold.value < e {
            enrolled += 1
            total += rate.value * (min(e, upper.value) - lower.value).clampedAtZero
        }
        try addRecurring(builder.recurring(
            BottomUpLine.pension.key, "Employer pension", exactWeekly: total,
            formula: "\(earningsText(perPA)); for each PA with e above \(threshold.name) \(pounds(threshold.value)):"
                + " \(rate.use.displayValue) × (min(e, \(pounds(upper.value))) − \(pounds(lower.value)))"
                + "; \(enrolled) of \(paCount) PA" + (paCount == 1 ? "" : "s") + " enrolled = \(pounds(total)) a week",
            quantity: "\(enrolled) PA" + (enrolled == 1 ? "" : "s"), deployment: shares.description, parameters: uses))
    }

    /// Insurance and payroll once per employer; training, DBS and recruitment per PA (docs/rules.md §3).
    private mutating func addEmploymentCosts(to builder: inout BreakdownBuilder) throws(BudgetError) {
        let k = Rational(paCount)
        let pas = "\(paCount) PA" + (paCount == 1 ? "" : "s")
        let insurance = try parameters.insurancePerYear.get()
        try addRecurring(builder.recurring(
            BottomUpLine.insurance.key, "Employer's liability insurance", exactAnnual: insurance.value,
            formula: "\(pounds(insurance.value)) a year ÷ \(weeksText)",
            deployment: shares.description, parameters: [insurance.use]))
        let payroll = try parameters.payrollPerMonth.get()
        try addRecurring(builder.recurring(
            BottomUpLine.payroll.key, "Payroll service", exactAnnual: payroll.value * 12,
            formula: "\(pounds(payroll.value)) a month × 12 = \(pounds(payroll.value * 12)) a year ÷ \(weeksText)",
            deployment: shares.description, parameters: [payroll.use]))
        let training = try parameters.trainingPerPAPerYear.get()
        try addRecurring(builder.recurring(
            BottomUpLine.training.key, "PA training", exactAnnual: training.value * k,
            formula: "\(pounds(training.value)) a year × \(pas) ÷ \(weeksText)",
            quantity: pas, unitRate: pounds(training.value) + " a year", deployment: shares.description,
            parameters: [training.use]))
        let dbs = try parameters.dbsCheckPerPA.get()
        try builder.oneOff(BottomUpLine.dbsChecks.key, "DBS checks", exact: dbs.value * k, formula: "\(pounds(dbs.value)) × \(pas)",
                           quantity: pas, unitRate: pounds(dbs.value), deployment: shares.description,
                           parameters: [dbs.use])
        let recruitment = try parameters.recruitmentPerPA.get()
        try builder.oneOff(BottomUpLine.recruitment.key, "PA recruitment", exact: recruitment.value * k,
                           formula: "\(pounds(recruitment.value)) × \(pas)", quantity: pas,
                           unitRate: pounds(recruitment.value), deployment: shares.description,
                           parameters: [recruitment.use])
    }
}
