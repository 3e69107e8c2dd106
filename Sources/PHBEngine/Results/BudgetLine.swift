/// One line of a breakdown.
///
/// A line of a calculator's result is a view of its record (``LineRecord``)
/// in the result's shared tables: one reference, so reading a result's lines
/// copies no text, formula or list, and each field is made when it is read.
/// A line made with ``init(key:description:quantity:unitRate:formula:exact:weekly:annual:oneOff:deployment:parameters:)``,
/// or changed, holds its fields itself. Either way it is a value: equal lines
/// are equal field by field, however each is held.
public struct BudgetLine: Sendable {
    /// The fields of a line that holds its own, shared until one is changed.
    final class Fields: LineSource {
        let key: String
        let description: String
        let quantity: Formula?
        let unitRate: Quantity?
        let formula: Formula?
        let exact: Rational
        let weekly: Money?
        let annual: Money?
        let oneOff: Money?
        let deployment: String?
        let parameters: [ParameterUse]

        init(key: String, description: String, quantity: Formula?, unitRate: Quantity?, formula: Formula?, exact: Rational,
             weekly: Money?, annual: Money?, oneOff: Money?, deployment: String?, parameters: [ParameterUse]) {
            self.key = key
            self.description = description
            self.quantity = quantity
            self.unitRate = unitRate
            self.formula = formula
            self.exact = exact
            self.weekly = weekly
            self.annual = annual
            self.oneOff = oneOff
            self.deployment = deployment
            self.parameters = parameters
        }

        func key(at _: Int) -> String { key }
        func description(at _: Int) -> String { description }
        func quantity(at _: Int) -> Formula? { quantity }
        func unitRate(at _: Int) -> Quantity? { unitRate }
        func formula(at _: Int) -> Formula? { formula }
        func exact(at _: Int) -> Rational { exact }
        func weekly(at _: Int) -> Money? { weekly }
        func annual(at _: Int) -> Money? { annual }
        func oneOff(at _: Int) -> Money? { oneOff }
        func deployment(at _: Int) -> String? { deployment }
        func parameters(at _: Int) -> [ParameterUse] { parameters }
    }

    /// Where the fields are: the line's own, or a breakdown's records (line `index` of them). Read through a
    /// reference held by the line, with no reference count for the read.
    private var source: any LineSource
    private var index: Int

    /// Record `index` of `lines`.
    init(_ lines: RecordedLinesBox, _ index: Int) { (source, self.index) = (lines, index) }

    /// A line that holds its own fields.
    public init(key: String, description: String, quantity: Formula? = nil, unitRate: Quantity? = nil,
                formula: Formula?, exact: Rational, weekly: Money?, annual: Money?, oneOff: Money?,
                deployment: String? = nil, parameters: [ParameterUse] = []) {
        source = Fields(key: key, description: description, quantity: quantity, unitRate: unitRate, formula: formula,
                        exact: exact, weekly: weekly, annual: annual, oneOff: oneOff, deployment: deployment,
                        parameters: parameters)
        index = 0
    }

    /// Changes one field: the line then holds its fields itself.
    private mutating func change(_ body: (inout FieldValues) -> Void) {
        var values = FieldValues(self)
        body(&values)
        (source, index) = (values.fields, 0)
    }

    /// A stable key (`care[0]`, `holidayCover`, `employerNI`).
    public var key: String {
        get { source.key(at: index) }
        set { change { $0.key = newValue } }
    }
    /// What it is, for people.
    public var description: String {
        get { source.description(at: index) }
        set { change { $0.description = newValue } }
    }
    /// The quantity (`20 h × 1`), where the line has one and the line is explained.
    public var quantity: Formula? {
        get { source.quantity(at: index) }
        set { change { $0.quantity = newValue } }
    }
    /// The unit rate (`£13.75 an hour`), where the line has one and the line is explained.
    public var unitRate: Quantity? {
        get { source.unitRate(at: index) }
        set { change { $0.unitRate = newValue } }
    }
    /// How the line was worked out, with the values used; `nil` when the result was not explained.
    public var formula: Formula? {
        get { source.formula(at: index) }
        set { change { $0.formula = newValue } }
    }
    /// The exact weekly value (recurring lines) or exact amount (one-off lines).
    public var exact: Rational {
        get { source.exact(at: index) }
        set { change { $0.exact = newValue } }
    }
    /// Rounded weekly figure; `nil` for one-off lines.
    public var weekly: Money? {
        get { source.weekly(at: index) }
        set { change { $0.weekly = newValue } }
    }
    /// Rounded annual figure; `nil` for one-off lines.
    public var annual: Money? {
        get { source.annual(at: index) }
        set { change { $0.annual = newValue } }
    }
    /// Rounded one-off figure; `nil` for recurring lines.
    public var oneOff: Money? {
        get { source.oneOff(at: index) }
        set { change { $0.oneOff = newValue } }
    }
    /// How the line is held (`direct payment`, or the mixed shares).
    public var deployment: String? {
        get { source.deployment(at: index) }
        set { change { $0.deployment = newValue } }
    }
    /// The parameter values the line used.
    public var parameters: [ParameterUse] {
        get { source.parameters(at: index) }
        set { change { $0.parameters = newValue } }
    }

    /// Whether the line recurs (has weekly and annual figures).
    public var isRecurring: Bool { oneOff == nil }
}

extension BudgetLine {
    /// A line's fields as plain values, to be changed one by one.
    private struct FieldValues {
        var key: String
        var description: String
        var quantity: Formula?
        var unitRate: Quantity?
        var formula: Formula?
        var exact: Rational
        var weekly: Money?
        var annual: Money?
        var oneOff: Money?
        var deployment: String?
        var parameters: [ParameterUse]

        init(_ line: BudgetLine) {
            (key, description, quantity, unitRate, formula) = (line.key, line.description, line.quantity, line.unitRate, line.formula)
            (exact, weekly, annual, oneOff) = (line.exact, line.weekly, line.annual, line.oneOff)
            (deployment, parameters) = (line.deployment, line.parameters)
        }

        var fields: Fields {
            Fields(key: key, description: description, quantity: quantity, unitRate: unitRate, formula: formula, exact: exact,
                   weekly: weekly, annual: annual, oneOff: oneOff, deployment: deployment, parameters: parameters)
        }
    }
}

extension BudgetLine: Hashable {
    /// Lines are equal when every field is, however each is held.
    public static func == (a: BudgetLine, b: BudgetLine) -> Bool {
        a.key == b.key && a.description == b.description && a.quantity == b.quantity && a.unitRate == b.unitRate
            && a.formula == b.formula && a.exact == b.exact && a.weekly == b.weekly && a.annual == b.annual
            && a.oneOff == b.oneOff && a.deployment == b.deployment && a.parameters == b.parameters
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(description)
        hasher.combine(quantity)
        hasher.combine(unitRate)
        hasher.combine(formula)
        hasher.combine(exact)
        hasher.combine(weekly)
        hasher.combine(annual)
        hasher.combine(oneOff)
        hasher.combine(deployment)
        hasher.combine(parameters)
    }
}

/// What a ``BudgetLine`` reads its fields from: its own fields, or a breakdown's records, at an index. Each
/// function reads the field of ``BudgetLine`` of its name.
protocol LineSource: AnyObject, Sendable {
    func key(at i: Int) -> String
    func description(at i: Int) -> String
    func quantity(at i: Int) -> Formula?
    func unitRate(at i: Int) -> Quantity?
    func formula(at i: Int) -> Formula?
    func exact(at i: Int) -> Rational
    func weekly(at i: Int) -> Money?
    func annual(at i: Int) -> Money?
    func oneOff(at i: Int) -> Money?
    func deployment(at i: Int) -> String?
    func parameters(at i: Int) -> [ParameterUse]
}
