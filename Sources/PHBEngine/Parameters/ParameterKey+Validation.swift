/// What values a parameter may take beyond its kind: the engine's own check,
/// applied to policy files and case overrides alike.
extension ParameterKey {
    /// The allowed range of a numeric parameter and its most decimal places.
    public struct Bounds: Sendable, Hashable {
        /// The least value; `lowerIsExclusive` makes it "above".
        public var lower: Rational
        public var lowerIsExclusive: Bool
        /// The greatest value (inclusive), where a bound is meaningful.
        public var upper: Rational?
        /// The most decimal places (2 for money, 4 for hourly and night rates).
        public var decimalPlaces: Int

        /// The bounds in words: "from 0 to 100 with at most 4 decimal places".
        public var description: String {
            let from = lowerIsExclusive ? "above \(lower)" : "from \(lower)"
            return from + (upper.map { " to \($0)" } ?? "") + " with at most \(decimalPlaces) decimal places"
        }
    }

    /// The bounds of a numeric parameter (`nil` for flags, choices and tables).
    public var bounds: Bounds? {
        let percent = Bounds(lower: .zero, lowerIsExclusive: false, upper: Rational(100), decimalPlaces: 4)
        let money = Bounds(lower: .zero, lowerIsExclusive: false, upper: nil, decimalPlaces: 2)
        let wage = Bounds(lower: .zero, lowerIsExclusive: true, upper: nil, decimalPlaces: 4)
        switch self {
        case .nationalLivingWage, .minimumWage18to20, .minimumWageUnder18, .paHourlyRate, .agencyHourlyRate, .sleepInRate:
            return wage
        case .employerNIRate, .pensionEmployerRate, .holidayAccrualPercent, .flatOnCostPercent, .thirdPartyFeePercent,
             .rasInformalSupportReduction, .rasRangePercent, .reviewTolerance:
            return percent
        case .weeksPerYear:
            return Bounds(lower: Rational(50), lowerIsExclusive: false, upper: Rational(53), decimalPlaces: 6)
        case .bankHolidaysPerYear:
            return Bounds(lower: .zero, lowerIsExclusive: false, upper: Rational(366), decimalPlaces: 2)
        case .bankHolidayMultiplier:
            return Bounds(lower: .one, lowerIsExclusive: false, upper: Rational(10), decimalPlaces: 4)
        case .statutoryHolidayWeeks:
            return Bounds(lower: .zero, lowerIsExclusive: false, upper: Rational(52), decimalPlaces: 2)
        case .contingencyValue:
            // A percentage (at most 100) or a number of weeks (at most 52), by contingency.mode.
            return Bounds(lower: .zero, lowerIsExclusive: false, upper: Rational(100), decimalPlaces: 4)
        case .rasPricePerPoint:
            return Bounds(lower: .zero, lowerIsExclusive: false, upper: nil, decimalPlaces: 4)
        case .niSecondaryThreshold, .employmentAllowance, .pensionTrigger, .pensionLowerLimit, .pensionUpperLimit,
             .statutorySickPay, .insurancePerYear, .payrollPerMonth, .trainingPerPAPerYear, .dbsCheckPerPA, .recruitmentPerPA,
             .directPaymentSupportPerMonth, .directPaymentSetUpFee, .rasFloor, .rasCap, .delegatedLimit:
            return money
        case .roundingRule, .onCostMode, .pensionFundedFrom, .employmentAllowanceApplied, .contingencyMode,
             .rasQuestionnaire, .rasConversion, .rasBands, .clusterCosts, .dstScoring, .oneOffPurposes, .oneOffTiers:
            return nil
        }
    }

    /// What is wrong with `value` for this parameter, or `nil` when it is allowed.
    public func problem(with value: ParameterValue) -> String? {
        guard definition.kind.accepts(value) else {
            if case .number(let n) = value, n.isNegative { return "must not be negative (\(name) is \(definition.kind.description))" }
            return "must be \(definition.kind.description)"
        }
        guard case .number(let n) = value, let bounds else { return nil }
        let tooLow = bounds.lowerIsExclusive ? !(bounds.lower < n) : n < bounds.lower
        let tooHigh = bounds.upper.map { $0 < n } ?? false
        let places = n.decimalPlaces.map { $0 > bounds.decimalPlaces } ?? true
        guard tooLow || tooHigh || places else { return nil }
        return "'\(n.decimalText(maxPlaces: 8))' is out of range: \(name) must be \(bounds.description)"
    }
}
