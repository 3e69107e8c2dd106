/// The parameter uses each derived line of a bottom-up breakdown lists,
/// gathered once per snapshot: every breakdown's line shares its list, where
/// it built one of its own before.
///
/// A list holds the uses of the parameters that resolved. A line whose
/// parameter did not resolve never reads its list: the calculation throws the
/// parameter's error first.
struct LineParameterUses: Sendable {
    /// The derived lines that list parameter uses, each the place of its list in ``lists``.
    enum Line: Int32, CaseIterable, Sendable {
        case sleepIn, bankHolidays, flatOnCost, holidayCover
        /// Employer NI without, and with, the Employment Allowance.
        case employerNI, employerNIWithAllowance
        /// Employer pension funded from the lower limit, and from the trigger.
        case pensionFromLowerLimit, pensionFromTrigger
        case contingency, thirdPartyFee
        /// A care line's own rate at a PA's: the National Living Wage it was checked against.
        case ownPARate
    }

    /// Each line's list, in the order of ``Line``: the first lists of a snapshot's ``SharedLineParts``.
    let lists: [[ParameterUse]]

    var sleepIn: LineUses { Self.place(.sleepIn) }
    var bankHolidays: LineUses { Self.place(.bankHolidays) }
    var flatOnCost: LineUses { Self.place(.flatOnCost) }
    var holidayCover: LineUses { Self.place(.holidayCover) }
    var employerNI: LineUses { Self.place(.employerNI) }
    var employerNIWithAllowance: LineUses { Self.place(.employerNIWithAllowance) }
    var pensionFromLowerLimit: LineUses { Self.place(.pensionFromLowerLimit) }
    var pensionFromTrigger: LineUses { Self.place(.pensionFromTrigger) }
    var contingency: LineUses { Self.place(.contingency) }
    var thirdPartyFee: LineUses { Self.place(.thirdPartyFee) }
    var ownPARate: LineUses { Self.place(.ownPARate) }

    /// The list of `line`, by its place in the shared lists.
    private static func place(_ line: Line) -> LineUses { .shared(line.rawValue) }

    /// The lists, from each parameter's use where it resolved.
    init(sleepInRate: ParameterUse?, bankHolidaysPerYear: ParameterUse?, bankHolidayMultiplier: ParameterUse?,
         onCostMode: ParameterUse?, flatOnCost: ParameterUse?, holidayAccrual: ParameterUse?, employerNIRate: ParameterUse?,
         niSecondaryThreshold: ParameterUse?, employmentAllowanceApplied: ParameterUse?, employmentAllowance: ParameterUse?,
         pensionRate: ParameterUse?, pensionFunding: ParameterUse?, pensionLowerLimit: ParameterUse?,
         pensionUpperLimit: ParameterUse?, pensionTrigger: ParameterUse?, contingencyMode: ParameterUse?,
         contingencyValue: ParameterUse?, thirdPartyFee: ParameterUse?, nationalLivingWage: ParameterUse?) {
        let employerNI = Self.list(employerNIRate, niSecondaryThreshold, employmentAllowanceApplied)
        let pensionFromLowerLimit = Self.list(pensionRate, pensionFunding, pensionLowerLimit, pensionUpperLimit)
        // One list per line, in the order of `Line` (the switch names every line).
        lists = Line.allCases.map { line in
            switch line {
            case .sleepIn: Self.list(sleepInRate)
            case .bankHolidays: Self.list(bankHolidaysPerYear, bankHolidayMultiplier)
            case .flatOnCost: Self.list(onCostMode, flatOnCost)
            case .holidayCover: Self.list(onCostMode, holidayAccrual)
            case .employerNI: employerNI
            case .employerNIWithAllowance: employerNI + Self.list(employmentAllowance)
            case .pensionFromLowerLimit: pensionFromLowerLimit
            case .pensionFromTrigger: pensionFromLowerLimit + Self.list(pensionTrigger)
            case .contingency: Self.list(contingencyMode, contingencyValue)
            case .thirdPartyFee: Self.list(thirdPartyFee)
            case .ownPARate: Self.list(nationalLivingWage)
            }
        }
    }

    /// The uses that resolved, in order, in one list allocated once.
    static func list(_ first: ParameterUse?, _ second: ParameterUse? = nil, _ third: ParameterUse? = nil,
                     _ fourth: ParameterUse? = nil) -> [ParameterUse] {
        var list: [ParameterUse] = []
        list.reserveCapacity(4)
        if let first { list.append(first) }
        if let second { list.append(second) }
        if let third { list.append(third) }
        if let fourth { list.append(fourth) }
        return list
    }
}
