/// The bottom-up parameters in the form the fast path reads: amounts as exact
/// fixed-point units (see ``FixedPointScale``), percentages and counts as
/// exact multipliers.
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
    let scale: FixedPointScale
    let nationalLivingWage: Int128?
    let sleepInRate: Int128?
    /// Whether bank holidays are enhanced at all (multiplier above 1).
    let bankHolidaysEnhanced: Bool?
    /// `days × (multiplier − 1)`, the bank-holiday factor on weekly pay ÷ 7.
    let bankHolidayFactor: Multiplier?
    let onCostMode: OnCostMode?
    let flatOnCost: Multiplier?
    let holidayAccrual: Multiplier?
    let employerNIRate: Multiplier?
    let niSecondaryThreshold: Int128?
    let employmentAllowanceApplied: Bool?
    let employmentAllowance: Int128?
    let pensionRate: Multiplier?
    /// The earnings a PA must be above to be funded a pension: the trigger or the lower limit.
    let pensionThreshold: Int128?
    let pensionLowerLimit: Int128?
    let pensionUpperLimit: Int128?
    let insurancePerYear: Int128?
    let payrollPerMonth: Int128?
    let trainingPerPAPerYear: Int128?
    let dbsCheckPerPA: Int128?
    let recruitmentPerPA: Int128?
    let contingencyMode: ContingencyMode?
    /// The contingency as a multiplier: the percentage ÷ 100, or the number of weeks.
    let contingency: Multiplier?
    let directPaymentSupportPerMonth: Int128?
    let directPaymentSetUpFee: Int128?
    let thirdPartyFee: Multiplier?
    /// Hourly rates by time band; a band whose rate did not resolve is left out.
    let paRates: [String: Int128]
    let agencyRates: [String: Int128]

    /// The fast form of `parameters`, or `nil` when the rounding rule or
    /// weeks per year did not resolve (every plan then needs the full path).
    public init?(_ parameters: BottomUpParameters) {
        guard let rule = try? parameters.rounding.get().value,
              let weeksValue = try? parameters.weeksPerYear.get().value, let weeks = Multiplier(weeksValue),
              let scale = FixedPointScale(weeksPerYear: weeks)
        else { return nil }
        self.rule = rule
        self.weeks = weeks
        self.scale = scale
        nationalLivingWage = Self.units(parameters.nationalLivingWage, scale)
        sleepInRate = Self.units(parameters.sleepInRate, scale)
        let multiplierValue = try? parameters.bankHolidayMultiplier.get().value
        bankHolidaysEnhanced = multiplierValue.map { Rational.one < $0 }
        bankHolidayFactor = multiplierValue.flatMap { m in
            (try? parameters.bankHolidaysPerYear.get().value).flatMap { Multiplier($0 * (m - .one)) }
        }
        onCostMode = try? parameters.onCostMode.get().value
        flatOnCost = Self.multiplier(parameters.flatOnCost)
        holidayAccrual = Self.multiplier(parameters.holidayAccrual)
        employerNIRate = Self.multiplier(parameters.employerNIRate)
        niSecondaryThreshold = Self.units(parameters.niSecondaryThreshold, scale)
        employmentAllowanceApplied = try? parameters.employmentAllowanceApplied.get().value
        employmentAllowance = Self.units(parameters.employmentAllowance, scale)
        pensionRate = Self.multiplier(parameters.pensionRate)
        pensionThreshold = switch try? parameters.pensionFunding.get().value {
        case .trigger?: Self.units(parameters.pensionTrigger, scale)
        case .lowerLimit?: Self.units(parameters.pensionLowerLimit, scale)
        case nil: nil
        }
        pensionLowerLimit = Self.units(parameters.pensionLowerLimit, scale)
        pensionUpperLimit = Self.units(parameters.pensionUpperLimit, scale)
        insurancePerYear = Self.units(parameters.insurancePerYear, scale)
        payrollPerMonth = Self.units(parameters.payrollPerMonth, scale)
        trainingPerPAPerYear = Self.units(parameters.trainingPerPAPerYear, scale)
        dbsCheckPerPA = Self.units(parameters.dbsCheckPerPA, scale)
        recruitmentPerPA = Self.units(parameters.recruitmentPerPA, scale)
        let mode = try? parameters.contingencyMode.get().value
        contingencyMode = mode
        contingency = (try? parameters.contingencyValue.get().value).flatMap { value in
            mode == .percent ? Multiplier(value / 100) : Multiplier(value)
        }
        directPaymentSupportPerMonth = Self.units(parameters.directPaymentSupportPerMonth, scale)
        directPaymentSetUpFee = Self.units(parameters.directPaymentSetUpFee, scale)
        thirdPartyFee = Self.multiplier(parameters.thirdPartyFee)
        paRates = parameters.paRates.compactMapValues { Self.units($0, scale) }
        agencyRates = parameters.agencyRates.compactMapValues { Self.units($0, scale) }
    }

    /// A resolved amount in units of `scale`, or `nil`.
    static func units(_ lookup: ParameterLookup<Rational>, _ scale: FixedPointScale) -> Int128? {
        guard let value = try? lookup.get().value else { return nil }
        let amount = BoundedAmount(exactly: value, scale)
        return amount.isPoisoned ? nil : amount.value
    }

    /// A resolved non-negative decimal as a multiplier, or `nil`.
    static func multiplier(_ lookup: ParameterLookup<Rational>) -> Multiplier? {
        (try? lookup.get().value).flatMap(Multiplier.init)
    }

    /// The policy's rate for `provider` in `band`, in units; `nil` when unknown or unresolved.
    func hourlyRate(_ provider: Provider, band: String) -> Int128? {
        provider == .personalAssistant ? paRates[band] : agencyRates[band]
    }
}
