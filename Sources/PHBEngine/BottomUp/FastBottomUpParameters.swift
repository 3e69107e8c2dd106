/// The bottom-up parameters in the form the fast path reads: amounts as exact
/// fixed-point units (10⁻¹⁰ £, see ``BoundedAmount``), percentages, weeks and
/// counts as exact multipliers with their reciprocals worked out once.
///
/// Built once from a ``BottomUpParameters`` snapshot. A parameter that did not
/// resolve, or that the fast path cannot hold exactly, is `nil` here; a plan
/// that needs it then leaves the fast path, and the full breakdown gives the
/// figure or the error (see `docs/fast-path.md`).
///
/// A final class, immutable: one snapshot is shared by every plan and thread
/// of a batch without being copied.
public final class FastBottomUpParameters: Sendable {
    let rule: RoundingRule
    let weeks: Multiplier
    /// `1 ÷ weeks`: an annual amount's weekly figure.
    let perWeek: Multiplier
    /// `1 ÷ 4`: a four-weekly amount's weekly figure.
    let quarter: Multiplier
    let nationalLivingWage: BoundedAmount?
    let sleepInRate: BoundedAmount?
    /// Whether bank holidays are enhanced at all (multiplier above 1).
    let bankHolidaysEnhanced: Bool?
    /// `days × (multiplier − 1) ÷ 7`, the bank-holiday factor on weekly pay.
    let bankHolidayFactor: Multiplier?
    let onCostMode: OnCostMode?
    let flatOnCost: Multiplier?
    let holidayAccrual: Multiplier?
    let employerNIRate: Multiplier?
    let niSecondaryThreshold: BoundedAmount?
    let employmentAllowanceApplied: Bool?
    let employmentAllowance: BoundedAmount?
    let pensionRate: Multiplier?
    /// The earnings a PA must be above to be funded a pension: the trigger or the lower limit.
    let pensionThreshold: BoundedAmount?
    let pensionLowerLimit: BoundedAmount?
    let pensionUpperLimit: BoundedAmount?
    let insurancePerYear: BoundedAmount?
    let payrollPerMonth: BoundedAmount?
    let trainingPerPAPerYear: BoundedAmount?
    let dbsCheckPerPA: BoundedAmount?
    let recruitmentPerPA: BoundedAmount?
    let contingencyMode: ContingencyMode?
    /// The contingency as a multiplier: the percentage ÷ 100, or the number of weeks.
    let contingency: Multiplier?
    let directPaymentSupportPerMonth: BoundedAmount?
    let directPaymentSetUpFee: BoundedAmount?
    let thirdPartyFee: Multiplier?
    /// Hourly rates by time band; a band whose rate did not resolve is left out.
    let paRates: [(band: InlineName, rate: BoundedAmount)]
    let agencyRates: [(band: InlineName, rate: BoundedAmount)]

    /// The fast form of `parameters`, or `nil` when the rounding rule or
    /// weeks per year did not resolve (every plan then needs the full path).
    public init?(_ parameters: BottomUpParameters) {
        guard let rule = try? parameters.rounding.get().value,
              let weeksValue = try? parameters.weeksPerYear.get().value, let weeks = Multiplier(weeksValue),
              let perWeek = weeks.inverse, let quarter = Multiplier(1, over: 4)
        else { return nil }
        self.rule = rule
        self.weeks = weeks
        self.perWeek = perWeek
        self.quarter = quarter
        nationalLivingWage = Self.units(parameters.nationalLivingWage)
        sleepInRate = Self.units(parameters.sleepInRate)
        let multiplierValue = try? parameters.bankHolidayMultiplier.get().value
        bankHolidaysEnhanced = multiplierValue.map { Rational.one < $0 }
        bankHolidayFactor = multiplierValue.flatMap { m in
            (try? parameters.bankHolidaysPerYear.get().value).flatMap { Multiplier($0 * (m - .one) / Rational(7)) }
        }
        onCostMode = try? parameters.onCostMode.get().value
        flatOnCost = Self.multiplier(parameters.flatOnCost)
        holidayAccrual = Self.multiplier(parameters.holidayAccrual)
        employerNIRate = Self.multiplier(parameters.employerNIRate)
        niSecondaryThreshold = Self.units(parameters.niSecondaryThreshold)
        employmentAllowanceApplied = try? parameters.employmentAllowanceApplied.get().value
        employmentAllowance = Self.units(parameters.employmentAllowance)
        pensionRate = Self.multiplier(parameters.pensionRate)
        pensionThreshold = switch try? parameters.pensionFunding.get().value {
        case .trigger?: Self.units(parameters.pensionTrigger)
        case .lowerLimit?: Self.units(parameters.pensionLowerLimit)
        case nil: nil
        }
        pensionLowerLimit = Self.units(parameters.pensionLowerLimit)
        pensionUpperLimit = Self.units(parameters.pensionUpperLimit)
        insurancePerYear = Self.units(parameters.insurancePerYear)
        payrollPerMonth = Self.units(parameters.payrollPerMonth)
        trainingPerPAPerYear = Self.units(parameters.trainingPerPAPerYear)
        dbsCheckPerPA = Self.units(parameters.dbsCheckPerPA)
        recruitmentPerPA = Self.units(parameters.recruitmentPerPA)
        let mode = try? parameters.contingencyMode.get().value
        contingencyMode = mode
        contingency = (try? parameters.contingencyValue.get().value).flatMap { value in
            mode == .percent ? Multiplier(value / 100) : Multiplier(value)
        }
        directPaymentSupportPerMonth = Self.units(parameters.directPaymentSupportPerMonth)
        directPaymentSetUpFee = Self.units(parameters.directPaymentSetUpFee)
        thirdPartyFee = Self.multiplier(parameters.thirdPartyFee)
        paRates = Self.rates(parameters.paRates)
        agencyRates = Self.rates(parameters.agencyRates)
    }

    /// A resolved amount in fixed-point units, or `nil`.
    static func units(_ lookup: ParameterLookup<Rational>) -> BoundedAmount? {
        guard let value = try? lookup.get().value else { return nil }
        let amount = BoundedAmount(value)
        return amount.isPoisoned ? nil : amount
    }

    /// A resolved non-negative decimal as a multiplier, or `nil`.
    static func multiplier(_ lookup: ParameterLookup<Rational>) -> Multiplier? {
        (try? lookup.get().value).flatMap(Multiplier.init)
    }

    /// Rates that resolved, by band (a band whose name is too long for a key is left out: its plans take the full path).
    static func rates(_ lookups: [String: ParameterLookup<Rational>]) -> [(band: InlineName, rate: BoundedAmount)] {
        lookups.keys.sorted().compactMap { name in
            guard let band = InlineName(name), let lookup = lookups[name], let rate = units(lookup) else { return nil }
            return (band, rate)
        }
    }

    /// The policy's rate for `provider` in `band`, in units; `nil` when unknown or unresolved.
    func hourlyRate(_ provider: Provider, band: InlineName) -> BoundedAmount? {
        for entry in provider == .personalAssistant ? paRates : agencyRates where entry.band == band { return entry.rate }
        return nil
    }
}
