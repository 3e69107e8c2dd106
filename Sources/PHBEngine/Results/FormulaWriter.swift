/// Writes formulas node by node into one list, each operation after its
/// operands: how a breakdown writes its lines' workings into one list with
/// no allocation per node, and how held workings (``HeldWorkings``) write one
/// when it is read.
///
/// An operation takes the formulas its closure writes as its operands, so the
/// code reads as the tree does:
///
/// ```swift
/// w.equals(.weekly, exact, .poundsAWeek) { w in
///     w.product { w in
///         w.value(.hoursPerWeek, h, .hoursAWeek)
///         w.value(.staffRatio, ratio, .staff)
///         w.quantity(rate)
///     }
/// }
/// ```
///
/// gives the same formula as `(h × ratio × rate).equals(.weekly, …)` built
/// from values, without building a value for each node.
struct FormulaWriter {
    /// The nodes written so far.
    private(set) var list = FormulaList()
    /// How many formulas the operation being written has as operands so far.
    private var written = 0

    /// Writes one formula with `body`, and returns it as its range of this writer's list, to be given the list
    /// once every formula is written (``Formula/attach(to:)``); `nil` when `body` writes nothing.
    mutating func write(_ body: (inout FormulaWriter) -> Void) -> Formula? {
        writeRange(body).map { Formula(.written($0)) }
    }

    /// Writes one formula with `body`, and returns its range of this writer's list; `nil` when `body` writes nothing.
    mutating func writeRange(_ body: (inout FormulaWriter) -> Void) -> Range<Int>? {
        let start = list.nodes.count, outer = written
        written = 0
        body(&self)
        assert(written <= 1, "a working is one formula")
        written = outer
        return start == list.nodes.count ? nil : start..<list.nodes.count
    }

    // MARK: Values

    /// Makes room for `count` nodes in all.
    mutating func reserveCapacity(_ count: Int) { list.reserveCapacity(count) }

    /// The nodes written, moved out of the writer (which is left with none): taken by assignment, the list was
    /// copied and the writer's released, a reference count each way for each of its parts.
    mutating func takeList() -> FormulaList {
        var taken = FormulaList()
        swap(&taken, &list)
        return taken
    }

    /// A named value.
    mutating func quantity(_ q: consuming Quantity) {
        list.append(quantity: q)
        written += 1
    }

    /// The named value at `place` of the list's shared parts (a value made once for many formulas: a policy's rate
    /// for a time band, whose name has no code).
    mutating func quantity(sharedAt place: Int32) {
        list.append(sharedAt: place)
        written += 1
    }

    /// Gives the list the shared parts its nodes may refer to (``quantity(sharedAt:)``).
    mutating func share(_ parts: SharedLineParts?) { list.shared = parts }

    /// A named value. (Each of these builds its quantity in the node itself: a quantity built apart and handed
    /// on was copied into the node and then destroyed.)
    @inline(__always)
    mutating func value(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit) {
        list.append(value: name, value, unit)
        written += 1
    }

    /// A parameter's value, in `unit`.
    @inline(__always)
    mutating func parameter(_ key: ParameterKey, _ value: Rational, _ unit: QuantityUnit) {
        list.append(parameter: key, value, unit)
        written += 1
    }

    /// A percentage parameter, shown in percentage points, from its value as a fraction (0.1207 → 12.07%).
    @inline(__always)
    mutating func percentParameter(_ key: ParameterKey, fraction: Rational) {
        parameter(key, fraction * 100, .percent)
    }

    /// Weeks per year, the divisor from an annual amount to a weekly one.
    @inline(__always)
    mutating func weeks(_ weeksPerYear: Rational) { parameter(.weeksPerYear, weeksPerYear, .weeksAYear) }

    /// A fixed remark.
    mutating func note(_ note: ExplanationNote) {
        list.nodes.append(.note(note))
        written += 1
    }

    // MARK: Operations

    /// `operation` on the operands `operands` writes.
    mutating func operation(_ operation: Operation, _ operands: (inout FormulaWriter) -> Void) {
        node(after: operands) { $0.nodes.append(.operation(operation, operands: $1)) }
    }

    /// `a × b × …`
    mutating func product(_ operands: (inout FormulaWriter) -> Void) { operation(.product, operands) }
    /// `a ÷ b`
    mutating func quotient(_ operands: (inout FormulaWriter) -> Void) { operation(.quotient, operands) }
    /// `a + b + …`
    mutating func sum(_ operands: (inout FormulaWriter) -> Void) { operation(.sum, operands) }
    /// `a − b − …`
    mutating func difference(_ operands: (inout FormulaWriter) -> Void) { operation(.difference, operands) }

    /// The working `working` writes, and the exact value it comes to.
    @inline(__always)
    mutating func equals(_ name: QuantityName, _ value: Rational, _ unit: QuantityUnit,
                         _ working: (inout FormulaWriter) -> Void) {
        node(after: working) { list, _ in list.append(equals: name, value, unit) }
    }

    /// The working `working` writes, rounded by `rule` to `places` decimal places.
    mutating func rounded(places: Int, _ rule: RoundingRule, _ working: (inout FormulaWriter) -> Void) {
        node(after: working) { list, _ in list.nodes.append(.rounded(places: places, rule)) }
    }

    /// `Σ points × weight` over `count` parts, `part(i)` giving a part's points and its weight (`nil` for a weight
    /// of 1, which is left out); one part is written as itself, not as a sum.
    mutating func weightedSum(of count: Int, _ part: (Int) -> (points: Quantity, weight: Quantity?)) {
        func write(_ i: Int, _ w: inout FormulaWriter) {
            let (points, weight) = part(i)
            guard let weight else { return w.quantity(points) }
            w.product { w in
                w.quantity(points)
                w.quantity(weight)
            }
        }
        guard count != 1 else { return write(0, &self) }
        sum { w in
            for i in 0..<count { write(i, &w) }
        }
    }

    /// `(annual = working) ÷ weeks per year = weekly`: the working of a line whose natural period is the year.
    mutating func weekly(_ weekly: Rational, fromAnnual annual: Rational, weeksPerYear: Rational,
                         _ working: (inout FormulaWriter) -> Void) {
        equals(.weekly, weekly, .poundsAWeek) { w in
            w.quotient { w in
                w.equals(.annual, annual, .poundsAYear, working)
                w.weeks(weeksPerYear)
            }
        }
    }

    /// `left comparison right`, the two formulas `sides` writes.
    mutating func comparison(_ comparison: Comparison, _ sides: (inout FormulaWriter) -> Void) {
        node(after: sides) { list, _ in list.nodes.append(.comparison(comparison)) }
    }

    /// The row of `table` that the value `value` writes falls in: the row from `rowFrom` (inclusive), giving `gives`
    /// when the row holds an amount.
    mutating func lookup(table: ParameterKey, rowFrom: Quantity, gives: Quantity?, _ value: (inout FormulaWriter) -> Void) {
        node(after: { w in
            value(&w)
            w.quantity(rowFrom)
            if let gives { w.quantity(gives) }
        }) { list, _ in list.append(lookup: table, gives: gives != nil) }
    }

    /// The steps `steps` writes, one after another.
    mutating func steps(_ steps: (inout FormulaWriter) -> Void) {
        node(after: steps) { $0.nodes.append(.steps(count: $1)) }
    }

    /// The formulas `operands` writes, then the node `add` appends for their count: one formula in all.
    private mutating func node(after operands: (inout FormulaWriter) -> Void, _ add: (inout FormulaList, Int) -> Void) {
        let outer = written
        written = 0
        operands(&self)
        let count = written
        written = outer + 1
        add(&list, count)
    }
}
