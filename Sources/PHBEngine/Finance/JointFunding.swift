/// Who funds a share of a joint (integrated) budget, in the fixed order used to break ties.
public enum Funder: String, Sendable, Hashable, CaseIterable, Comparable {
    case health, socialCare, education

    public static func < (a: Funder, b: Funder) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// Splits whole pence among shares so the parts add up exactly.
public enum LargestRemainder {
    /// `pence` split by `shares` (percentages adding up to 100): each part is
    /// the floor of its exact share, and the pennies left go one each to the
    /// largest fractional remainders; equal remainders go in `Funder` order.
    /// Negative amounts are split as their magnitude and negated back.
    public static func apportion(_ pence: Int64, shares: [(Funder, Rational)]) -> [Funder: Int64] {
        let magnitude = Int128(pence.magnitude)
        var parts: [(funder: Funder, floor: Int128, remainder: Rational)] = shares.map { funder, percent in
            let exact = Rational(magnitude, over: 1) * percent / 100
            let floor = exact.roundedToInteger(.down) ?? 0
            return (funder, floor, exact - Rational(floor, over: 1))
        }
        var left = magnitude - parts.reduce(0) { $0 + $1.floor }
        let order = parts.indices.sorted { a, b in
            parts[a].remainder == parts[b].remainder ? parts[a].funder < parts[b].funder : parts[b].remainder < parts[a].remainder
        }
        for i in order where left > 0 {
            parts[i].floor += 1
            left -= 1
        }
        return Dictionary(uniqueKeysWithValues: parts.map { ($0.funder, Int64(pence < 0 ? -$0.floor : $0.floor)) })
    }
}

/// A joint budget: a bottom-up plan whose every line is funded in agreed
/// shares by health, social care and education, apportioned to the penny.
public struct JointFunding: BudgetCalculation {
    public var calculatorName: String { "jointFunding" }

    /// The plan being funded.
    public var plan: BottomUpPlan
    /// Each funder's percentage of every line (adding up to 100).
    public var shares: [Funder: Rational]
    /// Different shares for particular lines, by line key (`care[0]`).
    public var lineShares: [String: [Funder: Rational]]

    public init(plan: BottomUpPlan, shares: [Funder: Rational], lineShares: [String: [Funder: Rational]] = [:]) {
        self.plan = plan
        self.shares = shares
        self.lineShares = lineShares
    }

    /// The shares in `Funder` order, checked to add up to 100.
    static func ordered(_ shares: [Funder: Rational], field: String) throws(BudgetError) -> [(Funder, Rational)] {
        let ordered = Funder.allCases.compactMap { f in shares[f].map { (f, $0) } }
        for (funder, share) in ordered where share.isNegative || share.isOverflow {
            throw .invalidValue(field: "\(field).\(funder.rawValue)", value: share.decimalText(), reason: "must not be negative")
        }
        let total = ordered.reduce(Rational.zero) { $0 + $1.1 }
        guard total == Rational(100) else {
            throw .invalidValue(field: field, value: total.decimalText() + "%", reason: "the shares must add up to 100%")
        }
        return ordered
    }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        let overall = try Self.ordered(shares, field: "input.shares")
        var result = try plan.calculate(in: context)
        for key in lineShares.keys.sorted() where result.line(key) == nil {
            throw .invalidValue(field: "input.lineShares.\(key)", value: key, reason: "is not a line of the plan")
        }
        var totals: [Funder: [Int64]] = [:]  // weekly, annual, one-off
        var figures: [ResultFigure] = []
        for line in result.lines {
            let lineOrder = try lineShares[line.key].map { (s: [Funder: Rational]) throws(BudgetError) in
                try Self.ordered(s, field: "input.lineShares.\(line.key)")
            } ?? overall
            let columns = [line.weekly, line.annual, line.oneOff]
            let parts = columns.map { $0.map { LargestRemainder.apportion($0.pence, shares: lineOrder) } }
            for (funder, _) in lineOrder {
                var sums = totals[funder] ?? [0, 0, 0]
                for c in 0..<3 { sums[c] = sums[c] &+ (parts[c]?[funder] ?? 0) }
                totals[funder] = sums
                let amount = parts[1]?[funder] ?? parts[2]?[funder] ?? 0
                figures.append(ResultFigure(
                    key: "\(line.key).\(funder.rawValue)", label: "\(line.description): \(funder.rawValue)",
                    value: .money(Money(pence: amount)),
                    formula: .steps([
                        (Formula.value(.share, lineOrder.first { $0.0 == funder }?.1 ?? .zero, .percent)
                         * .value(line.isRecurring ? .annual : .amount, (line.annual ?? line.oneOff ?? .zero).exact,
                                  line.isRecurring ? .poundsAYear : .pounds)),
                        .note(.largestRemainder),
                    ])))
            }
        }
        for funder in Funder.allCases {
            guard let sums = totals[funder] else { continue }
            for (c, column) in ["weekly", "annual", "oneOff"].enumerated() {
                figures.append(ResultFigure(key: "\(funder.rawValue).\(column)", label: "\(funder.rawValue), \(column) total",
                                            value: .money(Money(pence: sums[c])),
                                            formula: .note(.sumOfApportionedParts)))
            }
        }
        result.calculator = calculatorName
        result.title = "Joint budget: " + overall.map { "\($0.0.rawValue) \($0.1.decimalText())%" }.joined(separator: ", ")
        result.figures += figures
        return result
    }
}
