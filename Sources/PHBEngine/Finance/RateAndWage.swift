/// Direct-payment rate ↔ PA pay: the highest PA hourly pay, to the penny,
/// whose full cost an hour (pay and every on-cost: the hourly cost of PA care,
/// docs/rules.md §3) fits within an hourly amount; or, given a pay, the
/// hourly amount it needs.
///
/// The plan's shape is one PA care line of `hoursPerWeek` shared by
/// `personalAssistants`, held as `deployment`, under the policy in force. The
/// cost an hour never falls as pay rises, so the pay is found exactly by a
/// search over whole pennies, each step an exact full breakdown (no floating
/// point). A pay below the National Living Wage is flagged, not refused.
public struct RateAndWage: BudgetCalculation {
    public var calculatorName: String { "rateAndWage" }

    /// What is asked: the pay an hourly amount affords, or the amount a pay needs.
    public enum Question: Sendable, Hashable {
        case payAffordedBy(hourlyAmount: Rational)
        case amountNeededFor(hourlyPay: Rational)
    }

    public var question: Question
    public var hoursPerWeek: Rational
    public var personalAssistants: Int
    public var deployment: Deployment

    public init(question: Question, hoursPerWeek: Rational, personalAssistants: Int = 1, deployment: Deployment = .directPayment) {
        self.question = question
        self.hoursPerWeek = hoursPerWeek
        self.personalAssistants = personalAssistants
        self.deployment = deployment
    }

    /// The exact full cost an hour of PA care at `pay`, with the breakdown, under parameters whose National Living
    /// Wage is set aside (``uncheckedWage(_:)``).
    func cost(at pay: Rational, with unchecked: BottomUpParameters,
              explains: Bool) throws(BudgetError) -> (exact: Rational, result: BudgetResult) {
        let plan = BottomUpPlan(deployment: deployment, personalAssistants: personalAssistants, care: [
            CareLine(hoursPerWeek: hoursPerWeek, provider: .personalAssistant, band: "rateAndWage", hourlyRate: pay),
        ])
        let result = try plan.calculate(with: unchecked, explains: explains)
        let keys: Set<String> = [BottomUpLine.care(0).key, BottomUpLine.bankHolidays(.personalAssistant).key,
                                 BottomUpLine.holidayCover.key, BottomUpLine.employerNI.key, BottomUpLine.pension.key,
                                 BottomUpLine.flatOnCost.key, BottomUpLine.insurance.key, BottomUpLine.payroll.key,
                                 BottomUpLine.training.key]
        let weekly = result.lines.filter { keys.contains($0.key) }.reduce(Rational.zero) { $0 + $1.exact }
        return (weekly / hoursPerWeek, result)
    }

    /// `context` with the National Living Wage check set aside (a placeholder wage of 1p), so that any pay can be costed.
    static func uncheckedWage(_ context: CalculationContext) throws(BudgetError) -> CalculationContext {
        try context.overriding(.nationalLivingWage, with: .number(Rational(1, over: 100)))
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        guard Rational.zero < hoursPerWeek, !(Rational(168) < hoursPerWeek) else {
            throw .invalidValue(field: "input.hoursPerWeek", value: hoursPerWeek.decimalText(), reason: "must be above 0 and at most 168")
        }
        let wage = try context.number(.nationalLivingWage)
        let rule = try context.roundingRule.get().value
        // Resolved once for the search and the breakdown shown (a search costs some twenty pays), with the
        // employment-cost lines of this many PAs worked out once.
        let unchecked = BottomUpParameters(try Self.uncheckedWage(context), teamSizes: personalAssistants)
        let pay: Rational
        var figures: [ResultFigure] = []
        switch question {
        case .payAffordedBy(let amount):
            guard Rational.zero < amount, amount < Rational(10_000) else {
                throw .invalidValue(field: "input.hourlyAmount", value: amount.decimalText(), reason: "must be above £0 and below £10,000")
            }
            // The highest whole-penny pay p with cost(p) ≤ amount: cost never falls as pay rises. The search
            // needs only the exact costs, not their explanation (the breakdown shown is made once, below).
            var low: Int128 = 0, high = (amount * 100).roundedToInteger(.down) ?? 0
            guard try cost(at: Rational(1, over: 100), with: unchecked, explains: false).exact <= amount else {
                throw .invalidValue(field: "input.hourlyAmount", value: amount.decimalText(),
                                    reason: "does not cover even 1p an hour of pay with its on-costs")
            }
            low = 1
            while low < high {
                let mid = (low + high + 1) / 2
                if try cost(at: Rational(mid, over: 100), with: unchecked, explains: false).exact <= amount {
                    low = mid
                } else {
                    high = mid - 1
                }
            }
            pay = Rational(low, over: 100)
            figures.append(ResultFigure(key: "hourlyAmount", label: "Hourly amount available",
                                        value: .money(try amount.roundedToMoney(rule, context: "hourly amount")),
                                        formula: .steps([.value(.hourlyAmount, amount, .poundsAnHour), .note(.asGiven)])))
            figures.append(ResultFigure(key: "hourlyPay", label: "Highest PA hourly pay it affords",
                                        value: .money(Money(pence: Int64(low))),
                                        formula: .note(.highestPayWithinAmount)))
        case .amountNeededFor(let given):
            guard Rational.zero < given, given < Rational(10_000) else {
                throw .invalidValue(field: "input.hourlyPay", value: given.decimalText(), reason: "must be above £0 and below £10,000")
            }
            pay = given
            figures.append(ResultFigure(key: "hourlyPay", label: "PA hourly pay",
                                        value: .money(try given.roundedToMoney(rule, context: "pay")),
                                        formula: .steps([.value(.hourlyRate, given, .poundsAnHour), .note(.asGiven)])))
        }
        let (exact, breakdown) = try cost(at: pay, with: unchecked, explains: context.explains)
        figures.append(ResultFigure(key: "hourlyCost", label: "Full cost an hour (pay and on-costs)",
                                    value: .money(try exact.roundedToMoney(rule, context: "hourly cost")),
                                    formula: .rounded(.value(.hourlyCost, exact, .poundsAnHour), places: 2, rule), parameters: [wage.use]))
        let below = pay < wage.value
        figures.append(ResultFigure(key: "belowNationalLivingWage", label: "Below the National Living Wage",
                                    value: .flag(below),
                                    formula: .comparison(.value(.hourlyRate, pay, .poundsAnHour), below ? .below : .atLeast,
                                                         .parameter(.nationalLivingWage, wage.value, .poundsAnHour)),
                                    parameters: [wage.use]))
        var result = breakdown
        result.calculator = calculatorName
        result.title = "PA pay and the hourly amount it needs"
        result.figures = figures + result.figures
        if below {
            result.flags.append(ResultFlag(code: "belowNationalLivingWage",
                                           message: "The pay \(pay.poundsText) is below the National Living Wage of \(wage.value.poundsText): a PA cannot be employed at it."))
        }
        // The breakdown was made with the wage check set aside: show the real wage, not the placeholder.
        result.lines = BudgetLines(result.lines.map { line in
            var line = line
            line.parameters = line.parameters.filter { $0.key != .nationalLivingWage }
            return line
        })
        return result
    }
}
