/// One line of a breakdown.
///
/// A line is a view of its record (``LineRecord``) in a breakdown's shared
/// records: one reference to a final class, so reading a result's lines
/// copies no text, formula or list, and each field is made when it is read.
/// (A line kept keeps its breakdown's records alive.)
/// A line made with ``init(key:description:quantity:unitRate:formula:exact:weekly:annual:oneOff:deployment:parameters:)``,
/// or changed, is the one record of records of its own. Either way it is a
/// value: equal lines are equal field by field, however each is held.
public struct BudgetLine: Sendable {
    /// The records the line is one of (a final class: each field is read with a direct call).
    private var source: RecordedLinesBox
    /// The line's record in `source`.
    private var index: Int

    /// Record `index` of `lines`.
    init(_ lines: RecordedLinesBox, _ index: Int) { (source, self.index) = (lines, index) }

    /// A line that holds its own fields.
    public init(key: String, description: String, quantity: Formula? = nil, unitRate: Quantity? = nil,
                formula: Formula?, exact: Rational, weekly: Money?, annual: Money?, oneOff: Money?,
                deployment: String? = nil, parameters: [ParameterUse] = []) {
        var own = RecordedLines()
        var record = LineRecord(exact: exact, weekly: weekly, annual: annual, oneOff: oneOff, key: own.hold(words: key),
                                description: own.hold(words: description))
        record.uses = own.hold(uses: parameters)
        if let quantity { record.quantity = .value(own.hold(.formula(quantity))) }
        if let formula { record.formula = .value(own.hold(.formula(formula))) }
        if let unitRate {
            record.unitRate = .node(Int32(truncatingIfNeeded: own.workings.nodes.count))
            own.workings.append(quantity: unitRate)
        }
        if let deployment { record.deployment = .words(own.hold(.words(deployment))) }
        own.append(record)
        self.init(RecordedLinesBox(own), 0)
    }

    /// Changes one field: the line then holds its fields itself.
    private mutating func change(_ body: (inout FieldValues) -> Void) {
        var values = FieldValues(self)
        body(&values)
        self = values.line
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
        get { source.lines.records[index].exact }
        set { change { $0.exact = newValue } }
    }
    /// Rounded weekly figure; `nil` for one-off lines.
    public var weekly: Money? {
        get { source.lines.records[index].weekly }
        set { change { $0.weekly = newValue } }
    }
    /// Rounded annual figure; `nil` for one-off lines.
    public var annual: Money? {
        get { source.lines.records[index].annual }
        set { change { $0.annual = newValue } }
    }
    /// Rounded one-off figure; `nil` for recurring lines.
    public var oneOff: Money? {
        get { source.lines.records[index].oneOff }
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

        var line: BudgetLine {
            BudgetLine(key: key, description: description, quantity: quantity, unitRate: unitRate, formula: formula, exact: exact,
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
