/// The parameter uses each derived line of a bottom-up breakdown lists,
/// gathered once per snapshot: every breakdown's line shares its list, where
/// it built one of its own before.
///
/// A list holds the uses of the parameters that resolved. A line whose
/// parameter did not resolve never reads its list: the calculation throws the
/// parameter's error first.
struct LineParameterUses: Sendable {
    let sleepIn: [ParameterUse]
    let bankHolidays: [ParameterUse]
    let flatOnCost: [ParameterUse]
    let holidayCover: [ParameterUse]
    /// Employer NI without, and with, the Employment Allowance.
    let employerNI: [ParameterUse]
    let employerNIWithAllowance: [ParameterUse]
    /// Employer pension funded from the lower limit, and from the trigger.
    let pensionFromLowerLimit: [ParameterUse]
    let pensionFromTrigger: [ParameterUse]
    let contingency: [ParameterUse]
    let thirdPartyFee: [ParameterUse]
    /// A care line's own rate at a PA's: the National Living Wage it was checked against.
    let ownPARate: [ParameterUse]

    /// The lists, from each parameter's use where it resolved.
    init(sleepInRate: ParameterUse?, bankHolidaysPerYear: ParameterUse?, bankHolidayMultiplier: ParameterUse?,
         onCostMode: ParameterUse?, flatOnCost: ParameterUse?, holidayAccrual: ParameterUse?, employerNIRate: ParameterUse?,
         niSecondaryThreshold: ParameterUse?, employmentAllowanceApplied: ParameterUse?, employmentAllowance: ParameterUse?,
         pensionRate: ParameterUse?, pensionFunding: ParameterUse?, pensionLowerLimit: ParameterUse?,
         pensionUpperLimit: ParameterUse?, pensionTrigger: ParameterUse?, contingencyMode: ParameterUse?,
         contingencyValue: ParameterUse?, thirdPartyFee: ParameterUse?, nationalLivingWage: ParameterUse?) {
        sleepIn = Self.list(sleepInRate)
        bankHolidays = Self.list(bankHolidaysPerYear, bankHolidayMultiplier)
        self.flatOnCost = Self.list(onCostMode, flatOnCost)
        holidayCover = Self.list(onCostMode, holidayAccrual)
        employerNI = Self.list(employerNIRate, niSecondaryThreshold, employmentAllowanceApplied)
        employerNIWithAllowance = employerNI + Self.list(employmentAllowance)
        pensionFromLowerLimit = Self.list(pensionRate, pensionFunding, pensionLowerLimit, pensionUpperLimit)
        pensionFromTrigger = pensionFromLowerLimit + Self.list(pensionTrigger)
        contingency = Self.list(contingencyMode, contingencyValue)
        self.thirdPartyFee = Self.list(thirdPartyFee)
        ownPARate = Self.list(nationalLivingWage)
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
