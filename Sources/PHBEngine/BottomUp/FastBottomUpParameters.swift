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
    /// The weekly thresholds, with their annual values (× weeks) for the second try (``TwoScaleAmount``).
    let niSecondaryThreshold: TwoScaleAmount?
    let employmentAllowanceApplied: Bool?
    let employmentAllowance: BoundedAmount?
    let pensionRate: Multiplier?
    /// The earnings a PA must be above to be funded a pension: the trigger or the lower limit.
    let pensionThreshold: TwoScaleAmount?
    let pensionLowerLimit: TwoScaleAmount?
    let pensionUpperLimit: TwoScaleAmount?
    /// Insurance, payroll, training, DBS checks and recruitment: the same for every plan with as many PAs.
    let employmentCosts: EmploymentCosts?
    /// Their figures for 1 ... ``EmploymentCosts/settledPACounts`` PAs, worked out once.
    let settledEmploymentCosts: ReadOnlyTable<EmploymentCostFigures?>
    let contingencyMode: ContingencyMode?
    /// The contingency as a multiplier: the percentage ÷ 100, or the number of weeks.
    let contingency: Multiplier?
    /// The direct-payment support fee (a year's worth a line) and set-up fee, the same for every plan.
    let directPaymentFees: (support: RecurringFigures, setUpPence: Int64)?
    let thirdPartyFee: Multiplier?
    /// Hourly rates by time band; a band whose rate did not resolve is left out, and so is a PA rate not
    /// settled to be at least the National Living Wage (its plans take the full path, which reports it).
    let paRates: ReadOnlyTable<(band: InlineName, rate: BoundedAmount)>
    let agencyRates: ReadOnlyTable<(band: InlineName, rate: BoundedAmount)>

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
        niSecondaryThreshold = Self.scaled(parameters.niSecondaryThreshold, weeks: weeksValue)
        employmentAllowanceApplied = try? parameters.employmentAllowanceApplied.get().value
        employmentAllowance = Self.units(parameters.employmentAllowance)
        pensionRate = Self.multiplier(parameters.pensionRate)
        pensionThreshold = switch try? parameters.pensionFunding.get().value {
        case .trigger?: Self.scaled(parameters.pensionTrigger, weeks: weeksValue)
        case .lowerLimit?: Self.scaled(parameters.pensionLowerLimit, weeks: weeksValue)
        case nil: nil
        }
        pensionLowerLimit = Self.scaled(parameters.pensionLowerLimit, weeks: weeksValue)
        pensionUpperLimit = Self.scaled(parameters.pensionUpperLimit, weeks: weeksValue)
        let year = AnnualLine(perWeek: perWeek, rule: rule)
        let employmentCosts = EmploymentCosts(
            insurancePerYear: Self.units(parameters.employmentCosts.insurancePerYear), payrollPerMonth: Self.units(parameters.employmentCosts.payrollPerMonth),
            trainingPerPAPerYear: Self.units(parameters.employmentCosts.trainingPerPAPerYear), dbsCheckPerPA: Self.units(parameters.employmentCosts.dbsCheckPerPA),
            recruitmentPerPA: Self.units(parameters.employmentCosts.recruitmentPerPA), year: year)
        self.employmentCosts = employmentCosts
        settledEmploymentCosts = ReadOnlyTable((1...EmploymentCosts.settledPACounts).map {
            employmentCosts?.figures(personalAssistants: Int64($0))
        })
        let mode = try? parameters.contingencyMode.get().value
        contingencyMode = mode
        contingency = (try? parameters.contingencyValue.get().value).flatMap { value in
            mode == .percent ? Multiplier(value / 100) : Multiplier(value)
        }
        directPaymentFees = Self.units(parameters.directPaymentFees.supportPerMonth).flatMap { support in
            Self.units(parameters.directPaymentFees.setUpFee).flatMap { setUp in
                guard let supportFigures = year.figures(support.times(12)), let setUpPence = setUp.roundedPence(rule)
                else { return nil }
                return (supportFigures, setUpPence)
            }
        }
        thirdPartyFee = Self.multiplier(parameters.thirdPartyFee)
        let wage = nationalLivingWage
        paRates = ReadOnlyTable(Self.rates(parameters.paRates).filter { entry in
            wage.map { Self.meetsWage(entry.rate, $0) } ?? false
        })
        agencyRates = ReadOnlyTable(Self.rates(parameters.agencyRates))
    }

    /// A resolved amount in fixed-point units, or `nil`.
    static func units(_ lookup: ParameterLookup<Rational>) -> BoundedAmount? {
        guard let value = lookup.resolved?.value else { return nil }
        let amount = BoundedAmount(value)
        return amount.isPoisoned ? nil : amount
    }

    /// A resolved weekly amount in both scales (its annual value is the exact weekly amount × weeks), or `nil`.
    static func scaled(_ lookup: ParameterLookup<Rational>, weeks: Rational) -> TwoScaleAmount? {
        guard let value = lookup.resolved?.value else { return nil }
        let week = BoundedAmount(value), year = BoundedAmount(value * weeks)
        return week.isPoisoned || year.isPoisoned ? nil : TwoScaleAmount(week: week, year: year)
    }

    /// A resolved non-negative decimal as a multiplier, or `nil`.
    static func multiplier(_ lookup: ParameterLookup<Rational>) -> Multiplier? {
        lookup.resolved.flatMap { Multiplier($0.value) }
    }

    /// Rates that resolved, by band (a band whose name is too long for a key is left out: its plans take the full path).
    static func rates(_ rates: BandRates) -> [(band: InlineName, rate: BoundedAmount)] {
        zip(rates.bands, rates.rates).compactMap { band, rate in
            guard let band = InlineName(band), let rate = units(rate) else { return nil }
            return (band, rate)
        }
    }

    /// Whether a PA's hourly `rate` is settled to be at least `wage` (docs/rules.md §3).
    @inline(__always)
    static func meetsWage(_ rate: BoundedAmount, _ wage: BoundedAmount) -> Bool {
        (wage - rate).isAbove(.zero) == false
    }

    /// The employment costs of a plan with `k` PAs: worked out once for the usual counts, else now.
    ///
    /// Static, over the snapshot's tables, so that the calculation calls no method on the snapshot
    /// (a call through its unowned reference retains and releases it).
    @inline(__always)
    static func employmentCostFigures(personalAssistants k: Int64, settled: UnsafeBufferPointer<EmploymentCostFigures?>,
                                      costs: EmploymentCosts?) -> EmploymentCostFigures? {
        k >= 1 && k <= Int64(settled.count) ? settled[Int(k) - 1] : costs?.figures(personalAssistants: k)
    }

    /// The rate for `band` in a provider's `rates`, in units; `nil` when unknown or unresolved.
    @inline(__always)
    static func hourlyRate(band: InlineName, in rates: UnsafeBufferPointer<(band: InlineName, rate: BoundedAmount)>) -> BoundedAmount? {
        // Every band is compared and the match selected: the loop runs as many times for every line (a policy
        // has a few distinct bands), where leaving it at the match is a branch mispredicted line after line.
        var found = -1
        for i in 0..<rates.count { found = rates[i].band == band ? i : found }
        return found >= 0 ? rates[found].rate : nil
    }
}

/// A recurring line's rounded figures, with its amount (weekly and annual) for the subtotals.
struct RecurringFigures: Sendable {
    let amount: TwoScaleAmount
    let weeklyPence: Int64
    let annualPence: Int64

    /// The figures without the amount.
    var pence: RoundedPence { RoundedPence(weekly: weeklyPence, annual: annualPence) }
}

/// A recurring line's weekly and annual pence.
struct RoundedPence: Sendable {
    let weekly: Int64
    let annual: Int64
}

/// Turns a yearly amount into a recurring line: weekly = annual ÷ weeks per year, each rounded.
struct AnnualLine: Sendable {
    let perWeek: Multiplier
    let rule: RoundingRule

    /// The line's figures, or `nil` when the bound does not settle a penny.
    @inline(__always)
    func figures(_ annual: BoundedAmount) -> RecurringFigures? {
        let weekly = annual.times(perWeek)
        guard let w = weekly.roundedPence(rule), let a = annual.roundedPence(rule) else { return nil }
        return RecurringFigures(amount: TwoScaleAmount(week: weekly, year: annual), weeklyPence: w, annualPence: a)
    }
}

/// The PA employment costs of a policy (docs/rules.md §3): insurance and payroll once, training, DBS
/// checks and recruitment per PA. They depend on nothing in a plan but its number of PAs.
struct EmploymentCosts: Sendable {
    /// Plans with up to this many PAs (nearly all) find their figures worked out already.
    static let settledPACounts = 8

    let insurancePerYear: BoundedAmount
    let payrollPerMonth: BoundedAmount
    let trainingPerPAPerYear: BoundedAmount
    let dbsCheckPerPA: BoundedAmount
    let recruitmentPerPA: BoundedAmount
    let year: AnnualLine

    /// The costs, or `nil` when any did not resolve.
    init?(insurancePerYear: BoundedAmount?, payrollPerMonth: BoundedAmount?, trainingPerPAPerYear: BoundedAmount?,
          dbsCheckPerPA: BoundedAmount?, recruitmentPerPA: BoundedAmount?, year: AnnualLine) {
        guard let insurancePerYear, let payrollPerMonth, let trainingPerPAPerYear, let dbsCheckPerPA, let recruitmentPerPA
        else { return nil }
        self.insurancePerYear = insurancePerYear
        self.payrollPerMonth = payrollPerMonth
        self.trainingPerPAPerYear = trainingPerPAPerYear
        self.dbsCheckPerPA = dbsCheckPerPA
        self.recruitmentPerPA = recruitmentPerPA
        self.year = year
    }

    /// The figures with `k` PAs, or `nil` when a bound does not settle a penny.
    func figures(personalAssistants k: Int64) -> EmploymentCostFigures? {
        guard let insurance = year.figures(insurancePerYear), let payroll = year.figures(payrollPerMonth.times(12)),
              let training = year.figures(trainingPerPAPerYear.times(k)),
              let dbs = dbsCheckPerPA.times(k).roundedPence(year.rule),
              let recruitment = recruitmentPerPA.times(k).roundedPence(year.rule)
        else { return nil }
        let recurring = insurance.amount + payroll.amount + training.amount
        guard !recurring.isPoisoned else { return nil }
        return EmploymentCostFigures(insurance: insurance.pence, payroll: payroll.pence, training: training.pence, dbsPence: dbs,
                                     recruitmentPence: recruitment, recurring: recurring)
    }
}

/// The employment-cost lines of a plan with a given number of PAs: their pence, and the sum of their amounts.
///
/// Kept small (pence, not each line's amounts): a plan's figures are copied out of the snapshot's table.
struct EmploymentCostFigures: Sendable {
    let insurance: RoundedPence
    let payroll: RoundedPence
    let training: RoundedPence
    let dbsPence: Int64
    let recruitmentPence: Int64
    /// Insurance, payroll and training (a week and a year): their part of the care subtotal.
    let recurring: TwoScaleAmount
}

/// A table written once, with its snapshot, and then only read: held in memory of its own, so
/// that the fast path reads it with no reference counting (an array held by the snapshot is
/// retained and released on each read through the calculation's unowned reference).
struct ReadOnlyTable<Element>: ~Copyable, @unchecked Sendable {  // never written after init
    /// The elements, in the table's own allocation (freed with the table).
    let elements: UnsafeBufferPointer<Element>

    init(_ array: [Element]) {
        let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = storage.initialize(from: array)
        elements = UnsafeBufferPointer(storage)
    }

    deinit {
        let storage = UnsafeMutableBufferPointer(mutating: elements)
        storage.deinitialize()
        storage.deallocate()
    }
}
