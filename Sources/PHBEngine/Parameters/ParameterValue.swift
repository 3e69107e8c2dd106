/// One value a parameter can take: a number (money, percentage, count), a
/// yes/no flag, a named choice, or a whole table.
public enum ParameterValue: Sendable, Hashable {
    /// A number, exact. Percentages are held as the number of percent (12.07).
    case number(Rational)
    /// Yes or no.
    case flag(Bool)
    /// One of a fixed set of words (`itemised`, `halfEven`).
    case choice(String)
    /// A whole table.
    case table(PolicyTable)
}

/// What kind of value a parameter holds, how it is checked and shown.
public enum ParameterKind: Sendable, Hashable {
    /// Pounds, non-negative, shown `£13.75`.
    case money
    /// A percentage, non-negative, written as the number of percent, shown `12.07%`.
    case percent
    /// A plain non-negative number (weeks, multipliers, counts).
    case number
    /// Yes or no.
    case flag
    /// One of the listed words.
    case choice([String])
    /// A table of the named shape (see ``PolicyTable/shape``).
    case table(String)

    /// The kind in words, for error messages.
    public var description: String {
        switch self {
        case .money: "an amount of money in pounds"
        case .percent: "a percentage"
        case .number: "a number"
        case .flag: "true or false"
        case .choice(let words): "one of: \(words.joined(separator: ", "))"
        case .table(let shape): "a \(shape) table"
        }
    }

    /// Whether `value` fits this kind (numbers must also be non-negative).
    public func accepts(_ value: ParameterValue) -> Bool {
        switch (self, value) {
        case (.money, .number(let n)), (.percent, .number(let n)), (.number, .number(let n)):
            !n.isNegative && !n.isOverflow
        case (.flag, .flag): true
        case (.choice(let words), .choice(let w)): words.contains(w)
        case (.table(let shape), .table(let t)): t.shape == shape
        default: false
        }
    }

    /// The value as a person reads it.
    public func display(_ value: ParameterValue) -> String {
        switch (self, value) {
        case (.money, .number(let n)): n.poundsText
        case (.percent, .number(let n)): n.decimalText() + "%"
        case (_, .number(let n)): n.decimalText()
        case (_, .flag(let b)): b ? "yes" : "no"
        case (_, .choice(let w)): w
        case (_, .table(let t)): t.summary
        }
    }
}

/// One dated value of a parameter: in force from `from` (inclusive) until the
/// next value's start.
public struct DatedValue: Sendable, Hashable {
    /// The first day the value is in force.
    public var from: CalendarDate
    /// The value.
    public var value: ParameterValue
    /// Where the value comes from (a document, a web page, a decision).
    public var source: String

    public init(from: CalendarDate, value: ParameterValue, source: String) {
        self.from = from
        self.value = value
        self.source = source
    }
}

/// The dated history of one parameter, oldest first.
public struct ParameterHistory: Sendable, Hashable {
    /// The parameter.
    public let key: ParameterKey
    /// Values in strictly increasing order of their start dates.
    public let values: [DatedValue]
    /// The last day the newest value is known to hold, when the source says (see ``knownUntil``).
    public let until: CalendarDate?

    /// A history; the start dates must strictly increase (no duplicates).
    public init(key: ParameterKey, values: [DatedValue], until: CalendarDate? = nil) throws(BudgetError) {
        guard !values.isEmpty else {
            throw .invalidValue(field: key.name, value: "", reason: "has no dated values")
        }
        for (earlier, later) in zip(values, values.dropFirst()) where !(earlier.from < later.from) {
            let problem = earlier.from == later.from ? "is given twice" : "is out of order (dates must increase)"
            throw .invalidValue(field: key.name, value: later.from.isoText, reason: problem)
        }
        if let until, let last = values.last, until < last.from {
            throw .invalidValue(field: key.name, value: until.isoText, reason: "'until' is before the last value's start date")
        }
        self.key = key
        self.values = values
        self.until = until
    }

    /// The last day the newest value is known to be in force, or `nil` when
    /// it holds until changed: `until` when the history gives it; otherwise,
    /// for a history that changes over time (more than one value), the day
    /// before the first anniversary of the newest start (such values are
    /// renewed every year); a single value is a standing choice. A calculation
    /// dated later still uses the newest value, and is warned that it may be
    /// out of date.
    public var knownUntil: CalendarDate? {
        if let until { return until }
        guard values.count > 1, let last = values.last?.from else { return nil }
        return CalendarDate(year: last.year + 1, month: last.month, day: last.day)?.dayBefore
            ?? CalendarDate(year: last.year + 1, month: 2, day: 28)
    }

    /// The value in force on `date`, or `nil` before the first start date.
    public func value(on date: CalendarDate) -> DatedValue? {
        // Histories are short: a backwards scan beats a binary search.
        var i = values.count
        while i > 0 {
            i -= 1
            if !(date < values[i].from) { return values[i] }
        }
        return nil
    }
}

/// A named set of parameter histories: the statutory values, or one local policy.
public struct ParameterSet: Sendable, Hashable {
    /// The histories by parameter.
    public private(set) var histories: [ParameterKey: ParameterHistory]

    public init(_ histories: [ParameterHistory] = []) {
        self.histories = Dictionary(histories.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Adds or replaces one history.
    public mutating func set(_ history: ParameterHistory) {
        histories[history.key] = history
    }

    /// The history of `key`, if the set has one.
    public subscript(key: ParameterKey) -> ParameterHistory? { histories[key] }
}

/// One parameter value a calculation used, for the result's explanation: a
/// fact about the calculation, read, never edited.
///
/// Its fields are held once, in an immutable box: a use is copied into every
/// line and figure that used it, and a copy is one reference, not the key,
/// value, dates and source one by one.
public struct ParameterUse: Sendable, Hashable {
    /// The fields, as a plain value.
    private struct Fields: Sendable, Hashable {
        let key: ParameterKey
        let value: ParameterValue
        let from: CalendarDate
        let source: String
        let origin: ParameterOrigin
        let staleAfter: CalendarDate?
    }

    /// The box the fields are shared in.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private let box: Box

    /// The parameter.
    public var key: ParameterKey { box.fields.key }
    /// The value.
    public var value: ParameterValue { box.fields.value }
    /// The first day this value is in force.
    public var from: CalendarDate { box.fields.from }
    /// Where it comes from: statutory source, policy, or case override.
    public var source: String { box.fields.source }
    /// Which layer supplied it.
    public var origin: ParameterOrigin { box.fields.origin }
    /// The last day the value is known to hold, when the calculation date is later (the value may be out of date).
    public var staleAfter: CalendarDate? { box.fields.staleAfter }

    public init(key: ParameterKey, value: ParameterValue, from: CalendarDate,
                source: String, origin: ParameterOrigin, staleAfter: CalendarDate? = nil) {
        box = Box(Fields(key: key, value: value, from: from, source: source, origin: origin, staleAfter: staleAfter))
    }

    /// Equal when the fields are: two copies of one use are equal at once.
    public static func == (a: ParameterUse, b: ParameterUse) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    /// The value as a person reads it (`£13.75`, `12.07%`), by the catalogue's kind.
    public var displayValue: String { key.definition.kind.display(value) }

    /// The parameter's dotted name.
    public var name: String { key.name }

    /// A warning when the value is used after the last day it is known to hold.
    public var outOfDateWarning: String? {
        staleAfter.map {
            "\(name): the newest value (\(displayValue), from \(from)) is known only until \($0); "
                + "check whether a newer value applies."
        }
    }
}

/// Which layer of parameters a value came from.
public enum ParameterOrigin: String, Sendable, Hashable {
    /// The embedded England statutory values.
    case statutory
    /// The local policy.
    case policy
    /// An override given by the case itself.
    case caseOverride
}
