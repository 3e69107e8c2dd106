/// A mental health care-cluster allocation (docs/rules.md §4): the
/// cluster's annual cost less its crisis and inpatient shares, the amount for
/// the cluster's review period, and the sense check of a plan against it.
public struct MentalHealthClusterAllocation: BudgetCalculation {
    public var calculatorName: String { "mentalHealthCluster" }

    /// The care cluster, 0–21 (9 is not in use).
    public var cluster: Int
    /// A plan's annual total to sense-check against the cluster figure.
    public var planAnnual: Rational?

    public init(cluster: Int, planAnnual: Rational? = nil) {
        self.cluster = cluster
        self.planAnnual = planAnnual
    }

    /// The maximum review period of each cluster, in weeks.
    public static func reviewPeriodWeeks(cluster: Int) -> Int? {
        switch cluster {
        case 14, 15: 4
        case 1: 12
        case 2: 15
        case 0, 3, 4, 5, 6, 16, 17, 19, 20, 21: 26
        case 7, 8, 10, 11, 12, 13, 18: 52
        default: nil
        }
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        guard let periodWeeks = Self.reviewPeriodWeeks(cluster: cluster) else {
            throw .invalidValue(field: "input.cluster", value: String(cluster),
                                reason: cluster == 9 ? "cluster 9 is not in use" : "is not a care cluster (0–21)")
        }
        var builder = try BreakdownBuilder(context: context)
        builder.reserveWorkings(nodes: 32)  // 25 on the fixtures
        let weeksPerYear = builder.weeksPerYear
        let table = try context.table(ParameterKey.clusterCosts)
        guard case .clusterCosts(let costs) = table.value else {
            throw .parameterKindMismatch(name: ParameterKey.clusterCosts.name, expected: "cluster costs")
        }
        guard let cost = costs.first(where: { $0.cluster == cluster }) else {
            throw .invalidValue(field: "input.cluster", value: String(cluster),
                                reason: "has no cost in \(ParameterKey.clusterCosts)")
        }
        let crisis = cost.annualCost * cost.crisisPercent / 100
        let inpatient = cost.annualCost * cost.inpatientPercent / 100
        let indicative = cost.annualCost - crisis - inpatient
        // One figure, rounded once from its exact value: the shares are shown, not rounded apart.
        let annualCost = Quantity(.clusterCost, cost.annualCost, .poundsAYear, parameter: .clusterCosts)
        try builder.recurring(
            "indicative", "Cluster \(cluster) indicative budget (less crisis and inpatient care)",
            exactWeekly: indicative / weeksPerYear, exactAnnual: indicative,
            working: { w in
                func share(_ name: QuantityName, _ percent: Rational, _ amount: Rational, _ w: inout FormulaWriter) {
                    w.equals(name, amount, .poundsAYear) { w in
                        w.product { w in
                            w.quantity(annualCost)
                            w.quantity(Quantity(name, percent, .percent, parameter: .clusterCosts))
                        }
                    }
                }
                w.weekly(indicative / weeksPerYear, fromAnnual: indicative, weeksPerYear: weeksPerYear) { w in
                    w.difference { w in
                        w.difference { w in
                            w.quantity(annualCost)
                            share(.crisisPercent, cost.crisisPercent, crisis, &w)
                        }
                        share(.inpatientPercent, cost.inpatientPercent, inpatient, &w)
                    }
                }
            },
            parameters: [table.use])

        let periodAmount = indicative * Rational(periodWeeks) / 52
        var figures = [
            builder.figure("cluster", "Care cluster", .number(Rational(cluster)), working: { $0.note(.clusterGiven) }),
            builder.figure("reviewPeriodWeeks", "Maximum review period, weeks", .number(Rational(periodWeeks)),
                           working: { w in
                               w.steps { w in
                                   w.value(.cluster, Rational(cluster), .number)
                                   w.note(.clusterReviewPeriod)
                               }
                           }),
            builder.figure("reviewPeriodAmount", "Amount for the review period",
                           .money(try periodAmount.roundedToMoney(builder.rule, context: "review-period amount")),
                           working: { w in
                               w.equals(.result, periodAmount, .pounds) { w in
                                   w.quotient { w in
                                       w.product { w in
                                           w.value(.indicative, indicative, .poundsAYear)
                                           w.value(.reviewPeriod, Rational(periodWeeks), .weeks)
                                       }
                                       w.value(.weeksInYear, Rational(52), .weeks)
                                   }
                               }
                           }),
        ]
        var flags: [ResultFlag] = []
        if let plan = planAnnual {
            guard !plan.isNegative else {
                throw .invalidValue(field: "input.planAnnual", value: plan.decimalText(), reason: "must not be negative")
            }
            let check = try VarianceCheck(indicative: indicative, plan: plan, context: context, rule: builder.rule)
            figures += check.figures
            flags += check.flags
        }
        return try builder.result(calculator: calculatorName, title: "Mental health cluster \(cluster) indicative budget",
                                  context: context, figures: consume figures, flags: flags)
    }
}

/// A plan against an indicative figure (docs/rules.md §5): variance = plan −
/// indicative, its percentage to 2 d.p., and whether |variance| ≤ tolerance ×
/// indicative, tested on exact figures.
struct VarianceCheck {
    var figures: [ResultFigure]
    var flags: [ResultFlag]

    init(indicative: Rational, plan: Rational, context: CalculationContext, rule: RoundingRule) throws(BudgetError) {
        let tolerance = try context.fraction(ParameterKey.reviewTolerance)
        let variance = plan - indicative
        let magnitude = variance.isNegative ? -variance : variance
        let within = !(tolerance.value * indicative < magnitude)
        figures = [
            ResultFigure(key: "variance", label: "Variance (plan − indicative)",
                         value: .money(try variance.roundedToMoney(rule, context: "variance")),
                         formula: (Formula.value(.plan, plan, .poundsAYear) - .value(.indicative, indicative, .poundsAYear))
                             .equals(.variance, variance, .poundsAYear)),
            ResultFigure(key: "withinTolerance", label: "Within tolerance", value: .flag(within),
                         formula: .comparison(.operation(.magnitude, [.value(.variance, variance, .poundsAYear)]), within ? .atMost : .above,
                                              Formula.percentParameter(.reviewTolerance, fraction: tolerance.value)
                                                * .value(.indicative, indicative, .poundsAYear)),
                         parameters: [tolerance.use]),
        ]
        if !indicative.isZero {
            figures.insert(ResultFigure(key: "variancePercent", label: "Variance, %",
                                        value: .percent((variance / indicative * 100).rounded(places: 2, rule)),
                                        formula: .rounded((Formula.value(.variance, variance, .poundsAYear)
                                                           / .value(.indicative, indicative, .poundsAYear)
                                                           * .value(.hundred, Rational(100), .number)).equals(.result, variance / indicative * 100, .percent),
                                                          places: 2, rule)), at: 1)
        }
        flags = within ? [] : [ResultFlag(code: "outsideTolerance",
                                          message: "The plan differs from the indicative figure by more than \(tolerance.use.displayValue): review.")]
    }
}
