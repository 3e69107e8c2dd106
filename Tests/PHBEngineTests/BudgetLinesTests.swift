import Testing
@testable import PHBEngine

/// A result's lines are views of its records: they read as lines made as values do, and change into them.
@Suite struct BudgetLinesTests {
    /// The worked example's breakdown, explained and not, with a mixed holding so that every kind of field is used.
    static func result(explains: Bool) throws -> BudgetResult {
        let plan = BottomUpPlan(deployment: .directPayment, personalAssistants: 2, care: [
            CareLine(hoursPerWeek: Rational(20), provider: .personalAssistant, band: "weekdayDay"),
            CareLine(hoursPerWeek: Rational(10), provider: .personalAssistant, band: "weekdayDay", deployment: .notional),
            CareLine(hoursPerWeek: Rational(6), provider: .agency, band: "weekdayDay", hourlyRate: Rational(24)),
        ])
        var context = try CalculationContext(asAt: CalendarDate(year: 2025, month: 6, day: 1)!, policy: WorkedExampleTests.policy)
        context.explains = explains
        return try plan.calculate(in: context)
    }

    /// Each line as a value, field by field.
    static func values(_ lines: BudgetLines) -> [BudgetLine] {
        lines.map {
            BudgetLine(key: $0.key, description: $0.description, quantity: $0.quantity, unitRate: $0.unitRate,
                       formula: $0.formula, exact: $0.exact, weekly: $0.weekly, annual: $0.annual, oneOff: $0.oneOff,
                       deployment: $0.deployment, parameters: $0.parameters)
        }
    }

    @Test(arguments: [true, false])
    func linesReadAsTheirValuesDo(explains: Bool) throws {
        let result = try Self.result(explains: explains)
        let values = Self.values(result.lines)
        #expect(values.count == result.lines.count)
        #expect(result.lines == BudgetLines(values))
        #expect(result.lines.hashValue == BudgetLines(values).hashValue)
        for (line, value) in zip(result.lines, values) {
            #expect(line == value)
            #expect(line.hashValue == value.hashValue)
        }
        // Explained, every line has its working, and the mixed PA holding its words; not explained, none has either.
        #expect(result.lines.allSatisfy { ($0.formula != nil) == explains })
        #expect(result.lines.contains { $0.deployment?.contains("%") == true } == explains)
        // The employment costs and fees, copied from the snapshot's lines, are held as the plan holds its PA pay.
        #expect(result.line("training")?.deployment == (explains ? result.line("holidayCover")?.deployment : nil))
        #expect((result.line("training")?.unitRate != nil) == explains)
    }

    /// Plans with every kind of line a bottom-up breakdown writes: PA and agency care with and without an own rate,
    /// sleep-ins, other items paid in every period, two weighted PAs, mixed holdings; on-costs itemised and flat,
    /// contingency as a percentage and in weeks.
    static let everyKindOfLine: [(overrides: [ParameterKey: ParameterValue], plan: BottomUpPlan)] = {
        let plan = BottomUpPlan(
            deployment: .thirdParty, personalAssistants: 2, paShares: [Rational(3), Rational(1)],
            care: [
                CareLine(hoursPerWeek: Rational(4150, over: 100), staffRatio: 2, provider: .personalAssistant, band: "weekdayDay"),
                CareLine(hoursPerWeek: Rational(12), provider: .personalAssistant, band: "weekdayDay",
                         hourlyRate: Rational(1650, over: 100), deployment: .directPayment),
                CareLine(hoursPerWeek: Rational(10), provider: .agency, band: "weekdayDay", hourlyRate: Rational(2480, over: 100),
                         deployment: .notional),
            ],
            sleepIns: [SleepInLine(nightsPerWeek: Rational(7, over: 2)),
                       SleepInLine(nightsPerWeek: Rational(2), provider: .agency, nightRate: Rational(95))],
            otherItems: ItemPeriod.allCases.map { OtherItem(description: "\($0)", amount: Rational(4567, over: 100), period: $0,
                                                            quantity: Rational(3, over: 2)) })
        // Rates the worked example's policy leaves out.
        let rates: [ParameterKey: ParameterValue] = [.sleepInRate: .number(Rational(88)), .thirdPartyFeePercent: .number(Rational(6)),
                                                     .flatOnCostPercent: .number(Rational(2608, over: 100))]
        return [(rates, plan),
                (rates.merging([.onCostMode: .choice("flat"), .contingencyMode: .choice("weeks"),
                                .contingencyValue: .number(Rational(2))]) { $1 }, plan)]
    }()

    @Test(arguments: 0..<everyKindOfLine.count)
    func eachHeldWorkingComesToItsLinesExactValue(_ i: Int) throws {
        let (overrides, plan) = Self.everyKindOfLine[i]
        let context = try CalculationContext(asAt: CalendarDate(year: 2025, month: 6, day: 1)!, policy: WorkedExampleTests.policy,
                                             overrides: overrides)
        let result = try plan.calculate(in: context)
        /// Every value a working comes to (`working = value`), at any depth.
        func results(_ formula: Formula) -> [Rational] {
            switch formula.node {
            case .equals(let working, let result): results(working) + [result.value]
            case .steps(let steps): steps.flatMap(results)
            case .operation(_, let operands): operands.flatMap(results)
            case .rounded(let working, _, _), .lookup(let working, _, _, _): results(working)
            case .comparison(let left, _, let right): results(left) + results(right)
            case .quantity, .note: []
            }
        }
        /// What a working comes to: every `working = value` in it, or the one value it is (a fee the policy sets).
        func comesTo(_ formula: Formula) -> [Rational] {
            if case .quantity(let value) = formula.node { return [value.value] }
            return results(formula)
        }
        for line in result.lines where line.formula != nil {
            let formula = try #require(line.formula)
            // A pension with no PA enrolled is shown as its value, 0; every other working comes to the line's value.
            #expect(comesTo(formula).contains(line.exact) || line.exact.isZero, "\(line.key)")
            #expect(line.formula == formula, "\(line.key): read again, the working is the same")
        }
        #expect(result.lines.contains { $0.deployment?.contains("%") == true })
        #expect(result.lines.filter { $0.key.hasPrefix("care[") || $0.key.hasPrefix("other[") }
            .allSatisfy { $0.quantity != nil && $0.unitRate != nil })
    }

    /// The hourly cost's working, held with the lines' when the breakdown is explained and written when it is not,
    /// is the same formula either way, and reads as one.
    @Test func aFiguresHeldWorkingIsTheWorkingWritten() throws {
        let held = try #require(try Self.result(explains: true).figure("hourlyCostOfPACare"))
        let written = try #require(try Self.result(explains: false).figure("hourlyCostOfPACare"))
        #expect(held == written)
        #expect(held.hashValue == written.hashValue)
        guard case .equals(let quotient, let hourly) = held.formula.node, case .operation(.quotient, let operands) = quotient.node
        else { Issue.record("the hourly cost's working is not `cost ÷ hours = hourly`"); return }
        #expect(operands.count == 2)
        #expect(.money(try hourly.value.roundedToMoney(.halfAwayFromZero, context: "test")) == held.value)
        // As an operand of a formula built from it, it is the same working.
        #expect(Formula.steps([held.formula]) == Formula.steps([written.formula]))
    }

    @Test func aChangedLineHoldsItsOwnFieldsAndTheRestAreKept() throws {
        let result = try Self.result(explains: true)
        let line = try #require(result.line("care[0]"))
        var changed = line
        changed.parameters = []
        #expect(changed.parameters.isEmpty)
        #expect(!line.parameters.isEmpty)
        #expect(changed.key == line.key && changed.formula == line.formula && changed.unitRate == line.unitRate)
        #expect(changed.weekly == line.weekly && changed.deployment == line.deployment)
        #expect(changed != line)
        changed.parameters = line.parameters
        #expect(changed == line)
    }
}

/// Line records written into a room read as a list of them does, and move to a list of their own past the room.
@Suite struct LineRecordsTests {
    /// Room for `capacity` records, freed with it.
    final class Room {
        let start: UnsafeMutablePointer<LineRecord>
        init(capacity: Int) { start = .allocate(capacity: capacity) }
        deinit { start.deallocate() }
    }

    @Test(arguments: [0, 2, 5])
    func recordsReadAsAppendedInAndPastTheRoom(room capacity: Int) {
        let room = Room(capacity: capacity)
        var records = LineRecords(room: room.start, capacity: capacity, in: room)
        for i in 0..<5 {
            records.append(LineRecord(exact: Rational(i), weekly: nil, annual: nil, oneOff: nil, key: .none, description: .none))
        }
        #expect(records.map(\.exact) == (0..<5).map { Rational($0) })
        records[4].explained = false
        #expect(!records[4].explained && records[3].explained)
        #expect(records.withUnsafeBufferPointer { $0.count } == 5)
    }
}
