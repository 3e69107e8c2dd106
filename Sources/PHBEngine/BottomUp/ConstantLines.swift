/// Lines of a bottom-up breakdown that depend on nothing in a plan but its
/// number of PAs: the employment costs and the direct-payment fees.
///
/// A parameters snapshot works them out once, explained, and each breakdown
/// that has them refers to them (without their working when it is not
/// explained), as the fast path settles the same lines once per snapshot.
struct ConstantLines: Sendable {
    /// The lines' records, explained, held as nothing yet: a breakdown says how it holds them.
    let lines: RecordedLinesBox
    /// Σ exact weekly value of the recurring lines.
    let recurringTotal: Rational

    /// The numbers of PAs whose employment-cost lines a snapshot works out in advance: 1 to this.
    static let teamSizes = 4
}

/// The parameters of the employment costs (docs/rules.md §3).
struct EmploymentCostRates: Sendable {
    let insurancePerYear: ParameterLookup<Rational>
    let payrollPerMonth: ParameterLookup<Rational>
    let trainingPerPAPerYear: ParameterLookup<Rational>
    let dbsCheckPerPA: ParameterLookup<Rational>
    let recruitmentPerPA: ParameterLookup<Rational>

    /// Insurance and payroll once per employer; training, DBS and recruitment per PA, for `paCount` PAs,
    /// added to `builder` (an explained one, with no lines yet).
    func lines(paCount: Int, builder: BreakdownBuilder) throws(BudgetError) -> ConstantLines {
        var builder = builder
        let k = Rational(paCount)
        let pas = PersonalAssistantOnCosts.assistants(paCount)
        let weeks = builder.weeks, weeksPerYear = builder.weeksPerYear
        var recurringTotal = Rational.zero
        let insurance = try insurancePerYear.get()
        recurringTotal += try builder.recurring(
            BottomUpLine.Derived.insurance.key, BottomUpLine.Derived.insurance.words, exactAnnual: insurance.value,
            formula: (Formula.parameter(.insurancePerYear, insurance.value, .poundsAYear) / weeks)
                .equals(.weekly, insurance.value / weeksPerYear, .poundsAWeek),
            parameters: [insurance.use])
        let payroll = try payrollPerMonth.get()
        recurringTotal += try builder.recurring(
            BottomUpLine.Derived.payroll.key, BottomUpLine.Derived.payroll.words, exactAnnual: payroll.value * 12,
            formula: ((Formula.parameter(.payrollPerMonth, payroll.value, .poundsAMonth) * .value(.monthsPerYear, Rational(12), .months))
                .equals(.annual, payroll.value * 12, .poundsAYear) / weeks).equals(.weekly, payroll.value * 12 / weeksPerYear, .poundsAWeek),
            parameters: [payroll.use])
        let training = try trainingPerPAPerYear.get()
        recurringTotal += try builder.recurring(
            BottomUpLine.Derived.training.key, BottomUpLine.Derived.training.words, exactAnnual: training.value * k,
            formula: ((Formula.parameter(.trainingPerPAPerYear, training.value, .poundsAYear) * pas)
                .equals(.annual, training.value * k, .poundsAYear) / weeks).equals(.weekly, training.value * k / weeksPerYear, .poundsAWeek),
            quantity: pas, unitRate: { $0.parameter(.trainingPerPAPerYear, training.value, .poundsAYear) }, parameters: [training.use])
        let dbs = try dbsCheckPerPA.get()
        try builder.oneOff(BottomUpLine.Derived.dbsChecks.key, BottomUpLine.Derived.dbsChecks.words, exact: dbs.value * k,
                           formula: (Formula.parameter(.dbsCheckPerPA, dbs.value, .pounds) * pas).equals(.amount, dbs.value * k, .pounds),
                           quantity: pas, unitRate: { $0.parameter(.dbsCheckPerPA, dbs.value, .pounds) }, parameters: [dbs.use])
        let recruitment = try recruitmentPerPA.get()
        try builder.oneOff(BottomUpLine.Derived.recruitment.key, BottomUpLine.Derived.recruitment.words, exact: recruitment.value * k,
                           formula: (Formula.parameter(.recruitmentPerPA, recruitment.value, .pounds) * pas)
                               .equals(.amount, recruitment.value * k, .pounds), quantity: pas,
                           unitRate: { $0.parameter(.recruitmentPerPA, recruitment.value, .pounds) }, parameters: [recruitment.use])
        return ConstantLines(lines: builder.finishedLines(), recurringTotal: recurringTotal)
    }
}

/// The parameters of the direct-payment fees (docs/rules.md §3).
struct DirectPaymentFeeRates: Sendable {
    let supportPerMonth: ParameterLookup<Rational>
    let setUpFee: ParameterLookup<Rational>

    /// The monthly support fee and the one-off set-up fee, added to `builder` (an explained one, with no lines yet).
    func lines(builder: BreakdownBuilder) throws(BudgetError) -> ConstantLines {
        var builder = builder
        let weeks = builder.weeks, weeksPerYear = builder.weeksPerYear
        let support = try supportPerMonth.get()
        let weekly = try builder.recurring(
            BottomUpLine.Derived.directPaymentSupportFee.key, BottomUpLine.Derived.directPaymentSupportFee.words, exactAnnual: support.value * 12,
            formula: ((Formula.parameter(.directPaymentSupportPerMonth, support.value, .poundsAMonth)
                       * .value(.monthsPerYear, Rational(12), .months)).equals(.annual, support.value * 12, .poundsAYear) / weeks)
                .equals(.weekly, support.value * 12 / weeksPerYear, .poundsAWeek),
            parameters: [support.use])
        let setUp = try setUpFee.get()
        try builder.oneOff(BottomUpLine.Derived.directPaymentSetUpFee.key, BottomUpLine.Derived.directPaymentSetUpFee.words, exact: setUp.value,
                           formula: .parameter(.directPaymentSetUpFee, setUp.value, .pounds), parameters: [setUp.use])
        return ConstantLines(lines: builder.finishedLines(), recurringTotal: weekly)
    }
}
