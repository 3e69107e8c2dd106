/// The lines of a breakdown, in order: a collection of ``BudgetLine``.
///
/// A calculator's breakdown holds its lines as records (``LineRecord``): each
/// line's figures, and places in tables the lines share for its text, its
/// parameter uses and its working (every line's working is written into one
/// list of nodes). A record holds nothing counted by reference, so the lines
/// are written with no copy of a line and freed with no work per line; a
/// line read is a view of its record (one reference), whose fields are made
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
        case .records(let box): box.lines.records.indices.contains { box.lines.parameters(at: $0).contains(where: condition) }
        }
    }

    /// Each line's parameter uses, in line order, read in place.
    func forEachParameterList(_ body: ([ParameterUse]) -> Void) {
        switch storage {
        case .lines(let lines): for line in lines { body(line.parameters) }
        case .records(let box): for i in box.lines.records.indices { body(box.lines.parameters(at: i)) }
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

/// One line of a breakdown as a calculator writes it: its figures, and
/// places in its ``RecordedLines``' tables for the rest. It holds nothing
/// counted by reference.
struct LineRecord: Sendable {
    /// Where a line's working or quantity is.
    enum FormulaPlace: Sendable {
        /// It has none.
        case none
        /// Nodes `lower ..< upper` of the lines' workings.
        case written(lower: Int32, upper: Int32)
        /// The formula at this place of ``RecordedLines/formulas``, built as a value.
        case value(Int32)
    }

    /// How a line is held: its words are made when it is read.
    enum HeldAs: Sendable {
        /// The line says nothing of it.
        case none
        /// All one way.
        case oneWay(Deployment)
        /// In shares: those at this place of ``RecordedLines/mixedShares``.
        case mixed(Int32)
    }

    /// A place in a table that holds nothing.
    static let nowhere: Int32 = -1

    /// The exact weekly value (recurring lines) or exact amount (one-off lines).
    var exact: Rational
    var weekly: Money?
    var annual: Money?
    var oneOff: Money?
    /// The key's place in ``RecordedLines/texts``, or the constant line's place in its list.
    var key: Int32
    /// The description's place in ``RecordedLines/texts``.
    var description: Int32 = nowhere
    /// How the line is held.
    var deployment = HeldAs.none
    /// The parameter uses' place in ``RecordedLines/parameterLists``, or ``nowhere`` for none.
    var parameters: Int32 = nowhere
    /// The place of the unit rate's node in ``RecordedLines/workings``, or ``nowhere``.
    var unitRate: Int32 = nowhere
    /// The list of lines worked out before that this line is copied from (its place in
    /// ``RecordedLines/constants``, its line at ``key``), or ``nowhere`` for a line written here.
    var constant: Int32 = nowhere
    var quantity = FormulaPlace.none
    var formula = FormulaPlace.none
}

/// The records of a breakdown's lines and the tables they share
/// (``BudgetLines``).
struct RecordedLines: Sendable {
    var records: ContiguousArray<LineRecord> = []
    /// Keys and descriptions.
    var texts: ContiguousArray<String> = []
    /// Lists of parameter uses (each a list the calculator passed: often a snapshot's, shared).
    var parameterLists: ContiguousArray<[ParameterUse]> = []
    /// Workings and quantities built as values.
    var formulas: ContiguousArray<Formula> = []
    /// The shares of the lines held in several ways (``LineRecord/HeldAs/mixed(_:)``).
    var mixedShares: ContiguousArray<DeploymentShares> = []
    /// Lists of lines worked out before, that lines are copied from (``LineRecord/constant``).
    var constants: ContiguousArray<[BudgetLine]> = []
    /// Every line's working and quantity written one after another, once the lines are finished.
    var workings = FormulaList()

    /// Makes room for `count` lines.
    mutating func reserveCapacity(_ count: Int) {
        records.reserveCapacity(count)
        texts.reserveCapacity(3 * count)
        parameterLists.reserveCapacity(count)
    }

    /// Holds `text`, returning its place.
    mutating func hold(_ text: String) -> Int32 {
        texts.append(text)
        return Int32(truncatingIfNeeded: texts.count - 1)
    }

    /// Holds `shares`: one way in the record itself, mixed shares in ``mixedShares``.
    mutating func hold(_ shares: DeploymentShares) -> LineRecord.HeldAs {
        if let one = shares.heldOneWay { return .oneWay(one) }
        mixedShares.append(shares)
        return .mixed(Int32(truncatingIfNeeded: mixedShares.count - 1))
    }

    /// Holds `parameters`, returning their place (or ``LineRecord/nowhere`` for none).
    mutating func hold(_ parameters: [ParameterUse]) -> Int32 {
        guard !parameters.isEmpty else { return LineRecord.nowhere }
        parameterLists.append(parameters)
        return Int32(truncatingIfNeeded: parameterLists.count - 1)
    }

    /// The place of the line worked out before that record `i` is copied from (in ``constants``), or `nil` for a line
    /// written here. Each field is read from the record in place: a record copied whole to read one field cost more
    /// than the field.
    @inline(__always)
    private func constant(_ i: Int) -> (list: Int, line: Int)? {
        let list = records[i].constant
        return list == LineRecord.nowhere ? nil : (Int(list), Int(records[i].key))
    }

    /// The formula at `place`.
    private func formula(_ place: LineRecord.FormulaPlace) -> Formula? {
        switch place {
        case .none: nil
        case .written(let lower, let upper): Formula(.nodes(workings, Int(lower)..<Int(upper)))
        case .value(let j): formulas[Int(j)]
        }
    }

    /// The key of the line at `i`.
    func key(at i: Int) -> String {
        if let (list, line) = constant(i) { return constants[list][line].key }
        return texts[Int(records[i].key)]
    }

    /// The description of the line at `i`.
    func description(at i: Int) -> String {
        if let (list, line) = constant(i) { return constants[list][line].description }
        return texts[Int(records[i].description)]
    }

    /// The quantity of the line at `i`.
    func quantity(at i: Int) -> Formula? {
        if let (list, line) = constant(i) { return constants[list][line].quantity }
        return formula(records[i].quantity)
    }

    /// The working of the line at `i`.
    func formula(at i: Int) -> Formula? {
        if let (list, line) = constant(i) { return constants[list][line].formula }
        return formula(records[i].formula)
    }

    /// The unit rate of the line at `i`: its node of the workings, read as a quantity.
    func unitRate(at i: Int) -> Quantity? {
        if let (list, line) = constant(i) { return constants[list][line].unitRate }
        let node = Int(records[i].unitRate)
        guard node != Int(LineRecord.nowhere) else { return nil }
        switch workings.nodes[node] {
        case .quantity(let codes): return codes.quantity
        case .heldQuantity(let h): return workings.heldQuantity(h)
        default: return nil  // not reached: a unit rate is written as one value
        }
    }

    /// How the line at `i` is held, in words (`direct payment`, `third party 75%, direct payment 25%`): a line
    /// copied from one worked out before is held as this breakdown says.
    func deployment(at i: Int) -> String? {
        switch records[i].deployment {
        case .none: constant(i).flatMap { constants[$0.list][$0.line].deployment }
        case .oneWay(let one): one.description
        case .mixed(let j): mixedShares[Int(j)].description
        }
    }

    /// The parameter uses of the line at `i`, read in place.
    func parameters(at i: Int) -> [ParameterUse] {
        if let (list, line) = constant(i) { return constants[list][line].parameters }
        let place = records[i].parameters
        return place == LineRecord.nowhere ? [] : parameterLists[Int(place)]
    }
}

/// A breakdown's finished lines (``RecordedLines``), held by reference: a result, and each line read from it,
/// shares them.
final class RecordedLinesBox: LineSource {
    let lines: RecordedLines

    init(_ lines: RecordedLines) { self.lines = lines }

    func key(at i: Int) -> String { lines.key(at: i) }
    func description(at i: Int) -> String { lines.description(at: i) }
    func quantity(at i: Int) -> Formula? { lines.quantity(at: i) }
    func unitRate(at i: Int) -> Quantity? { lines.unitRate(at: i) }
    func formula(at i: Int) -> Formula? { lines.formula(at: i) }
    func exact(at i: Int) -> Rational { lines.records[i].exact }
    func weekly(at i: Int) -> Money? { lines.records[i].weekly }
    func annual(at i: Int) -> Money? { lines.records[i].annual }
    func oneOff(at i: Int) -> Money? { lines.records[i].oneOff }
    func deployment(at i: Int) -> String? { lines.deployment(at: i) }
    func parameters(at i: Int) -> [ParameterUse] { lines.parameters(at: i) }
}
