/// Everything that can stop a calculation, each with a message that says what
/// is wrong and where.
///
/// `field` values are paths into the input, such as `input.care[2].hoursPerWeek`,
/// so a person can find the bad value in their file.
public enum BudgetError: Error, Sendable, Hashable {
    /// A value is outside what the rules allow.
    case invalidValue(field: String, value: String, reason: String)
    /// A required input is missing.
    case missingInput(field: String)
    /// No value of a parameter is in force on the date.
    case parameterNotInForce(name: String, date: CalendarDate, firstFrom: CalendarDate?)
    /// With strict dates: the newest value of a parameter is known only until a day before the calculation date.
    case parameterOutOfDate(name: String, date: CalendarDate, knownUntil: CalendarDate)
    /// A care line names a time band the policy has no rate for.
    case unknownBand(field: String, provider: String, band: String, known: [String])
    /// A PA hourly rate is below the National Living Wage in force.
    case belowNationalLivingWage(field: String, rate: Rational, livingWage: Rational, date: CalendarDate)
    /// A parameter's value has the wrong kind (e.g. text where a number belongs).
    case parameterKindMismatch(name: String, expected: String)
    /// A figure left the range the engine computes in.
    case arithmeticOverflow(String)

    /// A short stable code for files and tests (`belowNationalLivingWage`).
    public var code: String {
        switch self {
        case .invalidValue: "invalidValue"
        case .missingInput: "missingInput"
        case .parameterNotInForce: "parameterNotInForce"
        case .parameterOutOfDate: "parameterOutOfDate"
        case .unknownBand: "unknownBand"
        case .belowNationalLivingWage: "belowNationalLivingWage"
        case .parameterKindMismatch: "parameterKindMismatch"
        case .arithmeticOverflow: "arithmeticOverflow"
        }
    }

    /// Whether the error is about the parameters (the policy or the statutory
    /// values) rather than the calculation's own input.
    public var isAboutParameters: Bool {
        switch self {
        case .parameterNotInForce, .parameterKindMismatch, .parameterOutOfDate: true
        default: false
        }
    }

    /// The input field the error is about, where there is one.
    public var field: String? {
        switch self {
        case .invalidValue(let f, _, _), .missingInput(let f), .unknownBand(let f, _, _, _),
             .belowNationalLivingWage(let f, _, _, _): f
        case .parameterNotInForce(let n, _, _), .parameterKindMismatch(let n, _), .parameterOutOfDate(let n, _, _): n
        case .arithmeticOverflow: nil
        }
    }
}

extension BudgetError: CustomStringConvertible {
    /// The message for a person.
    public var description: String {
        switch self {
        case let .invalidValue(field, value, reason):
            "\(field.safeForDisplay()): \(value.isEmpty ? "value" : "'\(value.safeForDisplay(limit: 40))'") \(reason.safeForDisplay(limit: 200))"
        case let .missingInput(field):
            "\(field.safeForDisplay()): required but missing"
        case let .parameterNotInForce(name, date, first):
            if let first {
                "parameter \(name) has no value in force on \(date) (its first value is from \(first))"
            } else {
                "parameter \(name) has no value in force on \(date) (the policy does not set it)"
            }
        case let .parameterOutOfDate(name, date, until):
            "\(name): its newest value is known only until \(until), before the calculation date \(date)"
                + " (give a newer value, or calculate without strict dates)"
        case let .unknownBand(field, provider, band, known):
            "\(field.safeForDisplay()): no \(provider) rate for time band '\(band.safeForDisplay(limit: 40))'" +
                (known.isEmpty ? "" : " (the policy has: \(known.joined(separator: ", ").safeForDisplay(limit: 200)))")
        case let .belowNationalLivingWage(field, rate, wage, date):
            "\(field): PA hourly rate \(rate.poundsText) is below the National Living Wage of \(wage.poundsText) in force on \(date)"
        case let .parameterKindMismatch(name, expected):
            "parameter \(name) must be \(expected)"
        case let .arithmeticOverflow(context):
            "\(context.safeForDisplay()): the figure is too large to compute"
        }
    }
}
