/// Which line of a bottom-up breakdown: the one naming shared by the full
/// breakdown and the fast path, so the two can be compared line by line.
public enum BottomUpLine: Sendable, Hashable {
    /// The plan's care line at this index, with the id the input gave it.
    case care(Int, id: String? = nil)
    /// The plan's sleep-in line at this index, with the id the input gave it.
    case sleepIn(Int, id: String? = nil)
    /// The bank-holiday enhancement of one provider's pay.
    case bankHolidays(Provider)
    /// The flat PA on-cost (flat mode).
    case flatOnCost
    /// PA holiday cover (itemised mode).
    case holidayCover
    /// Employer National Insurance (itemised mode).
    case employerNI
    /// Employer pension (itemised mode).
    case pension
    /// Employer's liability insurance.
    case insurance
    /// Payroll service.
    case payroll
    /// PA training.
    case training
    /// DBS checks (one-off).
    case dbsChecks
    /// PA recruitment (one-off).
    case recruitment
    /// The plan's other item at this index, with the id the input gave it.
    case other(Int, id: String? = nil)
    /// Contingency.
    case contingency
    /// The third-party management fee.
    case thirdPartyFee
    /// The direct-payment support fee.
    case directPaymentSupportFee
    /// The direct-payment set-up fee (one-off).
    case directPaymentSetUpFee

    /// The line's key in a result: `care:day` when the input named the line,
    /// else its position (`care[0]`); `holidayCover` for a derived line.
    public var key: String {
        switch self {
        case .care(let i, let id): id.map { "care:\($0)" } ?? Self.careKeys[i]
        case .sleepIn(let i, let id): id.map { "sleepIn:\($0)" } ?? Self.sleepInKeys[i]
        case .bankHolidays(.personalAssistant): Derived.paBankHolidays.name
        case .bankHolidays(.agency): Derived.agencyBankHolidays.name
        case .flatOnCost: Derived.flatOnCost.name
        case .holidayCover: Derived.holidayCover.name
        case .employerNI: Derived.employerNI.name
        case .pension: Derived.pension.name
        case .insurance: Derived.insurance.name
        case .payroll: Derived.payroll.name
        case .training: Derived.training.name
        case .dbsChecks: Derived.dbsChecks.name
        case .recruitment: Derived.recruitment.name
        case .other(let i, let id): id.map { "other:\($0)" } ?? Self.otherKeys[i]
        case .contingency: Derived.contingency.name
        case .thirdPartyFee: Derived.thirdPartyFee.name
        case .directPaymentSupportFee: Derived.directPaymentSupportFee.name
        case .directPaymentSetUpFee: Derived.directPaymentSetUpFee.name
        }
    }

    /// The keys of lines named by position.
    static let careKeys = IndexedName("care"), sleepInKeys = IndexedName("sleepIn"), otherKeys = IndexedName("other")
}
