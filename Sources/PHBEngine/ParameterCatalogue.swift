/// The name, kind and meaning of one parameter the engine knows.
public struct ParameterDefinition: Sendable, Hashable {
    /// The dotted name used in policy files and results.
    public let name: String
    /// What kind of value it holds.
    public let kind: ParameterKind
    /// One line on what it means.
    public let summary: String
}

/// Every parameter the engine knows: statutory (England) and local policy.
///
/// Hourly rates come in families, one parameter per time band:
/// `pa.hourlyRate.<band>` and `agency.hourlyRate.<band>`.
public enum ParameterCatalogue {
    // Statutory (England).
    public static let nationalLivingWage = "nationalLivingWage"
    public static let minimumWage18to20 = "nationalMinimumWage.age18to20"
    public static let minimumWageUnder18 = "nationalMinimumWage.under18AndApprentice"
    public static let employerNIRate = "employerNI.ratePercent"
    public static let niSecondaryThreshold = "employerNI.secondaryThresholdWeekly"
    public static let employmentAllowance = "employmentAllowance.annual"
    public static let pensionTrigger = "pension.autoEnrolmentTriggerWeekly"
    public static let pensionLowerLimit = "pension.qualifyingEarningsLowerWeekly"
    public static let pensionUpperLimit = "pension.qualifyingEarningsUpperWeekly"
    public static let pensionEmployerRate = "pension.employerMinimumPercent"
    public static let statutorySickPay = "statutorySickPay.weekly"
    public static let statutoryHolidayWeeks = "statutoryHoliday.weeks"

    // Local policy.
    public static let weeksPerYear = "weeksPerYear"
    public static let roundingRule = "roundingRule"
    public static let paRatePrefix = "pa.hourlyRate."
    public static let agencyRatePrefix = "agency.hourlyRate."
    public static let sleepInRate = "sleepIn.nightRate"
    public static let onCostMode = "pa.onCostMode"
    public static let flatOnCostPercent = "pa.flatOnCostPercent"
    public static let holidayAccrualPercent = "pa.holidayAccrualPercent"
    public static let pensionFundedFrom = "pension.fundedFrom"
    public static let employmentAllowanceApplied = "employmentAllowance.applied"
    public static let bankHolidaysPerYear = "bankHolidays.perYear"
    public static let bankHolidayMultiplier = "bankHolidays.payMultiplier"
    public static let insurancePerYear = "employmentCosts.insurancePerYear"
    public static let payrollPerMonth = "employmentCosts.payrollPerMonth"
    public static let trainingPerPAPerYear = "employmentCosts.trainingPerPAPerYear"
    public static let dbsCheckPerPA = "employmentCosts.dbsCheckPerPA"
    public static let recruitmentPerPA = "employmentCosts.recruitmentPerPA"
    public static let contingencyMode = "contingency.mode"
    public static let contingencyValue = "contingency.value"
    public static let directPaymentSupportPerMonth = "directPayment.supportFeePerMonth"
    public static let directPaymentSetUpFee = "directPayment.setUpFee"
    public static let thirdPartyFeePercent = "thirdParty.managementFeePercent"

    // Top-down tables and review (spec §3, §4).
    public static let rasQuestionnaire = "ras.questionnaire"
    public static let rasConversion = "ras.conversion"
    public static let rasPricePerPoint = "ras.pricePerPoint"
    public static let rasBands = "ras.bands"
    public static let rasInformalSupportReduction = "ras.informalSupportReductionPercent"
    public static let rasRangePercent = "ras.indicativeRangePercent"
    public static let rasFloor = "ras.floorAnnual"
    public static let rasCap = "ras.capAnnual"
    public static let clusterCosts = "mentalHealth.clusterCosts"
    public static let dstScoring = "chc.dstScoring"
    public static let oneOffPurposes = "oneOff.purposes"
    public static let oneOffTiers = "oneOff.authorisationTiers"
    public static let reviewTolerance = "review.tolerancePercent"
    public static let delegatedLimit = "approval.delegatedLimitAnnual"

    /// Every fixed-name parameter.
    public static let definitions: [ParameterDefinition] = [
        .init(name: nationalLivingWage, kind: .money, summary: "National Living Wage (21 and over), per hour"),
        .init(name: minimumWage18to20, kind: .money, summary: "National Minimum Wage, 18 to 20, per hour"),
        .init(name: minimumWageUnder18, kind: .money, summary: "National Minimum Wage, under 18 and apprentice, per hour"),
        .init(name: employerNIRate, kind: .percent, summary: "employer (secondary) Class 1 National Insurance rate"),
        .init(name: niSecondaryThreshold, kind: .money, summary: "NI secondary threshold, per week"),
        .init(name: employmentAllowance, kind: .money, summary: "Employment Allowance, per employer per year"),
        .init(name: pensionTrigger, kind: .money, summary: "pension auto-enrolment earnings trigger, per week"),
        .init(name: pensionLowerLimit, kind: .money, summary: "pension qualifying earnings lower limit, per week"),
        .init(name: pensionUpperLimit, kind: .money, summary: "pension qualifying earnings upper limit, per week"),
        .init(name: pensionEmployerRate, kind: .percent, summary: "employer minimum pension contribution"),
        .init(name: statutorySickPay, kind: .money, summary: "Statutory Sick Pay, per week"),
        .init(name: statutoryHolidayWeeks, kind: .number, summary: "statutory holiday entitlement, weeks a year"),

        .init(name: weeksPerYear, kind: .number, summary: "weeks in a year for weekly ↔ annual figures"),
        .init(name: roundingRule, kind: .choice(RoundingRule.allCases.map(\.rawValue)),
              summary: "how lines are rounded to the penny"),
        .init(name: sleepInRate, kind: .money, summary: "sleep-in rate per night"),
        .init(name: onCostMode, kind: .choice(["itemised", "flat"]), summary: "PA on-costs itemised or a flat percentage"),
        .init(name: flatOnCostPercent, kind: .percent, summary: "flat PA on-cost percentage of PA pay"),
        .init(name: holidayAccrualPercent, kind: .percent, summary: "PA holiday accrual (5.6 / 46.4 = 12.07%)"),
        .init(name: pensionFundedFrom, kind: .choice(["trigger", "lowerLimit"]),
              summary: "fund pension for PAs above the trigger, or above the lower limit"),
        .init(name: employmentAllowanceApplied, kind: .flag, summary: "whether the Employment Allowance is applied"),
        .init(name: bankHolidaysPerYear, kind: .number, summary: "bank holidays a year"),
        .init(name: bankHolidayMultiplier, kind: .number, summary: "bank-holiday pay multiplier (1.5 = time and a half)"),
        .init(name: insurancePerYear, kind: .money, summary: "employer's liability insurance, per employer per year"),
        .init(name: payrollPerMonth, kind: .money, summary: "payroll service, per employer per month"),
        .init(name: trainingPerPAPerYear, kind: .money, summary: "training, per PA per year"),
        .init(name: dbsCheckPerPA, kind: .money, summary: "DBS check, per PA, one-off"),
        .init(name: recruitmentPerPA, kind: .money, summary: "recruitment, per PA, one-off"),
        .init(name: contingencyMode, kind: .choice(["percent", "weeks"]),
              summary: "contingency as a percentage or as weeks of the care subtotal"),
        .init(name: contingencyValue, kind: .number, summary: "contingency percentage or number of weeks"),
        .init(name: directPaymentSupportPerMonth, kind: .money, summary: "direct-payment support fee, per month"),
        .init(name: directPaymentSetUpFee, kind: .money, summary: "direct-payment set-up fee, one-off"),
        .init(name: thirdPartyFeePercent, kind: .percent, summary: "third-party (ISF) management fee percentage"),

        .init(name: rasQuestionnaire, kind: .table("questionnaire"), summary: "RAS questionnaire: domains, questions, answer points"),
        .init(name: rasConversion, kind: .choice(["pricePerPoint", "bands"]), summary: "RAS points to money: price per point or bands"),
        .init(name: rasPricePerPoint, kind: .money, summary: "RAS annual price per point"),
        .init(name: rasBands, kind: .table("points bands"), summary: "RAS points bands to annual amounts"),
        .init(name: rasInformalSupportReduction, kind: .percent, summary: "RAS points reduction where informal support is available"),
        .init(name: rasRangePercent, kind: .percent, summary: "RAS indicative range, ± percentage"),
        .init(name: rasFloor, kind: .money, summary: "RAS floor on the points-derived annual amount"),
        .init(name: rasCap, kind: .money, summary: "RAS cap on the points-derived annual amount"),
        .init(name: clusterCosts, kind: .table("cluster costs"), summary: "mental health cluster annual costs and crisis / inpatient shares"),
        .init(name: dstScoring, kind: .table("DST scoring"), summary: "CHC DST level points, domain weights and score bands"),
        .init(name: oneOffPurposes, kind: .table("one-off purposes"), summary: "one-off budget ranges by purpose"),
        .init(name: oneOffTiers, kind: .table("authorisation tiers"), summary: "one-off budget authorisation tiers"),
        .init(name: reviewTolerance, kind: .percent, summary: "tolerance of a plan against the indicative figure"),
        .init(name: delegatedLimit, kind: .money, summary: "annual total up to which delegated authority approves; above it, the panel"),
    ]

    private static let byName: [String: ParameterDefinition] =
        Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The definition of `name`, including the hourly-rate families; `nil` if unknown.
    public static func definition(of name: String) -> ParameterDefinition? {
        if let d = byName[name] { return d }
        for (prefix, who) in [(paRatePrefix, "PA"), (agencyRatePrefix, "agency")] where name.hasPrefix(prefix) {
            let band = name.dropFirst(prefix.count)
            guard !band.isEmpty, band.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
            else { return nil }
            return ParameterDefinition(name: name, kind: .money, summary: "\(who) hourly rate, \(band) band")
        }
        return nil
    }
}
