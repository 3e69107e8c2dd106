/// The lines of a breakdown, in order: a collection of ``BudgetLine``.
///
/// A calculator's breakdown holds its lines as records (``LineRecord``): each
/// line's figures, key, description and parameter uses, and codes and
/// places for the rest: its working, quantity and unit rate in the one list
/// of nodes the lines' workings are written into, or as a part of the values
/// they show (``HeldWorkings``, a bottom-up breakdown's), written as nodes
/// when read; how it is held as a code (its words made when read), a line
/// worked out before (a snapshot's employment costs) as its place. The lines
/// are written with no line built and copied, and shared by one reference; a
/// line read is a view of its record (``BudgetLine``), whose fields are made
/// when they are read. Lines given as values (``init(_:)``) are held as they
/// are.
public struct BudgetLines: RandomAccessCollection, Sendable {
    /// How the lines are held.
    enum Storage: Sendable {
        /// Lines given as values.
        case lines([BudgetLine])
        /// Lines a ``BreakdownBuilder`` wrote.
        case records(RecordedLinesBox)
    }

    let storage: Storage

    init(_ storage: Storage) { self.storage = storage }

    /// Lines given as values.
    public init(_ lines: [BudgetLine]) { storage = .lines(lines) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .lines(let lines): lines.count
        case .records(let box): box.lines.records.count
        }
    }

    /// The line at `i`: for lines a calculator wrote, a view of its record.
    public subscript(i: Int) -> BudgetLine {
        switch storage {
        case .lines(let lines): lines[i]
        case .records(let box): BudgetLine(box, i)
        }
    }

    /// Whether any line used a parameter use that meets `condition`: each line's list of uses read in place.
    func containsParameterUse(where condition: (ParameterUse) -> Bool) -> Bool {
        switch storage {
        case .lines(let lines): lines.contains { $0.parameters.contains(where: condition) }
        case .records(let box): box.containsParameterUse(where: condition)
        }
    }

    /// Each line's parameter uses, in line order, read in place.
    func forEachParameterList(_ body: ([ParameterUse]) -> Void) {
        switch storage {
        case .lines(let lines): for line in lines { body(line.parameters) }
        case .records(let box): for i in box.lines.records.indices { body(box.parameters(at: i)) }
        }
    }
}

extension BudgetLines: ExpressibleByArrayLiteral {
    public init(arrayLiteral lines: BudgetLine...) { self.init(lines) }
}

extension BudgetLines: Hashable {
    /// Lines are equal when they are, one by one, however each is held.
    public static func == (a: BudgetLines, b: BudgetLines) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for line in self { hasher.combine(line) }
    }
}

/// One line of a breakdown as a calculator writes it: its figures, and codes
/// and places in its ``RecordedLines``' tables for the rest (its key and
/// description, parameter uses, working, how it is held).
///
/// A record holds no reference: records are copied as bytes, and a list of
/// them is freed with no work per record.
struct LineRecord: Sendable {
    /// Where a line's working or quantity is.
    enum FormulaPlace: Sendable {
        /// It has none.
        case none
        /// Nodes `lower ..< upper` of the lines' workings.
        case written(lower: Int32, upper: Int32)
        /// The formula at this place of ``RecordedLines/held``, built as a value.
        case value(Int32)
        /// The formula of part `part` of ``RecordedLines/heldWorkings``, written when it is read.
        case held(part: Int32)
    }

    /// Where a line's unit rate is.
    enum UnitRatePlace: Sendable {
        /// It has none.
        case none
        /// This node of the lines' workings.
        case node(Int32)
        /// The unit rate of part `part` of ``RecordedLines/heldWorkings``, written when it is read.
        case held(part: Int32)
    }

    /// How a line is held.
    enum HeldAs: Sendable {
        /// The line says nothing of it.
        case none
        /// All one way: its words are made when read.
        case oneWay(Deployment)
        /// In the words at this place of ``RecordedLines/held`` (shares of several ways, or a line made as a value).
        case words(Int32)
        /// In shares of several ways, at part `part` of ``RecordedLines/heldWorkings``: their words made when read.
        case shares(part: Int32)
    }

    /// Where a line's parameter uses are.
    enum Uses: Sendable {
        /// It used none.
        case none
        /// The list at this place of ``RecordedLines/own``.
        case own(Int32)
        /// The list at this place of ``RecordedLines/held``.
        case held(Int32)
        /// The list at this place of ``RecordedLines/shared``.
        case shared(Int32)
    }

    /// Where the lines worked out before that a line is copied from are.
    enum Constant: Sendable {
        /// It is not copied: it is written here.
        case none
        /// The lines at this place of ``RecordedLines/held``.
        case held(Int32)
        /// The lines at this place of ``RecordedLines/shared`` (a snapshot's).
        case shared(Int32)
    }

    /// The exact weekly value (recurring lines) or exact amount (one-off lines), and the rounded figures.
    var exact: Rational
    var weekly: Money?
    var annual: Money?
    var oneOff: Money?
    /// The key and description (none for a line copied from one worked out before, which has its own).
    var key: LineText
    var description: LineText
    /// The parameter values the line used (none for a line copied from one worked out before).
    var uses = Uses.none
    /// How the line is held.
    var deployment = HeldAs.none
    /// Where the unit rate is.
    var unitRate = UnitRatePlace.none
    /// The list of lines worked out before that this line is copied from (its line at ``constantLine``), or none for a
    /// line written here.
    var constant = Constant.none
    var constantLine: Int32 = 0
    /// Whether a line copied from one worked out before keeps its quantity, unit rate and working: a breakdown that
    /// is not explained has none.
    var explained = true
    var quantity = FormulaPlace.none
    var formula = FormulaPlace.none
}

/// The records of a breakdown's lines and the tables they share
/// (``BudgetLines``).
struct RecordedLines: Sendable {
    /// What a record's places point at: the few things a line holds that most do not (formulas built as values,
    /// mixed shares, lines worked out before), in one table.
    enum HeldValue: Sendable {
        /// A working or quantity built as a value.
        case formula(Formula)
        /// How a line is held, in words (``LineRecord/HeldAs/words(_:)``): for shares of several ways, made once for
        /// all the lines held alike (the PA on-costs), where words made at each reading cost more than the
        /// breakdown's making them.
        case words(String)
        /// Lines worked out before, that lines are copied from (``LineRecord/constant``), as their records.
        case lines(RecordedLinesBox)
        /// A line's key or description of its own (``LineText/held(_:)``).
        case text(String)
        /// A line's own parameter uses (``LineRecord/Uses/held(_:)``).
        case uses([ParameterUse])
    }

    /// The lines' records, in order, in a block (``LineRecords``).
    var records = LineRecords()
    /// The first words and lists of parameter uses lines give of their own.
    var own = OwnLineParts()
    /// What the records' places point at.
    var held: ContiguousArray<HeldValue> = []
    /// Every line's working and quantity written one after another, once the lines are finished.
    var workings = FormulaList()
    /// The lists of parameter uses and words that records refer to by place: a snapshot's.
    var shared: SharedLineParts?
    /// The values of the workings that are written when they are read (``LineRecord/FormulaPlace/held(part:)``).
    var heldWorkings: HeldWorkingsReference?

    /// Makes room for `count` lines.
    mutating func reserveCapacity(_ count: Int) { records.reserveCapacity(count) }

    /// Appends `record` (the first gets room for a few lines, when ``reserveCapacity(_:)`` made none).
    mutating func append(_ record: consuming LineRecord) { records.append(consume record) }

    /// Holds a line's own `words`, in place while there is room, returning their place.
    mutating func hold(words: String) -> LineText {
        if let place = own.hold(words) { return .own(place) }
        return .held(hold(.text(words)))
    }

    /// Holds a line's own `uses`, in place while there is room, returning their place.
    mutating func hold(uses: [ParameterUse]) -> LineRecord.Uses {
        if uses.isEmpty { return .none }
        if let place = own.hold(uses) { return .own(place) }
        return .held(hold(.uses(uses)))
    }

    /// Holds `value`, returning its place.
    mutating func hold(_ value: HeldValue) -> Int32 {
        if held.capacity == 0 { held.reserveCapacity(4) }
        held.append(value)
        return Int32(truncatingIfNeeded: held.count - 1)
    }
}

/// A breakdown's finished lines (``RecordedLines``), held by reference: a result, and each line read from it,
/// share them.
///
/// A line's fields are read here, from the records in place: read through a method of the records, they were copied
/// (each of their tables retained and released) to read one field.
final class RecordedLinesBox: Sendable {
    let lines: RecordedLines

    init(_ lines: RecordedLines) { self.lines = lines }

    /// The records and the place in them of the line worked out before that record `i` is copied from, or `nil` for
    /// a line written here.
    @inline(__always)
    private func constant(_ i: Int) -> (lines: RecordedLinesBox, index: Int)? {
        let source: RecordedLinesBox
        switch lines.records[i].constant {
        case .none: return nil
        case .held(let place):
            guard case .lines(let held) = lines.held[Int(place)] else { return nil }  // not reached: it holds lines
            source = held
        case .shared(let place):
            guard let shared = lines.shared?.constantLines[Int(place)] else { return nil }  // not reached: as above
            source = shared
        }
        return (source, Int(lines.records[i].constantLine))
    }

    /// The formula at `place` (the line's `kind` of formula, for a held one).
    private func formula(_ place: LineRecord.FormulaPlace, _ kind: HeldFormula) -> Formula? {
        switch place {
        case .none: return nil
        case .written(let lower, let upper): return Formula(.nodes(lines.workings, Int(lower)..<Int(upper)))
        case .value(let j):
            if case .formula(let formula) = lines.held[Int(j)] { return formula }
            return nil  // not reached: a record's formula places hold formulas
        case .held(let part):
            guard let held = lines.heldWorkings?.workings else { return nil }  // not reached: a held part has its workings
            // Room made once: a list grown node by node from empty is copied at each doubling. A working takes up to
            // about 15 nodes (more for several PAs' earnings).
            var w = writer(room: 16)
            guard let range = w.writeRange({ held.write(kind, of: part, &$0) }) else { return nil }
            return Formula(.nodes(w.takeList(), range))
        }
    }

    /// A writer of formulas that refer to the lines' shared parts, with room for `room` nodes.
    private func writer(room: Int) -> FormulaWriter {
        var w = FormulaWriter()
        w.share(lines.shared)
        w.reserveCapacity(room)
        return w
    }

    /// The words of `text`.
    private func words(_ text: LineText) -> String {
        switch text {
        case .none: return ""
        case .own(let j): return lines.own.text(j)
        case .held(let j):
            if case .text(let words) = lines.held[Int(j)] { return words }
            return ""  // not reached: a record's text places hold words
        case .shared(let j): return lines.shared?.texts[Int(j)] ?? ""
        case .bottomUp(let text): return text.words
        }
    }

    /// The key of the line at `i`.
    func key(at i: Int) -> String {
        guard let (source, j) = constant(i) else { return words(lines.records[i].key) }
        return source.key(at: j)
    }

    /// The description of the line at `i`.
    func description(at i: Int) -> String {
        guard let (source, j) = constant(i) else { return words(lines.records[i].description) }
        return source.description(at: j)
    }

    /// The quantity of the line at `i`.
    func quantity(at i: Int) -> Formula? {
        if let (source, j) = constant(i) { return lines.records[i].explained ? source.quantity(at: j) : nil }
        return formula(lines.records[i].quantity, .quantity)
    }

    /// The working of the line at `i`.
    func formula(at i: Int) -> Formula? {
        if let (source, j) = constant(i) { return lines.records[i].explained ? source.formula(at: j) : nil }
        return formula(lines.records[i].formula, .working)
    }

    /// The unit rate of the line at `i`: its node of the workings, read as a quantity.
    func unitRate(at i: Int) -> Quantity? {
        if let (source, j) = constant(i) { return lines.records[i].explained ? source.unitRate(at: j) : nil }
        switch lines.records[i].unitRate {
        case .none: return nil
        case .node(let node): return lines.workings.quantity(atNode: Int(node))
        case .held(let part):
            guard let held = lines.heldWorkings?.workings else { return nil }  // not reached: a held part has its workings
            var w = writer(room: 1)
            held.write(.unitRate, of: part, &w)
            return w.list.isEmpty ? nil : w.list.quantity(atNode: 0)
        }
    }

    /// How the line at `i` is held, in words (`direct payment`, `third party 75%, direct payment 25%`): a line
    /// copied from one worked out before is held as this breakdown says.
    func deployment(at i: Int) -> String? {
        switch lines.records[i].deployment {
        case .none: return constant(i).flatMap { $0.lines.deployment(at: $0.index) }
        case .oneWay(let one): return one.description
        case .words(let j):
            if case .words(let words) = lines.held[Int(j)] { return words }
            return nil  // not reached: a record's share places hold their words
        case .shares(let part): return lines.heldWorkings?.workings.shares(at: part)?.description
        }
    }

    /// The parameter uses of the line at `i`, read in place.
    func parameters(at i: Int) -> [ParameterUse] {
        if let (source, j) = constant(i) { return source.parameters(at: j) }
        switch lines.records[i].uses {
        case .none: return []
        case .own(let j): return lines.own.uses(j)
        case .held(let j):
            if case .uses(let uses) = lines.held[Int(j)] { return uses }
            return []  // not reached: a record's use places hold uses
        case .shared(let j): return lines.shared?.uses[Int(j)] ?? []
        }
    }

    /// Whether any line used a parameter use that meets `condition`: every line's uses (its own, shared, or those of
    /// the line worked out before it is copied from), read in place.
    func containsParameterUse(where condition: (ParameterUse) -> Bool) -> Bool {
        lines.records.indices.contains { parameters(at: $0).contains(where: condition) }
    }
}
