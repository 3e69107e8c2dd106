/// How a line or figure was worked out, recorded as data: the operations,
/// their operands with names, values and units, the parameters they came
/// from and the roundings.
///
/// The engine builds no sentences: `PHBCodec` renders a formula as words
/// (`20 h × 1 × £13.75 an hour = £275.00 a week`), as a table or as JSON.
/// The tree is the working in the order of docs/rules.md; every value in it
/// is exact, and a rounding appears only where the rules round.
public enum Formula: Sendable, Hashable {
    /// A named value: an input, a parameter or a total worked out before.
    case quantity(Quantity)
    /// An operation on its operands, in order.
    case operation(Operation, [Formula])
    /// A working and the exact value it comes to: `working = result`.
    indirect case equals(Formula, Quantity)
    /// A working rounded by `rule` to `places` decimal places (2 for pence, 0 for whole numbers).
    indirect case rounded(Formula, places: Int, RoundingRule)
    /// A comparison that decides something: `left ≤ right`.
    indirect case comparison(Formula, Comparison, Formula)
    /// The row of a policy table that a value falls in: the row from `rowFrom`
    /// (inclusive), giving `gives` when the row holds an amount.
    indirect case lookup(Formula, table: ParameterKey, rowFrom: Quantity, gives: Quantity?)
    /// Steps taken one after another.
    case steps([Formula])
    /// A fixed remark, worded by the renderer.
    case note(ExplanationNote)
}

/// An operation in a ``Formula``.
public enum Operation: String, Sendable, Hashable, CaseIterable {
    /// `a + b + …`
    case sum
    /// `a − b − …`
    case difference
    /// `a × b × …`
    case product
    /// `a ÷ b`
    case quotient
    /// The larger of the operands.
    case maximum
    /// The smaller of the operands.
    case minimum
    /// The whole part of a non-negative value.
    case floor
    /// The absolute value.
    case magnitude
}

/// A comparison in a ``Formula``.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
    case atMost
    case above
    case below
    case atLeast
}

/// A named value in a ``Formula``, with its unit and, when it came from the
/// policy or the statutory values, its parameter.
public struct Quantity: Sendable, Hashable {
    /// What the value is (`hoursPerWeek`, `careSubtotal`, a parameter's name).
    public var name: QuantityName
    /// The exact value, in `unit` (a percentage in percentage points: 12.07 for 12.07%).
    public var value: Rational
    /// The unit.
    public var unit: QuantityUnit
    /// The parameter the value is, when it is one.
    public var parameter: ParameterKey?

    public init(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit, parameter: ParameterKey? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.parameter = parameter
    }
}

/// The name of a ``Quantity``: a stable camel-case word a program can match
/// on; a parameter's dotted name, or an item's own name (a domain, a funder).
public struct QuantityName: RawRepresentable, Sendable, Hashable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// The unit of a ``Quantity``.
public enum QuantityUnit: String, Sendable, Hashable, CaseIterable {
    case pounds, poundsAnHour, poundsANight, poundsAWeek, poundsEveryFourWeeks, poundsAMonth, poundsAYear, poundsAPoint
    case hoursAWeek, nightsAWeek, days, weeks, weeksAYear, months, percent, points, count, staff, people, personalAssistants
    case contacts, payments
    /// A plain number (a multiplier, a ratio).
    case number
}

/// A fixed remark in a ``Formula``; the renderer words it.
public enum ExplanationNote: String, Sendable, Hashable, CaseIterable {
    /// The value is the input's.
    case asGiven
    /// The line's own rate, agreed for it, replaced the policy's.
    case rateAgreedForLine
    /// A PA's rate is checked against the National Living Wage in force.
    case checkedAgainstNationalLivingWage
    /// The flat on-cost stands for holiday cover, employer NI and pension.
    case replacesItemisedOnCosts
    /// The Employment Allowance is not applied.
    case employmentAllowanceNotApplied
    /// Each PA's earnings are their share of the pay and holiday cover.
    case earningsSharedByWeights
    /// Each PA earns an equal share of the pay and holiday cover.
    case earningsSharedEqually
    /// Only a PA earning above the threshold is funded a pension.
    case pensionOnlyAboveThreshold
    /// Bands run from their lower bound, inclusive.
    case bandsFromLowerBoundInclusive
    /// The band's name as the policy gives it.
    case bandNameInPolicy
    /// A range or tier "up to" an amount includes the amount.
    case upToInclusive
    /// The amount is above every tier with a limit: the last tier, or a panel, authorises it.
    case noTierLimit
    /// The domains assessed at priority, sorted.
    case domainsAtPriority
    /// The domains assessed at severe, sorted.
    case domainsAtSevere
    /// A priority level in any domain indicates a primary health need.
    case priorityIndicatesNeed
    /// Severe in two or more domains indicates a primary health need.
    case twoSevereIndicateNeed
    /// Neither a priority level nor two severe domains.
    case noIndication
    /// The sum of every person's points.
    case sumOfPointsOverPeople
    /// The sum of every person's line, each rounded to the penny.
    case sumOfRoundedLines
    /// Every person has the same points, so cost cannot be fitted on points.
    case pointsAllEqual
    /// The plan's annual total, not its first-year total.
    case planAnnualTotal
    /// The indicative figure is the annual total of the top-down calculation.
    case indicativeCalculated
    /// The indicative figure is the input's.
    case indicativeGiven
    /// The sum of a funder's apportioned parts of every line (they add up to the line).
    case sumOfApportionedParts
    /// The plan's annual total.
    case annualTotal
    /// Pence left over are shared a penny each, earliest payments first: this one carries a penny more.
    case carriesAPennyMore
    /// The payment is the quotient rounded down to the penny.
    case roundedDownToPenny
    /// Payments at the frequency, from the start date, before the end date.
    case paymentsFromStartBeforeEnd
    /// Parts rounded to the penny so that they add up to the whole: the largest remainders get the pence left.
    case largestRemainder
    /// A full year.
    case fullYear
    /// The sum of the areas each rounded to whole people.
    case sumOfRoundedAreas
    /// Percentage points of the original value.
    case percentagePoints
    /// The highest pay, to the penny, whose hourly cost with every on-cost is at most the amount.
    case highestPayWithinAmount
    /// The cluster's maximum review period.
    case clusterReviewPeriod
    /// The care cluster given.
    case clusterGiven
}

// MARK: Building formulas

extension Formula {
    /// A named value.
    static func value(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit) -> Formula {
        .quantity(Quantity(name, value, unit))
    }

    /// A parameter's value, in `unit`.
    static func parameter(_ key: ParameterKey, _ value: Rational, _ unit: QuantityUnit) -> Formula {
        .quantity(Quantity(key, value, unit))
    }

    /// Weeks per year, the divisor from an annual amount to a weekly one.
    static func weeks(_ weeksPerYear: Rational) -> Formula { parameter(.weeksPerYear, weeksPerYear, .weeksAYear) }

    /// A percentage parameter, shown in percentage points, from its value as a fraction (0.1207 → 12.07%).
    static func percentParameter(_ key: ParameterKey, fraction: Rational) -> Formula {
        parameter(key, fraction * 100, .percent)
    }

    /// `self = result`.
    func equals(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit) -> Formula {
        .equals(self, Quantity(name, value, unit))
    }

    static func * (a: consuming Formula, b: consuming Formula) -> Formula { .joined(.product, a, b) }
    static func / (a: Formula, b: Formula) -> Formula { .operation(.quotient, [a, b]) }
    static func + (a: consuming Formula, b: consuming Formula) -> Formula { .joined(.sum, a, b) }
    static func - (a: Formula, b: Formula) -> Formula { .operation(.difference, [a, b]) }

    /// `a op b`, flattening a left operand that is already `op` (`a × b × c`, not `(a × b) × c`): its
    /// operands are taken over, not copied, so the list grows in place.
    private static func joined(_ operation: Operation, _ a: consuming Formula, _ b: consuming Formula) -> Formula {
        switch consume a {
        case .operation(operation, var operands):
            operands.append(b)
            return .operation(operation, operands)
        case let other:
            return .operation(operation, [other, b])
        }
    }
}

extension QuantityName {
    static let hoursPerWeek = QuantityName(rawValue: "hoursPerWeek")
    static let staffRatio = QuantityName(rawValue: "staffRatio")
    static let hourlyRate = QuantityName(rawValue: "hourlyRate")
    static let nightsPerWeek = QuantityName(rawValue: "nightsPerWeek")
    static let nightRate = QuantityName(rawValue: "nightRate")
    static let weekly = QuantityName(rawValue: "weekly")
    static let annual = QuantityName(rawValue: "annual")
    static let quantity = QuantityName(rawValue: "quantity")
    static let amount = QuantityName(rawValue: "amount")
    static let pay = QuantityName(rawValue: "pay")
    static let paPay = QuantityName(rawValue: "paPay")
    static let bankHolidays = QuantityName(rawValue: "bankHolidays")
    static let earnings = QuantityName(rawValue: "earnings")
    static let personalAssistants = QuantityName(rawValue: "personalAssistants")
    static let careSubtotal = QuantityName(rawValue: "careSubtotal")
    static let thirdPartyLines = QuantityName(rawValue: "thirdPartyRecurringLines")
    static let payAndOnCosts = QuantityName(rawValue: "payAndOnCosts")
    static let paHours = QuantityName(rawValue: "paHours")
    static let monthsPerYear = QuantityName(rawValue: "monthsPerYear")
    static let fourWeeks = QuantityName(rawValue: "weeksPerPeriod")
    static let daysPerWeek = QuantityName(rawValue: "daysPerWeek")
    static let one = QuantityName(rawValue: "one")
    static let hundred = QuantityName(rawValue: "hundred")
    static let result = QuantityName(rawValue: "result")
    static let points = QuantityName(rawValue: "points")
    static let indicative = QuantityName(rawValue: "indicative")
    static let plan = QuantityName(rawValue: "plan")
    static let variance = QuantityName(rawValue: "variance")
    static let envelope = QuantityName(rawValue: "envelope")
    static let reserve = QuantityName(rawValue: "reserve")
    static let people = QuantityName(rawValue: "people")
    static let share = QuantityName(rawValue: "share")
    static let totalShares = QuantityName(rawValue: "totalShares")
    static let holidayCover = QuantityName(rawValue: "holidayCover")
    static let zero = QuantityName(rawValue: "zero")
    static let clusterCost = QuantityName(rawValue: "clusterCost")
    static let crisisPercent = QuantityName(rawValue: "crisis")
    static let inpatientPercent = QuantityName(rawValue: "inpatient")
    static let cluster = QuantityName(rawValue: "cluster")
    static let reviewPeriod = QuantityName(rawValue: "reviewPeriod")
    static let weeksInYear = QuantityName(rawValue: "weeksInYear")
    static let score = QuantityName(rawValue: "score")
    static let addition = QuantityName(rawValue: "addition")
    static let hourlyAmount = QuantityName(rawValue: "hourlyAmount")
    static let hourlyCost = QuantityName(rawValue: "hourlyCost")
    static let packagesCost = QuantityName(rawValue: "packagesCost")
    static let grossSaving = QuantityName(rawValue: "grossSaving")
    static let administration = QuantityName(rawValue: "administration")
    static let netSaving = QuantityName(rawValue: "netSaving")
    static let population = QuantityName(rawValue: "population")
    static let rate = QuantityName(rawValue: "rate")
    static let sumOfAreas = QuantityName(rawValue: "sumOfAreas")
    static let roundedTotal = QuantityName(rawValue: "roundedTotal")
    static let freedPercent = QuantityName(rawValue: "freedPercent")
    static let freed = QuantityName(rawValue: "freed")
    static let costPerPayment = QuantityName(rawValue: "costPerPayment")
    static let directPayments = QuantityName(rawValue: "directPayments")
    static let notionalShare = QuantityName(rawValue: "notionalShare")
    static let guaranteedPercent = QuantityName(rawValue: "guaranteedPercent")
    static let guaranteed = QuantityName(rawValue: "guaranteed")
    static let contractValue = QuantityName(rawValue: "contractValue")
    static let releasedToDate = QuantityName(rawValue: "releasedToDate")
    static let releasedBefore = QuantityName(rawValue: "releasedBefore")
    static let oneToOneContacts = QuantityName(rawValue: "oneToOneContacts")
    static let groupContacts = QuantityName(rawValue: "groupContacts")
    static let contacts = QuantityName(rawValue: "contacts")
    static let contractTotal = QuantityName(rawValue: "contractTotal")
    static let oneToOnePrice = QuantityName(rawValue: "oneToOnePrice")
    static let groupPrice = QuantityName(rawValue: "groupPrice")
    static let groupSharePercent = QuantityName(rawValue: "groupSharePercent")
    static let averageCost = QuantityName(rawValue: "averageCostPerContact")
    static let totalAtRoundedPrices = QuantityName(rawValue: "totalAtRoundedPrices")
    static let difference = QuantityName(rawValue: "difference")
    static let periodAmount = QuantityName(rawValue: "periodAmount")
    static let payments = QuantityName(rawValue: "payments")
    static let payment = QuantityName(rawValue: "payment")
    static let oneOffTotal = QuantityName(rawValue: "oneOffTotal")
    static let daysPaid = QuantityName(rawValue: "daysPaid")
    static let daysInYear = QuantityName(rawValue: "daysInYear")
    static let upTo = QuantityName(rawValue: "upTo")
    static let pricePerPoint = QuantityName(rawValue: "pricePerPoint")
    static let reservePercent = QuantityName(rawValue: "reservePercent")
    static let cohortTotal = QuantityName(rawValue: "cohortTotal")
    static let headroom = QuantityName(rawValue: "headroom")
    static let covariance = QuantityName(rawValue: "covariance")
    static let varianceX = QuantityName(rawValue: "varianceX")
    static let varianceY = QuantityName(rawValue: "varianceY")
    static let slope = QuantityName(rawValue: "slope")
    static let intercept = QuantityName(rawValue: "intercept")
    static let rSquared = QuantityName(rawValue: "rSquared")
    static let bandFrom = QuantityName(rawValue: "bandFrom")
    static let priorityDomains = QuantityName(rawValue: "priorityDomains")
    static let severeDomains = QuantityName(rawValue: "severeDomains")
    static let severeDomainsNeeded = QuantityName(rawValue: "severeDomainsNeeded")
}

extension Quantity {
    /// A parameter's value, named by the parameter.
    public init(_ key: ParameterKey, _ value: Rational, _ unit: QuantityUnit) {
        self.init(QuantityName(rawValue: key.name), value, unit, parameter: key)
    }
}
