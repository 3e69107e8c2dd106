/// Every parameter the bottom-up calculator reads, resolved once for a date,
/// a policy and a case's overrides: the snapshot a whole cohort shares.
///
/// Resolving does every dated, layered lookup (override → policy →
/// statutory) up front, so costing a plan reads typed fields and never hashes
/// a parameter name. A parameter that has no value in force is kept as the
/// error a plan gets if it needs that parameter (docs/rules.md §2).
///
/// A snapshot is immutable and shared by reference: it holds some forty
/// resolved values with their provenance (several kilobytes), which a value
/// type would copy into every calculation and every thread's closure.
public final class BottomUpParameters: Sendable {
    /// The calculation date.
    public let asAt: CalendarDate
    /// The policy's name, and whether it is illustrative.
    public let policyName: String
    public let policyIsIllustrative: Bool

    let rounding: ParameterLookup<RoundingRule>
    let weeksPerYear: ParameterLookup<Rational>
    /// The uses of the rounding rule and weeks per year, that every breakdown lists: made once (complete when both
    /// resolve, as they must for a breakdown to be made).
    let basis: [ParameterUse]
    let nationalLivingWage: ParameterLookup<Rational>
    let sleepInRate: ParameterLookup<Rational>
    let bankHolidaysPerYear: ParameterLookup<Rational>
    let bankHolidayMultiplier: ParameterLookup<Rational>
    let onCostMode: ParameterLookup<OnCostMode>
    let flatOnCost: ParameterLookup<Rational>
    let holidayAccrual: ParameterLookup<Rational>
    let employerNIRate: ParameterLookup<Rational>
    let niSecondaryThreshold: ParameterLookup<Rational>
    let employmentAllowanceApplied: ParameterLookup<Bool>
    let employmentAllowance: ParameterLookup<Rational>
    let pensionRate: ParameterLookup<Rational>
    let pensionFunding: ParameterLookup<PensionFunding>
    let pensionTrigger: ParameterLookup<Rational>
    let pensionLowerLimit: ParameterLookup<Rational>
    let pensionUpperLimit: ParameterLookup<Rational>
    let employmentCosts: EmploymentCostRates
    let contingencyMode: ParameterLookup<ContingencyMode>
    let contingencyValue: ParameterLookup<Rational>
    let directPaymentFees: DirectPaymentFeeRates
    let thirdPartyFee: ParameterLookup<Rational>
    /// Hourly rates by time band.
    let paRates: BandRates
    let agencyRates: BandRates
    /// The parameter uses each derived line lists, gathered once.
    let lineUses: LineParameterUses
    /// What a breakdown's lines refer to by place: every list of parameter uses, the derived lines' (``lineUses``)
    /// then a care line's at each PA rate and each agency rate (``bandUses(_:band:)``); a care line's description
    /// in each band (``bandDescription(_:band:)``) and its rate as its working shows it (``bandUnitRate(_:band:)``);
    /// and the employment-cost and fee lines worked out here.
    let sharedParts: SharedLineParts
    /// The employment-cost lines for 1 to ``ConstantLines/teamSizes`` PAs, worked out once (none in a snapshot
    /// made for one plan: its lines are worked out when it needs them).
    let employmentCostLinesByTeamSize: [Result<ConstantLines, BudgetError>]
    /// The direct-payment fee lines, worked out once.
    let directPaymentFeeLines: Result<ConstantLines, BudgetError>
    /// The values in force that are used after the last day they are known to
    /// hold (``ParameterHistory/knownUntil``): a batch warns of them once.
    public let outOfDate: [ParameterUse]

    /// Resolves every bottom-up parameter in force on `context.asAt`, for the many plans of a batch.
    public convenience init(_ context: CalculationContext) {
        self.init(context, teamSizes: ConstantLines.teamSizes)
    }

    /// Resolves every bottom-up parameter in force on `context.asAt`, with the employment-cost lines worked
    /// out in advance for 1 to `teamSizes` PAs: a batch's many plans share them; one plan (`teamSizes` 0)
    /// works out its own when it needs them, at less than the cost of four.
    init(_ context: CalculationContext, teamSizes: Int) {
        var stale: [ParameterUse] = []
        /// Notes a resolved value that is out of date, and passes the lookup on.
        func track<Value>(_ lookup: ParameterLookup<Value>) -> ParameterLookup<Value> {
            if let resolved = lookup.resolved, resolved.use.staleAfter != nil { stale.append(resolved.use) }
            return lookup
        }
        asAt = context.asAt
        policyName = context.policy.name
        policyIsIllustrative = context.policy.isIllustrative
        let rounding = track(context.roundingRule), weeksPerYear = track(context.weeksPerYear)
        self.rounding = rounding
        self.weeksPerYear = weeksPerYear
        basis = [rounding.resolved?.use, weeksPerYear.resolved?.use].compactMap { $0 }
        nationalLivingWage = track(context.lookUpNumber(.nationalLivingWage))
        sleepInRate = track(context.lookUpNumber(.sleepInRate))
        bankHolidaysPerYear = track(context.lookUpNumber(.bankHolidaysPerYear))
        bankHolidayMultiplier = track(context.lookUpNumber(.bankHolidayMultiplier))
        onCostMode = track(context.lookUpChoice(.onCostMode, as: OnCostMode.self))
        flatOnCost = track(context.lookUpFraction(.flatOnCostPercent))
        holidayAccrual = track(context.lookUpFraction(.holidayAccrualPercent))
        employerNIRate = track(context.lookUpFraction(.employerNIRate))
        niSecondaryThreshold = track(context.lookUpNumber(.niSecondaryThreshold))
        employmentAllowanceApplied = track(context.lookUpFlag(.employmentAllowanceApplied))
        employmentAllowance = track(context.lookUpNumber(.employmentAllowance))
        pensionRate = track(context.lookUpFraction(.pensionEmployerRate))
        pensionFunding = track(context.lookUpChoice(.pensionFundedFrom, as: PensionFunding.self))
        pensionTrigger = track(context.lookUpNumber(.pensionTrigger))
        pensionLowerLimit = track(context.lookUpNumber(.pensionLowerLimit))
        pensionUpperLimit = track(context.lookUpNumber(.pensionUpperLimit))
        let employmentCosts = EmploymentCostRates(
            insurancePerYear: track(context.lookUpNumber(.insurancePerYear)), payrollPerMonth: track(context.lookUpNumber(.payrollPerMonth)),
            trainingPerPAPerYear: track(context.lookUpNumber(.trainingPerPAPerYear)),
            dbsCheckPerPA: track(context.lookUpNumber(.dbsCheckPerPA)), recruitmentPerPA: track(context.lookUpNumber(.recruitmentPerPA)))
        self.employmentCosts = employmentCosts
        contingencyMode = track(context.lookUpChoice(.contingencyMode, as: ContingencyMode.self))
        contingencyValue = track(context.lookUpNumber(.contingencyValue))
        let directPaymentFees = DirectPaymentFeeRates(supportPerMonth: track(context.lookUpNumber(.directPaymentSupportPerMonth)),
                                                      setUpFee: track(context.lookUpNumber(.directPaymentSetUpFee)))
        self.directPaymentFees = directPaymentFees
        thirdPartyFee = track(context.lookUpFraction(.thirdPartyFeePercent))
        paRates = BandRates(.personalAssistant, bands: context.bands(of: .personalAssistant), wage: nationalLivingWage) {
            track(context.lookUpNumber(.paHourlyRate(band: $0)))
        }
        agencyRates = BandRates(.agency, bands: context.bands(of: .agency), wage: nationalLivingWage) {
            track(context.lookUpNumber(.agencyHourlyRate(band: $0)))
        }
        outOfDate = stale
        lineUses = LineParameterUses(
            sleepInRate: sleepInRate.resolved?.use, bankHolidaysPerYear: bankHolidaysPerYear.resolved?.use,
            bankHolidayMultiplier: bankHolidayMultiplier.resolved?.use, onCostMode: onCostMode.resolved?.use,
            flatOnCost: flatOnCost.resolved?.use, holidayAccrual: holidayAccrual.resolved?.use,
            employerNIRate: employerNIRate.resolved?.use, niSecondaryThreshold: niSecondaryThreshold.resolved?.use,
            employmentAllowanceApplied: employmentAllowanceApplied.resolved?.use,
            employmentAllowance: employmentAllowance.resolved?.use, pensionRate: pensionRate.resolved?.use,
            pensionFunding: pensionFunding.resolved?.use, pensionLowerLimit: pensionLowerLimit.resolved?.use,
            pensionUpperLimit: pensionUpperLimit.resolved?.use, pensionTrigger: pensionTrigger.resolved?.use,
            contingencyMode: contingencyMode.resolved?.use, contingencyValue: contingencyValue.resolved?.use,
            thirdPartyFee: thirdPartyFee.resolved?.use, nationalLivingWage: nationalLivingWage.resolved?.use)
        employmentCostLinesByTeamSize = (0..<max(0, teamSizes)).map { i in
            Self.constantLines(rounding: rounding, weeksPerYear: weeksPerYear) { builder throws(BudgetError) in
                try employmentCosts.lines(paCount: i + 1, builder: builder)
            }
        }
        directPaymentFeeLines = Self.constantLines(rounding: rounding, weeksPerYear: weeksPerYear) { builder throws(BudgetError) in
            try directPaymentFees.lines(builder: builder)
        }
        let constant = (employmentCostLinesByTeamSize + [directPaymentFeeLines]).compactMap { try? $0.get().lines }
        sharedParts = SharedLineParts(uses: lineUses.lists + paRates.uses + agencyRates.uses,
                                      texts: paRates.lineDescriptions + agencyRates.lineDescriptions,
                                      quantities: paRates.unitRates + agencyRates.unitRates, constantLines: constant)
    }

    /// Constant lines that `build` adds to an explained builder with no lines yet, or the error it meets.
    private static func constantLines(
        rounding: ParameterLookup<RoundingRule>, weeksPerYear: ParameterLookup<Rational>,
        _ build: (BreakdownBuilder) throws(BudgetError) -> ConstantLines
    ) -> Result<ConstantLines, BudgetError> {
        do {
            return .success(try build(BreakdownBuilder(rule: try rounding.get(), weeksPerYear: try weeksPerYear.get(), explains: true)))
        } catch {
            return .failure(error)
        }
    }

    /// The employment-cost lines for `paCount` PAs (at least 1): worked out once for the usual team sizes.
    func employmentCostLines(paCount: Int) throws(BudgetError) -> ConstantLines {
        if paCount >= 1, paCount <= employmentCostLinesByTeamSize.count { return try employmentCostLinesByTeamSize[paCount - 1].get() }
        return try Self.constantLines(rounding: rounding, weeksPerYear: weeksPerYear) { builder throws(BudgetError) in
            try employmentCosts.lines(paCount: paCount, builder: builder)
        }.get()
    }

    /// The parameter uses of a care line at `provider`'s rate in band `band` (its place in their lists), by place in
    /// ``sharedParts``.
    func bandUses(_ provider: Provider, band: Int) -> LineUses {
        .shared(bandPlace(provider, band, after: lineUses.lists.count))
    }

    /// The description of a care line in `provider`'s band `band` (`PA care, weekdayDay`), by place in
    /// ``sharedParts``.
    func bandDescription(_ provider: Provider, band: Int) -> LineWords { .code(.shared(bandPlace(provider, band))) }

    /// The place in ``sharedParts`` of `provider`'s rate in band `band` as a working shows it, or `nil` when the rate
    /// did not resolve.
    func bandUnitRate(_ provider: Provider, band: Int) -> Int32? {
        rates(of: provider).resolved[band] ? bandPlace(provider, band) : nil
    }

    /// The place of `provider`'s band `band` in a list of ``sharedParts`` that holds `before` entries, then one for
    /// each PA band, then one for each agency band.
    private func bandPlace(_ provider: Provider, _ band: Int, after before: Int = 0) -> Int32 {
        Int32(truncatingIfNeeded: before + (provider == .personalAssistant ? 0 : paRates.bands.count) + band)
    }

    /// The policy's hourly rates for `provider`'s time bands.
    func rates(of provider: Provider) -> BandRates {
        provider == .personalAssistant ? paRates : agencyRates
    }
}

/// One provider's hourly rates by time band, with each band's line description.
///
/// A policy has a handful of bands, so a band is found by comparing names (a short
/// name compares as two words) rather than by hashing it. Held by reference: a care line
/// takes its provider's rates with one reference count, where a copy of the lists took one
/// for each.
final class BandRates: Sendable {
    // One list per field, each in the order of `bands`: a care line reads the one field it needs, where an entry
    // of every field read out of one list was copied whole (its strings and lists retained) and then destroyed.

    /// The bands' names (`weekdayDay`), sorted.
    let bands: [String]
    /// Each band's rate, or the error a plan that needs it gets.
    let rates: [ParameterLookup<Rational>]
    /// A care line's description in each band (`PA care, weekdayDay`), built once.
    let lineDescriptions: [String]
    /// Each rate as a care line's unit rate and in its working (`pa.hourlyRate.weekdayDay`, £ an hour), built once
    /// and shared by every working that shows it (``BottomUpParameters/sharedParts``); `nil` when the rate did not
    /// resolve.
    let unitRates: [Quantity?]
    /// Whether each rate resolved, and so has a unit rate: read alone, where reading the unit rate copied it.
    let resolved: [Bool]
    /// The parameter uses a care line at each rate lists: the rate's, and for a PA the National Living Wage's it
    /// was checked against (empty when the rate did not resolve).
    let uses: [[ParameterUse]]

    /// The rates of `provider` in `bands`, each looked up by `rate`; a PA's rate is checked against `wage`.
    init(_ provider: Provider, bands: [String], wage: ParameterLookup<Rational>, rate: (String) -> ParameterLookup<Rational>) {
        let bands = bands.sorted(), rates = bands.map(rate)
        self.bands = bands
        self.rates = rates
        lineDescriptions = bands.map { Self.lineDescription(provider, band: $0) }
        unitRates = zip(bands, rates).map { band, rate in
            rate.resolved.map { Quantity(.hourlyRate(provider, band: band), $0.value, .poundsAnHour) }
        }
        resolved = rates.map { $0.resolved != nil }
        uses = rates.map { LineParameterUses.list($0.resolved?.use, provider == .personalAssistant ? wage.resolved?.use : nil) }
    }

    /// The place of `band` in the lists, or `nil` for a band the policy does not know.
    func index(of band: String) -> Int? {
        bands.firstIndex(of: band)
    }

    /// A care line's description: its provider and band.
    static func lineDescription(_ provider: Provider, band: String) -> String { "\(provider.description) care, \(band)" }
}
