/// A parameter the engine knows, as a typed key: statutory (England) values,
/// local policy values and the top-down tables.
///
/// Calculators look parameters up by key, never by a string; the dotted
/// ``name`` is the spelling used in policy files and results. Hourly rates
/// come in families, one key per time band: `pa.hourlyRate.<band>` and
/// `agency.hourlyRate.<band>`.
public enum ParameterKey: Sendable, Hashable {
    // Statutory (England).
    case nationalLivingWage
    case minimumWage18to20
    case minimumWageUnder18
    case employerNIRate
    case niSecondaryThreshold
    case employmentAllowance
    case pensionTrigger
    case pensionLowerLimit
    case pensionUpperLimit
    case pensionEmployerRate
    case statutorySickPay
    case statutoryHolidayWeeks

    // Local policy: the breakdown.
    case weeksPerYear
    case roundingRule
    case paHourlyRate(band: String)
    case agencyHourlyRate(band: String)
    case sleepInRate
    case onCostMode
    case flatOnCostPercent
    case holidayAccrualPercent
    case pensionFundedFrom
    case employmentAllowanceApplied
    case bankHolidaysPerYear
    case bankHolidayMultiplier
    case insurancePerYear
    case payrollPerMonth
    case trainingPerPAPerYear
    case dbsCheckPerPA
    case recruitmentPerPA
    case contingencyMode
    case contingencyValue
    case directPaymentSupportPerMonth
    case directPaymentSetUpFee
    case thirdPartyFeePercent

    // Top-down tables and review (docs/rules.md §4).
    case rasQuestionnaire
    case rasConversion
    case rasPricePerPoint
    case rasBands
    case rasInformalSupportReduction
    case rasRangePercent
    case rasFloor
    case rasCap
    case clusterCosts
    case dstScoring
    case oneOffPurposes
    case oneOffTiers
    case reviewTolerance
    case delegatedLimit

    /// Every key with a fixed name (the rate families excepted), in catalogue order.
    public static let fixed: [ParameterKey] = [
        .nationalLivingWage, .minimumWage18to20, .minimumWageUnder18, .employerNIRate, .niSecondaryThreshold,
        .employmentAllowance, .pensionTrigger, .pensionLowerLimit, .pensionUpperLimit, .pensionEmployerRate,
        .statutorySickPay, .statutoryHolidayWeeks,
        .weeksPerYear, .roundingRule, .sleepInRate, .onCostMode, .flatOnCostPercent, .holidayAccrualPercent,
        .pensionFundedFrom, .employmentAllowanceApplied, .bankHolidaysPerYear, .bankHolidayMultiplier,
        .insurancePerYear, .payrollPerMonth, .trainingPerPAPerYear, .dbsCheckPerPA, .recruitmentPerPA,
        .contingencyMode, .contingencyValue, .directPaymentSupportPerMonth, .directPaymentSetUpFee,
        .thirdPartyFeePercent,
        .rasQuestionnaire, .rasConversion, .rasPricePerPoint, .rasBands, .rasInformalSupportReduction,
        .rasRangePercent, .rasFloor, .rasCap, .clusterCosts, .dstScoring, .oneOffPurposes, .oneOffTiers,
        .reviewTolerance, .delegatedLimit,
    ]

    /// The prefix of the PA hourly-rate family.
    public static let paRatePrefix = "pa.hourlyRate."
    /// The prefix of the agency hourly-rate family.
    public static let agencyRatePrefix = "agency.hourlyRate."

    /// The hourly-rate key for `provider` in time band `band`.
    public static func hourlyRate(_ provider: Provider, band: String) -> ParameterKey {
        provider == .personalAssistant ? .paHourlyRate(band: band) : .agencyHourlyRate(band: band)
    }

    /// The dotted name used in policy files and results.
    public var name: String {
        switch self {
        case .paHourlyRate(let band): ParameterKey.paRatePrefix + band
        case .agencyHourlyRate(let band): ParameterKey.agencyRatePrefix + band
        default: definition.name
        }
    }

    /// The key a dotted name spells, or `nil` for a name the engine does not know.
    public init?(name: String) {
        if let key = ParameterKey.byName[name] {
            self = key
            return
        }
        for (prefix, provider) in [(ParameterKey.paRatePrefix, Provider.personalAssistant),
                                   (ParameterKey.agencyRatePrefix, .agency)] where name.hasPrefix(prefix) {
            let band = String(name.dropFirst(prefix.count))
            guard ParameterKey.isBandName(band) else { return nil }
            self = .hourlyRate(provider, band: band)
            return
        }
        return nil
    }

    /// Whether `band` may name a time band: letters, digits, `_` and `-`.
    public static func isBandName(_ band: String) -> Bool {
        var band = band
        return band.withUTF8(isBandName(utf8:))
    }

    /// Whether the UTF-8 bytes may name a time band (or a line): 1 to 64 letters, digits, `_` and `-`.
    public static func isBandName(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.count <= 64 && bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    private static let byName: [String: ParameterKey] =
        Dictionary(fixed.map { ($0.definition.name, $0) }, uniquingKeysWith: { first, _ in first })
}

extension ParameterKey: Comparable {
    /// Keys order by name, so listings are stable.
    public static func < (a: ParameterKey, b: ParameterKey) -> Bool { a.name < b.name }
}

extension ParameterKey: CustomStringConvertible {
    public var description: String { name }
}

/// The name, kind and meaning of one parameter the engine knows.
public struct ParameterDefinition: Sendable, Hashable {
    /// The dotted name used in policy files and results.
    public let name: String
    /// What kind of value it holds.
    public let kind: ParameterKind
    /// One line on what it means.
    public let summary: String

    init(_ name: String, _ kind: ParameterKind, _ summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }
}

extension ParameterKey {
    /// The parameter's name, kind and meaning.
    public var definition: ParameterDefinition {
        switch self {
        case .nationalLivingWage: .init("nationalLivingWage", .money, "National Living Wage (21 and over), per hour")
        case .minimumWage18to20: .init("nationalMinimumWage.age18to20", .money, "National Minimum Wage, 18 to 20, per hour")
        case .minimumWageUnder18:
            .init("nationalMinimumWage.under18AndApprentice", .money, "National Minimum Wage, under 18 and apprentice, per hour")
        case .employerNIRate: .init("employerNI.ratePercent", .percent, "employer (secondary) Class 1 National Insurance rate")
        case .niSecondaryThreshold: .init("employerNI.secondaryThresholdWeekly", .money, "NI secondary threshold, per week")
        case .employmentAllowance: .init("employmentAllowance.annual", .money, "Employment Allowance, per employer per year")
        case .pensionTrigger:
            .init("pension.autoEnrolmentTriggerWeekly", .money, "pension auto-enrolment earnings trigger, per week")
        case .pensionLowerLimit:
            .init("pension.qualifyingEarningsLowerWeekly", .money, "pension qualifying earnings lower limit, per week")
        case .pensionUpperLimit:
            .init("pension.qualifyingEarningsUpperWeekly", .money, "pension qualifying earnings upper limit, per week")
        case .pensionEmployerRate: .init("pension.employerMinimumPercent", .percent, "employer minimum pension contribution")
        case .statutorySickPay: .init("statutorySickPay.weekly", .money, "Statutory Sick Pay, per week")
        case .statutoryHolidayWeeks: .init("statutoryHoliday.weeks", .number, "statutory holiday entitlement, weeks a year")

        case .weeksPerYear: .init("weeksPerYear", .number, "weeks in a year for weekly ↔ annual figures")
        case .roundingRule:
            .init("roundingRule", .choice(RoundingRule.allCases.map(\.rawValue)), "how lines are rounded to the penny")
        case .paHourlyRate(let band): .init(ParameterKey.paRatePrefix + band, .money, "PA hourly rate, \(band) band")
        case .agencyHourlyRate(let band): .init(ParameterKey.agencyRatePrefix + band, .money, "agency hourly rate, \(band) band")
        case .sleepInRate: .init("sleepIn.nightRate", .money, "sleep-in rate per night")
        case .onCostMode:
            .init("pa.onCostMode", .choice(OnCostMode.allCases.map(\.rawValue)), "PA on-costs itemised or a flat percentage")
        case .flatOnCostPercent: .init("pa.flatOnCostPercent", .percent, "flat PA on-cost percentage of PA pay")
        case .holidayAccrualPercent: .init("pa.holidayAccrualPercent", .percent, "PA holiday accrual (5.6 / 46.4 = 12.07%)")
        case .pensionFundedFrom:
            .init("pension.fundedFrom", .choice(PensionFunding.allCases.map(\.rawValue)),
                  "fund pension for PAs above the trigger, or above the lower limit")
        case .employmentAllowanceApplied:
            .init("employmentAllowance.applied", .flag, "whether the Employment Allowance is applied")
        case .bankHolidaysPerYear: .init("bankHolidays.perYear", .number, "bank holidays a year")
        case .bankHolidayMultiplier:
            .init("bankHolidays.payMultiplier", .number, "bank-holiday pay multiplier (1.5 = time and a half)")
        case .insurancePerYear:
            .init("employmentCosts.insurancePerYear", .money, "employer's liability insurance, per employer per year")
        case .payrollPerMonth: .init("employmentCosts.payrollPerMonth", .money, "payroll service, per employer per month")
        case .trainingPerPAPerYear: .init("employmentCosts.trainingPerPAPerYear", .money, "training, per PA per year")
        case .dbsCheckPerPA: .init("employmentCosts.dbsCheckPerPA", .money, "DBS check, per PA, one-off")
        case .recruitmentPerPA: .init("employmentCosts.recruitmentPerPA", .money, "recruitment, per PA, one-off")
        case .contingencyMode:
            .init("contingency.mode", .choice(ContingencyMode.allCases.map(\.rawValue)),
                  "contingency as a percentage or as weeks of the care subtotal")
        case .contingencyValue: .init("contingency.value", .number, "contingency percentage or number of weeks")
        case .directPaymentSupportPerMonth:
            .init("directPayment.supportFeePerMonth", .money, "direct-payment support fee, per month")
        case .directPaymentSetUpFee: .init("directPayment.setUpFee", .money, "direct-payment set-up fee, one-off")
        case .thirdPartyFeePercent:
            .init("thirdParty.managementFeePercent", .percent, "third-party (ISF) management fee percentage")

        case .rasQuestionnaire:
            .init("ras.questionnaire", .table("questionnaire"), "RAS questionnaire: domains, questions, answer points")
        case .rasConversion:
            .init("ras.conversion", .choice(RASConversion.allCases.map(\.rawValue)),
                  "RAS points to money: price per point or bands")
        case .rasPricePerPoint: .init("ras.pricePerPoint", .money, "RAS annual price per point")
        case .rasBands: .init("ras.bands", .table("points bands"), "RAS points bands to annual amounts")
        case .rasInformalSupportReduction:
            .init("ras.informalSupportReductionPercent", .percent, "RAS points reduction where informal support is available")
        case .rasRangePercent: .init("ras.indicativeRangePercent", .percent, "RAS indicative range, ± percentage")
        case .rasFloor: .init("ras.floorAnnual", .money, "RAS floor on the points-derived annual amount")
        case .rasCap: .init("ras.capAnnual", .money, "RAS cap on the points-derived annual amount")
        case .clusterCosts:
            .init("mentalHealth.clusterCosts", .table("cluster costs"),
                  "mental health cluster annual costs and crisis / inpatient shares")
        case .dstScoring: .init("chc.dstScoring", .table("DST scoring"), "CHC DST level points, domain weights and score bands")
        case .oneOffPurposes: .init("oneOff.purposes", .table("one-off purposes"), "one-off budget ranges by purpose")
        case .oneOffTiers: .init("oneOff.authorisationTiers", .table("authorisation tiers"), "one-off budget authorisation tiers")
        case .reviewTolerance: .init("review.tolerancePercent", .percent, "tolerance of a plan against the indicative figure")
        case .delegatedLimit:
            .init("approval.delegatedLimitAnnual", .money, "annual total up to which delegated authority approves; above it, the panel")
        }
    }
}

/// How PA on-costs are worked out (`pa.onCostMode`).
public enum OnCostMode: String, Sendable, Hashable, CaseIterable {
    /// Holiday cover, employer NI and pension, each its own line.
    case itemised
    /// One flat percentage of PA pay instead of holiday, NI and pension.
    case flat
}

/// How contingency is set (`contingency.mode`).
public enum ContingencyMode: String, Sendable, Hashable, CaseIterable {
    /// A percentage of the weekly care subtotal.
    case percent
    /// A number of weeks of the care subtotal a year.
    case weeks
}

/// Which PAs the employer funds a pension for (`pension.fundedFrom`).
public enum PensionFunding: String, Sendable, Hashable, CaseIterable {
    /// PAs whose earnings are above the auto-enrolment trigger.
    case trigger
    /// Every PA whose earnings are above the qualifying-earnings lower limit.
    case lowerLimit
}

/// How RAS points become money (`ras.conversion`).
public enum RASConversion: String, Sendable, Hashable, CaseIterable {
    /// An annual price per point.
    case pricePerPoint
    /// Points bands, each worth an annual amount.
    case bands
}
