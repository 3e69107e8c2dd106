/// The one result type every calculator returns, top-down or bottom-up.
///
/// Lines carry their exact value, their rounded weekly / annual / one-off
/// figures and an explanation; totals are sums of the rounded lines, so the
/// breakdown adds up to the penny in every column.
public struct BudgetResult: Sendable, Hashable {
    /// Which calculator made it (`bottomUp`, `ras`, …).
    public var calculator: String
    /// A title for people ("Bottom-up indicative budget").
    public var title: String
    /// The calculation date.
    public var asAt: CalendarDate
    /// The policy's name, and whether it is illustrative.
    public var policyName: String
    public var policyIsIllustrative: Bool
    /// The rounding rule in force for the lines.
    public var roundingRule: RoundingRule
    /// Weeks per year used to convert weekly ↔ annual.
    public var weeksPerYear: Rational
    /// The parameters that shape every line (rounding rule, weeks per year).
    public var basis: [ParameterUse]
    /// The breakdown, in order.
    public var lines: BudgetLines
    /// Column totals of the rounded lines.
    public var totals: BudgetTotals
    /// Further named figures (hourly cost of PA care, indicative range…).
    public var figures: [ResultFigure]
    /// Things a reader should notice; no effect on the figures.
    public var warnings: [String] {
        get { warningList.map(\.words) }
        set { warningList = newValue.map(ResultWarning.words) }
    }
    /// The warnings as held: each made words when read.
    var warningList: [ResultWarning]
    /// Conditions that need a person's review (capped, outside tolerance…).
    public var flags: [ResultFlag]

    public init(calculator: String, title: String, asAt: CalendarDate, policyName: String,
                policyIsIllustrative: Bool, roundingRule: RoundingRule, weeksPerYear: Rational,
                basis: [ParameterUse], lines: BudgetLines, totals: BudgetTotals, figures: [ResultFigure] = [],
                warnings: [String] = [], flags: [ResultFlag] = []) {
        self.init(calculator: calculator, title: title, asAt: asAt, policyName: policyName,
                  policyIsIllustrative: policyIsIllustrative, roundingRule: roundingRule, weeksPerYear: weeksPerYear,
                  basis: basis, lines: lines, totals: totals, figures: figures, warningList: warnings.map(ResultWarning.words),
                  flags: flags)
    }

    /// A result whose warnings are held as what they say.
    init(calculator: String, title: String, asAt: CalendarDate, policyName: String,
         policyIsIllustrative: Bool, roundingRule: RoundingRule, weeksPerYear: Rational,
         basis: [ParameterUse], lines: BudgetLines, totals: BudgetTotals, figures: [ResultFigure],
         warningList: [ResultWarning], flags: [ResultFlag]) {
        self.calculator = calculator
        self.title = title
        self.asAt = asAt
        self.policyName = policyName
        self.policyIsIllustrative = policyIsIllustrative
        self.roundingRule = roundingRule
        self.weeksPerYear = weeksPerYear
        self.basis = basis
        self.lines = lines
        self.totals = totals
        self.figures = figures
        self.warningList = warningList
        self.flags = flags
    }

    /// Every distinct parameter value used, in order of first use.
    public var parametersUsed: [ParameterUse] {
        // A breakdown uses a few dozen parameters, each many times: a scan of the
        // keys kept so far is cheaper than hashing, and nothing is copied to be dropped.
        var uses: [ParameterUse] = []
        func keep(_ list: [ParameterUse]) {
            for use in list where !uses.contains(where: { $0.key == use.key }) { uses.append(use) }
        }
        keep(basis)
        lines.forEachParameterList(keep)
        for figure in figures { keep(figure.parameters) }
        return uses
    }

    /// Whether any parameter value was used past the last day it is known to hold (a scan, no list built).
    public var usesOutOfDateValue: Bool {
        let isStale = { (use: ParameterUse) in use.staleAfter != nil }
        return basis.contains(where: isStale) || lines.containsParameterUse(where: isStale)
            || figures.contains { $0.parameters.contains(where: isStale) }
    }

    /// The line with `key`, if any.
    public func line(_ key: String) -> BudgetLine? { lines.first { $0.key == key } }

    /// The figure with `key`, if any.
    public func figure(_ key: String) -> ResultFigure? { figures.first { $0.key == key } }
}

/// Column totals: sums of the rounded lines.
public struct BudgetTotals: Sendable, Hashable {
    /// Σ line weekly.
    public var weekly: Money
    /// Σ line annual.
    public var annual: Money
    /// Σ line one-off.
    public var oneOff: Money
    /// annual + one-off.
    public var firstYear: Money

    /// Totals already summed.
    public init(weekly: Money, annual: Money, oneOff: Money, firstYear: Money) {
        self.weekly = weekly
        self.annual = annual
        self.oneOff = oneOff
        self.firstYear = firstYear
    }

    /// Totals of `lines`; overflow is an error.
    public init(of lines: BudgetLines) throws(BudgetError) {
        switch lines.storage {
        case .lines(let lines): try self.init(lines, figures: { ($0.weekly, $0.annual, $0.oneOff) })
        case .records(let box): try self.init(of: box.lines.records)
        }
    }

    /// Totals of the lines `records` give.
    init(of records: LineRecords) throws(BudgetError) {
        self = try records.withUnsafeBufferPointer { records throws(BudgetError) in
            try BudgetTotals(records, figures: { ($0.weekly, $0.annual, $0.oneOff) })
        }
    }

    /// Totals of the figures of `lines`, in one pass: no list of figures built.
    private init<Lines: Collection>(_ lines: Lines, figures: (Lines.Element) -> (Money?, Money?, Money?)) throws(BudgetError) {
        var weekly = Money.zero, annual = Money.zero, oneOff = Money.zero
        for line in lines {
            let (w, a, o) = figures(line)
            if let w { weekly = try weekly.adding(w, context: "total weekly") }
            if let a { annual = try annual.adding(a, context: "total annual") }
            if let o { oneOff = try oneOff.adding(o, context: "total one-off") }
        }
        self.init(weekly: weekly, annual: annual, oneOff: oneOff,
                  firstYear: try annual.adding(oneOff, context: "first-year total"))
    }
}

/// A named figure beside the lines (a check, a range, a rate).
public struct ResultFigure: Sendable, Hashable {
    /// A stable key (`hourlyCostOfPACare`).
    public var key: String
    /// What it is, for people.
    public var label: String
    /// The value.
    public var value: FigureValue
    /// How it was worked out.
    public var formula: Formula
    /// Parameter values it used.
    public var parameters: [ParameterUse]

    public init(key: String, label: String, value: FigureValue, formula: Formula, parameters: [ParameterUse] = []) {
        self.key = key
        self.label = label
        self.value = value
        self.formula = formula
        self.parameters = parameters
    }
}

/// A condition that needs a person's review, such as a capped allocation.
public struct ResultFlag: Sendable, Hashable {
    /// A stable code (`capped`, `outsideTolerance`).
    public var code: String
    /// What it means here, for people.
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// The value of a ``ResultFigure``.
public enum FigureValue: Sendable, Hashable {
    /// An amount of money.
    case money(Money)
    /// A percentage, already rounded (to 2 d.p. unless said otherwise).
    case percent(Rational)
    /// A plain number, already rounded as the rule says.
    case number(Rational)
    /// Words (a band, an approval route).
    case text(String)
    /// Yes or no (within tolerance, in range).
    case flag(Bool)
    /// A list of words (the DST domains at priority), in a fixed order.
    case list([String])

    /// The value as a person reads it.
    public var displayText: String {
        switch self {
        case .money(let m): m.displayText
        case .percent(let p): p.decimalText(minPlaces: 2) + "%"
        case .number(let n): n.decimalText()
        case .text(let t): t
        case .flag(let b): b ? "yes" : "no"
        case .list(let items): items.isEmpty ? "none" : items.joined(separator: ", ")
        }
    }

    /// The value as plain data text (`1234.50`, `12.50`, `yes`).
    public var plainText: String {
        switch self {
        case .money(let m): m.plainText
        case .percent(let p): p.decimalText(minPlaces: 2)
        case .number(let n): n.decimalText()
        case .text(let t): t
        case .flag(let b): b ? "true" : "false"
        case .list(let items): items.joined(separator: ";")
        }
    }
}

/// A way of setting an indicative budget: one protocol for every calculator.
///
/// A conforming value holds its own input (a plan, a questionnaire's answers,
/// a cluster), so calculators of different kinds can sit in one array:
/// `let all: [any BudgetCalculation] = [plan, ras, cluster]`.
public protocol BudgetCalculation: Sendable {
    /// A stable name of the calculator (`bottomUp`).
    var calculatorName: String { get }
    /// The breakdown as at `context.asAt`, or a typed error saying what and where.
    func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult
}
