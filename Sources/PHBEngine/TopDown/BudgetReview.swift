/// The review of a bottom-up plan against a top-down indicative figure
/// (docs/rules.md §5): variance in £ and %, within tolerance or not, and the approval
/// route for the plan's annual total.
public struct BudgetReview: BudgetCalculation {
    public var calculatorName: String { "review" }

    /// Where a figure comes from: a calculation, or an annual amount given.
    public enum Figure: Sendable {
        case calculated(any BudgetCalculation)
        case annual(Rational)
    }

    /// The top-down indicative figure.
    public var indicative: Figure
    /// The plan (usually a ``BottomUpPlan``).
    public var plan: Figure

    public init(indicative: Figure, plan: Figure) {
        self.indicative = indicative
        self.plan = plan
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        var builder = try BreakdownBuilder(context: context)
        let weeks = builder.weeks, weeksPerYear = builder.weeksPerYear
        // The result's lines are the plan's, so the review reads like the plan.
        let planResult: BudgetResult?
        let planAnnual: Rational
        switch plan {
        case .calculated(let calculation):
            let result = try calculation.calculate(in: context)
            planResult = result
            planAnnual = result.totals.annual.exact
        case .annual(let amount):
            guard !amount.isNegative else {
                throw .invalidValue(field: "input.planAnnual", value: amount.decimalText(), reason: "must not be negative")
            }
            planResult = nil
            planAnnual = amount
            try builder.recurring("plan", "Plan (annual total given)", exactAnnual: amount,
                                  formula: (Formula.value(.plan, amount, .poundsAYear) / weeks)
                                    .equals(.weekly, amount / weeksPerYear, .poundsAWeek))
        }
        let indicativeAnnual: Rational
        let indicativeSource: Formula
        switch indicative {
        case .calculated(let calculation):
            let result = try calculation.calculate(in: context)
            indicativeAnnual = result.totals.annual.exact
            indicativeSource = .note(.indicativeCalculated)
        case .annual(let amount):
            guard !amount.isNegative else {
                throw .invalidValue(field: "input.indicativeAnnual", value: amount.decimalText(), reason: "must not be negative")
            }
            indicativeAnnual = amount
            indicativeSource = .note(.indicativeGiven)
        }
        let check = try VarianceCheck(indicative: indicativeAnnual, plan: planAnnual, context: context, rule: builder.rule)
        let limit = try context.number(ParameterKey.delegatedLimit)
        let delegated = !(limit.value < planAnnual)
        let figures = [
            ResultFigure(key: "indicativeAnnual", label: "Indicative (top-down), a year",
                         value: .money(try indicativeAnnual.roundedToMoney(builder.rule, context: "indicative")),
                         formula: indicativeSource),
            ResultFigure(key: "planAnnual", label: "Plan (bottom-up), a year",
                         value: .money(try planAnnual.roundedToMoney(builder.rule, context: "plan")),
                         formula: .note(.planAnnualTotal)),
        ] + check.figures + [
            ResultFigure(key: "approvalRoute", label: "Approval route (delegated authority or panel)",
                         value: .text(delegated ? "delegated" : "panel"),
                         formula: .comparison(.value(.plan, planAnnual, .poundsAYear), delegated ? .atMost : .above,
                                              .parameter(.delegatedLimit, limit.value, .poundsAYear)),
                         parameters: [limit.use]),
        ]
        guard let planResult else {
            return try builder.result(calculator: calculatorName, title: "Review: plan against the indicative budget",
                                      context: context, figures: figures, flags: check.flags)
        }
        var result = planResult
        result.calculator = calculatorName
        result.title = "Review: plan against the indicative budget"
        result.figures = figures + planResult.figures
        result.flags = check.flags + planResult.flags
        return result
    }
}
