import PHBCodec
import PHBEngine
import Testing

/// The README's library example, so it keeps compiling and giving its figures.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleWorks() throws {
        let plan = BottomUpPlan(deployment: .directPayment, care: [
            CareLine(hoursPerWeek: Rational(20), provider: .personalAssistant, band: "weekdayDay"),
        ])
        let context = try CalculationContext(asAt: CalendarDate(iso: "2025-06-01")!, policy: try ExamplePolicy.policy())
        let result = try plan.calculate(in: context)
        #expect(result.totals.annual.displayText == "£17,740.95")

        let weeks = ParameterValue.number(Rational(521_429, over: 10_000))
        let ownWeeks = try context.overriding(.weeksPerYear, with: weeks)
        let derived = try plan.calculate(in: ownWeeks)
        #expect(derived.totals.annual.displayText == "£17,788.05")
        // Derived, or made with the override from the start: the same result.
        let fresh = try CalculationContext(asAt: context.asAt, policy: context.policy, overrides: [.weeksPerYear: weeks])
        #expect(try plan.calculate(in: fresh) == derived)
        #expect(throws: BudgetError.self) { try context.overriding(.weeksPerYear, with: .flag(true)) }

        let recalculation = CohortRecalculation(parameters: BottomUpParameters(context))
        var people = [CohortPerson(id: "P1", row: 2, plan: plan)].makeIterator()
        var rows: [RecalculationRow] = []
        OrderedParallelMap(jobs: 2).run(&people, transform: recalculation.recalculate) { row in rows.append(row) }
        #expect((try? rows.first?.outcome.get().new.annual) == result.totals.annual)
    }
}
