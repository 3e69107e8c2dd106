/// The sums commissioners do around budgets (rules: docs/rules.md §6). Each is
/// a ``BudgetCalculation``: money appears as lines where it adds up (a release
/// schedule, a priced contract) and everything else as named figures, so one
/// table, one JSON form and one fixture format serve them all.

/// Stepped release of a block contract (Leeds): year 1 guarantees a share of
/// the contract value, then the guarantee falls by a step of percentage points
/// a year until nothing is guaranteed.
public struct BlockContractRelease: BudgetCalculation {
    public var calculatorName: String { "blockContractRelease" }

    /// The contract's value.
    public var contractValue: Rational
    /// The percentage guaranteed in year 1 (80 in Leeds).
    public var firstYearGuaranteedPercent: Rational
    /// The fall in the guarantee each year, in percentage points (20 in Leeds).
    public var stepPercent: Rational

    public init(contractValue: Rational, firstYearGuaranteedPercent: Rational = Rational(80), stepPercent: Rational = Rational(20)) {
        self.contractValue = contractValue
        self.firstYearGuaranteedPercent = firstYearGuaranteedPercent
        self.stepPercent = stepPercent
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        guard !contractValue.isNegative, !contractValue.isOverflow else {
            throw .invalidValue(field: "input.contractValue", value: contractValue.decimalText(), reason: "must not be negative")
        }
        try firstYearGuaranteedPercent.checkPercent(field: "input.firstYearGuaranteedPercent")
        guard Rational.zero < stepPercent, !(Rational(100) < stepPercent) else {
            throw .invalidValue(field: "input.stepPercent", value: stepPercent.decimalText(), reason: "must be above 0 and at most 100")
        }
        var builder = try BreakdownBuilder(context: context)
        var figures: [ResultFigure] = []
        var guaranteed = firstYearGuaranteedPercent
        var releasedBefore = Rational.zero
        var year = 1
        while true {
            let releasedToDate = contractValue * (Rational(100) - guaranteed) / 100
            let inYear = releasedToDate - releasedBefore
            try builder.oneOff("year\(year)", "Year \(year): released in the year", exact: inYear,
                               formula: (((Formula.value(.hundred, Rational(100), .percent) - .value(.guaranteedPercent, guaranteed, .percent))
                                         * .value(.contractValue, contractValue, .pounds)).equals(.releasedToDate, releasedToDate, .pounds)
                                   - .value(.releasedBefore, releasedBefore, .pounds)).equals(.amount, inYear, .pounds))
            figures.append(ResultFigure(key: "year\(year).guaranteedPercent", label: "Year \(year): guaranteed, %",
                                        value: .percent(guaranteed), formula: .note(.percentagePoints)))
            figures.append(ResultFigure(key: "year\(year).guaranteed", label: "Year \(year): guaranteed",
                                        value: .money(try (contractValue * guaranteed / 100).roundedToMoney(builder.rule, context: "guaranteed")),
                                        formula: (Formula.value(.guaranteedPercent, guaranteed, .percent)
                                                  * .value(.contractValue, contractValue, .pounds))
                                            .equals(.guaranteed, contractValue * guaranteed / 100, .pounds)))
            figures.append(ResultFigure(key: "year\(year).releasedToDate", label: "Year \(year): released to date",
                                        value: .money(try releasedToDate.roundedToMoney(builder.rule, context: "released to date")),
                                        formula: ((Formula.value(.hundred, Rational(100), .percent) - .value(.guaranteedPercent, guaranteed, .percent))
                                                  * .value(.contractValue, contractValue, .pounds))
                                            .equals(.releasedToDate, releasedToDate, .pounds)))
            guard !guaranteed.isZero, year < 100 else { break }
            releasedBefore = releasedToDate
            guaranteed = (guaranteed - stepPercent).clampedAtZero
            year += 1
        }
        return try builder.result(calculator: calculatorName, title: "Stepped release of a block contract",
                                  context: context, figures: figures)
    }
}

/// Pricing group contacts (Northamptonshire): a group contact at a share of
/// the average cost per contact, and the one-to-one price that keeps the
/// contract total.
public struct GroupContactPricing: BudgetCalculation {
    public var calculatorName: String { "groupContactPricing" }

    public var contractTotal: Rational
    public var oneToOneContacts: Int
    public var groupContacts: Int
    /// The group contact's price as a percentage of the average cost per contact (25 in Northamptonshire).
    public var groupSharePercent: Rational

    public init(contractTotal: Rational, oneToOneContacts: Int, groupContacts: Int, groupSharePercent: Rational = Rational(25)) {
        self.contractTotal = contractTotal
        self.oneToOneContacts = oneToOneContacts
        self.groupContacts = groupContacts
        self.groupSharePercent = groupSharePercent
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        guard !contractTotal.isNegative, !contractTotal.isOverflow else {
            throw .invalidValue(field: "input.contractTotal", value: contractTotal.decimalText(), reason: "must not be negative")
        }
        guard oneToOneContacts >= 1, groupContacts >= 0, oneToOneContacts <= 100_000_000, groupContacts <= 100_000_000 else {
            throw .invalidValue(field: "input.oneToOneContacts", value: "\(oneToOneContacts) and \(groupContacts)",
                                reason: "one-to-one contacts must be at least 1 and group contacts at least 0 (each at most 100,000,000)")
        }
        try groupSharePercent.checkPercent(field: "input.groupSharePercent")
        var builder = try BreakdownBuilder(context: context)
        let contacts = oneToOneContacts + groupContacts
        let average = contractTotal / contacts
        let groupExact = average * groupSharePercent / 100
        let oneToOneExact = (contractTotal - groupExact * groupContacts) / oneToOneContacts
        let groupPrice = try groupExact.roundedToMoney(builder.rule, context: "group price")
        let oneToOnePrice = try oneToOneExact.roundedToMoney(builder.rule, context: "one-to-one price")
        let oneToOneCount = Formula.value(.oneToOneContacts, Rational(oneToOneContacts), .contacts)
        let groupCount = Formula.value(.groupContacts, Rational(groupContacts), .contacts)
        try builder.oneOff("oneToOne", "One-to-one contacts at the rounded price", exact: oneToOnePrice.exact * oneToOneContacts,
                           formula: (oneToOneCount * .value(.oneToOnePrice, oneToOnePrice.exact, .pounds))
                               .equals(.amount, oneToOnePrice.exact * oneToOneContacts, .pounds),
                           quantity: oneToOneCount, unitRate: { $0.value(.oneToOnePrice, oneToOnePrice.exact, .pounds) })
        try builder.oneOff("group", "Group contacts at the rounded price", exact: groupPrice.exact * groupContacts,
                           formula: (groupCount * .value(.groupPrice, groupPrice.exact, .pounds))
                               .equals(.amount, groupPrice.exact * groupContacts, .pounds),
                           quantity: groupCount, unitRate: { $0.value(.groupPrice, groupPrice.exact, .pounds) })
        let atRounded = oneToOnePrice.exact * oneToOneContacts + groupPrice.exact * groupContacts
        let total = Formula.value(.contractTotal, contractTotal, .pounds)
        let atRoundedPrices = oneToOneCount * .value(.oneToOnePrice, oneToOnePrice.exact, .pounds)
            + groupCount * .value(.groupPrice, groupPrice.exact, .pounds)
        let figures = [
            ResultFigure(key: "averageCostPerContact", label: "Average cost per contact",
                         value: .money(try average.roundedToMoney(builder.rule, context: "average")),
                         formula: (total / .value(.contacts, Rational(contacts), .contacts)).equals(.averageCost, average, .pounds)),
            ResultFigure(key: "groupPrice", label: "Group contact price", value: .money(groupPrice),
                         formula: .rounded((Formula.value(.groupSharePercent, groupSharePercent, .percent) * .value(.averageCost, average, .pounds))
                                            .equals(.groupPrice, groupExact, .pounds), places: 2, builder.rule)),
            ResultFigure(key: "oneToOnePrice", label: "One-to-one contact price", value: .money(oneToOnePrice),
                         formula: .rounded(((total - groupCount * .value(.groupPrice, groupExact, .pounds)) / oneToOneCount)
                                            .equals(.oneToOnePrice, oneToOneExact, .pounds), places: 2, builder.rule)),
            ResultFigure(key: "totalAtRoundedPrices", label: "Contract at the rounded prices",
                         value: .money(try atRounded.roundedToMoney(builder.rule, context: "total")),
                         formula: atRoundedPrices.equals(.totalAtRoundedPrices, atRounded, .pounds)),
            ResultFigure(key: "differenceFromContract", label: "Difference from the contract",
                         value: .money(try (atRounded - contractTotal).roundedToMoney(builder.rule, context: "difference")),
                         formula: (Formula.value(.totalAtRoundedPrices, atRounded, .pounds) - total)
                             .equals(.difference, atRounded - contractTotal, .pounds)),
        ]
        return try builder.result(calculator: calculatorName, title: "Pricing group and one-to-one contacts",
                                  context: context, figures: figures)
    }
}

/// Savings of personal health budgets against commissioned packages, gross
/// and net of the administration they cost (North West Devon).
public struct PackageSavings: BudgetCalculation {
    public var calculatorName: String { "packageSavings" }

    /// What the commissioned packages cost.
    public var packagesCost: Rational
    /// What the PHB approach saved, before administration.
    public var grossSaving: Rational
    /// What administering the PHBs cost.
    public var administration: Rational

    public init(packagesCost: Rational, grossSaving: Rational, administration: Rational) {
        self.packagesCost = packagesCost
        self.grossSaving = grossSaving
        self.administration = administration
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        for (name, value) in [("packagesCost", packagesCost), ("grossSaving", grossSaving), ("administration", administration)]
        where value.isNegative || value.isOverflow {
            throw .invalidValue(field: "input.\(name)", value: value.decimalText(), reason: "must not be negative")
        }
        guard Rational.zero < packagesCost else {
            throw .invalidValue(field: "input.packagesCost", value: "0", reason: "must be above zero")
        }
        var builder = try BreakdownBuilder(context: context)
        let net = grossSaving - administration
        let rule = builder.rule
        let grossPercent = grossSaving / packagesCost * 100, netPercent = net / packagesCost * 100
        /// `round(x ÷ packages × 100 = percent, 2)`: `x` as a percentage of the packages' cost.
        func percentOfPackages(_ name: QuantityName, _ x: Rational, _ percent: Rational, _ w: inout FormulaWriter) {
            w.rounded(places: 2, rule) { w in
                w.equals(.result, percent, .percent) { w in
                    w.product { w in
                        w.quotient { w in
                            w.value(name, x, .pounds)
                            w.value(.packagesCost, packagesCost, .pounds)
                        }
                        w.value(.hundred, Rational(100), .number)
                    }
                }
            }
        }
        var figures: [ResultFigure] = []
        figures.reserveCapacity(4)
        figures.append(builder.figure("grossSaving", "Gross saving",
                                      .money(try grossSaving.roundedToMoney(rule, context: "gross saving")), working: { w in
            w.steps { w in
                w.value(.grossSaving, grossSaving, .pounds)
                w.note(.asGiven)
            }
        }))
        figures.append(builder.figure("grossSavingPercent", "Gross saving, % of packages", .percent(grossPercent.rounded(places: 2, rule)),
                                      working: { percentOfPackages(.grossSaving, grossSaving, grossPercent, &$0) }))
        figures.append(builder.figure("netSaving", "Net saving (after administration)",
                                      .money(try net.roundedToMoney(rule, context: "net saving")), working: { w in
            w.equals(.netSaving, net, .pounds) { w in
                w.difference { w in
                    w.value(.grossSaving, grossSaving, .pounds)
                    w.value(.administration, administration, .pounds)
                }
            }
        }))
        figures.append(builder.figure("netSavingPercent", "Net saving, % of packages", .percent(netPercent.rounded(places: 2, rule)),
                                      working: { percentOfPackages(.netSaving, net, netPercent, &$0) }))
        return try builder.result(calculator: calculatorName, title: "Savings against commissioned packages",
                                  context: context, figures: consume figures)
    }
}

/// PHB numbers for each area at each rate of its population (whole people,
/// half up), and the total both ways: the sum of the rounded areas and the
/// rounded total (Nottingham's table shows 705 where its rows add to 704).
public struct PHBTrajectory: BudgetCalculation {
    public var calculatorName: String { "trajectory" }

    /// Each area's name and population.
    public var areas: [(name: String, population: Int)]
    /// The rates, as percentages of the population (0.04, 0.1).
    public var ratesPercent: [Rational]

    public init(areas: [(name: String, population: Int)], ratesPercent: [Rational]) {
        self.areas = areas
        self.ratesPercent = ratesPercent
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        guard !areas.isEmpty, areas.count <= 1_000, !ratesPercent.isEmpty, ratesPercent.count <= 100 else {
            throw .invalidValue(field: "input.areas", value: "\(areas.count) areas, \(ratesPercent.count) rates",
                                reason: "needs 1 to 1,000 areas and 1 to 100 rates")
        }
        for (i, area) in areas.enumerated() where !(0...1_000_000_000).contains(area.population) {
            throw .invalidValue(field: "input.areas[\(i)].population", value: String(area.population),
                                reason: "must be a whole number from 0 to 1,000,000,000")
        }
        for (i, rate) in ratesPercent.enumerated() { try rate.checkPercent(field: "input.ratesPercent[\(i)]") }
        var builder = try BreakdownBuilder(context: context)
        var figures: [ResultFigure] = []
        let population = areas.reduce(0) { $0 + $1.population }
        for rate in ratesPercent {
            let r = rate.decimalText()
            var sum = 0
            for area in areas {
                let people = (Rational(area.population) * rate / 100).roundedToInteger(.halfAwayFromZero) ?? 0
                sum += Int(people)
                figures.append(ResultFigure(key: "\(r)%.\(area.name)", label: "\(area.name) at \(r)%", value: .number(Rational(Int128(people), over: 1)),
                                            formula: Self.people(area.population, rate)))
            }
            let total = (Rational(population) * rate / 100).roundedToInteger(.halfAwayFromZero) ?? 0
            figures.append(ResultFigure(key: "\(r)%.sumOfAreas", label: "Sum of the rounded areas at \(r)%",
                                        value: .number(Rational(sum)), formula: .note(.sumOfRoundedAreas)))
            figures.append(ResultFigure(key: "\(r)%.roundedTotal", label: "Rounded total at \(r)%",
                                        value: .number(Rational(Int128(total), over: 1)),
                                        formula: Self.people(population, rate)))
            figures.append(ResultFigure(key: "\(r)%.totalsDiffer", label: "The two totals differ at \(r)%",
                                        value: .flag(Int128(sum) != total),
                                        formula: .comparison(.value(.sumOfAreas, Rational(sum), .people),
                                                             Int128(sum) == total ? .atMost : Int128(sum) < total ? .below : .above,
                                                             .value(.roundedTotal, Rational(Int128(total), over: 1), .people))))
        }
        return try builder.result(calculator: calculatorName, title: "PHB trajectories", context: context, figures: figures)
    }

    /// `population × rate%`, to whole people, half up.
    static func people(_ population: Int, _ rate: Rational) -> Formula {
        .rounded((Formula.value(.population, Rational(population), .people) * .value(.rate, rate, .percent))
                    .equals(.people, Rational(population) * rate / 100, .people), places: 0, .halfAwayFromZero)
    }
}

/// Direct-payment headroom: the direct payments a freed share of a contract
/// funds, and the PHBs that makes when a share of them are notional.
public struct DirectPaymentHeadroom: BudgetCalculation {
    public var calculatorName: String { "directPaymentHeadroom" }

    public var contractValue: Rational
    /// The share of the contract freed, % (1 in the national planning assumption).
    public var freedPercent: Rational
    /// What one direct payment costs a year.
    public var costPerPayment: Rational
    /// The share of PHBs that are notional, as a fraction (2/3).
    public var notionalShare: Rational

    public init(contractValue: Rational, freedPercent: Rational = .one, costPerPayment: Rational, notionalShare: Rational) {
        self.contractValue = contractValue
        self.freedPercent = freedPercent
        self.costPerPayment = costPerPayment
        self.notionalShare = notionalShare
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        guard !contractValue.isNegative, !contractValue.isOverflow, Rational.zero < costPerPayment,
              !freedPercent.isNegative, !(Rational(100) < freedPercent),
              !notionalShare.isNegative, notionalShare < .one else {
            throw .invalidValue(field: "input", value: "",
                                reason: "needs a contract value ≥ 0, a cost per payment above 0, a freed share of 0–100% and a notional share from 0 up to (not including) 1")
        }
        var builder = try BreakdownBuilder(context: context)
        let freed = contractValue * freedPercent / 100
        let payments = (freed / costPerPayment).roundedToInteger(.down) ?? 0
        let phbs = (Rational(Int128(payments), over: 1) / (.one - notionalShare)).roundedToInteger(.down) ?? 0
        let paymentsValue = Rational(Int128(payments), over: 1)
        var figures: [ResultFigure] = []
        figures.reserveCapacity(3)
        figures.append(builder.figure("freed", "Freed from the contract", .money(try freed.roundedToMoney(builder.rule, context: "freed")),
                                      working: { w in
            w.equals(.freed, freed, .pounds) { w in
                w.product { w in
                    w.value(.freedPercent, freedPercent, .percent)
                    w.value(.contractValue, contractValue, .pounds)
                }
            }
        }))
        figures.append(builder.figure("directPayments", "Direct payments funded", .number(paymentsValue), working: { w in
            w.operation(.floor) { w in
                w.quotient { w in
                    w.value(.freed, freed, .pounds)
                    w.value(.costPerPayment, costPerPayment, .pounds)
                }
            }
        }))
        figures.append(builder.figure("phbs", "PHBs, with notional ones", .number(Rational(Int128(phbs), over: 1)), working: { w in
            w.operation(.floor) { w in
                w.quotient { w in
                    w.value(.directPayments, paymentsValue, .payments)
                    w.difference { w in
                        w.value(.one, Rational(1), .number)
                        w.value(.notionalShare, notionalShare, .number)
                    }
                }
            }
        }))
        return try builder.result(calculator: calculatorName, title: "Direct-payment headroom", context: context,
                                  figures: consume figures)
    }
}

extension Rational {
    /// Checks that the value is a percentage from 0 to 100 (an error naming `field` otherwise).
    func checkPercent(field: String) throws(BudgetError) {
        guard !isNegative, !isOverflow, !(Rational(100) < self) else {
            throw .invalidValue(field: field, value: decimalText(), reason: "must be from 0 to 100")
        }
    }
}
