/// A parameter with a fixed name (not of a rate family), held as its place in ``ParameterKey/fixed``: a formula's
/// node holds one with no reference count.
struct FixedParameter: Sendable, Hashable {
    let index: UInt8

    /// `key`'s place, or `nil` for a key of a rate family.
    @inline(__always)
    init?(_ key: ParameterKey) {
        let index: UInt8? = switch key {
        case .nationalLivingWage: 0
        case .minimumWage18to20: 1
        case .minimumWageUnder18: 2
        case .employerNIRate: 3
        case .niSecondaryThreshold: 4
        case .employmentAllowance: 5
        case .pensionTrigger: 6
        case .pensionLowerLimit: 7
        case .pensionUpperLimit: 8
        case .pensionEmployerRate: 9
        case .statutorySickPay: 10
        case .statutoryHolidayWeeks: 11
        case .weeksPerYear: 12
        case .roundingRule: 13
        case .sleepInRate: 14
        case .onCostMode: 15
        case .flatOnCostPercent: 16
        case .holidayAccrualPercent: 17
        case .pensionFundedFrom: 18
        case .employmentAllowanceApplied: 19
        case .bankHolidaysPerYear: 20
        case .bankHolidayMultiplier: 21
        case .insurancePerYear: 22
        case .payrollPerMonth: 23
        case .trainingPerPAPerYear: 24
        case .dbsCheckPerPA: 25
        case .recruitmentPerPA: 26
        case .contingencyMode: 27
        case .contingencyValue: 28
        case .directPaymentSupportPerMonth: 29
        case .directPaymentSetUpFee: 30
        case .thirdPartyFeePercent: 31
        case .rasQuestionnaire: 32
        case .rasConversion: 33
        case .rasPricePerPoint: 34
        case .rasBands: 35
        case .rasInformalSupportReduction: 36
        case .rasRangePercent: 37
        case .rasFloor: 38
        case .rasCap: 39
        case .clusterCosts: 40
        case .dstScoring: 41
        case .oneOffPurposes: 42
        case .oneOffTiers: 43
        case .reviewTolerance: 44
        case .delegatedLimit: 45
        case .paHourlyRate, .agencyHourlyRate: nil
        }
        guard let index else { return nil }
        self.index = index
    }

    /// The key.
    var key: ParameterKey { ParameterKey.fixed[Int(index)] }
}
