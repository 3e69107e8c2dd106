/// Calibrates a RAS price per point from a cohort (docs/rules.md §4): the
/// price that spends an envelope less its reserve, what it allocates, the
/// headroom, and how well points predict actual cost (least squares).
///
/// The fit is computed in exact rationals too; slope and intercept are
/// reported to the penny and R² to 4 decimal places.
public struct RASCalibration: BudgetCalculation {
    public var calculatorName: String { "rasCalibration" }

    /// The cohort: each person's points and actual annual cost.
    public var cohort: [(points: Rational, actualAnnual: Rational)]
    /// The budget envelope for the cohort, a year.
    public var envelope: Rational
    /// Percentage of the envelope held back.
    public var reservePercent: Rational

    public init(cohort: [(points: Rational, actualAnnual: Rational)], envelope: Rational, reservePercent: Rational = .zero) {
        self.cohort = cohort
        self.envelope = envelope
        self.reservePercent = reservePercent
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        guard !cohort.isEmpty else { throw .missingInput(field: "input.cohort") }
        guard !envelope.isNegative else {
            throw .invalidValue(field: "input.envelope", value: envelope.decimalText(), reason: "must not be negative")
        }
        guard !reservePercent.isNegative, !(Rational(100) < reservePercent) else {
            throw .invalidValue(field: "input.reservePercent", value: reservePercent.decimalText(), reason: "must be from 0 to 100")
        }
        for (i, person) in cohort.enumerated() where person.points.isNegative || person.actualAnnual.isNegative {
            throw .invalidValue(field: "input.cohort[\(i)]", value: person.points.decimalText(),
                                reason: "points and actual cost must not be negative")
        }
        var builder = try BreakdownBuilder(context: context)
        let weeks = builder.weeks, weeksPerYear = builder.weeksPerYear
        let rule = builder.rule
        let totalPoints = cohort.reduce(Rational.zero) { $0 + $1.points }
        guard !totalPoints.isZero else {
            throw .invalidValue(field: "input.cohort", value: "0 points", reason: "must have some points to price")
        }
        let reserve = envelope * reservePercent / 100
        let available = envelope - reserve
        let priceExact = available / totalPoints
        let price = try priceExact.roundedToMoney(.down, context: "price per point")

        for (i, person) in cohort.enumerated() {
            try builder.recurring(
                "person[\(i)]", "Person \(i + 1)", exactAnnual: person.points * price.exact,
                formula: ((Formula.value(.points, person.points, .points) * .value(.pricePerPoint, price.exact, .poundsAPoint))
                    .equals(.annual, person.points * price.exact, .poundsAYear) / weeks)
                    .equals(.weekly, person.points * price.exact / weeksPerYear, .poundsAWeek),
                quantity: .value(.points, person.points, .points), unitRate: { $0.value(.pricePerPoint, price.exact, .poundsAPoint) })
        }
        let result = try builder.result(calculator: calculatorName, title: "RAS calibration", context: context)
        let allocated = result.totals.annual
        let headroom = try (envelope - allocated.exact).roundedToMoney(rule, context: "headroom")

        let people = Formula.value(.people, Rational(cohort.count), .people)
        let envelopeFormula = Formula.value(.envelope, envelope, .poundsAYear)
        var figures: [ResultFigure] = [
            ResultFigure(key: "totalPoints", label: "Cohort points", value: .number(totalPoints),
                         formula: .steps([.note(.sumOfPointsOverPeople), people])),
            ResultFigure(key: "pricePerPoint", label: "Price per point", value: .money(price),
                         formula: .rounded(((envelopeFormula - .value(.reserve, reserve, .poundsAYear)) / .value(.points, totalPoints, .points))
                                            .equals(.pricePerPoint, priceExact, .poundsAPoint), places: 2, .down)),
            ResultFigure(key: "reserve", label: "Reserve", value: .money(try reserve.roundedToMoney(rule, context: "reserve")),
                         formula: (Formula.value(.reservePercent, reservePercent, .percent) * envelopeFormula)
                            .equals(.reserve, reserve, .poundsAYear)),
            ResultFigure(key: "cohortTotal", label: "Cohort total at that price", value: .money(allocated),
                         formula: .steps([.note(.sumOfRoundedLines), people])),
            ResultFigure(key: "headroom", label: "Headroom", value: .money(headroom),
                         formula: (envelopeFormula - .value(.cohortTotal, allocated.exact, .poundsAYear))
                            .equals(.headroom, envelope - allocated.exact, .poundsAYear)),
        ]
        figures += try fit(rule: rule)
        var final = result
        final.figures = figures
        return final
    }

    /// Least squares of actual cost on points: slope, intercept, R².
    func fit(rule: RoundingRule) throws(BudgetError) -> [ResultFigure] {
        let n = Rational(cohort.count)
        var sx = Rational.zero, sy = Rational.zero, sxx = Rational.zero, sxy = Rational.zero, syy = Rational.zero
        for p in cohort {
            sx += p.points
            sy += p.actualAnnual
            sxx += p.points * p.points
            sxy += p.points * p.actualAnnual
            syy += p.actualAnnual * p.actualAnnual
        }
        let varianceX = n * sxx - sx * sx
        let varianceY = n * syy - sy * sy
        guard !varianceX.isZero else {
            return [ResultFigure(key: "fit", label: "Least-squares fit", value: .text("not defined"),
                                 formula: .note(.pointsAllEqual))]
        }
        let covariance = n * sxy - sx * sy
        let slope = covariance / varianceX
        let intercept = (sy - slope * sx) / n
        // R² = cov² / (varX × varY); 1 when every cost is the same and fits exactly.
        let rSquared = varianceY.isZero ? Rational.one : covariance * covariance / (varianceX * varianceY)
        guard !rSquared.isOverflow else { throw .arithmeticOverflow("least-squares fit") }
        func sum(_ name: QuantityName, _ value: Rational) -> Formula { .value(name, value, .number) }
        let count = Formula.value(.people, n, .people)
        let covarianceFormula = (count * sum(.sumXY, sxy) - sum(.sumX, sx) * sum(.sumY, sy)).equals(.covariance, covariance, .number)
        let varianceXFormula = (count * sum(.sumXX, sxx) - sum(.sumX, sx) * sum(.sumX, sx)).equals(.varianceX, varianceX, .number)
        let varianceYFormula = (count * sum(.sumYY, syy) - sum(.sumY, sy) * sum(.sumY, sy)).equals(.varianceY, varianceY, .number)
        return [
            ResultFigure(key: "slope", label: "Fit: cost per point (slope)",
                         value: .money(try slope.roundedToMoney(rule, context: "slope")),
                         formula: (covarianceFormula / varianceXFormula).equals(.slope, slope, .poundsAPoint)),
            ResultFigure(key: "intercept", label: "Fit: intercept",
                         value: .money(try intercept.roundedToMoney(rule, context: "intercept")),
                         formula: ((sum(.sumY, sy) - .value(.slope, slope, .poundsAPoint) * sum(.sumX, sx)) / count)
                            .equals(.intercept, intercept, .poundsAYear)),
            ResultFigure(key: "rSquared", label: "Fit: R²", value: .number(rSquared.rounded(places: 4, rule)),
                         formula: .rounded((.value(.covariance, covariance, .number) * .value(.covariance, covariance, .number)
                                            / (Formula.value(.varianceX, varianceX, .number) * varianceYFormula))
                                            .equals(.rSquared, rSquared, .number), places: 4, rule)),
        ]
    }
}
