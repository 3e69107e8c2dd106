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
        let weeks = builder.weeks, weeksPerYear = builder.weeksPerYear
        var figures: [ResultFigure] = []
        figures.reserveCapacity(6)  // points, band start and name, the amount before floor and cap, the range's two ends
        var flags: [ResultFlag] = []

        // Points.
        var total: Rational
        var pointUses: [ParameterUse] = []
        var pointsFormula: Formula
        if let given = points {
            guard !given.isNegative else {
                throw .invalidValue(field: "input.points", value: given.decimalText(), reason: "must not be negative")
            }
            total = given
            pointsFormula = .steps([.value(.points, given, .points), .note(.asGiven)])
        } else {
            let questionnaire = try context.table(ParameterKey.rasQuestionnaire)
            guard case .rasQuestionnaire(let q) = questionnaire.value else {
                throw .parameterKindMismatch(name: ParameterKey.rasQuestionnaire.name, expected: "a questionnaire")
            }
            pointUses.append(questionnaire.use)
            (total, pointsFormula) = try score(q)
        }
        if informalSupport {
            let reduction = try context.fraction(ParameterKey.rasInformalSupportReduction)
            pointUses.append(reduction.use)
            let before = total
            total = total * (.one - reduction.value)
            pointsFormula = .steps([pointsFormula, (Formula.value(.points, before, .points)
                * (.value(.one, Rational(1), .number) - .percentParameter(.rasInformalSupportReduction, fraction: reduction.value)))
                .equals(.points, total, .points)])
        }
        figures.append(ResultFigure(key: "points", label: "RAS points", value: .number(total.rounded(places: 6, .halfAwayFromZero)),
                                    formula: pointsFormula, parameters: pointUses))

        // Conversion to money.
        let conversion = try context.choice(ParameterKey.rasConversion, as: RASConversion.self)
        var uses = pointUses
        uses.reserveCapacity(pointUses.count + 4)  // the conversion, its table or price, the floor and the cap
        uses.append(conversion.use)
        var amount: Rational
        var formula: Formula
        if conversion.value == .bands {
            let bands = try context.table(ParameterKey.rasBands)
            guard case .rasBands(let table) = bands.value else {
                throw .parameterKindMismatch(name: ParameterKey.rasBands.name, expected: "points bands")
            }
            uses.append(bands.use)
            guard let band = table.band(containing: total) else {
                throw .invalidValue(field: "input.points", value: total.decimalText(),
                                    reason: "points are below the first band of \(ParameterKey.rasBands)")
            }
            amount = band.amount
            formula = .lookup(.value(.points, total, .points), table: .rasBands, rowFrom: Quantity(.bandFrom, band.from, .points),
                              gives: Quantity(.annual, amount, .poundsAYear))
            figures.append(ResultFigure(key: "bandFrom", label: "Band, from points", value: .number(band.from),
                                        formula: .note(.bandsFromLowerBoundInclusive), parameters: [bands.use]))
            if let name = band.name {
                figures.append(ResultFigure(key: "band", label: "Band", value: .text(name), formula: .note(.bandNameInPolicy),
                                            parameters: [bands.use]))
            }
        } else {
            let price = try context.number(ParameterKey.rasPricePerPoint)
            uses.append(price.use)
            amount = total * price.value
            formula = (Formula.value(.points, total, .points) * .parameter(.rasPricePerPoint, price.value, .poundsAPoint))
                .equals(.annual, amount, .poundsAYear)
        }
        let floor = try context.number(ParameterKey.rasFloor)
        let cap = try context.number(ParameterKey.rasCap)
        uses.append(floor.use)
        uses.append(cap.use)
        // An amount out of range must not be compared (it would be "floored"): it is an error.
        guard !amount.isOverflow, !total.isOverflow else { throw .arithmeticOverflow("RAS points-derived amount") }
        figures.append(ResultFigure(key: "amountBeforeFloorAndCap", label: "Points-derived amount before floor and cap",
                                    value: .money(try amount.roundedToMoney(builder.rule, context: "points-derived amount")),
                                    formula: formula, parameters: uses))
        if amount < floor.value {
            flags.append(ResultFlag(code: "floored", message: "The points-derived amount \(amount.poundsText) is below the floor \(floor.value.poundsText) and was raised to it: review."))
            formula = Formula.operation(.maximum, [formula, .parameter(.rasFloor, floor.value, .poundsAYear)])
                .equals(.annual, floor.value, .poundsAYear)
            amount = floor.value
        } else if cap.value < amount {
            flags.append(ResultFlag(code: "capped", message: "The points-derived amount \(amount.poundsText) is above the cap \(cap.value.poundsText) and was capped: review."))
            formula = Formula.operation(.minimum, [formula, .parameter(.rasCap, cap.value, .poundsAYear)])
                .equals(.annual, cap.value, .poundsAYear)
            amount = cap.value
        }
        try builder.recurring("allocation", "Indicative allocation from points", exactAnnual: amount,
                              formula: (formula / weeks).equals(.weekly, amount / weeksPerYear, .poundsAWeek),
                              parameters: uses)

        // Additions, on top and unclamped.
        var exactAnnual = amount
        for (i, addition) in additions.enumerated() {
            guard !addition.annual.isNegative else {
                throw .invalidValue(field: "input.additions[\(i)].annual", value: addition.annual.decimalText(),
                                    reason: "must not be negative")
            }
            exactAnnual += addition.annual
            try builder.recurring("addition[\(i)]", addition.description, exactAnnual: addition.annual,
                                  formula: (Formula.value(.addition, addition.annual, .poundsAYear) / weeks)
                                    .equals(.weekly, addition.annual / weeksPerYear, .poundsAWeek))
        }

        // Indicative range: round(exact total × (1 ± p)).
        let range = try context.fraction(ParameterKey.rasRangePercent)
        let one = Formula.value(.one, Rational(1), .number), percent = Formula.percentParameter(.rasRangePercent, fraction: range.value)
        for (key, label, factor, working) in [("indicativeRangeLow", "Indicative range, low", Rational.one - range.value, one - percent),
                                              ("indicativeRangeHigh", "Indicative range, high", Rational.one + range.value, one + percent)] {
            let end = exactAnnual * factor
            figures.append(ResultFigure(
                key: key, label: label, value: .money(try end.roundedToMoney(builder.rule, context: key)),
                formula: (Formula.value(.annual, exactAnnual, .poundsAYear) * working).equals(.result, end, .poundsAYear),
                parameters: [range.use]))
        }
        return try builder.result(calculator: calculatorName, title: "RAS indicative budget", context: context,
                                  figures: figures, flags: flags)
    }

    /// Σ domain weight × answer points; every question answered, no unknown ones.
    func score(_ questionnaire: RASQuestionnaire) throws(BudgetError) -> (Rational, Formula) {
        let known = Set(questionnaire.domains.flatMap { $0.questions.map(\.id) })
        if let unknown = answers.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidValue(field: "input.answers.\(unknown)", value: unknown, reason: "is not a question of the questionnaire")
        }
        var total = Rational.zero
        var parts: [Formula] = []
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
            let points = Formula.quantity(Quantity(QuantityName(rawValue: domain.name), domainPoints, .points, parameter: .rasQuestionnaire))
            parts.append(domain.weight == .one ? points
                : points * .quantity(Quantity(QuantityName(rawValue: "\(domain.name).weight"), domain.weight, .number,
                                              parameter: .rasQuestionnaire)))
        }
        return (total, (parts.count == 1 ? parts[0] : .operation(.sum, parts)).equals(.points, total, .points))
    }
}
