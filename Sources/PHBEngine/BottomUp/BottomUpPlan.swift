/// Who provides a line of care.
public enum Provider: String, Sendable, Hashable, CaseIterable {
    /// A personal assistant employed by the person (or on their behalf).
    case personalAssistant = "pa"
    /// A care agency.
    case agency

    /// The provider in words.
    public var description: String { self == .personalAssistant ? "PA" : "agency" }
}

/// How a budget (or one line of it) is held.
public enum Deployment: String, Sendable, Hashable, CaseIterable {
    /// Held by the NHS, which buys the agreed care.
    case notional
    /// Held by an independent organisation (an ISF) for the person.
    case thirdParty
    /// Paid to the person or their representative.
    case directPayment

    /// The deployment in words.
    public var description: String {
        switch self {
        case .notional: "notional"
        case .thirdParty: "third party"
        case .directPayment: "direct payment"
        }
    }
}

/// How often an other item's amount is paid.
public enum ItemPeriod: String, Sendable, Hashable, CaseIterable {
    case weekly, fourWeekly, monthly, annual, oneOff
}

/// One line of hourly care in a plan.
public struct CareLine: Sendable, Hashable {
    /// Hours a week, 0 < h ≤ 168, at most 2 decimal places.
    public var hoursPerWeek: Rational
    /// Staff ratio (2 for 2:1), at least 1.
    public var staffRatio: Int
    /// PA or agency.
    public var provider: Provider
    /// The policy time band (`weekdayDay`).
    public var band: String
    /// A rate agreed for this line instead of the policy's.
    public var hourlyRate: Rational?
    /// How the line is held; `nil` takes the plan's default.
    public var deployment: Deployment?
    /// Words for the breakdown.
    public var description: String?
    /// The input's own name for the line (`day`): its key becomes `care:day`.
    public var id: String?

    public init(hoursPerWeek: Rational, staffRatio: Int = 1, provider: Provider, band: String,
                hourlyRate: Rational? = nil, deployment: Deployment? = nil, description: String? = nil, id: String? = nil) {
        self.id = id
        self.hoursPerWeek = hoursPerWeek
        self.staffRatio = staffRatio
        self.provider = provider
        self.band = band
        self.hourlyRate = hourlyRate
        self.deployment = deployment
        self.description = description
    }
}

/// Sleep-in nights a week.
public struct SleepInLine: Sendable, Hashable {
    /// Nights a week, 0...7 (3.5 for alternate weeks).
    public var nightsPerWeek: Rational
    /// PA (default) or agency.
    public var provider: Provider
    /// A rate agreed for this line instead of the policy's.
    public var nightRate: Rational?
    /// How the line is held; `nil` takes the plan's default.
    public var deployment: Deployment?
    /// The input's own name for the line: its key becomes `sleepIn:<id>`.
    public var id: String?

    public init(nightsPerWeek: Rational, provider: Provider = .personalAssistant, nightRate: Rational? = nil,
                deployment: Deployment? = nil, id: String? = nil) {
        self.id = id
        self.nightsPerWeek = nightsPerWeek
        self.provider = provider
        self.nightRate = nightRate
        self.deployment = deployment
    }
}

/// Any other cost in the plan (equipment, travel, a gym membership).
public struct OtherItem: Sendable, Hashable {
    /// What it is.
    public var description: String
    /// The amount per period.
    public var amount: Rational
    /// How often.
    public var period: ItemPeriod
    /// How many (default 1).
    public var quantity: Rational
    /// How it is held; `nil` takes the plan's default.
    public var deployment: Deployment?
    /// The input's own name for the line: its key becomes `other:<id>`.
    public var id: String?

    public init(description: String, amount: Rational, period: ItemPeriod, quantity: Rational = .one,
                deployment: Deployment? = nil, id: String? = nil) {
        self.id = id
        self.description = description
        self.amount = amount
        self.period = period
        self.quantity = quantity
        self.deployment = deployment
    }
}

/// A person's agreed plan, costed bottom-up (docs/rules.md §3): the bottom-up calculator.
public struct BottomUpPlan: BudgetCalculation, Hashable {
    public var calculatorName: String { "bottomUp" }

    /// The most lines a plan may have (care, sleep-ins and other items together).
    public static let mostLines = 1_000

    /// How lines are held unless they say otherwise.
    public var deployment: Deployment?
    /// How many PAs share the PA hours (k).
    public var personalAssistants: Int
    /// Relative shares of PA pay (`[3, 1]`); `nil` for equal shares. When given,
    /// its count must equal `personalAssistants`.
    public var paShares: [Rational]?
    /// Hourly care.
    public var care: [CareLine]
    /// Sleep-in nights.
    public var sleepIns: [SleepInLine]
    /// Other costs.
    public var otherItems: [OtherItem]

    public init(deployment: Deployment? = nil, personalAssistants: Int = 1, paShares: [Rational]? = nil,
                care: [CareLine] = [], sleepIns: [SleepInLine] = [], otherItems: [OtherItem] = []) {
        self.deployment = deployment
        self.personalAssistants = personalAssistants
        self.paShares = paShares
        self.care = care
        self.sleepIns = sleepIns
        self.otherItems = otherItems
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        // Resolved for this plan alone: no employment-cost lines worked out for team sizes it does not have.
        try calculate(with: BottomUpParameters(context, teamSizes: 0), explains: context.explains)
    }

    /// The breakdown under parameters already resolved: the way to cost many
    /// plans on one date, resolving the parameters once.
    public func calculate(with parameters: BottomUpParameters, explains: Bool = true) throws(BudgetError) -> BudgetResult {
        let rule = try parameters.rounding.value(), weeksPerYear = try parameters.weeksPerYear.value()
        var calculation = BottomUpCalculation(plan: self, parameters: parameters, weeksPerYear: weeksPerYear)
        // The builder made where it is passed: one made before was copied into the calculation and then destroyed.
        return try calculation.run(self, BreakdownBuilder(rule: rule, weeksPerYear: weeksPerYear, basis: parameters.basis,
                                                          explains: explains, sharedParts: parameters.sharedParts))
    }
}
