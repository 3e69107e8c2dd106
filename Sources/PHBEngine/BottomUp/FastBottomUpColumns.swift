/// Many plans in the form the fast path costs them together: each kind of
/// line of every plan in one list (care by where its rate comes from,
/// sleep-ins, other items by period), each plan's own values in another, and
/// the plans grouped by their shape.
///
/// The fast path costs one plan at a time (``FastBottomUpPlan/figures(_:into:)``), and on a cohort
/// its branches on a plan's shape (how many lines, which provider, which period, how each is held)
/// go as the plans go, as good as at random: mispredicted, they were about a third of its time
/// (`Benchmarks/README.md`). Laid out here, a list holds lines of one kind only, and a group plans of
/// one shape only, so costing them takes the same steps line after line and plan after plan, and a
/// plan's decisions (is a PA enrolled in a pension) are selected rather than branched to.
/// ``settledTotals(_:)`` costs the plans with the first try's numbers and bounds (docs/fast-path.md,
/// "Columns"), within limits (``ColumnLimits``) that keep every sum and product inside 64 bits with no
/// overflow check. A plan whose bound does not settle a penny or a decision, or beyond the limits,
/// is left to be costed on its own by the fast path, whose later tries and the full breakdown decide
/// it as before: so every plan gets the totals the fast path gives it, and so the full breakdown's.
///
/// Plans are laid out one by one (``append(_:)``), and not kept: a reader can build each plan in
/// buffers it reuses. Built once and costed under any number of snapshots (a recalculation costs it twice).
public struct FastBottomUpColumns: Sendable {
    /// Each plan's values that its lines do not give.
    var people: [PlanColumn] = []
    /// Care lines at the policy's rate for their band, and those at a rate of their own.
    var policyRateCare: [CareColumn] = [], ownRateCare: [CareColumn] = []
    /// The distinct time bands of the care lines, each line's by its position here: a band's rates are
    /// looked up once per costing, not once per line.
    var bands: [InlineName] = []
    var sleepIns: [SleepInColumn] = []
    /// Other items by period (``ItemPeriod/column``).
    var items = Array(repeating: [ItemColumn](), count: ItemPeriod.allCases.count)
    /// The parts of PA pay of every plan with weighted shares, one after another.
    var parts: [LaneMultiplier] = []
    /// The plans by ``Shape`` (its raw value), by position: each group's steps skip what its plans cannot have.
    var plansByShape = Array(repeating: [Int32](), count: Shape.count)
    /// The plans beyond ``ColumnLimits``, by position: none of their lines is in the columns.
    var plansCostedAlone: [Int] = []

    /// No plans yet.
    public init() {}

    /// The columns of `plans`, in order.
    public init(_ plans: some Sequence<FastBottomUpPlan>) {
        for plan in plans { append(plan) }
    }

    /// How many plans are laid out.
    public var count: Int { people.count }

    /// What a plan's lines include, known when the columns are built: the steps for a sum that is then
    /// exactly zero (third-party parts, on-costs without PA pay, the agency's bank holidays) are left out.
    struct Shape: OptionSet {
        let rawValue: Int
        static let thirdParty = Shape(rawValue: 1), personalAssistant = Shape(rawValue: 2), agency = Shape(rawValue: 4)
        static let count = 8
    }

    struct PlanColumn {
        let personalAssistants: Int64
        /// Where the plan's parts start in ``FastBottomUpColumns/parts`` (−1: equal shares), and how many.
        let partsStart: Int32
        let partsCount: Int32
        let anyDirectPayment: Bool
    }

    /// Which of a plan's four pay sums a care or sleep-in line adds to: PA or agency, held by a third party or not.
    struct PaySlot {
        static let pa = 0, paThirdParty = 1, agency = 2, agencyThirdParty = 3, count = 4

        static func of(personalAssistant: Bool, thirdParty: Bool) -> UInt8 {
            UInt8((personalAssistant ? pa : agency) + (thirdParty ? 1 : 0))
        }
    }

    struct CareColumn {
        let plan: Int32
        let hundredths: UInt32
        /// ⌈hundredths ÷ 100⌉: what a rate's bound is multiplied by.
        let ceiling: UInt16
        /// The line's band, by its position in ``FastBottomUpColumns/bands``.
        let band: UInt16
        let slot: UInt8
        /// The line's own rate, in ``FastBottomUpColumns/ownRateCare``.
        let ownRate: BoundedAmount

        var isPA: Bool { slot < 2 }
    }

    struct SleepInColumn {
        let plan: Int32
        let hundredths: UInt32
        /// ⌈hundredths ÷ 100⌉: what a rate's bound is multiplied by.
        let ceiling: UInt16
        let slot: UInt8
        let hasOwnRate: Bool
        let ownRate: BoundedAmount
    }

    struct ItemColumn {
        let plan: Int32
        let thirdParty: Bool
        let amount: BoundedAmount
    }

    /// The columns of `plans` (at most 2³¹ of them).
    /// Lays out `plan`'s lines after the plans already laid out; the plan is not kept.
    public mutating func append(_ plan: FastBottomUpPlan) {
        let index = Int32(truncatingIfNeeded: people.count)  // a line names its plan in 32 bits: past them, costed alone
        people.append(PlanColumn(personalAssistants: plan.personalAssistants,
                                 partsStart: plan.parts == nil ? -1 : Int32(truncatingIfNeeded: parts.count),
                                 partsCount: Int32(truncatingIfNeeded: plan.parts?.count ?? 0),
                                 anyDirectPayment: plan.anyDirectPayment))
        // A plan beyond the columns' limits (docs/fast-path.md) is costed alone: none of its lines is laid out.
        guard people.count <= Int32.max, ColumnLimits.admits(plan) else {
            plansCostedAlone.append(people.count - 1)
            return
        }
        // Every line is held its own way or the plan's (a plan without one has no fast form).
        var anyThirdParty = false
        func held(_ own: Deployment?) -> Bool {
            let thirdParty = (own ?? plan.deployment) == .thirdParty
            anyThirdParty = anyThirdParty || thirdParty
            return thirdParty
        }
        for line in plan.care {
            let band = bands.firstIndex(of: line.band) ?? bands.count
            if band == bands.count { bands.append(line.band) }
            let column = CareColumn(plan: index, hundredths: line.hundredths, ceiling: Self.ceiling(line.hundredths),
                                    band: UInt16(truncatingIfNeeded: band),
                                    slot: PaySlot.of(personalAssistant: line.provider == .personalAssistant,
                                                     thirdParty: held(line.deployment)),
                                    ownRate: line.ownRate)
            if line.hasOwnRate { ownRateCare.append(column) } else { policyRateCare.append(column) }
        }
        for line in plan.sleepIns {
            sleepIns.append(SleepInColumn(plan: index, hundredths: line.hundredths, ceiling: Self.ceiling(line.hundredths),
                                          slot: PaySlot.of(personalAssistant: line.provider == .personalAssistant,
                                                           thirdParty: held(line.deployment)),
                                          hasOwnRate: line.rate != nil, ownRate: line.rate ?? .zero))
        }
        for item in plan.items {
            items[item.period.column].append(ItemColumn(plan: index, thirdParty: held(item.deployment), amount: item.amount))
        }
        var shape: Shape = anyThirdParty ? .thirdParty : []
        if plan.care.contains(where: { $0.provider == .personalAssistant })
            || plan.sleepIns.contains(where: { $0.provider == .personalAssistant }) { shape.insert(.personalAssistant) }
        if plan.care.contains(where: { $0.provider == .agency }) || plan.sleepIns.contains(where: { $0.provider == .agency }) {
            shape.insert(.agency)
        }
        plansByShape[shape.rawValue].append(index)
        if let planParts = plan.parts { parts += planParts.map(LaneMultiplier.init) }
    }

    /// ⌈hundredths ÷ 100⌉ of hours or nights a week (at most 1,680,000 hundredths: the ceiling fits 16 bits).
    static func ceiling(_ hundredths: UInt32) -> UInt16 {
        UInt16(truncatingIfNeeded: hundredths / 100 + (hundredths % 100 == 0 ? 0 : 1))
    }

}

/// A plan's figures while its lines are costed, with the first try's subtotals that its items and steps add to.
struct ColumnSums {
    var otherThirdParty = BoundedAmount.zero
    var weekly: Int64 = 0, annual: Int64 = 0, oneOff: Int64 = 0
    /// Below zero when a bound left a penny or a decision open, or a figure overflowed: the plan is costed on its own.
    var unsettled: Int64 = 0
}

extension FastBottomUpColumns {
    /// Each plan's column totals as the columns settle them, in order; `nil` for a plan they leave to be costed
    /// on its own (a bound that does not settle a penny or a decision, a plan beyond ``ColumnLimits``, a parameter
    /// missing), by ``FastBottomUpPlan/totals(_:)``. Every total given is the one that gives, to the penny.
    public func settledTotals(_ parameters: FastBottomUpParameters) -> [BudgetTotals?] {
        guard let lane = LaneParameters(parameters) else { return Array(repeating: nil, count: count) }
        var sums = [ColumnSums](repeating: ColumnSums(), count: count)
        var pay = [BoundedAmount](repeating: .zero, count: count * PaySlot.count)
        let rates = bandRates(parameters)
        sums.withUnsafeMutableBufferPointer { sums in
            pay.withUnsafeMutableBufferPointer { pay in
                rates.withUnsafeBufferPointer { rates in
                    lane.byPAs.withUnsafeBufferPointer { byPAs in
                        // Compiled once for each rule: a rounding is then a division and a comparison.
                        func cost<R: PenceRounding>(_ rule: R.Type) {
                            costPayLines(lane, rule, rates: rates, into: sums, pay: pay)
                            costItems(lane, rule, into: sums)
                            costPlans(lane, rule, byPAs: byPAs, pay: UnsafeBufferPointer(pay), into: sums)
                        }
                        switch lane.rule {
                        case .halfAwayFromZero: cost(HalfAwayFromZeroPence.self)
                        case .halfEven: cost(HalfEvenPence.self)
                        case .down: cost(DownPence.self)
                        }
                    }
                }
            }
        }
        for j in plansCostedAlone { sums[j].unsettled = -1 }
        return sums.map { s in
            let (firstYear, o) = s.annual.addingReportingOverflow(s.oneOff)
            guard s.unsettled >= 0, !o else { return nil }
            return BudgetTotals(weekly: Money(pence: s.weekly), annual: Money(pence: s.annual),
                                oneOff: Money(pence: s.oneOff), firstYear: Money(pence: firstYear))
        }
    }

    /// Each band's PA and agency rates under `parameters` (poisoned where the policy has none), two to a band.
    ///
    /// A rate beyond ``ColumnLimits/rate`` is poisoned too: its lines' plans are costed alone.
    func bandRates(_ parameters: FastBottomUpParameters) -> [BoundedAmount] {
        func admitted(_ rate: BoundedAmount?) -> BoundedAmount {
            rate.flatMap { ColumnLimits.admits(rate: $0) ? $0 : nil } ?? .poisoned
        }
        return withExtendedLifetime(parameters) {
            bands.flatMap { band in
                [admitted(FastBottomUpParameters.hourlyRate(band: band, in: parameters.paRates.elements)),
                 admitted(FastBottomUpParameters.hourlyRate(band: band, in: parameters.agencyRates.elements))]
            }
        }
    }

    /// Care and sleep-in lines: their figures, and each plan's four pay sums.
    func costPayLines<R: PenceRounding>(_ lane: LaneParameters, _ rule: R.Type, rates: UnsafeBufferPointer<BoundedAmount>,
                      into sums: UnsafeMutableBufferPointer<ColumnSums>, pay: UnsafeMutableBufferPointer<BoundedAmount>) {
        /// A pay line's figures, and its pay added to its plan's sum in its slot.
        @inline(__always)
        func add(_ weekly: BoundedAmount, plan: Int32, slot: UInt8, _ lineFailed: Int64) {
            var failed = lineFailed
            Lane.weeklyLine(weekly, lane, rule, &sums[Int(plan)], &failed)
            let slot = Int(plan) &* PaySlot.count &+ Int(slot)
            pay[slot] = Lane.add(pay[slot], weekly)
            sums[Int(plan)].unsettled |= failed
        }
        policyRateCare.withUnsafeBufferPointer { care in
            for i in care.indices {
                let line = care[i]
                let rate = rates[Int(line.band) &* 2 &+ (line.isPA ? 0 : 1)]
                // A band with no rate (or one beyond the limits) has a bound below zero.
                add(Lane.times(rate, hundredths: line.hundredths, ceiling: line.ceiling), plan: line.plan, slot: line.slot,
                    rate.bound)
            }
        }
        ownRateCare.withUnsafeBufferPointer { care in
            for i in care.indices {
                let line = care[i]
                // A PA's own rate must be settled to be at least the wage (the policy's were checked with the snapshot).
                var unsettledWage: Int64 = 0
                let belowWage = Lane.bit(Lane.isAbove(lane.nationalLivingWage, line.ownRate, &unsettledWage))
                    | Lane.bit(unsettledWage < 0)
                add(Lane.times(line.ownRate, hundredths: line.hundredths, ceiling: line.ceiling), plan: line.plan, slot: line.slot,
                    0 &- (Lane.bit(line.isPA) & belowWage))
            }
        }
        sleepIns.withUnsafeBufferPointer { sleepIns in
            for i in sleepIns.indices {
                let line = sleepIns[i]
                let rate = Lane.choose(line.hasOwnRate, line.ownRate, lane.sleepInRate)
                add(Lane.times(rate, hundredths: line.hundredths, ceiling: line.ceiling), plan: line.plan, slot: line.slot, 0)
            }
        }
    }

    /// Other items, a loop for each period.
    func costItems<R: PenceRounding>(_ lane: LaneParameters, _ rule: R.Type, into sums: UnsafeMutableBufferPointer<ColumnSums>) {
        // A loop for each period, over that period's items; each adds its weekly amount to its plan's third-party
        // sum when it is held by a third party.
        func each(_ period: ItemPeriod, _ weekly: (BoundedAmount, inout ColumnSums, inout Int64) -> BoundedAmount) {
            items[period.column].withUnsafeBufferPointer { list in
                for i in list.indices {
                    let item = list[i]
                    var failed: Int64 = 0
                    let amount = weekly(item.amount, &sums[Int(item.plan)], &failed)
                    sums[Int(item.plan)].otherThirdParty = Lane.add(sums[Int(item.plan)].otherThirdParty,
                                                                    Lane.select(item.thirdParty, amount))
                    sums[Int(item.plan)].unsettled |= failed
                }
            }
        }
        each(.weekly) { amount, s, failed in
            Lane.weeklyLine(amount, lane, rule, &s, &failed)
            return amount
        }
        each(.fourWeekly) { amount, s, failed in
            let weekly = Lane.times(amount, lane.quarter)
            Lane.weeklyLine(weekly, lane, rule, &s, &failed)
            return weekly
        }
        each(.monthly) { amount, s, failed in Lane.annualLine(Lane.times(amount, 12), lane, rule, &s, &failed) }
        each(.annual) { amount, s, failed in Lane.annualLine(amount, lane, rule, &s, &failed) }
        each(.oneOff) { amount, s, failed in
            s.oneOff = Lane.add(s.oneOff, Lane.pence(amount, rule, &failed))
            return .zero
        }
    }

    /// Each plan's steps after its pay lines: bank holidays, on-costs, contingency and fees.
    func costPlans<R: PenceRounding>(_ lane: LaneParameters, _ rule: R.Type, byPAs: UnsafeBufferPointer<PAFigures>,
                                     pay: UnsafeBufferPointer<BoundedAmount>, into sums: UnsafeMutableBufferPointer<ColumnSums>) {
        people.withUnsafeBufferPointer { people in
            parts.withUnsafeBufferPointer { parts in
                // Each shape's plans in a loop of their own, compiled with the steps their shape rules out left out.
                func group<TP: Flag, PA: Flag, AG: Flag>(_: TP.Type, _: PA.Type, _: AG.Type) {
                    var shape: Shape = TP.value ? .thirdParty : []
                    if PA.value { shape.insert(.personalAssistant) }
                    if AG.value { shape.insert(.agency) }
                    plansByShape[shape.rawValue].withUnsafeBufferPointer { indices in
                        for i in indices.indices {
                            let j = Int(indices[i])
                            costPlan(j, people[j], TP.self, PA.self, AG.self, lane, rule, byPAs: byPAs,
                                     parts: parts, pay: pay, into: &sums[j])
                        }
                    }
                }
                group(No.self, No.self, No.self)
                group(No.self, No.self, Yes.self)
                group(No.self, Yes.self, No.self)
                group(No.self, Yes.self, Yes.self)
                group(Yes.self, No.self, No.self)
                group(Yes.self, No.self, Yes.self)
                group(Yes.self, Yes.self, No.self)
                group(Yes.self, Yes.self, Yes.self)
            }
        }
    }

    /// One plan's steps after its pay lines, for a plan of the shape the flags give: whether it has a line held by
    /// a third party, a PA line, an agency line (types, so that each shape's steps are compiled apart).
    @_transparent
    func costPlan<R: PenceRounding, TP: Flag, PA: Flag, AG: Flag>(
        _ j: Int, _ plan: PlanColumn, _: TP.Type, _: PA.Type, _: AG.Type, _ lane: LaneParameters, _ rule: R.Type,
        byPAs: UnsafeBufferPointer<PAFigures>,
        parts: UnsafeBufferPointer<LaneMultiplier>, pay: UnsafeBufferPointer<BoundedAmount>, into s: inout ColumnSums
    ) {
        let thirdParty = TP.value, personalAssistant = PA.value, agency = AG.value
        var failed: Int64 = 0
        let slots = j &* PaySlot.count
        let paThirdParty = thirdParty ? pay[slots &+ PaySlot.paThirdParty] : .zero
        let agencyThirdParty = thirdParty ? pay[slots &+ PaySlot.agencyThirdParty] : .zero
        let paPay = personalAssistant ? Lane.add(pay[slots &+ PaySlot.pa], paThirdParty) : .zero
        let agencyPay = agency ? Lane.add(pay[slots &+ PaySlot.agency], agencyThirdParty) : .zero
        var careSubtotal = Lane.add(paPay, agencyPay)
        // Within the limits every figure below fits 64 bits; beyond them the plan is costed alone.
        failed |= ColumnLimits.pay &- (careSubtotal.value &+ careSubtotal.bound)
        var careSubtotalThirdParty = thirdParty ? Lane.add(paThirdParty, agencyThirdParty) : .zero
        // PA pay of zero from PA lines (a rate of zero) has no on-costs: such a plan is costed alone.
        if personalAssistant { failed |= Lane.settledAboveZero(paPay) }
        if agency { failed |= Lane.settledZeroOrAbove(agencyPay) }
        // Bank holidays (docs/rules.md §3): a provider with no pay has none.
        var bankHolidaysPA = BoundedAmount.zero
        if lane.bankHolidaysEnhanced {
            if personalAssistant {
                bankHolidaysPA = Lane.annualLine(Lane.times(paPay, lane.bankHolidayFactor), lane, rule, &s, &failed)
                careSubtotal = Lane.add(careSubtotal, bankHolidaysPA)
            }
            if agency {
                let bankHolidays = Lane.annualLine(Lane.times(agencyPay, lane.bankHolidayFactor), lane, rule, &s, &failed)
                careSubtotal = Lane.add(careSubtotal, bankHolidays)
            }
            if thirdParty {
                let paPart = Lane.times(Lane.times(paThirdParty, lane.bankHolidayFactor), lane.perWeek)
                let agencyPart = Lane.times(Lane.times(agencyThirdParty, lane.bankHolidayFactor), lane.perWeek)
                careSubtotalThirdParty = Lane.add(Lane.add(careSubtotalThirdParty, paPart), agencyPart)
            }
        }
        // PA on-costs.
        if personalAssistant {
            let onCosts = Lane.onCosts(rule, pay: paPay, bankHolidays: bankHolidaysPA, plan: plan, parts: parts, byPAs: byPAs,
                                       lane, &s, &failed)
            careSubtotal = Lane.add(careSubtotal, onCosts)
            if thirdParty {
                careSubtotalThirdParty = Lane.add(careSubtotalThirdParty, Lane.proportion(onCosts, paThirdParty, of: paPay, &failed))
            }
        }
        // Settled to be at most £100,000,000 a week, as the first try requires.
        failed |= lane.largestCareSubtotal.value &- (careSubtotal.value &+ careSubtotal.bound)
        // Contingency (docs/rules.md §3): zero with no care or sleep-in line, as its base is then zero.
        var contingencyThirdParty = BoundedAmount.zero
        if lane.contingencyInWeeks {
            _ = Lane.annualLine(Lane.times(careSubtotal, lane.contingency), lane, rule, &s, &failed)
            if thirdParty {
                contingencyThirdParty = Lane.times(Lane.times(careSubtotalThirdParty, lane.contingency), lane.perWeek)
            }
        } else {
            Lane.weeklyLine(Lane.times(careSubtotal, lane.contingency), lane, rule, &s, &failed)
            if thirdParty { contingencyThirdParty = Lane.times(careSubtotalThirdParty, lane.contingency) }
        }
        // Fees by how the budget is held: a third-party base of zero has a fee of zero.
        if thirdParty {
            let thirdPartyBase = Lane.add(Lane.add(careSubtotalThirdParty, s.otherThirdParty), contingencyThirdParty)
            failed |= Lane.settledZeroOrAbove(thirdPartyBase)
            Lane.weeklyLine(Lane.times(thirdPartyBase, lane.thirdPartyFee), lane, rule, &s, &failed)
        }
        s.weekly = Lane.add(s.weekly, Lane.select(plan.anyDirectPayment, lane.supportFee.weekly))
        s.annual = Lane.add(s.annual, Lane.select(plan.anyDirectPayment, lane.supportFee.annual))
        s.oneOff = Lane.add(s.oneOff, Lane.select(plan.anyDirectPayment, lane.setUpFee))
        s.unsettled |= failed
    }
}

/// The snapshot's values the columns read, as plain values: `nil` when any is missing (every plan is then
/// costed on its own, and the fast path or the full breakdown says which value a plan needs).
struct LaneParameters {
    let rule: RoundingRule
    /// Weeks a year, its inverse, and a quarter (four-weekly to weekly).
    let weeks: LaneMultiplier, perWeek: LaneMultiplier, quarter: LaneMultiplier
    let nationalLivingWage: BoundedAmount
    let sleepInRate: BoundedAmount
    let bankHolidaysEnhanced: Bool
    let bankHolidayFactor: LaneMultiplier
    let flatOnCost: LaneMultiplier?
    let holidayAccrual: LaneMultiplier, employerNIRate: LaneMultiplier
    let niThreshold: BoundedAmount
    /// The Employment Allowance when it is applied.
    let employmentAllowance: BoundedAmount?
    let pensionRate: LaneMultiplier
    let pensionThreshold: BoundedAmount, pensionLowerLimit: BoundedAmount, pensionUpperLimit: BoundedAmount
    /// The figures for 1 ... ``EmploymentCosts/settledPACounts`` PAs (a plan with more is costed on its own).
    let byPAs: [PAFigures]
    let contingencyInWeeks: Bool
    let contingency: LaneMultiplier
    let thirdPartyFee: LaneMultiplier
    let supportFee: RoundedPence, setUpFee: Int64
    let largestCareSubtotal: BoundedAmount

    init?(_ p: FastBottomUpParameters) {
        guard let wage = p.nationalLivingWage, let sleepInRate = p.sleepInRate, let enhanced = p.bankHolidaysEnhanced,
              let factor = p.bankHolidayFactor, let mode = p.onCostMode, let holiday = p.holidayAccrual,
              let niRate = p.employerNIRate, let niThreshold = p.niSecondaryThreshold, let allowanceApplied = p.employmentAllowanceApplied,
              let pensionRate = p.pensionRate, let pensionThreshold = p.pensionThreshold, let lower = p.pensionLowerLimit,
              let upper = p.pensionUpperLimit, let contingencyMode = p.contingencyMode, let contingency = p.contingency,
              let fee = p.thirdPartyFee, let fees = p.directPaymentFees
        else { return nil }
        let costs = p.settledEmploymentCosts.elements.compactMap { $0 }
        guard costs.count == p.settledEmploymentCosts.elements.count, mode == .itemised || p.flatOnCost != nil,
              !allowanceApplied || p.employmentAllowance != nil else { return nil }
        // Within ``ColumnLimits``: weeks (and a contingency in weeks) at most 64, the bank-holiday factor at most 4,
        // every other multiplier at most 1, rates and amounts below their limits.
        let atMostOne = [p.perWeek, p.quarter, holiday, niRate, pensionRate, fee]
            + (mode == .flat ? [p.flatOnCost].compactMap { $0 } : [])
        guard ColumnLimits.admits(p.weeks, most: ColumnLimits.weeks),
              ColumnLimits.admits(factor, most: ColumnLimits.bankHolidayFactor),
              ColumnLimits.admits(contingency, most: contingencyMode == .weeks ? ColumnLimits.weeks : 1),
              atMostOne.allSatisfy({ ColumnLimits.admits($0, most: 1) }),
              ColumnLimits.admits(rate: wage), ColumnLimits.admits(rate: sleepInRate),
              p.employmentAllowance.map({ $0.value >= 0 && $0.value <= ColumnLimits.allowance && $0.bound <= ColumnLimits.givenBound })
                ?? true
        else { return nil }
        rule = p.rule
        weeks = LaneMultiplier(p.weeks)
        perWeek = LaneMultiplier(p.perWeek)
        quarter = LaneMultiplier(p.quarter)
        nationalLivingWage = wage
        self.sleepInRate = sleepInRate
        bankHolidaysEnhanced = enhanced
        bankHolidayFactor = LaneMultiplier(factor)
        flatOnCost = mode == .flat ? p.flatOnCost.map(LaneMultiplier.init) : nil
        holidayAccrual = LaneMultiplier(holiday)
        employerNIRate = LaneMultiplier(niRate)
        self.niThreshold = niThreshold.week
        employmentAllowance = allowanceApplied ? p.employmentAllowance : nil
        self.pensionRate = LaneMultiplier(pensionRate)
        self.pensionThreshold = pensionThreshold.week
        pensionLowerLimit = lower.week
        pensionUpperLimit = upper.week
        byPAs = zip(1...Int64(costs.count), costs).map { k, costs in
            PAFigures(ni: niThreshold.week.times(k), pension: pensionThreshold.week.times(k),
                      lower: lower.week.times(k), upper: upper.week.times(k), costs: costs)
        }
        guard byPAs.allSatisfy(\.isWithinLimits) else { return nil }
        contingencyInWeeks = contingencyMode == .weeks
        self.contingency = LaneMultiplier(contingency)
        thirdPartyFee = LaneMultiplier(fee)
        supportFee = fees.support.pence
        setUpFee = fees.setUpPence
        largestCareSubtotal = BoundedAmount(units: 100_000_000 * BoundedAmount.unitsPerPound)
    }
}

/// The first try's steps (``BoundedAmount``) written to select rather than branch: each
/// operation gives the same value and bound, and makes `failed` negative where the first try
/// would stop (an overflow, a bound that does not settle a penny or a decision). Every amount
/// the steps add or multiply is at least zero, so an overflowing sum shows as a negative one:
/// `failed` takes in the sums' signs, with no flag of its own.
enum Lane {
    /// 1 when `condition` holds, else 0.
    @inline(__always) static func bit(_ condition: Bool) -> Int64 { condition ? 1 : 0 }

    /// `amount` when `condition` holds, else zero.
    @inline(__always)
    static func select(_ condition: Bool, _ amount: BoundedAmount) -> BoundedAmount {
        let mask: Int64 = condition ? -1 : 0
        return BoundedAmount(value: amount.value & mask, bound: amount.bound & mask)
    }

    @inline(__always) static func select(_ condition: Bool, _ pence: Int64) -> Int64 { condition ? pence : 0 }

    // Sums and products wrap rather than trap, and are not checked: the limits of ``ColumnLimits`` keep every one
    // of them within 64 bits for a plan they admit (docs/fast-path.md, "Columns"), and a plan whose pay exceeds them
    // is costed alone whatever its figures came to.

    @inline(__always) static func add(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }

    @inline(__always)
    static func add(_ a: BoundedAmount, _ b: BoundedAmount) -> BoundedAmount {
        BoundedAmount(value: a.value &+ b.value, bound: a.bound &+ b.bound)
    }

    @inline(__always)
    static func subtract(_ a: BoundedAmount, _ b: BoundedAmount) -> BoundedAmount {
        BoundedAmount(value: a.value &- b.value, bound: a.bound &+ b.bound)
    }

    /// `a × k` for a whole number k ≥ 0.
    @inline(__always)
    static func times(_ a: BoundedAmount, _ k: Int64) -> BoundedAmount {
        BoundedAmount(value: a.value &* k, bound: a.bound &* k)
    }

    /// `⌊a × n ÷ d⌋` with the bound ``BoundedAmount/times(_:)-(Multiplier)`` gives it: a whole product when the
    /// divisor is one, else one division, or two when the numerator is large (`a = q·d + r`: `q·n + ⌊r·n ÷ d⌋`,
    /// as ``ExactDivisor/scale(_:by:)`` does, so that 52.1429 weeks multiplies a large amount too); each way is the
    /// same for every amount `m` multiplies.
    @inline(__always)
    static func times(_ a: BoundedAmount, _ m: LaneMultiplier) -> BoundedAmount {
        let carried = a.bound &* m.ceiling
        if m.divisor.isOne { return BoundedAmount(value: a.value &* m.numerator, bound: carried) }
        if m.splits {
            let (q, r) = m.divisor.divide(UInt64(bitPattern: a.value))
            let (q2, r2) = m.divisor.divide(r &* UInt64(m.numerator))  // r < d ≤ 2³¹ and n ≤ 2³¹
            return BoundedAmount(value: Int64(bitPattern: q) &* m.numerator &+ Int64(bitPattern: q2), bound: carried &+ bit(r2 != 0))
        }
        let (q, r) = m.divisor.divide(UInt64(bitPattern: a.value &* m.numerator))
        return BoundedAmount(value: Int64(bitPattern: q), bound: carried &+ bit(r != 0))
    }

    /// `a × h ÷ 100` for `h` hundredths of an hour or a night (at most 1,680,000: 168 hours at 100 staff), as
    /// ``BoundedAmount/times(_:)-(Multiplier)`` gives it for ``Multiplier/init(hundredths:)`` (`ceiling` is ⌈h ÷ 100⌉).
    @inline(__always)
    static func times(_ a: BoundedAmount, hundredths h: UInt32, ceiling: UInt16) -> BoundedAmount {
        let whole = UInt64(bitPattern: a.value &* Int64(h))
        let q = whole / 100, r = whole &- q &* 100
        return BoundedAmount(value: Int64(bitPattern: q), bound: a.bound &* Int64(ceiling) &+ bit(r != 0))
    }

    /// `a` when `condition` holds, else `b`: by masks, so that the compiler keeps no branch.
    @inline(__always)
    static func choose(_ condition: Bool, _ a: BoundedAmount, _ b: BoundedAmount) -> BoundedAmount {
        let mask = 0 &- bit(condition)
        return BoundedAmount(value: (a.value & mask) | (b.value & ~mask), bound: (a.bound & mask) | (b.bound & ~mask))
    }

    /// Whether `a` is above `threshold`; sets `failed` (the answer is then `false`) when the bounds do not settle it.
    @inline(__always)
    static func isAbove(_ a: BoundedAmount, _ threshold: BoundedAmount, _ failed: inout Int64) -> Bool {
        let d = subtract(a, threshold)
        let above = bit(d.value &- d.bound > 0), notAbove = bit(d.value &+ d.bound <= 0)
        failed |= 0 &- ((above | notAbove) ^ 1)
        return above != 0
    }

    /// Below zero unless an amount (at least zero) is settled to be above zero.
    @inline(__always)
    static func settledAboveZero(_ a: BoundedAmount) -> Int64 { a.value &- a.bound &- 1 }

    /// Below zero unless an amount (at least zero) is settled to be zero or above zero, as
    /// ``BoundedAmount/isZero`` must settle it: exactly zero, or its whole interval above zero.
    @inline(__always)
    static func settledZeroOrAbove(_ a: BoundedAmount) -> Int64 {
        0 &- (bit(a.value &- a.bound <= 0) & bit(a.value | a.bound != 0))
    }

    /// ``BoundedAmount/atLeast(_:)`` with a floor of exactly zero (the only floor the steps use), selected.
    @inline(__always)
    static func atLeastZero(_ a: BoundedAmount) -> BoundedAmount {
        let low = a.value &- a.bound, high = a.value &+ a.bound
        return choose(high <= 0, .zero, choose(low >= 0, a, BoundedAmount(value: max(a.value, 0), bound: a.bound)))
    }

    /// ``BoundedAmount/atMost(_:)``, selected.
    @inline(__always)
    static func atMost(_ a: BoundedAmount, _ ceiling: BoundedAmount) -> BoundedAmount {
        let low = a.value &- a.bound, high = a.value &+ a.bound
        let ceilingLow = ceiling.value &- ceiling.bound, ceilingHigh = ceiling.value &+ ceiling.bound
        let either = BoundedAmount(value: min(a.value, ceiling.value), bound: max(a.bound, ceiling.bound))
        return choose(low >= ceilingHigh, ceiling, choose(high <= ceilingLow, a, either))
    }

    /// `a × part ÷ whole` (``BoundedAmount/proportion(_:of:)``): a division only for a plan whose PA pay is
    /// held partly by a third party, which is rare, so its branch is as good as never mispredicted.
    @inline(__always)
    static func proportion(_ a: BoundedAmount, _ part: BoundedAmount, of whole: BoundedAmount,
                           _ failed: inout Int64) -> BoundedAmount {
        if bit(part.value != 0) & bit(part.value != whole.value) != 0 {
            let share = a.proportion(part, of: whole)
            failed |= share.bound
            return share
        }
        failed |= 0 &- (part.bound | whole.bound)
        return select(part.value != 0, a)
    }

    /// The pence of `a` by the rule `R` when its bound settles them, else `failed` is set: the answer of
    /// ``BoundedAmount/roundedPence(_:)``, from one division.
    ///
    /// Every rule rounds `x ≥ 0` to `⌊(x + h) ÷ 1p⌋` (`h` half a penny, or none to round down), a tie to
    /// even then taking one off an odd penny. With `t = (a − e) + h = q pennies and r`, every amount of
    /// `[a − e, a + e]` (the exact one among them) rounds to the same penny when `r + 2e` stays below a
    /// penny, for then no amount of the interval reaches the next boundary; and a tie to even is settled
    /// only when exact (`e = 0`), as an interval starting on a tie holds amounts that round the other way.
    @inline(__always)
    static func pence<R: PenceRounding>(_ a: BoundedAmount, _: R.Type, _ failed: inout Int64) -> Int64 {
        let unit = BoundedAmount.unitsPerPenny
        let low = a.value &- a.bound
        let t = UInt64(bitPattern: low) &+ R.offset
        let q = t / UInt64(unit), r = Int64(bitPattern: t &- q &* UInt64(unit))
        let tie = bit(r == 0) & R.tiesToEven
        // Each term is negative when the penny is not settled: an interval below zero, one that reaches the next
        // penny's boundary (bounds stay far below 2⁶², ``ColumnLimits``), or an inexact tie.
        failed |= low | (unit &- 1 &- r &- (a.bound << 1)) | (0 &- (tie & bit(a.bound != 0)))
        return Int64(bitPattern: q) &- (tie & Int64(bitPattern: q) & 1)
    }

    /// A line whose natural period is the week: its weekly and annual (× weeks) pence.
    @_transparent
    static func weeklyLine<R: PenceRounding>(_ weekly: BoundedAmount, _ lane: LaneParameters, _ rule: R.Type, _ s: inout ColumnSums,
                              _ failed: inout Int64) {
        s.weekly = add(s.weekly, pence(weekly, rule, &failed))
        s.annual = add(s.annual, pence(times(weekly, lane.weeks), rule, &failed))
    }

    /// A line whose natural period is the year: its annual and weekly (÷ weeks) pence; returns the weekly amount.
    @_transparent
    static func annualLine<R: PenceRounding>(_ annual: BoundedAmount, _ lane: LaneParameters, _ rule: R.Type, _ s: inout ColumnSums,
                              _ failed: inout Int64) -> BoundedAmount {
        let weekly = times(annual, lane.perWeek)
        s.weekly = add(s.weekly, pence(weekly, rule, &failed))
        s.annual = add(s.annual, pence(annual, rule, &failed))
        return weekly
    }

    /// PA on-costs (docs/rules.md §3), their figures into `s`: returns their recurring weekly sum.
    @_transparent
    static func onCosts<R: PenceRounding>(_ rule: R.Type, pay: BoundedAmount, bankHolidays: BoundedAmount,
                                          plan: FastBottomUpColumns.PlanColumn,
                        parts: UnsafeBufferPointer<LaneMultiplier>, byPAs: UnsafeBufferPointer<PAFigures>,
                        _ lane: LaneParameters,
                        _ s: inout ColumnSums, _ failed: inout Int64) -> BoundedAmount {
        // The figures that depend on the number of PAs only, worked out with the snapshot for up to a few PAs.
        let k = plan.personalAssistants
        let known = k >= 1 && k <= Int64(byPAs.count)
        failed |= 0 &- bit(!known)
        let figures = byPAs[known ? Int(k) &- 1 : 0]
        var sum: BoundedAmount
        if let flat = lane.flatOnCost {
            sum = times(pay, flat)
            weeklyLine(sum, lane, rule, &s, &failed)
        } else {
            let holidayBase = add(pay, bankHolidays)
            let cover = times(holidayBase, lane.holidayAccrual)
            weeklyLine(cover, lane, rule, &s, &failed)
            let earnings = add(holidayBase, cover)
            var ni = BoundedAmount.zero, pension = BoundedAmount.zero
            if plan.partsStart < 0 {
                let enrolled = isAbove(earnings, figures.pension, &failed)
                ni = times(atLeastZero(subtract(earnings, figures.ni)), lane.employerNIRate)
                let pensionable = atLeastZero(subtract(atMost(earnings, figures.upper), figures.lower))
                pension = select(enrolled, times(pensionable, lane.pensionRate))
            } else {
                for i in Int(plan.partsStart)..<(Int(plan.partsStart) + Int(plan.partsCount)) {
                    let e = times(earnings, parts[i])
                    ni = add(ni, times(atLeastZero(subtract(e, lane.niThreshold)), lane.employerNIRate))
                    let enrolled = isAbove(e, lane.pensionThreshold, &failed)
                    let pensionable = atLeastZero(subtract(atMost(e, lane.pensionUpperLimit), lane.pensionLowerLimit))
                    pension = add(pension, select(enrolled, times(pensionable, lane.pensionRate)))
                }
            }
            var niWeekly = ni
            if let allowance = lane.employmentAllowance {
                niWeekly = annualLine(atLeastZero(subtract(times(ni, lane.weeks), allowance)), lane, rule, &s, &failed)
            } else {
                weeklyLine(ni, lane, rule, &s, &failed)
            }
            weeklyLine(pension, lane, rule, &s, &failed)
            sum = add(add(cover, niWeekly), pension)
        }
        // Insurance, payroll and training; DBS checks and recruitment: the same for every plan with as many PAs.
        s.weekly = add(s.weekly, figures.weeklyPence)
        s.annual = add(s.annual, figures.annualPence)
        s.oneOff = add(s.oneOff, figures.oneOffPence)
        return add(sum, figures.recurring)
    }
}

/// A rounding rule of ``RoundingRule`` as a type, for amounts not below zero: so that the columns' costing is
/// compiled once for each rule, with no test of the rule in a rounding. Each rounds `x` to
/// `⌊(x + offset) ÷ 1p⌋`, and a tie to even takes one off an odd penny when `x + offset` is a whole penny.
protocol PenceRounding {
    static var offset: UInt64 { get }
    /// 1 when a tie goes to the even penny, else 0.
    static var tiesToEven: Int64 { get }
}

/// ``RoundingRule/halfAwayFromZero``: a tie goes up.
enum HalfAwayFromZeroPence: PenceRounding {
    static var offset: UInt64 { UInt64(BoundedAmount.unitsPerPenny / 2) }
    static var tiesToEven: Int64 { 0 }
}

/// ``RoundingRule/halfEven``: a tie goes to the even penny.
enum HalfEvenPence: PenceRounding {
    static var offset: UInt64 { UInt64(BoundedAmount.unitsPerPenny / 2) }
    static var tiesToEven: Int64 { 1 }
}

/// ``RoundingRule/down``: towards zero.
enum DownPence: PenceRounding {
    static var offset: UInt64 { 0 }
    static var tiesToEven: Int64 { 0 }
}

/// A ``Multiplier`` with the largest value and bound it multiplies within 64 bits, worked out once: a value is
/// then checked with a subtraction, not an overflow flag.
struct LaneMultiplier {
    let numerator: Int64
    let divisor: ExactDivisor
    let ceiling: Int64
    /// Whether the numerator is large enough that a product would limit the amounts multiplied to a few thousand
    /// pounds: then the amount is divided first.
    let splits: Bool

    init(_ m: Multiplier) {
        numerator = m.numerator
        divisor = m.divisor
        ceiling = m.ceiling
        splits = m.numerator > ColumnLimits.wholeProductNumerator
    }
}

/// What depends on a plan's number of PAs only: the weekly NI threshold, pension threshold and pension limits for
/// its PAs together (equal shares), and its employment-cost lines (insurance, payroll and training; DBS checks
/// and recruitment), their pence summed.
struct PAFigures {
    let ni: BoundedAmount, pension: BoundedAmount, lower: BoundedAmount, upper: BoundedAmount
    let weeklyPence: Int64, annualPence: Int64, oneOffPence: Int64
    /// Insurance, payroll and training a week: their part of the care subtotal.
    let recurring: BoundedAmount

    init(ni: BoundedAmount, pension: BoundedAmount, lower: BoundedAmount, upper: BoundedAmount, costs: EmploymentCostFigures) {
        self.ni = ni
        self.pension = pension
        self.lower = lower
        self.upper = upper
        // A sum that overflows is kept as −1: the figures are then poisoned.
        func sum(_ terms: Int64...) -> Int64 {
            var total: Int64 = 0
            for term in terms {
                let (next, overflow) = total.addingReportingOverflow(term)
                if overflow || term < 0 { return -1 }
                total = next
            }
            return total
        }
        weeklyPence = sum(costs.insurance.weekly, costs.payroll.weekly, costs.training.weekly)
        annualPence = sum(costs.insurance.annual, costs.payroll.annual, costs.training.annual)
        oneOffPence = sum(costs.dbsPence, costs.recruitmentPence)
        recurring = costs.recurring.week
    }

    /// Whether every amount is below ``ColumnLimits/weeklyPolicyAmount`` (and not poisoned), and every sum of pence fitted.
    var isWithinLimits: Bool {
        [ni, pension, lower, upper, recurring].allSatisfy {
            $0.value >= 0 && $0.value <= ColumnLimits.weeklyPolicyAmount && $0.bound >= 0 && $0.bound <= ColumnLimits.givenBound
        } && weeklyPence >= 0 && annualPence >= 0 && oneOffPence >= 0
    }
}

/// A yes or no known when the code is compiled: a plan shape's flag.
protocol Flag {
    static var value: Bool { get }
}

enum Yes: Flag {
    static var value: Bool { true }
}

enum No: Flag {
    static var value: Bool { false }
}

extension ItemPeriod {
    /// The period's list in ``FastBottomUpColumns``.
    var column: Int {
        switch self {
        case .weekly: 0
        case .fourWeekly: 1
        case .monthly: 2
        case .annual: 3
        case .oneOff: 4
        }
    }
}

/// The sizes the columns admit, so that no sum or product of their costing leaves 64 bits, and they need no
/// overflow check (docs/fast-path.md, "Columns"): a plan or snapshot beyond them is costed alone, by the fast
/// path's checked steps. All are in units of 10⁻¹⁰ £ and far above any real plan's.
enum ColumnLimits {
    /// Care and sleep-in lines of a plan.
    static let payLines = 64
    /// Other items of a plan.
    static let items = 16
    /// An hourly or nightly rate, about £439.80: times 1,680,000 hundredths (168 hours at 100 staff) it stays below 2⁶³.
    static let rate: Int64 = 1 << 42
    /// An item's amount a period (times its quantity), about £112,590.
    static let itemAmount: Int64 = 1 << 50
    /// The bound of a rate or amount a plan or policy gives (exact ones have none).
    static let givenBound: Int64 = 1 << 20
    /// A plan's pay a week, its four sums together, value and bound, about £56,295: checked as each plan is costed.
    static let pay: Int64 = 1 << 49
    /// A weekly threshold or limit for a plan's PAs together, or their employment costs a week, about £56,295.
    static let weeklyPolicyAmount: Int64 = 1 << 49
    /// The Employment Allowance a year, about £7.2 million.
    static let allowance: Int64 = 1 << 56
    /// Weeks a year, or a contingency in weeks: the most any multiplier may be.
    static let weeks: Int64 = 64
    /// The bank-holiday factor, days × (multiplier − 1) ÷ 7: 4 is 8 days at 4.5 times pay. Every multiplier
    /// not named here is at most 1.
    static let bankHolidayFactor: Int64 = 4
    /// The largest numerator a multiplier multiplies by before dividing; a larger one divides first.
    static let wholeProductNumerator: Int64 = 64

    /// Whether `plan` is within the limits on its lines.
    static func admits(_ plan: FastBottomUpPlan) -> Bool {
        func given(_ amount: BoundedAmount, most: Int64) -> Bool {
            amount.value >= 0 && amount.value <= most && amount.bound >= 0 && amount.bound <= givenBound
        }
        return plan.care.count + plan.sleepIns.count <= payLines && plan.items.count <= items
            && plan.care.allSatisfy { !$0.hasOwnRate || given($0.ownRate, most: rate) }
            && plan.sleepIns.allSatisfy { $0.rate.map { given($0, most: rate) } ?? true }
            && plan.items.allSatisfy { given($0.amount, most: itemAmount) }
    }

    /// Whether a policy's rate is within the limits.
    static func admits(rate: BoundedAmount) -> Bool {
        rate.value >= 0 && rate.value <= Self.rate && rate.bound >= 0 && rate.bound <= givenBound
    }

    /// Whether a multiplier is at most `most` (its ceiling: ⌈n ÷ d⌉).
    static func admits(_ m: Multiplier, most: Int64) -> Bool { m.ceiling <= most }
}
