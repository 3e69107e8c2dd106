/// A one-off budget with tiered authorisation (docs/rules.md §4): the
/// amount, whether it lies in the range for its purpose, and who authorises it.
public struct OneOffBudget: BudgetCalculation {
    public var calculatorName: String { "oneOff" }

    /// The purpose, as the policy names it.
    public var purpose: String
    /// The amount asked for.
    public var amount: Rational
    /// Words for the line.
    public var description: String?

    public init(purpose: String, amount: Rational, description: String? = nil) {
        self.purpose = purpose
        self.amount = amount
        self.description = description
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        guard !amount.isNegative else {
            throw .invalidValue(field: "input.amount", value: amount.decimalText(), reason: "must not be negative")
        }
        var builder = try BreakdownBuilder(context: context)
        let purposesTable = try context.table(ParameterKey.oneOffPurposes)
        let tiersTable = try context.table(ParameterKey.oneOffTiers)
        guard case .oneOffPurposes(let purposes) = purposesTable.value,
              case .authorisationTiers(let tiers) = tiersTable.value else {
            throw .parameterKindMismatch(name: ParameterKey.oneOffPurposes.name, expected: "one-off purposes and tiers")
        }
        guard let range = purposes.first(where: { $0.purpose == purpose }) else {
            throw .invalidValue(field: "input.purpose", value: purpose,
                                reason: "is not a purpose of the policy (purposes: \(purposes.map(\.purpose).joined(separator: ", ")))")
        }
        try builder.oneOff("oneOff", .words(description ?? "One-off budget: \(purpose)"), exact: amount,
                           working: { $0.value(.amount, amount, .pounds) }, parameters: [purposesTable.use])
        let inRange = !(range.upTo < amount)
        let tier = tiers.tier(for: amount)
        let authoriser = tier?.authoriser ?? "panel"
        let rangeUpTo = Quantity(.upTo, range.upTo, .pounds, parameter: .oneOffPurposes)
        let mostForPurpose = try range.upTo.roundedToMoney(builder.rule, context: "range")
        var figures: [ResultFigure] = []
        figures.reserveCapacity(3)
        figures.append(builder.figure("inRange", "Within the range for its purpose", .flag(inRange), working: { w in
            w.comparison(inRange ? .atMost : .above) { w in
                w.value(.amount, amount, .pounds)
                w.quantity(rangeUpTo)
            }
        }, parameters: [purposesTable.use]))
        figures.append(builder.figure("rangeUpTo", "Most for this purpose", .money(mostForPurpose), working: { w in
            w.steps { w in
                w.quantity(rangeUpTo)
                w.note(.upToInclusive)
            }
        }, parameters: [purposesTable.use]))
        figures.append(builder.figure("authoriser", "Authorised by", .text(authoriser), working: { w in
            w.steps { w in
                if let upTo = tier?.upTo {
                    w.comparison(.atMost) { w in
                        w.value(.amount, amount, .pounds)
                        w.quantity(Quantity(.upTo, upTo, .pounds, parameter: .oneOffTiers))
                    }
                } else {
                    w.note(.noTierLimit)
                }
                w.note(.upToInclusive)
            }
        }, parameters: [tiersTable.use]))
        let flags = inRange ? [] : [ResultFlag(code: "outsideRange",
                                               message: "\(amount.poundsText) is above the \(range.upTo.poundsText) range for \(purpose): review.")]
        return try builder.result(calculator: calculatorName, title: "One-off budget", context: context,
                                  figures: consume figures, flags: flags)
    }
}
