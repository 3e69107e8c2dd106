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
/// operands (postfix order) (``FormulaList``), so a working of any size is one
/// allocation (and one more for any values its nodes hold by reference),
/// copied with a reference count for each and freed with no work per node. A tree of boxes and operand lists, as it was held before, cost each
/// node an allocation of its own. A bottom-up breakdown writes every line's
/// working into one list (`FormulaWriter`); a formula built from values grows
/// its first operand's list in place and holds any other operand of several
/// nodes by reference, so nothing is copied. Build one with the static functions
/// and operators (``quantity(_:)``, ``operation(_:_:)``, `a * b`,
/// ``equals(_:_:)``…); read it through ``node``.
public struct Formula: Sendable {
    /// Where the nodes are.
    @usableFromInline enum Storage: Sendable {
        /// A formula that is one value held as codes or one remark (a node with no operands and nothing held by
        /// reference), held inline: no list is allocated.
        case node(FormulaNode)
        /// A formula that is one named value whose name or parameter has no code, held by reference (a value held
        /// inline made every formula larger to copy).
        case quantity(QuantityBox)
        /// The nodes of `range` in `list`; the last is the root. A formula built is the whole list; an
        /// operand read through ``node`` shares its parent's list.
        case nodes(FormulaList, Range<Int>)
        /// The nodes of `range` of a list still being written (``FormulaWriter/write(_:)``), until
        /// ``attach(to:)`` gives the formula the finished list: a range alone, so that nothing is released when
        /// it is given the list. Read before then, it is no steps.
        case written(Range<Int>)
        /// The working of part `part` of a breakdown's held workings (``HeldWorkings``), written when it is read (a
        /// figure's: a part that writes no value of the lines' shared parts).
        case held(HeldWorkingsReference, part: Int32)
    }

    @usableFromInline var storage: Storage

    init(_ storage: Storage) { self.storage = storage }
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
        case .node(.note(let note)): return .note(note)
        case .node: return .steps([])  // not reached: only values held as codes and remarks are held inline
        case .quantity(let box): return .quantity(box.quantity)
        case .written:
            assertionFailure("a written formula is read only once it is given its list")
            return .steps([])
        case .held(let workings, let part): return Self.written(workings, part: part).node
        case .nodes(let list, let range):
            let root = range.upperBound - 1
            if range.count == 1, case .embedded(let h) = list.nodes[root], let (inner, innerRange) = list.heldFormula(h) {
                return Formula(.nodes(inner, innerRange)).node
            }
            let operands = Self.operandRanges(of: root, in: list.nodes).map { range in
                if range.count == 1, case .embedded(let h) = list.nodes[range.lowerBound], let (inner, innerRange) = list.heldFormula(h) {
                    return Formula(.nodes(inner, innerRange))
                }
                return Formula(.nodes(list, range))
            }
            func quantity(_ i: Int) -> Quantity {
                if case .quantity(let q) = operands[i].node { return q }
                return Quantity(.zero, .zero, .number)  // not reached: a lookup's bounds are built as quantities
            }
            switch list.nodes[root] {
            case .quantity(let codes): return .quantity(codes.quantity)
            case .heldQuantity(let h): return .quantity(list.heldQuantity(h))
            case .sharedQuantity(let place): return .quantity(list.sharedQuantity(place))
            case .note(let note): return .note(note)
            case .embedded: return .steps([])  // not reached: an embedded node is read above
            case .operation(let operation, _): return .operation(operation, operands)
            case .equals(let codes): return .equals(operands[0], codes.quantity)
            case .heldEquals(let h): return .equals(operands[0], list.heldQuantity(h))
            case .rounded(let places, let rule): return .rounded(operands[0], places: places, rule)
            case .comparison(let comparison): return .comparison(operands[0], comparison, operands[1])
            case .lookup(let h, let gives):
                return .lookup(operands[0], table: list.heldTable(h), rowFrom: quantity(1), gives: gives ? quantity(2) : nil)
            case .steps: return .steps(operands)
            }
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

    /// A node as formulas compare it: a named value as its ``Quantity`` and a lookup by its table, however each is
    /// held.
    enum ComparedNode: Hashable {
        case quantity(Quantity)
        case equals(Quantity)
        case lookup(ParameterKey, gives: Bool)
        case other(FormulaNode)
    }

    /// The formula's nodes in postfix order as they compare, with each embedded formula's nodes in its place: one
    /// list for one tree, however the tree was built.
    var comparedNodes: [ComparedNode] {
        var flat: [ComparedNode] = []
        func add(_ list: FormulaList, _ range: Range<Int>) {
            for i in range {
                switch list.nodes[i] {
                case .embedded(let h): if let (inner, innerRange) = list.heldFormula(h) { add(inner, innerRange) }
                case .quantity(let codes): flat.append(.quantity(codes.quantity))
                case .heldQuantity(let h): flat.append(.quantity(list.heldQuantity(h)))
                case .sharedQuantity(let place): flat.append(.quantity(list.sharedQuantity(place)))
                case .equals(let codes): flat.append(.equals(codes.quantity))
                case .heldEquals(let h): flat.append(.equals(list.heldQuantity(h)))
                case .lookup(let h, let gives): flat.append(.lookup(list.heldTable(h), gives: gives))
                case let node: flat.append(.other(node))
                }
            }
        }
        switch storage {
        case .node(let node): add(FormulaList(node), 0..<1)
        case .quantity(let box): flat.append(.quantity(box.quantity))
        case .nodes(let list, let range): add(list, range)
        case .written: break  // no steps, as it reads
        case .held(let workings, let part): return Self.written(workings, part: part).comparedNodes
        }
        return flat
    }

    /// The working of part `part` of `workings`, written now as a list of its own; no steps when the part writes none.
    private static func written(_ workings: HeldWorkingsReference, part: Int32) -> Formula {
        var w = FormulaWriter()
        w.reserveCapacity(8)
        guard let range = w.writeRange({ workings.workings.write(.working, of: part, &$0) }) else { return .steps([]) }
        return Formula(.nodes(w.takeList(), range))
    }

    /// Gives a formula written as its range of a list still being written (``FormulaWriter/write(_:)``) the
    /// finished list; any other formula is left as it is.
    mutating func attach(to list: FormulaList) {
        if case .written(let range) = storage { storage = .nodes(list, range) }
    }

    /// Whether the formula is held as its range of a list still being written (see ``attach(to:)``).
    var isWritten: Bool {
        if case .written = storage { true } else { false }
    }
}

extension Formula: Hashable {
    /// Formulas are equal when their trees are: when their nodes are, in order, as they compare (postfix order
    /// with each node's operand count gives one tree for one list).
    public static func == (a: Formula, b: Formula) -> Bool { a.comparedNodes == b.comparedNodes }

    public func hash(into hasher: inout Hasher) { hasher.combine(comparedNodes) }
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
    public static func quantity(_ q: Quantity) -> Formula {
        if let codes = NodeQuantity(q) { return Formula(.node(.quantity(codes))) }
        return Formula(.quantity(QuantityBox(q)))
    }

    /// A fixed remark, worded by the renderer.
    public static func note(_ note: ExplanationNote) -> Formula { Formula(.node(.note(note))) }

    /// An operation on its operands, in order.
    public static func operation(_ operation: Operation, _ operands: [Formula]) -> Formula {
        joined(operands) { $0.nodes.append(.operation(operation, operands: operands.count)) }
    }

    /// A working and the exact value it comes to: `working = result`.
    public static func equals(_ working: consuming Formula, _ result: Quantity) -> Formula {
        working.then { $0.append(equals: result) }
    }

    /// A working rounded by `rule` to `places` decimal places (2 for pence, 0 for whole numbers).
    public static func rounded(_ working: consuming Formula, places: Int, _ rule: RoundingRule) -> Formula {
        working.then { $0.nodes.append(.rounded(places: places, rule)) }
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
        return joined(operands) { $0.append(lookup: table, gives: gives != nil) }
    }

    /// Steps taken one after another.
    public static func steps(_ steps: [Formula]) -> Formula { joined(steps) { $0.nodes.append(.steps(count: steps.count)) } }

    /// A named value.
    /// (Held as codes with no ``Quantity`` built, as ``FormulaList/append(value:_:_:)`` holds it.)
    static func value(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit) -> Formula {
        guard case .known(let known) = name.storage else { return quantity(Quantity(name, value, unit)) }
        return Formula(.node(.quantity(NodeQuantity(.known(known), value, unit, nil))))
    }

    /// A parameter's value, in `unit`. (Held as codes when the parameter has one, as
    /// ``FormulaList/append(parameter:_:_:)`` holds it.)
    static func parameter(_ key: ParameterKey, _ value: Rational, _ unit: QuantityUnit) -> Formula {
        guard let fixed = FixedParameter(key) else { return quantity(Quantity(key, value, unit)) }
        return Formula(.node(.quantity(NodeQuantity(.parameter(fixed), value, unit, fixed))))
    }

    /// Weeks per year, the divisor from an annual amount to a weekly one.
    static func weeks(_ weeksPerYear: Rational) -> Formula { parameter(.weeksPerYear, weeksPerYear, .weeksAYear) }

    /// A percentage parameter, shown in percentage points, from its value as a fraction (0.1207 → 12.07%).
    static func percentParameter(_ key: ParameterKey, fraction: Rational) -> Formula {
        parameter(key, fraction * 100, .percent)
    }

    /// `self = result`.
    consuming func equals(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit) -> Formula {
        then { $0.append(equals: name, value, unit) }
    }

    static func * (a: consuming Formula, b: consuming Formula) -> Formula { a.joined(.product, b) }
    static func / (a: consuming Formula, b: consuming Formula) -> Formula { a.then(b, .operation(.quotient, operands: 2)) }
    static func + (a: consuming Formula, b: consuming Formula) -> Formula { a.joined(.sum, b) }
    static func - (a: consuming Formula, b: consuming Formula) -> Formula { a.then(b, .operation(.difference, operands: 2)) }

    // MARK: Lists

    /// How many nodes more than it needs a list begun for a formula has room for: an `equals` or a rounding
    /// added next fits, so the list is allocated once and grows in place.
    private static var slack: Int { 2 }

    /// The formula's list, with the node `add` appends: the list is taken over and grown in place when this
    /// formula is the whole of it and holds it alone.
    private consuming func then(_ add: (inout FormulaList) -> Void) -> Formula {
        var list = takeList(room: 1)
        add(&list)
        return Formula(.nodes(list, list.nodes.indices))
    }

    /// This formula's nodes, then `other`'s, then `node`.
    private consuming func then(_ other: consuming Formula, _ node: FormulaNode) -> Formula {
        var list = takeList(room: 2)
        other.append(to: &list)
        list.nodes.append(node)
        return Formula(.nodes(list, list.nodes.indices))
    }

    /// `self op other`, flattening a left operand that is already `op` (`a × b × c`, not `(a × b) × c`): its
    /// list grows in place when this formula holds it alone, else its operands are taken into a new list.
    private consuming func joined(_ operation: Operation, _ other: consuming Formula) -> Formula {
        var list: FormulaList
        var count = 1
        if case .nodes(let own, let range) = storage, case .operation(operation, let operands) = own.nodes[range.upperBound - 1] {
            count = operands
            if range == own.nodes.indices {
                storage = .node(.note(.asGiven))  // given up, so that `list` is held alone
                list = own
                list.nodes.removeLast()
            } else {
                list = FormulaList()
                list.reserveCapacity(operands + 2 + Self.slack)
                for operand in Self.operandRanges(of: range.upperBound - 1, in: own.nodes) {
                    Formula(.nodes(own, operand)).append(to: &list)
                }
            }
        } else {
            list = takeList(room: 2)
        }
        other.append(to: &list)
        list.nodes.append(.operation(operation, operands: count + 1))
        return Formula(.nodes(list, list.nodes.indices))
    }

    /// The operands, in order, then the node `add` appends, in a new list: each operand of several nodes held by
    /// reference.
    private static func joined(_ operands: [Formula], then add: (inout FormulaList) -> Void) -> Formula {
        var list = FormulaList()
        list.reserveCapacity(operands.count + 1 + slack)
        for operand in operands { operand.append(to: &list) }
        add(&list)
        return Formula(.nodes(list, list.nodes.indices))
    }

    /// The formula as a list of its own: its list itself when it is the whole of it (grown in place when this
    /// formula holds it alone), else a new list that holds it, with room for `room` nodes more.
    private consuming func takeList(room: Int) -> FormulaList {
        if case .nodes(let list, let range) = storage, range == list.nodes.indices {
            // The storage given up first, so that the list returned is held by the caller alone.
            storage = .node(.note(.asGiven))
            return list
        }
        var list = FormulaList()
        list.reserveCapacity(1 + room + Self.slack)
        append(to: &list)
        return list
    }

    /// Appends the formula to `list` as one operand: a node or named value held inline as itself, a formula of one
    /// node as that node with what it holds, a formula of several nodes by reference to its list (nothing copied).
    consuming func append(to list: inout FormulaList) {
        // Taken out of the formula, so that its list is moved into the target rather than copied and then destroyed.
        var taken = Storage.node(.note(.asGiven))
        swap(&taken, &storage)
        switch consume taken {
        case .node(let node): list.nodes.append(node)
        case .quantity(let box): list.append(quantity: box.quantity)
        case .nodes(let own, let range) where range.count == 1: list.append(nodeAt: range.lowerBound, of: own)
        case .nodes(let own, let range): list.append(embedding: own, range)
        case .written:
            assertionFailure("a written formula is an operand only once it is given its list")
            list.nodes.append(.steps(count: 0))  // no steps, as it reads
        case .held(let workings, let part): Self.written(workings, part: part).append(to: &list)
        }
    }
}

extension Quantity {
    /// A parameter's value, named by the parameter.
    public init(_ key: ParameterKey, _ value: Rational, _ unit: QuantityUnit) {
        self.init(QuantityName(parameter: key), value, unit, parameter: key)
    }
}
