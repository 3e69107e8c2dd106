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
