/// How a line or figure was worked out, recorded as data: the operations,
/// their operands with names, values and units, the parameters they came
/// from and the roundings.
///
/// The engine builds no sentences: `PHBCodec` renders a formula as words
/// (`20 h × 1 × £13.75 an hour = £275.00 a week`), as a table or as JSON.
/// The tree is the working in the order of docs/rules.md; every value in it
/// is exact, and a rounding appears only where the rules round.
///
/// A formula is held flat: its nodes in one list, each operation after its
/// operands (postfix order), so a working of any size is one allocation,
/// copied with one reference count and destroyed with one release. A tree of
/// boxes and operand lists, as it was held before, cost each node an
/// allocation of its own. A bottom-up breakdown writes every line's working
/// into one list (`FormulaWriter`); a formula built from values grows its
/// first operand's list in place and holds any other operand of several nodes
/// by reference, so nothing is copied. Build one with the static functions
/// and operators (``quantity(_:)``, ``operation(_:_:)``, `a * b`,
/// ``equals(_:_:)``…); read it through ``node``.
public struct Formula: Sendable {
    /// Where the nodes are.
    @usableFromInline enum Storage: Sendable {
        /// A formula that is one value or one remark (a node with no operands), held inline: no list is allocated.
        case node(FormulaNode)
        /// The nodes of `range` in `nodes`; the last is the root. A formula built is the whole list; an
        /// operand read through ``node`` shares its parent's list.
        case nodes(ContiguousArray<FormulaNode>, Range<Int>)
    }

    @usableFromInline var storage: Storage

    init(_ storage: Storage) { self.storage = storage }
}

/// One node of a ``Formula``'s flat list: a value, a note, or an operation on
/// the formulas just before it in the list (its operands, in order).
///
/// A named value whose name is one of the engine's own or its parameter's, and
/// whose parameter has a fixed name, is held as codes (``NodeQuantity``), so
/// that the node copies and frees with no reference count; any other (an
/// item's own name, a time band's rate) is held in a box.
@usableFromInline enum FormulaNode: Sendable, Hashable {
    /// A named value held as codes; no operands.
    case quantity(NodeQuantity)
    /// Any other named value (an item's own name, a time band's rate), held by reference; no operands.
    case boxedQuantity(QuantityBox)
    /// A fixed remark; no operands.
    case note(ExplanationNote)
    /// `operation` on `operands` operands.
    case operation(Operation, operands: Int)
    /// One operand, the working, and the exact value it comes to, held as codes.
    case equals(NodeQuantity)
    /// One operand, the working, and the exact value it comes to, held by reference.
    case boxedEquals(QuantityBox)
    /// One operand, the working, rounded by `rule` to `places` decimal places.
    case rounded(places: Int, RoundingRule)
    /// Two operands: `left comparison right`.
    case comparison(Comparison)
    /// Two or three operands: the value, the row's lower bound (a quantity) and, when `gives`, what the row
    /// gives (a quantity).
    case lookup(ParameterKey, gives: Bool)
    /// `count` operands, the steps.
    case steps(count: Int)
    /// A whole formula of several nodes, held in a list of its own (`range` of `nodes`): one operand, taken by
    /// reference rather than copied node by node. It stands for its nodes: a formula's equality, hash and
    /// ``Formula/node`` look through it.
    case embedded(ContiguousArray<FormulaNode>, Range<Int>)

    /// A node of `q`.
    static func quantity(_ q: consuming Quantity) -> FormulaNode {
        if let codes = NodeQuantity(q) { return .quantity(codes) }
        return .boxedQuantity(QuantityBox(q))
    }

    /// A node of `working = q`.
    static func equals(_ q: consuming Quantity) -> FormulaNode {
        if let codes = NodeQuantity(q) { return .equals(codes) }
        return .boxedEquals(QuantityBox(q))
    }

    /// A node of a value named `name`, with no parameter.
    static func value(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit) -> FormulaNode {
        guard case .known(let known) = name.storage else { return quantity(Quantity(name, value, unit)) }
        return .quantity(NodeQuantity(.known(known), value, unit, nil))
    }

    /// A node of `working = value`, the value named `name`, with no parameter.
    static func equals(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit) -> FormulaNode {
        guard case .known(let known) = name.storage else { return equals(Quantity(name, value, unit)) }
        return .equals(NodeQuantity(.known(known), value, unit, nil))
    }

    /// A node of parameter `key`'s value, named by the parameter.
    static func parameter(_ key: ParameterKey, _ value: Rational, _ unit: QuantityUnit) -> FormulaNode {
        guard let fixed = FixedParameter(key) else { return .boxedQuantity(QuantityBox(Quantity(key, value, unit))) }
        return .quantity(NodeQuantity(.parameter(fixed), value, unit, fixed))
    }

    /// How many operands the node takes.
    var operandCount: Int {
        switch self {
        case .quantity, .boxedQuantity, .note, .embedded: 0
        case .equals, .boxedEquals, .rounded: 1
        case .comparison: 2
        case .lookup(_, let gives): gives ? 3 : 2
        case .operation(_, let count), .steps(let count): count
        }
    }

    /// The node as formulas compare it: a named value as its ``Quantity``, however it is held.
    var compared: ComparedNode {
        switch self {
        case .quantity(let codes): .quantity(codes.quantity)
        case .boxedQuantity(let box): .quantity(box.quantity)
        case .equals(let codes): .equals(codes.quantity)
        case .boxedEquals(let box): .equals(box.quantity)
        default: .other(self)
        }
    }

    /// A node as formulas compare it (``compared``).
    enum ComparedNode: Hashable {
        case quantity(Quantity)
        case equals(Quantity)
        case other(FormulaNode)
    }
}

/// A named value held as codes: a name of the engine's own or its parameter's, and a parameter with a fixed name.
@usableFromInline struct NodeQuantity: Sendable, Hashable {
    /// How the name is held.
    enum Name: Hashable {
        /// One of the engine's own names.
        case known(QuantityName.Known)
        /// The name of the parameter.
        case parameter(FixedParameter)
    }

    let name: Name
    let value: Rational
    let unit: QuantityUnit
    let parameter: FixedParameter?

    init(_ name: Name, _ value: Rational, _ unit: QuantityUnit, _ parameter: FixedParameter?) {
        self.name = name
        self.value = value
        self.unit = unit
        self.parameter = parameter
    }

    /// `q` as codes, or `nil` when its name or parameter has no code.
    init?(_ q: borrowing Quantity) {
        var parameter: FixedParameter?
        if let key = q.parameter {
            guard let fixed = FixedParameter(key) else { return nil }
            parameter = fixed
        }
        switch q.name.storage {
        case .known(let known): name = .known(known)
        case .parameter(let key):
            // Named by its own parameter, which has a code (so `parameter` is set).
            guard let parameter, key == q.parameter else { return nil }
            name = .parameter(parameter)
        case .text: return nil
        }
        (value, unit, self.parameter) = (q.value, q.unit, parameter)
    }

    /// The quantity the codes stand for.
    var quantity: Quantity {
        let name = switch name {
        case .known(let known): QuantityName(known)
        case .parameter(let named): QuantityName(parameter: named.key)
        }
        return Quantity(name, value, unit, parameter: parameter?.key)
    }
}

/// A named value held by reference in a formula's node (see ``FormulaNode``).
@usableFromInline final class QuantityBox: Sendable, Hashable {
    let quantity: Quantity

    init(_ quantity: consuming Quantity) { self.quantity = quantity }

    @usableFromInline static func == (a: QuantityBox, b: QuantityBox) -> Bool { a.quantity == b.quantity }
    @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(quantity) }
}

extension Formula {
    /// One node of a formula with its operands as formulas: what a renderer switches on.
    public enum Node: Sendable {
        /// A named value: an input, a parameter or a total worked out before.
        case quantity(Quantity)
        /// An operation on its operands, in order.
        case operation(Operation, [Formula])
        /// A working and the exact value it comes to: `working = result`.
        case equals(Formula, Quantity)
        /// A working rounded by `rule` to `places` decimal places (2 for pence, 0 for whole numbers).
        case rounded(Formula, places: Int, RoundingRule)
        /// A comparison that decides something: `left ≤ right`.
        case comparison(Formula, Comparison, Formula)
        /// The row of a policy table that a value falls in: the row from `rowFrom`
        /// (inclusive), giving `gives` when the row holds an amount.
        case lookup(Formula, table: ParameterKey, rowFrom: Quantity, gives: Quantity?)
        /// Steps taken one after another.
        case steps([Formula])
        /// A fixed remark, worded by the renderer.
        case note(ExplanationNote)
    }

    /// The formula's root node, with its operands (which share this formula's list: nothing is copied).
    public var node: Node {
        switch storage {
        case .node(.quantity(let codes)): return .quantity(codes.quantity)
        case .node(.boxedQuantity(let box)): return .quantity(box.quantity)
        case .node(.note(let note)): return .note(note)
        case .node: return .steps([])  // not reached: only values and remarks are held inline
        case .nodes(let nodes, let range):
            let root = range.upperBound - 1
            if range.count == 1, case .embedded(let list, let inner) = nodes[root] { return Formula(.nodes(list, inner)).node }
            let operands = Self.operandRanges(of: root, in: nodes).map { range in
                if range.count == 1, case .embedded(let list, let inner) = nodes[range.lowerBound] {
                    return Formula(.nodes(list, inner))
                }
                return Formula(.nodes(nodes, range))
            }
            func quantity(_ i: Int) -> Quantity {
                if case .quantity(let q) = operands[i].node { return q }
                return Quantity(.zero, .zero, .number)  // not reached: a lookup's bounds are built as quantities
            }
            switch nodes[root] {
            case .quantity(let codes): return .quantity(codes.quantity)
            case .boxedQuantity(let box): return .quantity(box.quantity)
            case .note(let note): return .note(note)
            case .embedded: return .steps([])  // not reached: an embedded node is read above
            case .operation(let operation, _): return .operation(operation, operands)
            case .equals(let codes): return .equals(operands[0], codes.quantity)
            case .boxedEquals(let box): return .equals(operands[0], box.quantity)
            case .rounded(let places, let rule): return .rounded(operands[0], places: places, rule)
            case .comparison(let comparison): return .comparison(operands[0], comparison, operands[1])
            case .lookup(let table, let gives):
                return .lookup(operands[0], table: table, rowFrom: quantity(1), gives: gives ? quantity(2) : nil)
            case .steps: return .steps(operands)
            }
        }
    }

    /// The range of this formula's nodes in its list (an inline value's or remark's is `0..<1`).
    var range: Range<Int> {
        switch storage {
        case .node: 0..<1
        case .nodes(_, let range): range
        }
    }

    /// The ranges of the operands of the node at `root`, in order.
    static func operandRanges(of root: Int, in nodes: ContiguousArray<FormulaNode>) -> [Range<Int>] {
        let count = nodes[root].operandCount
        var ranges = [Range<Int>](repeating: root..<root, count: count)
        var end = root
        for i in stride(from: count - 1, through: 0, by: -1) {
            let start = subtreeStart(of: end - 1, in: nodes)
            ranges[i] = start..<end
            end = start
        }
        return ranges
    }

    /// The index of the first node of the subtree whose root is at `root`.
    static func subtreeStart(of root: Int, in nodes: ContiguousArray<FormulaNode>) -> Int {
        var start = root
        for _ in 0..<nodes[root].operandCount { start = subtreeStart(of: start - 1, in: nodes) }
        return start
    }

    /// The formula's nodes in postfix order, with each embedded formula's nodes in its place: one list for one
    /// tree, however the tree was built.
    var flattenedNodes: [FormulaNode] {
        var flat: [FormulaNode] = []
        func add(_ nodes: ContiguousArray<FormulaNode>, _ range: Range<Int>) {
            for i in range {
                if case .embedded(let list, let inner) = nodes[i] { add(list, inner) } else { flat.append(nodes[i]) }
            }
        }
        switch storage {
        case .node(let node): flat.append(node)
        case .nodes(let nodes, let range): add(nodes, range)
        }
        return flat
    }

    /// Gives a formula written as its range of a list still being written (held with an empty list:
    /// ``FormulaWriter/write(_:)``) the finished list; any other formula is left as it is.
    mutating func attach(to nodes: ContiguousArray<FormulaNode>) {
        if case .nodes(let own, let range) = storage, own.isEmpty { storage = .nodes(nodes, range) }
    }

    /// Whether the formula is held as its range of a list still being written (see ``attach(to:)``).
    var isWritten: Bool {
        if case .nodes(let own, _) = storage { own.isEmpty } else { false }
    }
}

extension Formula: Hashable {
    /// Formulas are equal when their trees are: when their flattened nodes are, in order (postfix order with each
    /// node's operand count gives one tree for one list).
    public static func == (a: Formula, b: Formula) -> Bool { a.flattenedNodes.map(\.compared) == b.flattenedNodes.map(\.compared) }

    public func hash(into hasher: inout Hasher) { hasher.combine(flattenedNodes.map(\.compared)) }
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
    /// A named value: an input, a parameter or a total worked out before.
    public static func quantity(_ q: Quantity) -> Formula { Formula(.node(.quantity(q))) }

    /// A fixed remark, worded by the renderer.
    public static func note(_ note: ExplanationNote) -> Formula { Formula(.node(.note(note))) }

    /// An operation on its operands, in order.
    public static func operation(_ operation: Operation, _ operands: [Formula]) -> Formula {
        joined(operands, then: .operation(operation, operands: operands.count))
    }

    /// A working and the exact value it comes to: `working = result`.
    public static func equals(_ working: consuming Formula, _ result: Quantity) -> Formula {
        working.then(.equals(result))
    }

    /// A working rounded by `rule` to `places` decimal places (2 for pence, 0 for whole numbers).
    public static func rounded(_ working: consuming Formula, places: Int, _ rule: RoundingRule) -> Formula {
        working.then(.rounded(places: places, rule))
    }

    /// A comparison that decides something: `left ≤ right`.
    public static func comparison(_ left: consuming Formula, _ comparison: Comparison, _ right: consuming Formula) -> Formula {
        left.then(right, .comparison(comparison))
    }

    /// The row of a policy table that a value falls in: the row from `rowFrom` (inclusive), giving `gives` when
    /// the row holds an amount.
    public static func lookup(_ value: Formula, table: ParameterKey, rowFrom: Quantity, gives: Quantity?) -> Formula {
        var operands = [value, .quantity(rowFrom)]
        if let gives { operands.append(.quantity(gives)) }
        return joined(operands, then: .lookup(table, gives: gives != nil))
    }

    /// Steps taken one after another.
    public static func steps(_ steps: [Formula]) -> Formula { joined(steps, then: .steps(count: steps.count)) }

    /// A named value.
    static func value(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit) -> Formula {
        Formula(.node(.value(name, value, unit)))
    }

    /// A parameter's value, in `unit`.
    static func parameter(_ key: ParameterKey, _ value: Rational, _ unit: QuantityUnit) -> Formula {
        Formula(.node(.parameter(key, value, unit)))
    }

    /// Weeks per year, the divisor from an annual amount to a weekly one.
    static func weeks(_ weeksPerYear: Rational) -> Formula { parameter(.weeksPerYear, weeksPerYear, .weeksAYear) }

    /// A percentage parameter, shown in percentage points, from its value as a fraction (0.1207 → 12.07%).
    static func percentParameter(_ key: ParameterKey, fraction: Rational) -> Formula {
        parameter(key, fraction * 100, .percent)
    }

    /// `self = result`.
    consuming func equals(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit) -> Formula {
        then(.equals(name, value, unit))
    }

    static func * (a: consuming Formula, b: consuming Formula) -> Formula { a.joined(.product, b) }
    static func / (a: consuming Formula, b: consuming Formula) -> Formula { a.then(b, .operation(.quotient, operands: 2)) }
    static func + (a: consuming Formula, b: consuming Formula) -> Formula { a.joined(.sum, b) }
    static func - (a: consuming Formula, b: consuming Formula) -> Formula { a.then(b, .operation(.difference, operands: 2)) }

    // MARK: Lists

    /// How many nodes more than it needs a list begun for a formula has room for: an `equals` or a rounding
    /// added next fits, so the list is allocated once and grows in place.
    private static var slack: Int { 2 }

    /// The formula's list, with `node` appended: the list is taken over and grown in place when this formula
    /// is the whole of it and holds it alone.
    private consuming func then(_ node: FormulaNode) -> Formula {
        var nodes = takeNodes(room: 1)
        nodes.append(node)
        return Formula(.nodes(nodes, nodes.indices))
    }

    /// This formula's nodes, then `other`'s, then `node`.
    private consuming func then(_ other: consuming Formula, _ node: FormulaNode) -> Formula {
        var nodes = takeNodes(room: 2)
        other.append(to: &nodes)
        nodes.append(node)
        return Formula(.nodes(nodes, nodes.indices))
    }

    /// `self op other`, flattening a left operand that is already `op` (`a × b × c`, not `(a × b) × c`): its
    /// list grows in place when this formula holds it alone, else its operands are taken into a new list.
    private consuming func joined(_ operation: Operation, _ other: consuming Formula) -> Formula {
        var nodes: ContiguousArray<FormulaNode>
        var count = 1
        if case .nodes(let own, let range) = storage, case .operation(operation, let operands) = own[range.upperBound - 1] {
            count = operands
            if range == own.indices {
                storage = .node(.note(.asGiven))  // given up, so that `nodes` is held alone
                nodes = own
                nodes.removeLast()
            } else {
                nodes = []
                nodes.reserveCapacity(operands + 2 + Self.slack)
                for operand in Self.operandRanges(of: range.upperBound - 1, in: own) {
                    Formula(.nodes(own, operand)).append(to: &nodes)
                }
            }
        } else {
            nodes = takeNodes(room: 2)
        }
        other.append(to: &nodes)
        nodes.append(.operation(operation, operands: count + 1))
        return Formula(.nodes(nodes, nodes.indices))
    }

    /// The operands, in order, then `node`, in a new list: each operand of several nodes held by reference.
    private static func joined(_ operands: [Formula], then node: FormulaNode) -> Formula {
        var nodes = ContiguousArray<FormulaNode>()
        nodes.reserveCapacity(operands.count + 1 + slack)
        for operand in operands { operand.append(to: &nodes) }
        nodes.append(node)
        return Formula(.nodes(nodes, nodes.indices))
    }

    /// The formula as a list of its own: its list itself when it is the whole of it (grown in place when this
    /// formula holds it alone), else a new list that holds it, with room for `room` nodes more.
    private consuming func takeNodes(room: Int) -> ContiguousArray<FormulaNode> {
        if case .nodes(let nodes, let range) = storage, range == nodes.indices {
            // The storage given up first, so that the list returned is held by the caller alone.
            storage = .node(.note(.asGiven))
            return nodes
        }
        var nodes = ContiguousArray<FormulaNode>()
        nodes.reserveCapacity(1 + room + Self.slack)
        append(to: &nodes)
        return nodes
    }

    /// Appends the formula to `nodes` as one operand: a value or remark as its node, a formula of several nodes
    /// by reference to its list (nothing copied).
    consuming func append(to nodes: inout ContiguousArray<FormulaNode>) {
        // Taken out of the formula, so that a value is moved into the list rather than copied and then destroyed.
        var taken = Storage.node(.note(.asGiven))
        swap(&taken, &storage)
        switch consume taken {
        case .node(let node): nodes.append(node)
        case .nodes(let own, let range) where range.count == 1: nodes.append(own[range.lowerBound])
        case .nodes(let own, let range): nodes.append(.embedded(own, range))
        }
    }
}

extension Quantity {
    /// A parameter's value, named by the parameter.
    public init(_ key: ParameterKey, _ value: Rational, _ unit: QuantityUnit) {
        self.init(QuantityName(parameter: key), value, unit, parameter: key)
    }
}
