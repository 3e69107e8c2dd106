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
        let weeks = builder.weeksPerYear.decimalText()
        var figures: [ResultFigure] = []
        var flags: [ResultFlag] = []

        // Points.
        var total: Rational
        var pointUses: [ParameterUse] = []
        var pointsFormula: String
        if let given = points {
            guard !given.isNegative else {
                throw .invalidValue(field: "input.points", value: given.decimalText(), reason: "must not be negative")
            }
            total = given
            pointsFormula = "\(given.decimalText()) points given"
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
            total = total * (.one - reduction.value)
            pointsFormula += "; less \(reduction.use.displayValue) for informal support = \(total.decimalText())"
        }
        figures.append(ResultFigure(key: "points", label: "RAS points", value: .number(total.rounded(places: 6, .halfAwayFromZero)),
                                    formula: pointsFormula, parameters: pointUses))

        // Conversion to money.
        let conversion = try context.choice(ParameterKey.rasConversion, as: RASConversion.self)
        var uses = pointUses + [conversion.use]
        var amount: Rational
        var formula: String
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
            formula = "\(total.decimalText()) points fall in the band from \(band.from.decimalText()) points: \(pounds(amount)) a year"
            figures.append(ResultFigure(key: "bandFrom", label: "Band, from points", value: .number(band.from),
                                        formula: "the band the points fall in starts here (inclusive)", parameters: [bands.use]))
            if let name = band.name {
                figures.append(ResultFigure(key: "band", label: "Band", value: .text(name), formula: "the band's name in the policy",
                                            parameters: [bands.use]))
            }
        } else {
            let price = try context.number(ParameterKey.rasPricePerPoint)
            uses.append(price.use)
            amount = total * price.value
            formula = "\(total.decimalText()) points × \(pounds(price.value)) a point = \(pounds(amount)) a year"
        }
        let floor = try context.number(ParameterKey.rasFloor)
        let cap = try context.number(ParameterKey.rasCap)
        uses += [floor.use, cap.use]
        // An amount out of range must not be compared (it would be "floored"): it is an error.
        guard !amount.isOverflow, !total.isOverflow else { throw .arithmeticOverflow("RAS points-derived amount") }
        figures.append(ResultFigure(key: "amountBeforeFloorAndCap", label: "Points-derived amount before floor and cap",
                                    value: .money(try amount.roundedToMoney(builder.rule, context: "points-derived amount")),
                                    formula: formula, parameters: uses))
        if amount < floor.value {
            flags.append(ResultFlag(code: "floored", message: "The points-derived amount \(pounds(amount)) is below the floor \(pounds(floor.value)) and was raised to it: review."))
            formula += "; raised to the floor \(pounds(floor.value))"
            amount = floor.value
        } else if cap.value < amount {
            flags.append(ResultFlag(code: "capped", message: "The points-derived amount \(pounds(amount)) is above the cap \(pounds(cap.value)) and was capped: review."))
            formula += "; capped at \(pounds(cap.value))"
            amount = cap.value
        }
        try builder.recurring("allocation", "Indicative allocation from points", exactAnnual: amount,
                              formula: formula + " ÷ \(weeks) for the week", parameters: uses)

        // Additions, on top and unclamped.
        var exactAnnual = amount
        for (i, addition) in additions.enumerated() {
            guard !addition.annual.isNegative else {
                throw .invalidValue(field: "input.additions[\(i)].annual", value: addition.annual.decimalText(),
                                    reason: "must not be negative")
            }
            exactAnnual += addition.annual
            try builder.recurring("addition[\(i)]", addition.description, exactAnnual: addition.annual,
                                  formula: "addition for exceptional needs: \(pounds(addition.annual)) a year ÷ \(weeks)")
        }

        // Indicative range: round(exact total × (1 ± p)).
        let range = try context.fraction(ParameterKey.rasRangePercent)
        for (key, label, factor) in [("indicativeRangeLow", "Indicative range, low", Rational.one - range.value),
                                     ("indicativeRangeHigh", "Indicative range, high", Rational.one + range.value)] {
            figures.append(ResultFigure(
                key: key, label: label, value: .money(try (exactAnnual * factor).roundedToMoney(builder.rule, context: key)),
                formula: "\(pounds(exactAnnual)) a year × \(factor.decimalText())", parameters: [range.use]))
        }
        return try builder.result(calculator: calculatorName, title: "RAS indicative budget", context: context,
                                  figures: figures, flags: flags)
    }

    /// Σ domain weight × answer points; every question answered, no unknown ones.
    func score(_ questionnaire: RASQuestionnaire) throws(BudgetError) -> (Rational, String) {
        let known = Set(questionnaire.domains.flatMap { $0.questions.map(\.id) })
        if let unknown = answers.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidValue(field: "input.answers.\(unknown)", value: unknown, reason: "is not a question of the questionnaire")
        }
        var total = Rational.zero
        var parts: [String] = []
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
            parts.append("\(domain.name) \(domainPoints.decimalText())" + (domain.weight == .one ? "" : " × \(domain.weight.decimalText())"))
        }
        return (total, parts.joined(separator: " + ") + " = \(total.decimalText()) points")
    }
}
