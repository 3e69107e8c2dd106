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
    var policyRateCare: [PayLineColumn] = [], ownRateCare: [PayLineColumn] = []
    /// The distinct time bands of the care lines, each line's by its position here: a band's rates are
    /// looked up once per costing, not once per line.
    var bands: [InlineName] = []
    var sleepIns: [PayLineColumn] = []
    /// Other items by period (``ItemPeriod/column``).
    var items = Array(repeating: [ItemColumn](), count: ItemPeriod.allCases.count)
    /// The parts of PA pay of every plan with weighted shares, one after another.
    var parts: [ColumnMultiplier] = []
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

    /// Makes room for about `plans` more plans of a few lines each, so that the lists are not grown plan by plan.
    public mutating func reserveCapacity(_ plans: Int) {
        people.reserveCapacity(people.count + plans)
        policyRateCare.reserveCapacity(policyRateCare.count + plans * 3)
        sleepIns.reserveCapacity(sleepIns.count + plans / 2)
        for i in items.indices { items[i].reserveCapacity(items[i].count + plans / 2) }
        for i in plansByShape.indices { plansByShape[i].reserveCapacity(plansByShape[i].count + plans / 2) }
    }

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

    /// A care or sleep-in line: hours or nights a week at a rate, added to one of its plan's pay sums.
    struct PayLineColumn {
        let plan: Int32
        let hundredths: UInt32
        /// ⌈hundredths ÷ 100⌉: what a rate's bound is multiplied by.
        let ceiling: UInt16
        /// A care line's band, by its position in ``FastBottomUpColumns/bands``.
        let band: UInt16
        let slot: UInt8
        let hasOwnRate: Bool
        let ownRate: BoundedAmount

        init(plan: Int32, hundredths: UInt32, band: Int = 0, slot: UInt8, ownRate: BoundedAmount?) {
            self.plan = plan
            self.hundredths = hundredths
            ceiling = UInt16(truncatingIfNeeded: hundredths / 100 + (hundredths % 100 == 0 ? 0 : 1))  // at most 16,800
            self.band = UInt16(truncatingIfNeeded: band)
            self.slot = slot
            hasOwnRate = ownRate != nil
            self.ownRate = ownRate ?? .zero
        }

        var isPA: Bool { slot < 2 }
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
        // Every line is held its own way or the plan's (a plan without one has no fast form). The plan's shape is
        // gathered from its lines as they are laid out.
        var shape: Shape = []
        func held(_ own: Deployment?) -> Bool {
            let thirdParty = (own ?? plan.deployment) == .thirdParty
            if thirdParty { shape.insert(.thirdParty) }
            return thirdParty
        }
        func paySlot(_ provider: Provider, _ own: Deployment?) -> UInt8 {
            shape.insert(provider == .personalAssistant ? .personalAssistant : .agency)
            return PaySlot.of(personalAssistant: provider == .personalAssistant, thirdParty: held(own))
        }
        for line in plan.care {
            let band = bands.firstIndex(of: line.band) ?? bands.count
            if band == bands.count { bands.append(line.band) }
            let column = PayLineColumn(plan: index, hundredths: line.hundredths, band: band,
                                       slot: paySlot(line.provider, line.deployment), ownRate: line.rate)
            if line.hasOwnRate { ownRateCare.append(column) } else { policyRateCare.append(column) }
        }
        for line in plan.sleepIns {
            sleepIns.append(PayLineColumn(plan: index, hundredths: line.hundredths, slot: paySlot(line.provider, line.deployment),
                                          ownRate: line.rate))
        }
        for item in plan.items {
            items[item.period.column].append(ItemColumn(plan: index, thirdParty: held(item.deployment), amount: item.amount))
        }
        plansByShape[shape.rawValue].append(index)
        if let planParts = plan.parts { parts += planParts.map(ColumnMultiplier.init) }
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
        guard let values = ColumnParameters(parameters) else { return Array(repeating: nil, count: count) }
        var sums = [ColumnSums](repeating: ColumnSums(), count: count)
        var pay = [BoundedAmount](repeating: .zero, count: count * PaySlot.count)
        let rates = bandRates(parameters)
        sums.withUnsafeMutableBufferPointer { sums in
            pay.withUnsafeMutableBufferPointer { pay in
                rates.withUnsafeBufferPointer { rates in
                    values.byPAs.withUnsafeBufferPointer { byPAs in
                        // Compiled once for each rule: a rounding is then a division and a comparison.
                        func cost<R: PenceRounding>(_ rule: R.Type) {
                            costPayLines(values, rule, rates: rates, into: sums, pay: pay)
                            costItems(values, rule, into: sums)
                            costPlans(values, rule, byPAs: byPAs, pay: UnsafeBufferPointer(pay), into: sums)
                        }
                        switch values.rule {
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
    func costPayLines<R: PenceRounding>(_ values: ColumnParameters, _ rule: R.Type, rates: UnsafeBufferPointer<BoundedAmount>,
                      into sums: UnsafeMutableBufferPointer<ColumnSums>, pay: UnsafeMutableBufferPointer<BoundedAmount>) {
        /// A pay line's figures, and its pay added to its plan's sum in its slot.
        @inline(__always)
        func add(_ weekly: BoundedAmount, plan: Int32, slot: UInt8, _ lineFailed: Int64) {
            var failed = lineFailed
            ColumnStep.weeklyLine(weekly, values, rule, &sums[Int(plan)], &failed)
            let slot = Int(plan) &* PaySlot.count &+ Int(slot)
            pay[slot] = ColumnStep.add(pay[slot], weekly)
            sums[Int(plan)].unsettled |= failed
        }
        policyRateCare.withUnsafeBufferPointer { care in
            for i in care.indices {
                let line = care[i]
                let rate = rates[Int(line.band) &* 2 &+ (line.isPA ? 0 : 1)]
                // A band with no rate (or one beyond the limits) has a bound below zero.
                add(ColumnStep.times(rate, hundredths: line.hundredths, ceiling: line.ceiling),
                    plan: line.plan, slot: line.slot, rate.bound)
            }
        }
        ownRateCare.withUnsafeBufferPointer { care in
            for i in care.indices {
                let line = care[i]
                // A PA's own rate must be settled to be at least the wage (the policy's were checked with the snapshot).
                var unsettledWage: Int64 = 0
                let belowWage = ColumnStep.bit(ColumnStep.isAbove(values.nationalLivingWage, line.ownRate, &unsettledWage))
                    | ColumnStep.bit(unsettledWage < 0)
                add(ColumnStep.times(line.ownRate, hundredths: line.hundredths, ceiling: line.ceiling),
                    plan: line.plan, slot: line.slot,
                    0 &- (ColumnStep.bit(line.isPA) & belowWage))
            }
        }
        sleepIns.withUnsafeBufferPointer { sleepIns in
            for i in sleepIns.indices {
                let line = sleepIns[i]
                let rate = ColumnStep.choose(line.hasOwnRate, line.ownRate, values.sleepInRate)
                add(ColumnStep.times(rate, hundredths: line.hundredths, ceiling: line.ceiling),
                    plan: line.plan, slot: line.slot, 0)
            }
        }
    }

    /// Other items, a loop for each period.
    func costItems<R: PenceRounding>(_ values: ColumnParameters, _ rule: R.Type,
                                     into sums: UnsafeMutableBufferPointer<ColumnSums>) {
        // A loop for each period, over that period's items; each adds its weekly amount to its plan's third-party
        // sum when it is held by a third party.
        func each(_ period: ItemPeriod, _ weekly: (BoundedAmount, inout ColumnSums, inout Int64) -> BoundedAmount) {
            items[period.column].withUnsafeBufferPointer { list in
                for i in list.indices {
                    let item = list[i]
                    var failed: Int64 = 0
                    let amount = weekly(item.amount, &sums[Int(item.plan)], &failed)
                    sums[Int(item.plan)].otherThirdParty = ColumnStep.add(sums[Int(item.plan)].otherThirdParty,
                                                                    ColumnStep.select(item.thirdParty, amount))
                    sums[Int(item.plan)].unsettled |= failed
                }
            }
        }
        each(.weekly) { amount, s, failed in
            ColumnStep.weeklyLine(amount, values, rule, &s, &failed)
            return amount
        }
        each(.fourWeekly) { amount, s, failed in
            let weekly = ColumnStep.times(amount, values.quarter)
            ColumnStep.weeklyLine(weekly, values, rule, &s, &failed)
            return weekly
        }
        each(.monthly) { amount, s, failed in ColumnStep.annualLine(ColumnStep.times(amount, 12), values, rule, &s, &failed) }
        each(.annual) { amount, s, failed in ColumnStep.annualLine(amount, values, rule, &s, &failed) }
        each(.oneOff) { amount, s, failed in
            s.oneOff = ColumnStep.add(s.oneOff, ColumnStep.pence(amount, rule, &failed))
            return .zero
        }
    }

    /// Each plan's steps after its pay lines: bank holidays, on-costs, contingency and fees.
    func costPlans<R: PenceRounding>(_ values: ColumnParameters, _ rule: R.Type, byPAs: UnsafeBufferPointer<PAFigures>,
                                     pay: UnsafeBufferPointer<BoundedAmount>,
                                     into sums: UnsafeMutableBufferPointer<ColumnSums>) {
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
                            costPlan(j, people[j], TP.self, PA.self, AG.self, values, rule, byPAs: byPAs,
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
        _ j: Int, _ plan: PlanColumn, _: TP.Type, _: PA.Type, _: AG.Type, _ values: ColumnParameters, _ rule: R.Type,
        byPAs: UnsafeBufferPointer<PAFigures>,
        parts: UnsafeBufferPointer<ColumnMultiplier>, pay: UnsafeBufferPointer<BoundedAmount>, into s: inout ColumnSums
    ) {
        let thirdParty = TP.value, personalAssistant = PA.value, agency = AG.value
        var failed: Int64 = 0
        let slots = j &* PaySlot.count
        let paThirdParty = thirdParty ? pay[slots &+ PaySlot.paThirdParty] : .zero
        let agencyThirdParty = thirdParty ? pay[slots &+ PaySlot.agencyThirdParty] : .zero
        let paPay = personalAssistant ? ColumnStep.add(pay[slots &+ PaySlot.pa], paThirdParty) : .zero
        let agencyPay = agency ? ColumnStep.add(pay[slots &+ PaySlot.agency], agencyThirdParty) : .zero
        var careSubtotal = ColumnStep.add(paPay, agencyPay)
        // Within the limits every figure below fits 64 bits; beyond them the plan is costed alone.
        failed |= ColumnLimits.pay &- (careSubtotal.value &+ careSubtotal.bound)
        var careSubtotalThirdParty = thirdParty ? ColumnStep.add(paThirdParty, agencyThirdParty) : .zero
        // PA pay of zero from PA lines (a rate of zero) has no on-costs: such a plan is costed alone.
        if personalAssistant { failed |= ColumnStep.settledAboveZero(paPay) }
        if agency { failed |= ColumnStep.settledZeroOrAbove(agencyPay) }
        // Bank holidays (docs/rules.md §3): a provider with no pay has none.
        var bankHolidaysPA = BoundedAmount.zero
        if values.bankHolidaysEnhanced {
            if personalAssistant {
                let annual = ColumnStep.times(paPay, values.bankHolidayFactor)
                bankHolidaysPA = ColumnStep.annualLine(annual, values, rule, &s, &failed)
                careSubtotal = ColumnStep.add(careSubtotal, bankHolidaysPA)
            }
            if agency {
                let annual = ColumnStep.times(agencyPay, values.bankHolidayFactor)
                let bankHolidays = ColumnStep.annualLine(annual, values, rule, &s, &failed)
                careSubtotal = ColumnStep.add(careSubtotal, bankHolidays)
            }
            if thirdParty {
                let paPart = ColumnStep.times(ColumnStep.times(paThirdParty, values.bankHolidayFactor), values.perWeek)
                let agencyPart = ColumnStep.times(ColumnStep.times(agencyThirdParty, values.bankHolidayFactor), values.perWeek)
                careSubtotalThirdParty = ColumnStep.add(ColumnStep.add(careSubtotalThirdParty, paPart), agencyPart)
            }
        }
        // PA on-costs.
        if personalAssistant {
            let onCosts = ColumnStep.onCosts(rule, pay: paPay, bankHolidays: bankHolidaysPA, plan: plan, parts: parts,
                                             byPAs: byPAs,
                                       values, &s, &failed)
            careSubtotal = ColumnStep.add(careSubtotal, onCosts)
            if thirdParty {
                let share = ColumnStep.proportion(onCosts, paThirdParty, of: paPay, &failed)
                careSubtotalThirdParty = ColumnStep.add(careSubtotalThirdParty, share)
            }
        }
        // Settled to be at most £100,000,000 a week, as the first try requires.
        failed |= values.largestCareSubtotal.value &- (careSubtotal.value &+ careSubtotal.bound)
        // Contingency (docs/rules.md §3): zero with no care or sleep-in line, as its base is then zero.
        var contingencyThirdParty = BoundedAmount.zero
        if values.contingencyInWeeks {
            _ = ColumnStep.annualLine(ColumnStep.times(careSubtotal, values.contingency), values, rule, &s, &failed)
            if thirdParty {
                let annual = ColumnStep.times(careSubtotalThirdParty, values.contingency)
                contingencyThirdParty = ColumnStep.times(annual, values.perWeek)
            }
        } else {
            ColumnStep.weeklyLine(ColumnStep.times(careSubtotal, values.contingency), values, rule, &s, &failed)
            if thirdParty { contingencyThirdParty = ColumnStep.times(careSubtotalThirdParty, values.contingency) }
        }
        // Fees by how the budget is held: a third-party base of zero has a fee of zero.
        if thirdParty {
            let thirdPartyBase = ColumnStep.add(ColumnStep.add(careSubtotalThirdParty, s.otherThirdParty),
                                                contingencyThirdParty)
            failed |= ColumnStep.settledZeroOrAbove(thirdPartyBase)
            ColumnStep.weeklyLine(ColumnStep.times(thirdPartyBase, values.thirdPartyFee), values, rule, &s, &failed)
        }
        s.weekly = ColumnStep.add(s.weekly, ColumnStep.select(plan.anyDirectPayment, values.supportFee.weekly))
        s.annual = ColumnStep.add(s.annual, ColumnStep.select(plan.anyDirectPayment, values.supportFee.annual))
        s.oneOff = ColumnStep.add(s.oneOff, ColumnStep.select(plan.anyDirectPayment, values.setUpFee))
        s.unsettled |= failed
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
