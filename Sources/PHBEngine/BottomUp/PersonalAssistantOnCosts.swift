/// The costs of employing PAs on top of their pay (spec §2.3, §7.4–7.9):
/// holiday cover, employer NI, pension (or one flat percentage), and the
/// employment costs of insurance, payroll, training, DBS checks and recruitment.
struct PersonalAssistantOnCosts {
    let context: CalculationContext
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

    init(context: CalculationContext, pay: Rational, bankHolidays: Rational, weights: [Rational],
         shares: DeploymentShares) {
        self.context = context
        self.pay = pay
        self.bankHolidays = bankHolidays
        self.weights = weights
        self.shares = shares
    }

    var paCount: Int { weights.count }

    /// Adds every on-cost line to `builder`.
    mutating func add(to builder: inout BreakdownBuilder) throws(BudgetError) {
        let mode = try context.choice(ParameterCatalogue.onCostMode)
        if mode.value == "flat" {
            let flat = try context.fraction(ParameterCatalogue.flatOnCostPercent)
            try addRecurring(builder.recurring(
                "flatOnCost", "PA on-costs (flat percentage)", exactWeekly: pay * flat.value,
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
        let holiday = try context.fraction(ParameterCatalogue.holidayAccrualPercent)
        let holidayBase = pay + bankHolidays
        let cover = holidayBase * holiday.value
        try addRecurring(builder.recurring(
            "holidayCover", "PA holiday cover", exactWeekly: cover,
            formula: "(PA pay \(pounds(pay)) + bank holidays \(pounds(bankHolidays))) × \(holiday.use.displayValue)"
                + " = \(pounds(cover)) a week",
            deployment: shares.description, parameters: [modeUse, holiday.use]))

        // Earnings base per PA per week: e_i = (G + BHpa + H) × w_i / Σw.
        let earnings = holidayBase + cover
        let totalWeight = weights.reduce(Rational.zero, +)
        let perPA = weights.map { earnings * $0 / totalWeight }
        let perPAText = perPA.count == 1 ? "e = \(pounds(perPA[0]))"
            : perPA.enumerated().map { "PA \($0.offset + 1) e = \(pounds($0.element))" }.joined(separator: ", ")

        try addEmployerNI(to: &builder, perPA: perPA, perPAText: perPAText)
        try addPension(to: &builder, perPA: perPA, perPAText: perPAText)
    }

    private mutating func addEmployerNI(to builder: inout BreakdownBuilder, perPA: [Rational],
                                        perPAText: String) throws(BudgetError) {
        let rate = try context.fraction(ParameterCatalogue.employerNIRate)
        let threshold = try context.number(ParameterCatalogue.niSecondaryThreshold)
        let weeklyNI = perPA.reduce(Rational.zero) { $0 + ($1 - threshold.value).clampedAtZero * rate.value }
        var formula = "\(perPAText); Σ max(0, e − \(pounds(threshold.value))) × \(rate.use.displayValue)"
            + " = \(pounds(weeklyNI)) a week"
        var uses = [rate.use, threshold.use]
        var exactWeekly = weeklyNI
        let applied = try context.flag(ParameterCatalogue.employmentAllowanceApplied)
        uses.append(applied.use)
        if applied.value {
            let allowance = try context.number(ParameterCatalogue.employmentAllowance)
            uses.append(allowance.use)
            let annualBefore = weeklyNI * builder.weeksPerYear
            let annual = (annualBefore - allowance.value).clampedAtZero
            exactWeekly = annual / builder.weeksPerYear
            formula += "; × \(builder.weeksText) = \(pounds(annualBefore)) a year, less the Employment Allowance"
                + " \(pounds(allowance.value)) = \(pounds(annual)) a year ÷ \(builder.weeksText)"
            if annual.isZero, !weeklyNI.isZero {
                notes.append("Employer NI of \(pounds(annualBefore)) a year is wholly covered by the Employment Allowance.")
            }
        } else {
            formula += " (Employment Allowance not applied)"
        }
        try addRecurring(builder.recurring(
            "employerNI", "Employer National Insurance", exactWeekly: exactWeekly, formula: formula,
            quantity: "\(paCount) PA" + (paCount == 1 ? "" : "s"), deployment: shares.description, parameters: uses))
    }

    private mutating func addPension(to builder: inout BreakdownBuilder, perPA: [Rational],
                                     perPAText: String) throws(BudgetError) {
        let rate = try context.fraction(ParameterCatalogue.pensionEmployerRate)
        let fundedFrom = try context.choice(ParameterCatalogue.pensionFundedFrom)
        let lower = try context.number(ParameterCatalogue.pensionLowerLimit)
        let upper = try context.number(ParameterCatalogue.pensionUpperLimit)
        var uses = [rate.use, fundedFrom.use, lower.use, upper.use]
        let threshold: Rational
        let thresholdText: String
        if fundedFrom.value == "lowerLimit" {
            threshold = lower.value
            thresholdText = "the lower limit \(pounds(lower.value))"
        } else {
            let trigger = try context.number(ParameterCatalogue.pensionTrigger)
            uses.append(trigger.use)
            threshold = trigger.value
            thresholdText = "the trigger \(pounds(trigger.value))"
        }
        var total = Rational.zero
        var enrolled = 0
        for e in perPA where threshold < e {
            enrolled += 1
            total += rate.value * (min(e, upper.value) - lower.value).clampedAtZero
        }
        let formula = "\(perPAText); for each PA with e above \(thresholdText):"
            + " \(rate.use.displayValue) × (min(e, \(pounds(upper.value))) − \(pounds(lower.value)))"
            + "; \(enrolled) of \(paCount) PA" + (paCount == 1 ? "" : "s") + " enrolled = \(pounds(total)) a week"
        try addRecurring(builder.recurring(
            "pension", "Employer pension", exactWeekly: total, formula: formula,
            quantity: "\(enrolled) PA" + (enrolled == 1 ? "" : "s"), deployment: shares.description, parameters: uses))
    }

    /// Insurance and payroll once per employer; training, DBS and recruitment per PA (spec §7.5).
    private mutating func addEmploymentCosts(to builder: inout BreakdownBuilder) throws(BudgetError) {
        let k = Rational(paCount)
        let pas = "\(paCount) PA" + (paCount == 1 ? "" : "s")
        let insurance = try context.number(ParameterCatalogue.insurancePerYear)
        try addRecurring(builder.recurring(
            "insurance", "Employer's liability insurance", exactAnnual: insurance.value,
            formula: "\(pounds(insurance.value)) a year ÷ \(builder.weeksText)",
            deployment: shares.description, parameters: [insurance.use]))
        let payroll = try context.number(ParameterCatalogue.payrollPerMonth)
        try addRecurring(builder.recurring(
            "payroll", "Payroll service", exactAnnual: payroll.value * 12,
            formula: "\(pounds(payroll.value)) a month × 12 = \(pounds(payroll.value * 12)) a year ÷ \(builder.weeksText)",
            deployment: shares.description, parameters: [payroll.use]))
        let training = try context.number(ParameterCatalogue.trainingPerPAPerYear)
        try addRecurring(builder.recurring(
            "training", "PA training", exactAnnual: training.value * k,
            formula: "\(pounds(training.value)) a year × \(pas) ÷ \(builder.weeksText)",
            quantity: pas, unitRate: pounds(training.value) + " a year", deployment: shares.description,
            parameters: [training.use]))
        let dbs = try context.number(ParameterCatalogue.dbsCheckPerPA)
        try builder.oneOff("dbsChecks", "DBS checks", exact: dbs.value * k, formula: "\(pounds(dbs.value)) × \(pas)",
                           quantity: pas, unitRate: pounds(dbs.value), deployment: shares.description,
                           parameters: [dbs.use])
        let recruitment = try context.number(ParameterCatalogue.recruitmentPerPA)
        try builder.oneOff("recruitment", "PA recruitment", exact: recruitment.value * k,
                           formula: "\(pounds(recruitment.value)) × \(pas)", quantity: pas,
                           unitRate: pounds(recruitment.value), deployment: shares.description,
                           parameters: [recruitment.use])
    }
}
