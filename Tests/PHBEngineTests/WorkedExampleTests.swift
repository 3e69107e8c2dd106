import Testing
@testable import PHBEngine

/// The spec's §8 worked example, built in Swift with the policy values it names.
@Suite struct WorkedExampleTests {
    static func number(_ text: String) -> ParameterValue { .number(Rational(decimalText: text)!) }

    static let policy: LocalPolicy = {
        let from = CalendarDate(year: 2025, month: 4, day: 1)!
        let values: [String: ParameterValue] = [
            "weeksPerYear": number("52"), "roundingRule": .choice("halfAwayFromZero"),
            "pa.hourlyRate.weekdayDay": number("13.75"), "pa.onCostMode": .choice("itemised"),
            "pa.holidayAccrualPercent": number("12.07"), "bankHolidays.perYear": number("8"),
            "bankHolidays.payMultiplier": number("1.5"), "employmentCosts.insurancePerYear": number("61"),
            "employmentCosts.payrollPerMonth": number("9.99"), "employmentCosts.trainingPerPAPerYear": number("100"),
            "employmentCosts.dbsCheckPerPA": number("54"), "employmentCosts.recruitmentPerPA": number("150"),
            "contingency.mode": .choice("percent"), "contingency.value": number("5"),
            "directPayment.supportFeePerMonth": number("10"), "directPayment.setUpFee": number("150"),
            "employmentAllowance.applied": .flag(true), "pension.fundedFrom": .choice("trigger"),
        ]
        let set = ParameterSet(values.map { try! ParameterHistory(key: ParameterKey(name: $0.key)!, values: [DatedValue(from: from, value: $0.value, source: "docs/rules.md §3")]) })
        return LocalPolicy(name: "docs/rules.md §3", isIllustrative: true, parameters: set)
    }()

    @Test func workedExampleMatchesSpecToThePenny() throws {
        let plan = BottomUpPlan(deployment: .directPayment, care: [
            CareLine(hoursPerWeek: Rational(20), provider: .personalAssistant, band: "weekdayDay"),
        ])
        let context = try CalculationContext(asAt: CalendarDate(year: 2025, month: 6, day: 1)!, policy: Self.policy)
        let result = try plan.calculate(in: context)
        #expect(result.totals.weekly == Money(pence: 34118))
        #expect(result.totals.annual == Money(pence: 1_774_095))
        #expect(result.totals.oneOff == Money(pence: 35400))
        #expect(result.totals.firstYear == Money(pence: 1_809_495))
        #expect(result.figure("hourlyCostOfPACare")?.value == .money(Money(pence: 1614)))
    }
}
