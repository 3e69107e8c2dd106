/// The nodes of one or more formulas, each operation after its operands
/// (postfix order), and the values the nodes hold by reference.
///
/// A node holds only codes, numbers and places, so a node copies with no
/// reference count and a list of them is freed with no work per node. A named
/// value whose name and parameter have codes (``NodeQuantity``) is held in its
/// node; anything else a node needs (a value with a name of its own, a time
/// band's rate, a table, a formula held by reference) is in ``held``, at the
/// place the node gives. A node moved to another list takes what it holds
/// with it (``append(nodeAt:of:)``).
@usableFromInline struct FormulaList: Sendable {
    /// The nodes.
    var nodes: ContiguousArray<FormulaNode> = []
    /// What the nodes hold by reference, each at the place its node gives.
    var held: ContiguousArray<HeldValue> = []
    /// The named values that nodes refer to by place (``FormulaNode/sharedQuantity(_:)``): a snapshot's.
    var shared: SharedLineParts?

    init() {}

    /// A list of one node that holds nothing by reference.
    init(_ node: FormulaNode) { nodes = [node] }

    /// Whether the list has no nodes.
    var isEmpty: Bool { nodes.isEmpty }

    /// Makes room for `count` nodes in all.
    mutating func reserveCapacity(_ count: Int) { nodes.reserveCapacity(count) }

    /// Holds `value`, returning its place. The first gets room for a few: a list grown one by one from empty is
    /// copied at each doubling.
    private mutating func hold(_ value: HeldValue) -> Int {
        if held.capacity == 0 { held.reserveCapacity(8) }
        held.append(value)
        return held.count - 1
    }

    // MARK: Appending

    /// Appends a node of `q`.
    mutating func append(quantity q: consuming Quantity) {
        if let codes = NodeQuantity(q) { return nodes.append(.quantity(codes)) }
        nodes.append(.heldQuantity(hold(.quantity(consume q))))
    }

    /// Appends a node of the named value at `place` of ``shared``.
    mutating func append(sharedAt place: Int32) {
        assert(shared != nil, "a node of a shared value needs the list's shared parts")
        nodes.append(.sharedQuantity(place))
    }

    /// Appends the node `working = q`, after the working.
    mutating func append(equals q: consuming Quantity) {
        if let codes = NodeQuantity(q) { return nodes.append(.equals(codes)) }
        nodes.append(.heldEquals(hold(.quantity(consume q))))
    }

    /// Appends a node of a value named `name`, with no parameter.
    @inline(__always)
    mutating func append(value name: QuantityName, _ value: Rational, _ unit: QuantityUnit) {
        switch name.storage {
        case .known(let known): nodes.append(.quantity(NodeQuantity(.known(known), value, unit, nil)))
        case .indexed(let known, let i): nodes.append(.quantity(NodeQuantity(.indexed(known, i), value, unit, nil)))
        default: append(quantity: Quantity(name, value, unit))
        }
    }

    /// Appends the node `working = value`, the value named `name` with no parameter, after the working.
    @inline(__always)
    mutating func append(equals name: QuantityName, _ value: Rational, _ unit: QuantityUnit) {
        switch name.storage {
        case .known(let known): nodes.append(.equals(NodeQuantity(.known(known), value, unit, nil)))
        case .indexed(let known, let i): nodes.append(.equals(NodeQuantity(.indexed(known, i), value, unit, nil)))
        default: append(equals: Quantity(name, value, unit))
        }
    }

    /// Appends a node of parameter `key`'s value, named by the parameter.
    @inline(__always)
    mutating func append(parameter key: ParameterKey, _ value: Rational, _ unit: QuantityUnit) {
        guard let fixed = FixedParameter(key) else { return append(quantity: Quantity(key, value, unit)) }
        nodes.append(.quantity(NodeQuantity(.parameter(fixed), value, unit, fixed)))
    }

    /// Appends the node of a lookup in `table`, after its operands.
    mutating func append(lookup table: ParameterKey, gives: Bool) {
        nodes.append(.lookup(hold(.table(table)), gives: gives))
    }

    /// Appends the formula of `range` of `list` as one node that holds it by reference.
    mutating func append(embedding list: FormulaList, _ range: Range<Int>) {
        nodes.append(.embedded(hold(.formula(list, range))))
    }

    /// Appends node `i` of `other`, with what it holds.
    mutating func append(nodeAt i: Int, of other: FormulaList) {
        switch other.nodes[i] {
        case .heldQuantity(let h): nodes.append(.heldQuantity(hold(other.held[h])))
        case .sharedQuantity(let place): nodes.append(.heldQuantity(hold(.quantity(other.sharedQuantity(place)))))
        case .heldEquals(let h): nodes.append(.heldEquals(hold(other.held[h])))
        case .lookup(let h, let gives): nodes.append(.lookup(hold(other.held[h]), gives: gives))
        case .embedded(let h): nodes.append(.embedded(hold(other.held[h])))
        case let node: nodes.append(node)
        }
    }

    // MARK: Reading

    /// The value held at `h` as a quantity (a node's ``FormulaNode/heldQuantity(_:)`` or ``FormulaNode/heldEquals(_:)``).
    func heldQuantity(_ h: Int) -> Quantity {
        if case .quantity(let q) = held[h] { return q }
        return Quantity(.zero, .zero, .number)  // not reached: such a node's place holds a quantity
    }

    /// The named value at `place` of ``shared`` (a node's ``FormulaNode/sharedQuantity(_:)``).
    func sharedQuantity(_ place: Int32) -> Quantity {
        shared?.quantities[Int(place)] ?? Quantity(.zero, .zero, .number)  // not reached: a node's place holds a value
    }

    /// The named value node `i` holds (a line's unit rate, written as one value); `nil` for a node of another kind.
    func quantity(atNode i: Int) -> Quantity? {
        switch nodes[i] {
        case .quantity(let codes): codes.quantity
        case .heldQuantity(let h): heldQuantity(h)
        case .sharedQuantity(let place): sharedQuantity(place)
        default: nil
        }
    }

    /// The table held at `h` (a lookup's).
    func heldTable(_ h: Int) -> ParameterKey {
        if case .table(let key) = held[h] { return key }
        return .rasBands  // not reached: a lookup's place holds its table
    }

    /// The formula held at `h` (an embedded node's), as its list and range.
    func heldFormula(_ h: Int) -> (FormulaList, Range<Int>)? {
        if case .formula(let list, let range) = held[h] { return (list, range) }
        return nil
    }
}

/// A named value a ``Formula`` of that value alone holds by reference.
@usableFromInline final class QuantityBox: Sendable {
    let quantity: Quantity

    init(_ quantity: Quantity) { self.quantity = quantity }
}

/// A value a ``FormulaNode`` holds by reference, in its list's ``FormulaList/held``.
@usableFromInline enum HeldValue: Sendable {
    /// A named value whose name or parameter has no code.
    case quantity(Quantity)
    /// A lookup's table.
    case table(ParameterKey)
    /// A formula of several nodes, held by reference rather than copied node by node: `range` of `list`.
    case formula(FormulaList, Range<Int>)
}

/// One node of a ``FormulaList``: a value, a note, or an operation on the
/// formulas just before it in the list (its operands, in order). It holds
/// only codes, numbers and places in its list's ``FormulaList/held``.
@usableFromInline enum FormulaNode: Sendable, Hashable {
    /// A named value held as codes; no operands.
    case quantity(NodeQuantity)
    /// A named value at place `held`; no operands.
    case heldQuantity(Int)
    /// A named value at this place of the list's ``FormulaList/shared`` parts; no operands.
    case sharedQuantity(Int32)
    /// A fixed remark; no operands.
    case note(ExplanationNote)
    /// `operation` on `operands` operands.
    case operation(Operation, operands: Int)
    /// One operand, the working, and the exact value it comes to, held as codes.
    case equals(NodeQuantity)
    /// One operand, the working, and the exact value it comes to, at place `held`.
    case heldEquals(Int)
    /// One operand, the working, rounded by `rule` to `places` decimal places.
    case rounded(places: Int, RoundingRule)
    /// Two operands: `left comparison right`.
    case comparison(Comparison)
    /// Two or three operands: the value, the row's lower bound (a quantity) and, when `gives`, what the row
    /// gives (a quantity); the table is at place `table`.
    case lookup(Int, gives: Bool)
    /// `count` operands, the steps.
    case steps(count: Int)
    /// A whole formula at place `held`, one operand. It stands for its nodes: a formula's equality, hash and
    /// ``Formula/node`` look through it.
    case embedded(Int)

    /// How many operands the node takes.
    var operandCount: Int {
        switch self {
        case .quantity, .heldQuantity, .sharedQuantity, .note, .embedded: 0
        case .equals, .heldEquals, .rounded: 1
        case .comparison: 2
        case .lookup(_, let gives): gives ? 3 : 2
        case .operation(_, let count), .steps(let count): count
        }
    }
}

/// A named value held as codes: a name of the engine's own, its parameter's or a DST domain's, and a parameter with a
/// fixed name.
@usableFromInline struct NodeQuantity: Sendable, Hashable {
    /// How the name is held.
    enum Name: Hashable {
        /// One of the engine's own names.
        case known(QuantityName.Known)
        /// The name of the parameter.
        case parameter(FixedParameter)
        /// A DST domain's points at a level, or its weight (``QuantityName/Storage/dst(_:_:)``).
        case dst(DSTDomain, DSTLevel?)
        /// One of the engine's own names at a position (``QuantityName/Storage/indexed(_:_:)``).
        case indexed(QuantityName.Known, UInt16)
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
        case .dst(let domain, let level): name = .dst(domain, level)
        case .indexed(let known, let i): name = .indexed(known, i)
        case .text: return nil
        }
        (value, unit, self.parameter) = (q.value, q.unit, parameter)
    }

    /// The quantity the codes stand for.
    var quantity: Quantity {
        let name = switch name {
        case .known(let known): QuantityName(known)
        case .parameter(let named): QuantityName(parameter: named.key)
        case .dst(let domain, let level): QuantityName(dst: domain, level)
        case .indexed(let known, let i): QuantityName(known, at: Int(i))
        }
        return Quantity(name, value, unit, parameter: parameter?.key)
    }
}
