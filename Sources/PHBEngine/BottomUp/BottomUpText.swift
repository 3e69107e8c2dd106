/// Words of a bottom-up breakdown that every breakdown shares, as a code whose
/// words are made when a line is read: a line's key named by its position
/// (`care[0]`) or a derived line's (`holidayCover`), and the descriptions of
/// derived lines and sleep-ins.
enum BottomUpText: Sendable, Hashable {
    /// The key of the plan's care line at a place, named by position.
    case careKey(Int32)
    /// The key of the plan's sleep-in line at a place, named by position.
    case sleepInKey(Int32)
    /// The key of the plan's other item at a place, named by position.
    case otherKey(Int32)
    /// A derived line's key.
    case key(BottomUpLine.Derived)
    /// A derived line's description.
    case description(BottomUpLine.Derived)
    /// The description of a sleep-in line, by its provider.
    case sleepIns(Provider)

    /// The words.
    var words: String {
        switch self {
        case .careKey(let i): BottomUpLine.careKeys[Int(i)]
        case .sleepInKey(let i): BottomUpLine.sleepInKeys[Int(i)]
        case .otherKey(let i): BottomUpLine.otherKeys[Int(i)]
        case .key(let line): line.name
        case .description(let line): line.description
        case .sleepIns(.personalAssistant): "PA sleep-in nights"
        case .sleepIns(.agency): "agency sleep-in nights"
        }
    }
}

extension BottomUpLine {
    /// A line the calculation derives (every line but the plan's own care, sleep-ins and other items).
    enum Derived: UInt8, Sendable, Hashable {
        case paBankHolidays, agencyBankHolidays, flatOnCost, holidayCover, employerNI, pension, insurance, payroll, training
        case dbsChecks, recruitment, contingency, thirdPartyFee, directPaymentSupportFee, directPaymentSetUpFee

        /// The line's key in a result (``BottomUpLine/key``).
        var name: String {
            switch self {
            case .paBankHolidays: "bankHolidays.pa"
            case .agencyBankHolidays: "bankHolidays.agency"
            case .flatOnCost: "flatOnCost"
            case .holidayCover: "holidayCover"
            case .employerNI: "employerNI"
            case .pension: "pension"
            case .insurance: "insurance"
            case .payroll: "payroll"
            case .training: "training"
            case .dbsChecks: "dbsChecks"
            case .recruitment: "recruitment"
            case .contingency: "contingency"
            case .thirdPartyFee: "thirdParty.managementFee"
            case .directPaymentSupportFee: "directPayment.supportFee"
            case .directPaymentSetUpFee: "directPayment.setUpFee"
            }
        }

        /// What the line is, for people.
        var description: String {
            switch self {
            case .paBankHolidays: "PA bank-holiday enhancement"
            case .agencyBankHolidays: "agency bank-holiday enhancement"
            case .flatOnCost: "PA on-costs (flat percentage)"
            case .holidayCover: "PA holiday cover"
            case .employerNI: "Employer National Insurance"
            case .pension: "Employer pension"
            case .insurance: "Employer's liability insurance"
            case .payroll: "Payroll service"
            case .training: "PA training"
            case .dbsChecks: "DBS checks"
            case .recruitment: "PA recruitment"
            case .contingency: "Contingency"
            case .thirdPartyFee: "Third-party management fee"
            case .directPaymentSupportFee: "Direct-payment support"
            case .directPaymentSetUpFee: "Direct-payment set-up"
            }
        }

        /// The line's key, as a code.
        var key: LineWords { .code(.bottomUp(.key(self))) }
        /// The line's description, as a code.
        var words: LineWords { .code(.bottomUp(.description(self))) }
    }

    /// The line's key as a builder is given it: a code, unless the input named the line (`care:day`).
    var keyWords: LineWords {
        switch self {
        case .care(let i, nil): .code(.bottomUp(.careKey(Int32(truncatingIfNeeded: i))))
        case .sleepIn(let i, nil): .code(.bottomUp(.sleepInKey(Int32(truncatingIfNeeded: i))))
        case .other(let i, nil): .code(.bottomUp(.otherKey(Int32(truncatingIfNeeded: i))))
        default: .words(key)
        }
    }
}
