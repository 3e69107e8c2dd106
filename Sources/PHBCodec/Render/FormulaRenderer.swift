import PHBEngine

/// Renders the engine's ``Formula``s: as words a person can check with a
/// calculator (`20 h × 1 × £13.75 an hour = £275.00 a week`), as rows of the
/// values a working used, or as JSON.
public enum FormulaRenderer {
    // MARK: Words

    /// The formula in words, with every value in its unit.
    public static func words(_ formula: Formula) -> String { words(formula.node) }

    /// A formula's root node in words, with its operands.
    static func words(_ node: Formula.Node) -> String {
        switch node {
        case .quantity(let q):
            return words(q)
        case .operation(let operation, let operands):
            return words(operation, operands)
        case .equals(let working, let result):
            return "\(words(working)) = \(words(result, labelled: false))"
        case .rounded(let working, let places, let rule):
            let to = switch places {
            case 0: "to a whole number"
            case 2 where isMoney(working): "to the penny"
            default: "to \(places) decimal places"
            }
            return "\(words(working)), rounded \(rule.description) \(to)"
        case .comparison(let left, let comparison, let right):
            let sign = switch comparison {
            case .atMost: "≤"
            case .above: ">"
            case .below: "<"
            case .atLeast: "≥"
            }
            return "\(words(left)) \(sign) \(words(right))"
        case .lookup(let value, let table, let rowFrom, let gives):
            return "\(words(value)) falls in the row of \(table.name) from \(words(rowFrom, labelled: false))"
                + (gives.map { ": \(words($0, labelled: false))" } ?? "")
        case .steps(let steps):
            return steps.map(words).joined(separator: "; ")
        case .note(let note):
            return words(note)
        }
    }

    /// A value in its unit, after its label when it is a total worked out before (`care subtotal £1,200.00 a week`).
    public static func words(_ quantity: Quantity, labelled: Bool = true) -> String {
        let v = quantity.value
        let number = v.decimalText()
        let value = switch quantity.unit {
        case .pounds: v.poundsText
        case .poundsAnHour: v.poundsText + " an hour"
        case .poundsANight: v.poundsText + " a night"
        case .poundsAWeek: v.poundsText + " a week"
        case .poundsEveryFourWeeks: v.poundsText + " every 4 weeks"
        case .poundsAMonth: v.poundsText + " a month"
        case .poundsAYear: v.poundsText + " a year"
        case .poundsAPoint: v.poundsText + " a point"
        case .hoursAWeek: number + " h"
        case .nightsAWeek: number + (v == Rational(1) ? " night" : " nights")
        case .days: number + (v == Rational(1) ? " day" : " days")
        case .weeks: number + (v == Rational(1) ? " week" : " weeks")
        case .points: number + (v == Rational(1) ? " point" : " points")
        case .personalAssistants: number + (v == Rational(1) ? " PA" : " PAs")
        case .percent: number + "%"
        case .people: number + (v == Rational(1) ? " person" : " people")
        case .weeksAYear, .months, .count, .staff, .contacts, .payments, .number: number
        }
        guard labelled, let label = label(quantity.name) ?? tableRowLabel(quantity) else { return value }
        return "\(label) \(value)"
    }

    /// An operation's operands joined by its sign, each in brackets where it binds less tightly.
    static func words(_ operation: Operation, _ operands: [Formula]) -> String {
        let sign: String
        switch operation {
        case .sum: sign = " + "
        case .difference: sign = " − "
        case .product: sign = " × "
        case .quotient: sign = " ÷ "
        case .maximum: return "max(" + operands.map(words).joined(separator: ", ") + ")"
        case .minimum: return "min(" + operands.map(words).joined(separator: ", ") + ")"
        case .floor: return "⌊" + operands.map(words).joined(separator: ", ") + "⌋"
        case .magnitude: return "|" + operands.map(words).joined(separator: ", ") + "|"
        }
        let own = precedence(operation)
        return operands.enumerated().map { i, operand in
            let node = operand.node  // read once: a node is worked out from the list each time it is read
            let inner = precedence(of: node)
            // The right operand of − and ÷ needs brackets at the same level too, a − (b − c); a quotient
            // inside a product gets them for reading's sake, a × (b ÷ c).
            let bracket = inner < own || (i > 0 && inner == own && (operation == .difference || operation == .quotient))
                || (operation == .product && { if case .operation(.quotient, _) = node { true } else { false } }())
            return bracket ? "(\(words(node)))" : words(node)
        }.joined(separator: sign)
    }

    /// Whether a working comes to an amount of money.
    static func isMoney(_ formula: Formula) -> Bool {
        let unit: QuantityUnit? = switch formula.node {
        case .quantity(let q), .equals(_, let q): q.unit
        default: nil
        }
        return unit.map { $0.rawValue.hasPrefix("pounds") } ?? true
    }

    static func precedence(_ operation: Operation) -> Int {
        switch operation {
        case .sum, .difference: 1
        case .product, .quotient: 2
        case .maximum, .minimum, .floor, .magnitude: 3
        }
    }

    static func precedence(of node: Formula.Node) -> Int {
        switch node {
        case .quantity, .note: 3
        case .operation(let operation, _): precedence(operation)
        case .equals, .rounded, .comparison, .lookup, .steps: 0
        }
    }

    /// The words for a total worked out before; `nil` for inputs and parameters, whose unit says enough.
    static func label(_ name: QuantityName) -> String? {
        if name.rawValue.hasPrefix("earnings[") {
            let digits = name.rawValue.dropFirst("earnings[".count).dropLast()
            return Int(digits).map { "PA \($0 + 1) earnings" }
        }
        return switch name.rawValue {
        case "paPay": "PA pay"
        case "bankHolidays": "bank holidays"
        case "holidayCover": "holiday cover"
        case "earnings": "earnings"
        case "careSubtotal": "care subtotal"
        case "thirdPartyRecurringLines": "third-party recurring lines"
        case "payAndOnCosts": "(PA pay, bank holidays, on-costs and recurring employment costs)"
        case "paHours": "PA hours"
        case "clusterCost": "cluster cost"
        case "crisis": "crisis"
        case "inpatient": "inpatient"
        case "indicative": "indicative"
        case "plan": "plan"
        case "variance": "variance"
        case "envelope": "envelope"
        case "reserve": "reserve"
        case "cohortTotal": "cohort total"
        case "addition": "addition for exceptional needs"
        case "score": "score"
        case "cluster": "cluster"
        case "upTo": "up to"
        case "contractTotal", "contractValue": "contract"
        case "releasedBefore": "released before"
        case "releasedToDate": "released to date"
        case "averageCostPerContact": "average"
        case "packagesCost": "packages"
        case "grossSaving": "gross saving"
        case "netSaving": "net saving"
        case "administration": "administration"
        case "freed": "freed"
        case "costPerPayment": "cost per payment"
        case "notionalShare": "notional share"
        case "totalAtRoundedPrices": "total at the rounded prices"
        case "sumOfAreas": "sum of the rounded areas"
        case "roundedTotal": "rounded total"
        case "oneOffTotal": "one-off amounts"
        case "hourlyCost": "exact"
        case "priorityDomains": "domains at priority:"
        case "severeDomains": "domains at severe:"
        default: nil
        }
    }

    /// A row of a policy table (a questionnaire domain, a DST level) is named by its row: `breathing high`.
    static func tableRowLabel(_ quantity: Quantity) -> String? {
        switch quantity.parameter {
        case .rasQuestionnaire?, .dstScoring?: String(quantity.name.rawValue.map { $0 == "." ? " " : $0 })
        default: nil
        }
    }

    /// A remark in words.
    public static func words(_ note: ExplanationNote) -> String {
        switch note {
        case .asGiven: "as given"
        case .rateAgreedForLine: "rate agreed for this line"
        case .checkedAgainstNationalLivingWage: "rate checked against the National Living Wage"
        case .replacesItemisedOnCosts: "replaces holiday, NI and pension"
        case .employmentAllowanceNotApplied: "Employment Allowance not applied"
        case .earningsSharedByWeights: "each PA's earnings are their weighted share"
        case .earningsSharedEqually: "each PA's earnings are an equal share"
        case .pensionOnlyAboveThreshold: "a pension is funded for each PA whose earnings are above the threshold"
        case .bandsFromLowerBoundInclusive: "bands run from their lower bound, inclusive"
        case .bandNameInPolicy: "the band's name in the policy"
        case .upToInclusive: "\"up to\" is inclusive"
        case .noTierLimit: "above every tier with a limit"
        case .domainsAtPriority: "the domains assessed at priority, sorted"
        case .domainsAtSevere: "the domains assessed at severe, sorted"
        case .priorityIndicatesNeed: "a priority level indicates a primary health need"
        case .twoSevereIndicateNeed: "severe in two or more domains indicates a primary health need"
        case .noIndication: "no priority level and fewer than two severe domains"
        case .sumOfPointsOverPeople: "Σ of every person's points"
        case .sumOfRoundedLines: "Σ of every person's line, each rounded to the penny"
        case .pointsAllEqual: "every person has the same points, so cost cannot be fitted on points"
        case .planAnnualTotal: "the plan's annual total (not the first-year total)"
        case .indicativeCalculated: "the annual total of the top-down calculation"
        case .indicativeGiven: "annual figure given"
        case .sumOfApportionedParts: "Σ of its apportioned parts of every line (they add up to the line)"
        case .annualTotal: "the plan's annual total"
        case .fullYear: "a full year"
        case .sumOfRoundedAreas: "Σ of the rounded areas"
        case .percentagePoints: "percentage points of the original value"
        case .highestPayWithinAmount: "the highest pay, to the penny, whose cost an hour with every on-cost is at most the amount"
        case .clusterReviewPeriod: "the cluster's maximum review period"
        case .clusterGiven: "the input"
        case .carriesAPennyMore: "one of the payments carrying a penny more, earliest first"
        case .roundedDownToPenny: "rounded down to the penny"
        case .paymentsFromStartBeforeEnd: "at the frequency, from the start date, before the end date"
        case .largestRemainder: "largest remainder"
        }
    }

    // MARK: Values

    /// Every value the working used, in order, each once: the rows of its table.
    public static func quantities(_ formula: Formula) -> [Quantity] {
        var seen = Set<Quantity>()
        var list: [Quantity] = []
        func visit(_ f: Formula) {
            switch f.node {
            case .quantity(let q): if seen.insert(q).inserted { list.append(q) }
            case .operation(_, let operands): operands.forEach(visit)
            case .equals(let working, let result): visit(working); visit(.quantity(result))
            case .rounded(let working, _, _): visit(working)
            case .comparison(let left, _, let right): visit(left); visit(right)
            case .lookup(let value, _, let rowFrom, let gives):
                visit(value)
                visit(.quantity(rowFrom))
                if let gives { visit(.quantity(gives)) }
            case .steps(let steps): steps.forEach(visit)
            case .note: break
            }
        }
        visit(formula)
        return list
    }

    // MARK: JSON

    /// The formula as JSON: each node names its operation; values are exact decimal text.
    public static func json(_ formula: Formula) -> JSONValue {
        switch formula.node {
        case .quantity(let q):
            return json(q)
        case .operation(let operation, let operands):
            return .object([("operation", .string(operation.rawValue)), ("operands", .array(operands.map(json)))])
        case .equals(let working, let result):
            return .object([("operation", .string("equals")), ("working", json(working)), ("result", json(result))])
        case .rounded(let working, let places, let rule):
            return .object([("operation", .string("rounded")), ("working", json(working)), ("places", .number(String(places))),
                            ("rule", .string(rule.rawValue))])
        case .comparison(let left, let comparison, let right):
            return .object([("operation", .string("comparison")), ("left", json(left)), ("comparison", .string(comparison.rawValue)),
                            ("right", json(right))])
        case .lookup(let value, let table, let rowFrom, let gives):
            return .object([("operation", .string("lookup")), ("value", json(value)), ("table", .string(table.name)),
                            ("rowFrom", json(rowFrom)), ("gives", gives.map(json) ?? .null)])
        case .steps(let steps):
            return .object([("operation", .string("steps")), ("steps", .array(steps.map(json)))])
        case .note(let note):
            return .object([("note", .string(note.rawValue)), ("text", .string(words(note)))])
        }
    }

    /// A value as JSON: its name, exact value as decimal text, unit, and parameter when it is one.
    public static func json(_ quantity: Quantity) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(quantity.name.rawValue)), ("value", .string(quantity.value.decimalText(maxPlaces: 10))),
            ("unit", .string(quantity.unit.rawValue)),
        ]
        if let key = quantity.parameter { members.append(("parameter", .string(key.name))) }
        return .object(members)
    }
}
