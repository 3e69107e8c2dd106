/// The steps of docs/rules.md §3 for one plan, in order; `run(_:_:)` returns the breakdown.
///
/// The plan is borrowed by the steps that read it, not held: a copy of it, its lists retained and then released,
/// cost about 1% of an explained breakdown.
struct BottomUpCalculation {
    /// The plan's own deployment, for a line that gives none.
    let planDeployment: Deployment?
    let parameters: BottomUpParameters
    /// Weeks per year, for weekly ↔ annual.
    let weeksPerYear: Rational

    /// PA pay lines (care and sleep-ins): their sum is `G`.
    var paPay = HeldTotal()
    /// Agency care and sleep-in lines.
    var agencyPay = HeldTotal()
    /// Σ h × r over PA care lines.
    var paHours: Rational = .zero
    /// The contingency base (docs/rules.md §3).
    var careSubtotal = HeldTotal()
    /// The third-party part of the recurring lines outside the care subtotal (other items, contingency):
    /// with the care subtotal's, the third-party fee base (docs/rules.md §3).
    var thirdPartyOutsideCare: Rational = .zero
    /// Whether any input line is a direct payment.
    var anyDirectPayment = false
    /// The values the lines' workings show, when the breakdown is explained: held, and written when they are read.
    var held: BottomUpWorkings?

    /// A calculation for `plan`, at `weeksPerYear`.
    ///
    /// It does not throw: a throwing initialiser built the calculation apart and copied it, at the cost of
    /// its every reference.
    init(plan: borrowing BottomUpPlan, parameters: BottomUpParameters, weeksPerYear: Rational) {
        planDeployment = plan.deployment
        self.parameters = parameters
        self.weeksPerYear = weeksPerYear
    }

    /// The breakdown of `plan`, its lines added to `builder` (which holds the rounding rule and weeks per year, and
    /// no lines yet): taken, not copied.
    mutating func run(_ plan: borrowing BottomUpPlan, _ builder: consuming BreakdownBuilder) throws(BudgetError) -> BudgetResult {
        // Room for every line (the pay lines, up to two bank-holiday lines and six recurring on-cost lines,
        // the other items, the contingency, the two one-off employment lines and the three fees): the list
        // is allocated once, not grown line by line. (The lines' table gets room only if it is used: a line's
        // own words are held in place first, and the snapshot's lines in its shared parts.)
        let inputLines = plan.care.count + plan.sleepIns.count + plan.otherItems.count, lineRoom = inputLines + 8 + 1 + 2 + 3
        // Room for the workings of every line but the employment costs and direct-payment fees, worked out before:
        // the input lines, two bank-holiday lines, three on-cost lines, the contingency and the third-party fee; for
        // the shares of the lines held in several ways (PA pay's, held again after agency pay's, and the care
        // subtotal's); and for the hourly cost's. The lines' records are written into the same block.
        if builder.explains {
            let workings = BottomUpWorkings.make(capacity: inputLines + 2 + 3 + 1 + 1 + 4 + 1, records: lineRoom,
                                                 weeksPerYear: weeksPerYear)
            held = workings
            builder.hold(workings: workings)
            let room = workings.recordRoom
            builder.writeLines(into: room.start, capacity: room.capacity, in: workings)
        }
        builder.reserveLines(lineRoom, writesWorkings: false)
        let weights = try paShareWeights(plan)
        try addCareLines(plan, &builder)
        try addSleepIns(plan, &builder)
        // How PA pay is held: for the PA bank holidays and every on-cost line, worked out once (a mixed holding's
        // shares are quotients).
        let paShares = paPay.shares
        let bankHolidayPA = try addBankHolidays(&builder, paShares: paShares)
        var figures: [ResultFigure] = []
        // The PA on-costs' notes are the only warnings: taken as they are, not copied into a list of their own.
        var warnings: [ResultWarning] = []
        let g = paPay.total
        if !g.isZero {
            var onCosts = PersonalAssistantOnCosts(parameters: parameters, weeksPerYear: weeksPerYear, pay: g,
                                                   bankHolidays: bankHolidayPA,
                                                   weights: weights, shares: paShares)
            try onCosts.add(to: &builder, held: held)
            careSubtotal.add(onCosts.recurringTotal, onCosts.shares)
            warnings = onCosts.notes
            if !paHours.isZero {
                figures.append(try hourlyCost(payAndOnCosts: g + bankHolidayPA + onCosts.recurringTotal, &builder))
            }
        }
        try addOtherItems(plan, &builder)
        try addContingency(&builder)
        try addFees(&builder)
        return try builder.result(calculator: plan.calculatorName, title: "Bottom-up indicative budget",
                                  asAt: parameters.asAt, policyName: parameters.policyName,
                                  policyIsIllustrative: parameters.policyIsIllustrative, figures: consume figures, warnings: warnings,
                                  mayUseOutOfDateValues: !parameters.outOfDate.isEmpty)
    }

    // MARK: Inputs

    /// The PAs' relative shares of pay (docs/rules.md §3): equal unless the plan weights them.
    func paShareWeights(_ plan: borrowing BottomUpPlan) throws(BudgetError) -> [Rational] {
        // The three lists' lengths are read first, together: the plan's first reads from memory, each waited on
        // alone when a list's lines were checked before the next list was read.
        let lines = plan.care.count + plan.sleepIns.count + plan.otherItems.count
        guard lines <= BottomUpPlan.mostLines else {
            throw .invalidValue(field: "input", value: "\(lines) lines",
                                reason: "has more than \(BottomUpPlan.mostLines) lines (care, sleep-ins and other items)")
        }
        try BottomUpCalculation.checkIDs(plan.care, field: "input.care") { $0.id }
        try BottomUpCalculation.checkIDs(plan.sleepIns, field: "input.sleepIns") { $0.id }
        try BottomUpCalculation.checkIDs(plan.otherItems, field: "input.otherItems") { $0.id }
        guard plan.personalAssistants >= 1, plan.personalAssistants <= 1_000 else {
            throw .invalidValue(field: "input.personalAssistants", value: String(plan.personalAssistants),
                                reason: "must be a whole number from 1 to 1000")
        }
        guard let shares = plan.paShares else {
            let count = plan.personalAssistants
            return count <= Self.equalShares.count ? Self.equalShares[count - 1] : Array(repeating: .one, count: count)
        }
        guard shares.count == plan.personalAssistants else {
            throw .invalidValue(field: "input.paShares", value: "\(shares.count) shares",
                                reason: "must give one share for each of the \(plan.personalAssistants) PAs")
        }
        for (i, share) in shares.enumerated() where share.isNegative || share.isZero {
            throw .invalidValue(field: "input.paShares[\(i)]", value: share.decimalText(), reason: "must be above zero")
        }
        return shares
    }

    /// Equal shares for one to four PAs, made once: a list made for each plan took two thirds of the time spent on
    /// the shares and the checks before them.
    private static let equalShares = (1...4).map { Array(repeating: Rational.one, count: $0) }

    /// Line ids (`id` of each line) are short names (letters, digits, `_`, `-`), each used once in its list.
    ///
    /// Each line is read in place, by index: a line copied out to read its id cost more than the check.
    static func checkIDs<Line>(_ lines: [Line], field: String, id: (Line) -> String?) throws(BudgetError) {
        guard lines.indices.contains(where: { id(lines[$0]) != nil }) else { return }
        // Lists are short: comparing each id with those before it needs no set.
        for i in lines.indices {
            guard let name = id(lines[i]) else { continue }
            guard ParameterKey.isBandName(name) else {
                throw .invalidValue(field: "\(field)[\(i)].id", value: name,
                                    reason: "must be 1 to 64 letters, digits, '_' or '-'")
            }
            if lines.indices.prefix(i).contains(where: { id(lines[$0]) == name }) {
                throw .invalidValue(field: "\(field)[\(i)].id", value: name, reason: "is the id of an earlier line too")
            }
        }
    }

    /// The line's own deployment, or the plan's default.
    mutating func deployment(_ own: Deployment?, field: @autoclosure () -> String) throws(BudgetError) -> Deployment {
        guard let held = own ?? planDeployment else { throw .missingInput(field: "\(field()).deployment") }
        if held == .directPayment { anyDirectPayment = true }
        return held
    }

    /// A line's own rate (not negative), or the policy's rate (looked up only when there is no own rate); and
    /// whether it is the policy's.
    func rate(_ own: Rational?, field: @autoclosure () -> String,
              policy: @autoclosure () -> ParameterLookup<Rational>) throws(BudgetError) -> (value: Rational, isPolicy: Bool) {
        guard let own else { return (try policy().value(), true) }
        guard !own.isNegative else { throw .invalidValue(field: field(), value: own.decimalText(), reason: "must not be negative") }
        return (own, false)
    }

    mutating func addCareLines(_ plan: borrowing BottomUpPlan, _ builder: inout BreakdownBuilder) throws(BudgetError) {
        for i in plan.care.indices {
            // Named only for an error: building the name for every line cost more than the line's arithmetic.
            func field() -> String { "input.care[\(i)]" }
            // The fields the steps use, read in place one by one: the line copied out of the plan, its text retained
            // and then released, cost more than all the reads.
            let h = plan.care[i].hoursPerWeek, staffRatio = plan.care[i].staffRatio, provider = plan.care[i].provider
            let bandName = plan.care[i].band, ownRate = plan.care[i].hourlyRate
            guard !h.isNegative, !h.isZero, !(Rational(168) < h) else {
                throw .invalidValue(field: "\(field()).hoursPerWeek", value: h.decimalText(),
                                    reason: "must be above 0 and at most 168 hours a week")
            }
            guard h.wholeHundredths != nil else {  // at most 2 decimal places, read with no reduction
                throw .invalidValue(field: "\(field()).hoursPerWeek", value: h.decimalText(maxPlaces: 8),
                                    reason: "has more than 2 decimal places")
            }
            guard staffRatio >= 1, staffRatio <= 100 else {
                throw .invalidValue(field: "\(field()).staffRatio", value: String(staffRatio),
                                    reason: "must be a whole number of staff from 1 to 100")
            }
            let heldAs = try deployment(plan.care[i].deployment, field: field())
            // The band's fields read one by one: a copy of all of them cost more than the line's arithmetic.
            let rates = parameters.rates(of: provider), band = rates.index(of: bandName)
            let (rate, isPolicy) = try self.rate(
                ownRate, field: "\(field()).hourlyRate",
                policy: band.map { rates.rates[$0] }
                    ?? .failure(.unknownBand(field: "\(field()).band", provider: provider.description, band: bandName,
                                             known: rates.bands)))
            if provider == .personalAssistant {
                let wage = try parameters.nationalLivingWage.value()
                guard !(rate < wage) else {
                    throw .belowNationalLivingWage(field: ownRate == nil ? "\(field()).band (\(bandName))" : "\(field()).hourlyRate",
                                                   rate: rate, livingWage: wage, date: parameters.asAt)
                }
            }
            // The policy's rate (and the wage it was checked against) or, for an own rate, the wage alone: lists
            // gathered once per snapshot.
            let uses: LineUses = isPolicy ? band.map { parameters.bandUses(provider, band: $0) } ?? []
                : provider == .personalAssistant ? parameters.lineUses.ownPARate : []
            let staffHours = h * staffRatio, exact = staffHours * rate
            let shares = DeploymentShares(heldAs)
            let what = plan.care[i].description.map(LineWords.words) ?? band.map { parameters.bandDescription(provider, band: $0) }
                ?? .words(BandRates.lineDescription(provider, band: bandName))
            let part = held?.hold(.care(CareLineWorking(
                hoursPerWeek: h, staffRatio: staffRatio, rate: rate, exactWeekly: exact,
                // The policy's rate as built with the snapshot, shared (a rate quantity built for each use was built,
                // copied and destroyed), or the line's own.
                sharedRate: ownRate == nil ? band.flatMap { parameters.bandUnitRate(provider, band: $0) } : nil,
                hasOwnRate: ownRate != nil, isPersonalAssistant: provider == .personalAssistant))) ?? 0
            try builder.recurring(BottomUpLine.care(i, id: plan.care[i].id).keyWords, what, exactWeekly: exact,
                                  held: HeldLine(part: part, hasQuantity: true, hasUnitRate: true),
                                  deployment: shares, parameters: uses)
            if provider == .personalAssistant {
                paPay.add(exact, shares)
                paHours += staffHours
            } else {
                agencyPay.add(exact, shares)
            }
            careSubtotal.add(exact, shares)
        }
    }

    mutating func addSleepIns(_ plan: borrowing BottomUpPlan, _ builder: inout BreakdownBuilder) throws(BudgetError) {
        for i in plan.sleepIns.indices {
            func field() -> String { "input.sleepIns[\(i)]" }
            // Read in place, as a care line is.
            let n = plan.sleepIns[i].nightsPerWeek, ownRate = plan.sleepIns[i].nightRate, provider = plan.sleepIns[i].provider
            guard !n.isNegative, !(Rational(7) < n) else {
                throw .invalidValue(field: "\(field()).nightsPerWeek", value: n.decimalText(),
                                    reason: "must be from 0 to 7 nights a week")
            }
            let heldAs = try deployment(plan.sleepIns[i].deployment, field: field())
            let (rate, isPolicy) = try self.rate(ownRate, field: "\(field()).nightRate",
                                                 policy: parameters.sleepInRate)
            let exact = n * rate
            let shares = DeploymentShares(heldAs)
            let part = held?.hold(.sleepIn(SleepInWorking(
                nightsPerWeek: n, rate: rate, exactWeekly: exact, hasOwnRate: ownRate != nil))) ?? 0
            try builder.recurring(
                BottomUpLine.sleepIn(i, id: plan.sleepIns[i].id).keyWords, .code(.bottomUp(.sleepIns(provider))), exactWeekly: exact,
                held: HeldLine(part: part, hasQuantity: true, hasUnitRate: true),
                deployment: shares, parameters: isPolicy ? parameters.lineUses.sleepIn : [])
            if provider == .personalAssistant { paPay.add(exact, shares) } else { agencyPay.add(exact, shares) }
            careSubtotal.add(exact, shares)
        }
    }

    /// Bank-holiday enhancements for PA and agency pay (docs/rules.md §3), PA pay held as `paShares`; returns the PA
    /// line's exact weekly value.
    mutating func addBankHolidays(_ builder: inout BreakdownBuilder, paShares: DeploymentShares) throws(BudgetError) -> Rational {
        let paTotal = paPay.total, agencyTotal = agencyPay.total
        guard !paTotal.isZero || !agencyTotal.isZero else { return .zero }
        let multiplier = try parameters.bankHolidayMultiplier.value()
        guard Rational.one < multiplier else { return .zero }
        let days = try parameters.bankHolidaysPerYear.value()
        let enhancement = multiplier - .one
        held?.hold(bankHolidayRates: BankHolidayRates(daysPerYear: days, multiplier: multiplier))
        var paWeekly = Rational.zero
        for provider in Provider.allCases {
            let pay = provider == .personalAssistant ? paTotal : agencyTotal
            guard !pay.isZero else { continue }
            let annual = days * (pay / 7) * enhancement, weekly = annual / weeksPerYear
            // Read from the total in place: a copy of the total, its shares retained, cost more than reading them.
            let shares = provider == .personalAssistant ? paShares : agencyPay.shares
            let line = provider == .personalAssistant ? BottomUpLine.Derived.paBankHolidays : .agencyBankHolidays
            let part = held?.hold(.bankHolidays(BankHolidayWorking(
                pay: pay, exactWeekly: weekly, exactAnnual: annual))) ?? 0
            try builder.recurring(line.key, line.words, exactWeekly: weekly, exactAnnual: annual,
                                  held: HeldLine(part: part, hasQuantity: true), deployment: shares,
                                  parameters: parameters.lineUses.bankHolidays)
            careSubtotal.add(weekly, shares)
            if provider == .personalAssistant { paWeekly = weekly }
        }
        return paWeekly
    }

    /// Hourly cost of PA care (docs/rules.md §3), a figure beside the lines.
    func hourlyCost(payAndOnCosts cost: Rational, _ builder: inout BreakdownBuilder) throws(BudgetError) -> ResultFigure {
        let working = HourlyCostWorking(cost: cost, hours: paHours, hourly: cost / paHours)
        return builder.figure(
            "hourlyCostOfPACare", "Hourly cost of PA care",
            .money(try working.hourly.roundedToMoney(builder.rule, context: "hourly cost of PA care")),
            held: held?.hold(.hourlyCost(working)), working: { working.write(&$0) })
    }

    mutating func addOtherItems(_ plan: borrowing BottomUpPlan, _ builder: inout BreakdownBuilder) throws(BudgetError) {
        for i in plan.otherItems.indices {
            func field() -> String { "input.otherItems[\(i)]" }
            // Read in place, as a care line is.
            let itemAmount = plan.otherItems[i].amount, itemQuantity = plan.otherItems[i].quantity
            guard !itemAmount.isNegative else {
                throw .invalidValue(field: "\(field()).amount", value: itemAmount.decimalText(), reason: "must not be negative")
            }
            guard !itemQuantity.isNegative else {
                throw .invalidValue(field: "\(field()).quantity", value: itemQuantity.decimalText(), reason: "must not be negative")
            }
            let shares = DeploymentShares(try deployment(plan.otherItems[i].deployment, field: field()))
            let amount = itemAmount * itemQuantity
            let period = plan.otherItems[i].period
            let (exactWeekly, exactAnnual): (Rational, Rational) = switch period {
            case .weekly: (amount, amount * weeksPerYear)
            case .oneOff: (amount, amount)  // neither read: a one-off line has its amount alone
            case .fourWeekly: (amount / 4, amount / 4 * weeksPerYear)
            case .monthly: (amount * 12 / weeksPerYear, amount * 12)
            case .annual: (amount / weeksPerYear, amount)
            }
            let part = held?.hold(.otherItem(OtherItemWorking(
                period: period, quantity: itemQuantity, amount: itemAmount, exactWeekly: exactWeekly, exactAnnual: exactAnnual))) ?? 0
            let key = BottomUpLine.other(i, id: plan.otherItems[i].id).keyWords, what = LineWords.words(plan.otherItems[i].description)
            let line = HeldLine(part: part, hasQuantity: true, hasUnitRate: true)
            guard period != .oneOff else {
                try builder.oneOff(key, what, exact: amount, held: line, deployment: shares)
                continue
            }
            try builder.recurring(key, what, exactWeekly: exactWeekly, exactAnnual: exactAnnual, held: line, deployment: shares)
            thirdPartyOutsideCare += shares.part(of: exactWeekly, heldAs: .thirdParty)
        }
    }

    /// Contingency on the care subtotal (docs/rules.md §3).
    mutating func addContingency(_ builder: inout BreakdownBuilder) throws(BudgetError) {
        guard !careSubtotal.isEmpty else { return }
        let base = careSubtotal.total
        let mode = try parameters.contingencyMode.value()
        let contingency = try parameters.contingencyValue.value()
        let shares = careSubtotal.shares
        let (exactWeekly, exactAnnual): (Rational, Rational)
        if mode == .weeks {
            let annual = contingency * base
            (exactWeekly, exactAnnual) = (annual / weeksPerYear, annual)
        } else {
            let weekly = contingency / 100 * base
            (exactWeekly, exactAnnual) = (weekly, weekly * weeksPerYear)
        }
        let part = held?.hold(.contingency(ContingencyWorking(
            mode: mode, value: contingency, careSubtotal: base, exactWeekly: exactWeekly, exactAnnual: exactAnnual))) ?? 0
        try builder.recurring(BottomUpLine.Derived.contingency.key, BottomUpLine.Derived.contingency.words,
                              exactWeekly: exactWeekly, exactAnnual: exactAnnual, held: HeldLine(part: part),
                              deployment: shares, parameters: parameters.lineUses.contingency)
        thirdPartyOutsideCare += shares.part(of: exactWeekly, heldAs: .thirdParty)
    }

    /// Fees by how the budget is held (docs/rules.md §3).
    mutating func addFees(_ builder: inout BreakdownBuilder) throws(BudgetError) {
        let thirdPartyBase = careSubtotal.heldAs(.thirdParty) + thirdPartyOutsideCare
        if !thirdPartyBase.isZero {
            let fee = try parameters.thirdPartyFee.value()
            let weekly = fee * thirdPartyBase
            let part = held?.hold(.thirdPartyFee(ThirdPartyFeeWorking(
                fee: fee, base: thirdPartyBase, exactWeekly: weekly))) ?? 0
            try builder.recurring(BottomUpLine.Derived.thirdPartyFee.key, BottomUpLine.Derived.thirdPartyFee.words,
                                  exactWeekly: weekly, held: HeldLine(part: part), deployment: DeploymentShares(.thirdParty),
                                  parameters: parameters.lineUses.thirdPartyFee)
        }
        if anyDirectPayment {
            builder.append(try parameters.directPaymentFeeLines.get(), deployment: DeploymentShares(.directPayment))
        }
    }
}
