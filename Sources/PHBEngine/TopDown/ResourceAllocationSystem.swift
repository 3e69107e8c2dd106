/// A points-based Resource Allocation System assessment (docs/rules.md §4):
/// the top-down calculator that turns questionnaire answers into an annual
/// indicative budget.
public struct RASAssessment: BudgetCalculation {
    public var calculatorName: String { "ras" }

    /// Question id → answer id. Every question must be answered unless `points` is given.
    public var answers: [String: String]
    /// Points given directly (as in a published example) instead of answers.
    public var points: Rational?
    /// Whether informal support is available (reduces the points by the policy percentage).
    public var informalSupport: Bool
    /// Additions for exceptional needs: each a named annual amount, unclamped.
    public var additions: [(description: String, annual: Rational)]

    public init(answers: [String: String] = [:], points: Rational? = nil, informalSupport: Bool = false,
                additions: [(description: String, annual: Rational)] = []) {
        self.answers = answers
        self.points = points
        self.informalSupport = informalSupport
        self.additions = additions
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        var builder = try BreakdownBuilder(context: context)
        builder.reserveWorkings(nodes: 48)  // 31 – 39 on the fixtures
        let weeksPerYear = builder.weeksPerYear
        var figures: [ResultFigure] = []
        figures.reserveCapacity(6)  // points, band start and name, the amount before floor and cap, the range's two ends
        var flags: [ResultFlag] = []

        // Points.
        var total: Rational
        var pointUses: [ParameterUse] = []
        var scored: [DomainScore] = []
        if let given = points {
            guard !given.isNegative else {
                throw .invalidValue(field: "input.points", value: given.decimalText(), reason: "must not be negative")
            }
            total = given
        } else {
            let questionnaire = try context.table(ParameterKey.rasQuestionnaire)
            guard case .rasQuestionnaire(let q) = questionnaire.value else {
                throw .parameterKindMismatch(name: ParameterKey.rasQuestionnaire.name, expected: "a questionnaire")
            }
            pointUses.append(questionnaire.use)
            (total, scored) = try score(q)
        }
        let scoredTotal = total
        var reduction: (before: Rational, fraction: Rational)?
        if informalSupport {
            let fraction = try context.fraction(ParameterKey.rasInformalSupportReduction)
            pointUses.append(fraction.use)
            reduction = (total, fraction.value)
            total = total * (.one - fraction.value)
        }
        /// The points given or scored, then the reduction for informal support.
        func pointsWorking(_ w: inout FormulaWriter) {
            func scoredOrGiven(_ w: inout FormulaWriter) {
                guard points == nil else {
                    return w.steps { w in
                        w.value(.points, scoredTotal, .points)
                        w.note(.asGiven)
                    }
                }
                Self.write(scored, total: scoredTotal, &w)
            }
            guard let reduction else { return scoredOrGiven(&w) }
            w.steps { w in
                scoredOrGiven(&w)
                w.equals(.points, total, .points) { w in
                    w.product { w in
                        w.value(.points, reduction.before, .points)
                        w.difference { w in
                            w.value(.one, Rational(1), .number)
                            w.percentParameter(.rasInformalSupportReduction, fraction: reduction.fraction)
                        }
                    }
                }
            }
        }
        figures.append(builder.figure("points", "RAS points", .number(total.rounded(places: 6, .halfAwayFromZero)),
                                      working: pointsWorking, parameters: pointUses))

        // Conversion to money.
        let conversion = try context.choice(ParameterKey.rasConversion, as: RASConversion.self)
        var uses = pointUses
        uses.reserveCapacity(pointUses.count + 4)  // the conversion, its table or price, the floor and the cap
        uses.append(conversion.use)
        let amountBefore: Rational
        var band: (from: Rational, amount: Rational)?
        var price = Rational.zero
        if conversion.value == .bands {
            let bands = try context.table(ParameterKey.rasBands)
            guard case .rasBands(let table) = bands.value else {
                throw .parameterKindMismatch(name: ParameterKey.rasBands.name, expected: "points bands")
            }
            uses.append(bands.use)
            guard let row = table.band(containing: total) else {
                throw .invalidValue(field: "input.points", value: total.decimalText(),
                                    reason: "points are below the first band of \(ParameterKey.rasBands)")
            }
            amountBefore = row.amount
            band = (row.from, row.amount)
            figures.append(builder.figure("bandFrom", "Band, from points", .number(row.from),
                                          working: { $0.note(.bandsFromLowerBoundInclusive) }, parameters: [bands.use]))
            if let name = row.name {
                figures.append(builder.figure("band", "Band", .text(name), working: { $0.note(.bandNameInPolicy) },
                                              parameters: [bands.use]))
            }
        } else {
            let perPoint = try context.number(ParameterKey.rasPricePerPoint)
            uses.append(perPoint.use)
            price = perPoint.value
            amountBefore = total * price
        }
        /// The amount from the points: the band's, or the points at the price.
        func amountWorking(_ w: inout FormulaWriter) {
            if let band {
                w.lookup(table: .rasBands, rowFrom: Quantity(.bandFrom, band.from, .points),
                         gives: Quantity(.annual, band.amount, .poundsAYear)) { $0.value(.points, total, .points) }
            } else {
                w.equals(.annual, amountBefore, .poundsAYear) { w in
                    w.product { w in
                        w.value(.points, total, .points)
                        w.parameter(.rasPricePerPoint, price, .poundsAPoint)
                    }
                }
            }
        }
        let floor = try context.number(ParameterKey.rasFloor)
        let cap = try context.number(ParameterKey.rasCap)
        uses.append(floor.use)
        uses.append(cap.use)
        // An amount out of range must not be compared (it would be "floored"): it is an error.
        guard !amountBefore.isOverflow, !total.isOverflow else { throw .arithmeticOverflow("RAS points-derived amount") }
        figures.append(builder.figure("amountBeforeFloorAndCap", "Points-derived amount before floor and cap",
                                      .money(try amountBefore.roundedToMoney(builder.rule, context: "points-derived amount")),
                                      working: amountWorking, parameters: uses))
        var amount = amountBefore
        /// The amount raised to the floor or lowered to the cap, when it was.
        var limit: (operation: Operation, key: ParameterKey)?
        if amountBefore < floor.value {
            flags.append(ResultFlag(code: "floored", message: "The points-derived amount \(amountBefore.poundsText) is below the floor \(floor.value.poundsText) and was raised to it: review."))
            (amount, limit) = (floor.value, (.maximum, .rasFloor))
        } else if cap.value < amountBefore {
            flags.append(ResultFlag(code: "capped", message: "The points-derived amount \(amountBefore.poundsText) is above the cap \(cap.value.poundsText) and was capped: review."))
            (amount, limit) = (cap.value, (.minimum, .rasCap))
        }
        try builder.recurring("allocation", "Indicative allocation from points", exactWeekly: amount / weeksPerYear,
                              exactAnnual: amount,
                              working: { w in
                                  w.equals(.weekly, amount / weeksPerYear, .poundsAWeek) { w in
                                      w.quotient { w in
                                          if let limit {
                                              w.equals(.annual, amount, .poundsAYear) { w in
                                                  w.operation(limit.operation) { w in
                                                      amountWorking(&w)
                                                      w.parameter(limit.key, amount, .poundsAYear)
                                                  }
                                              }
                                          } else {
                                              amountWorking(&w)
                                          }
                                          w.weeks(weeksPerYear)
                                      }
                                  }
                              },
                              parameters: .own(uses))

        // Additions, on top and unclamped.
        var exactAnnual = amount
        for (i, addition) in additions.enumerated() {
            guard !addition.annual.isNegative else {
                throw .invalidValue(field: "input.additions[\(i)].annual", value: addition.annual.decimalText(),
                                    reason: "must not be negative")
            }
            exactAnnual += addition.annual
            try builder.recurring("addition[\(i)]", .words(addition.description), exactWeekly: addition.annual / weeksPerYear,
                                  exactAnnual: addition.annual,
                                  working: { w in
                                      w.equals(.weekly, addition.annual / weeksPerYear, .poundsAWeek) { w in
                                          w.quotient { w in
                                              w.value(.addition, addition.annual, .poundsAYear)
                                              w.weeks(weeksPerYear)
                                          }
                                      }
                                  })
        }

        // Indicative range: round(exact total × (1 ± p)).
        let range = try context.fraction(ParameterKey.rasRangePercent)
        for (key, label, operation) in [("indicativeRangeLow", "Indicative range, low", Operation.difference),
                                         ("indicativeRangeHigh", "Indicative range, high", Operation.sum)] {
            let end = exactAnnual * (operation == .sum ? Rational.one + range.value : Rational.one - range.value)
            figures.append(builder.figure(
                key, label, .money(try end.roundedToMoney(builder.rule, context: key)),
                working: { w in
                    w.equals(.result, end, .poundsAYear) { w in
                        w.product { w in
                            w.value(.annual, exactAnnual, .poundsAYear)
                            w.operation(operation) { w in
                                w.value(.one, Rational(1), .number)
                                w.percentParameter(.rasRangePercent, fraction: range.value)
                            }
                        }
                    }
                },
                parameters: [range.use]))
        }
        return try builder.result(calculator: calculatorName, title: "RAS indicative budget", context: context,
                                  figures: consume figures, flags: flags)
    }

    /// A domain's points and weight, scored from the answers.
    struct DomainScore {
        let name: String
        let points: Rational
        let weight: Rational
    }

    /// Σ domain weight × answer points, and each domain's score; every question answered, no unknown ones.
    func score(_ questionnaire: RASQuestionnaire) throws(BudgetError) -> (Rational, [DomainScore]) {
        let known = Set(questionnaire.domains.flatMap { $0.questions.map(\.id) })
        if let unknown = answers.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidValue(field: "input.answers.\(unknown)", value: unknown, reason: "is not a question of the questionnaire")
        }
        var total = Rational.zero
        var scores: [DomainScore] = []
        scores.reserveCapacity(questionnaire.domains.count)
        for domain in questionnaire.domains {
            var domainPoints = Rational.zero
            for question in domain.questions {
                guard let answer = answers[question.id] else { throw .missingInput(field: "input.answers.\(question.id)") }
                guard let points = question.answers[answer] else {
                    throw .invalidValue(field: "input.answers.\(question.id)", value: answer,
                                        reason: "is not an answer to this question (answers: \(question.answers.keys.sorted().joined(separator: ", ")))")
                }
                domainPoints += points
            }
            total += domainPoints * domain.weight
            scores.append(DomainScore(name: domain.name, points: domainPoints, weight: domain.weight))
        }
        return (total, scores)
    }

    /// `Σ domain points × weight = total`, a domain of weight 1 shown without its weight.
    static func write(_ scores: [DomainScore], total: Rational, _ w: inout FormulaWriter) {
        w.equals(.points, total, .points) { w in
            w.weightedSum(of: scores.count) { i in
                let score = scores[i]
                return (Quantity(QuantityName(rawValue: score.name), score.points, .points, parameter: .rasQuestionnaire),
                        score.weight == .one ? nil
                            : Quantity(QuantityName(rawValue: "\(score.name).weight"), score.weight, .number, parameter: .rasQuestionnaire))
            }
        }
    }
}
