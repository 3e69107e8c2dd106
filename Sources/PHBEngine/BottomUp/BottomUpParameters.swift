/// Every parameter the bottom-up calculator reads, resolved once for a date,
/// a policy and a case's overrides: the snapshot a whole cohort shares.
///
/// Resolving does every dated, layered lookup (override → policy →
/// statutory) up front, so costing a plan reads typed fields and never hashes
/// a parameter name. A parameter that has no value in force is kept as the
/// error a plan gets if it needs that parameter (spec §7.2).
public struct BottomUpParameters: Sendable {
    /// The calculation date.
    public let asAt: CalendarDate
    /// The policy's name, and whether it is illustrative.
    public let policyName: String
    public let policyIsIllustrative: Bool

    let rounding: ParameterLookup<RoundingRule>
    let weeksPerYear: ParameterLookup<Rational>
    let nationalLivingWage: ParameterLookup<Rational>
    let sleepInRate: ParameterLookup<Rational>
    let bankHolidaysPerYear: ParameterLookup<Rational>
    let bankHolidayMultiplier: ParameterLookup<Rational>
    let onCostMode: ParameterLookup<OnCostMode>
    let flatOnCost: ParameterLookup<Rational>
    let holidayAccrual: ParameterLookup<Rational>
    let employerNIRate: ParameterLookup<Rational>
    let niSecondaryThreshold: ParameterLookup<Rational>
    let employmentAllowanceApplied: ParameterLookup<Bool>
    let employmentAllowance: ParameterLookup<Rational>
    let pensionRate: ParameterLookup<Rational>
    let pensionFunding: ParameterLookup<PensionFunding>
    let pensionTrigger: ParameterLookup<Rational>
    let pensionLowerLimit: ParameterLookup<Rational>
    let pensionUpperLimit: ParameterLookup<Rational>
    let insurancePerYear: ParameterLookup<Rational>
    let payrollPerMonth: ParameterLookup<Rational>
    let trainingPerPAPerYear: ParameterLookup<Rational>
    let dbsCheckPerPA: ParameterLookup<Rational>
    let recruitmentPerPA: ParameterLookup<Rational>
    let contingencyMode: ParameterLookup<ContingencyMode>
    let contingencyValue: ParameterLookup<Rational>
    let directPaymentSupportPerMonth: ParameterLookup<Rational>
    let directPaymentSetUpFee: ParameterLookup<Rational>
    let thirdPartyFee: ParameterLookup<Rational>
    /// Hourly rates by time band.
    let paRates: [String: ParameterLookup<Rational>]
    let agencyRates: [String: ParameterLookup<Rational>]

    /// Resolves every bottom-up parameter in force on `context.asAt`.
    public init(_ context: CalculationContext) {
        asAt = context.asAt
        policyName = context.policy.name
        policyIsIllustrative = context.policy.isIllustrative
        rounding = context.lookUpChoice(.roundingRule, as: RoundingRule.self)
        weeksPerYear = context.lookUpNumber(.weeksPerYear).flatMap { weeks in
            weeks.value.isZero
                ? .failure(.invalidValue(field: ParameterKey.weeksPerYear.name, value: "0", reason: "must be above zero"))
                : .success(weeks)
        }
        nationalLivingWage = context.lookUpNumber(.nationalLivingWage)
        sleepInRate = context.lookUpNumber(.sleepInRate)
        bankHolidaysPerYear = context.lookUpNumber(.bankHolidaysPerYear)
        bankHolidayMultiplier = context.lookUpNumber(.bankHolidayMultiplier)
        onCostMode = context.lookUpChoice(.onCostMode, as: OnCostMode.self)
        flatOnCost = context.lookUpFraction(.flatOnCostPercent)
        holidayAccrual = context.lookUpFraction(.holidayAccrualPercent)
        employerNIRate = context.lookUpFraction(.employerNIRate)
        niSecondaryThreshold = context.lookUpNumber(.niSecondaryThreshold)
        employmentAllowanceApplied = context.lookUpFlag(.employmentAllowanceApplied)
        employmentAllowance = context.lookUpNumber(.employmentAllowance)
        pensionRate = context.lookUpFraction(.pensionEmployerRate)
        pensionFunding = context.lookUpChoice(.pensionFundedFrom, as: PensionFunding.self)
        pensionTrigger = context.lookUpNumber(.pensionTrigger)
        pensionLowerLimit = context.lookUpNumber(.pensionLowerLimit)
        pensionUpperLimit = context.lookUpNumber(.pensionUpperLimit)
        insurancePerYear = context.lookUpNumber(.insurancePerYear)
        payrollPerMonth = context.lookUpNumber(.payrollPerMonth)
        trainingPerPAPerYear = context.lookUpNumber(.trainingPerPAPerYear)
        dbsCheckPerPA = context.lookUpNumber(.dbsCheckPerPA)
        recruitmentPerPA = context.lookUpNumber(.recruitmentPerPA)
        contingencyMode = context.lookUpChoice(.contingencyMode, as: ContingencyMode.self)
        contingencyValue = context.lookUpNumber(.contingencyValue)
        directPaymentSupportPerMonth = context.lookUpNumber(.directPaymentSupportPerMonth)
        directPaymentSetUpFee = context.lookUpNumber(.directPaymentSetUpFee)
        thirdPartyFee = context.lookUpFraction(.thirdPartyFeePercent)
        paRates = Dictionary(uniqueKeysWithValues: context.bands(of: .personalAssistant).map {
            ($0, context.lookUpNumber(.paHourlyRate(band: $0)))
        })
        agencyRates = Dictionary(uniqueKeysWithValues: context.bands(of: .agency).map {
            ($0, context.lookUpNumber(.agencyHourlyRate(band: $0)))
        })
    }

    /// The policy's hourly rate for `provider` in `band`, or `nil` for a band it does not know.
    func hourlyRate(_ provider: Provider, band: String) -> ParameterLookup<Rational>? {
        provider == .personalAssistant ? paRates[band] : agencyRates[band]
    }

    /// The time bands the policy has rates for, for error messages.
    func bands(of provider: Provider) -> [String] {
        (provider == .personalAssistant ? paRates : agencyRates).keys.sorted()
    }
}
