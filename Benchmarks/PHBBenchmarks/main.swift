// Speed harness for the calculation core. Run in release:
//   swift run -c release phb-benchmark [budgets]
// Reports nanoseconds per bottom-up budget on one core, and a checksum so the
// work cannot be optimised away.
import PHBCodec
import PHBEngine

let count = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 200_000
let policy = try ExamplePolicy.policy()
let asAt = CalendarDate(iso: "2025-06-01") ?? CalendarDate(iso: "2025-06-02")
guard let asAt else { fatalError("bad date") }
let context = try CalculationContext(asAt: asAt, policy: policy)
let figuresOnly = try CalculationContext(asAt: asAt, policy: policy, explains: false)

/// Plans that vary in hours, PAs, agency lines, items and deployment.
let bands = ["weekdayDay", "weekend", "wakingNight", "weekdayEvening"]
let plans: [BottomUpPlan] = (0..<1_000).map { i in
    let hours = Rational(Int128(100 + (i * 37) % 4_000), over: 100)  // 1.00 … 40.99 hours
    var plan = BottomUpPlan(deployment: [.directPayment, .thirdParty, .notional][i % 3],
                            personalAssistants: 1 + i % 3,
                            care: [CareLine(hoursPerWeek: hours, provider: .personalAssistant, band: bands[i % 4])])
    if i % 2 == 0 { plan.care.append(CareLine(hoursPerWeek: Rational(7), provider: .agency, band: bands[(i + 1) % 4])) }
    if i % 5 == 0 { plan.sleepIns.append(SleepInLine(nightsPerWeek: Rational(7, over: 2))) }
    if i % 4 == 0 {
        plan.otherItems.append(OtherItem(description: "Item", amount: Rational(3840, over: 100), period: .fourWeekly))
    }
    return plan
}

func measure(_ label: String, _ n: Int, _ body: (Int) throws -> Int64) rethrows {
    let clock = ContinuousClock()
    var checksum: Int64 = 0
    let elapsed = try clock.measure {
        for i in 0..<n { checksum &+= try body(i) }
    }
    let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
    let perItem = ns / Double(n)
    print("\(label): \(n) in \(Int(ns / 1e6)) ms = \(Int(perItem)) ns each, \(Int(1e9 / perItem)) a second (checksum \(checksum))")
}

// Warm up, then measure.
_ = try plans[0].calculate(in: context)
try measure("bottom-up budget, full breakdown with explanations", count / 10) { i in
    try plans[i % plans.count].calculate(in: context).totals.firstYear.pence
}
try measure("bottom-up budget, figures only (explains: false)", count) { i in
    try plans[i % plans.count].calculate(in: figuresOnly).totals.firstYear.pence
}
