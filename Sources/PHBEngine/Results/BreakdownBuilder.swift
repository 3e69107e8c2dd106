/// Builds the lines of a breakdown: rounds each exact value once, in both
/// columns, by the rule in force, and keeps the exact values for derived lines.
struct BreakdownBuilder {
    /// The rounding rule for every line.
    let rule: RoundingRule
    /// Weeks per year for weekly ↔ annual.
    let weeksPerYear: Rational
    /// The parameter uses behind `rule` and `weeksPerYear`.
    let basis: [ParameterUse]
    /// Whether to build the formulas in words.
    let explains: Bool
    /// What the lines and their workings refer to by place (a snapshot's parameter-use lists, words, values and
    /// lines worked out before), given to the records when the lines are finished.
    private let sharedParts: SharedLineParts?
    /// The lines so far, as records (``LineRecord``): a line's working, quantity and unit rate are held as their
    /// places in `workings`, whose list the records are given when the lines are finished (``finishedLines()``).
    private var lines = RecordedLines()

    /// Every line's working and quantity, written one after another into one list of nodes.
    private var workings = FormulaWriter()
    /// The last shares of several ways a line was held in, and how its record holds them: the lines held alike
    /// share them.
    private var lastMixedHolding: (shares: DeploymentShares, heldAs: LineRecord.HeldAs)?

    /// Makes room for `count` lines in all, so that the list is allocated once rather than grown line by line, and
    /// for their workings' nodes; for lines whose workings are held (``HeldWorkings``), room for a figure's working
    /// alone when the breakdown is not explained (an explained one holds its figures' workings too:
    /// ``figure(_:_:_:held:working:parameters:)``).
    mutating func reserveLines(_ count: Int, writesWorkings: Bool = true) {
        lines.reserveCapacity(count)
        if writesWorkings {
            if explains { workings.reserveCapacity(count * Self.nodesPerLine) }
        } else if !explains {
            workings.reserveCapacity(Self.nodesPerLine / 2)
        }
    }

    /// Writes the lines' records into room for `capacity` of them at `room`, in `block`, a block the calculation
    /// allocates anyway (``LineRecords``), in place of a block of their own: call it before any line is added.
    mutating func writeLines(into room: UnsafeMutablePointer<LineRecord>, capacity: Int, in block: AnyObject) {
        assert(lines.records.isEmpty, "lines are written into a room before any is added")
        lines.records = LineRecords(room: room, capacity: capacity, in: block)
    }

    /// Makes room for `count` nodes of workings in all, when the breakdown is explained: for a calculator that
    /// writes more than the first room made for it (``reserveWorkingsOnFirstUse()``), past which the list is
    /// copied each time it grows.
    mutating func reserveWorkings(nodes count: Int) {
        if explains { workings.reserveCapacity(count) }
    }

    /// Room for the workings' nodes, per line: most lines' working and quantity take fewer, a few take more.
    private static var nodesPerLine: Int { 12 }

    /// Makes room for a few lines' or figures' workings before the first is written, when ``reserveLines(_:)``
    /// made none: a list grown node by node from empty is copied at each doubling. A breakdown that is not
    /// explained writes only its figures' workings, and gets room for one line's.
    private mutating func reserveWorkingsOnFirstUse() {
        if workings.list.nodes.capacity == 0 { workings.reserveCapacity(explains ? 2 * Self.nodesPerLine : Self.nodesPerLine) }
    }

    /// A builder with `context`'s rounding rule and weeks per year.
    init(context: CalculationContext) throws(BudgetError) {
        self.init(rule: try context.roundingRule.get(), weeksPerYear: try context.weeksPerYear.get(), explains: context.explains)
    }

    /// A builder with the rule and weeks per year already resolved.
    init(rule: Resolved<RoundingRule>, weeksPerYear: Resolved<Rational>, explains: Bool) {
        self.init(rule: rule.value, weeksPerYear: weeksPerYear.value, basis: [rule.use, weeksPerYear.use], explains: explains)
    }

    /// A builder with the rule and weeks per year already resolved, and `basis` their uses (a list made once for many
    /// breakdowns: a list made for each was an allocation of its own); what its lines and workings give by place
    /// is in `sharedParts`.
    init(rule: RoundingRule, weeksPerYear: Rational, basis: [ParameterUse], explains: Bool,
         sharedParts: SharedLineParts? = nil) {
        self.rule = rule
        self.weeksPerYear = weeksPerYear
        self.basis = basis
        self.explains = explains
        self.sharedParts = sharedParts
        workings.share(sharedParts)
    }

    /// Writes a line's working or quantity into ``workings``.
    typealias Writing = (inout FormulaWriter) -> Void

    /// Adds a recurring line: weekly = round(exactWeekly), annual = round(exactWeekly × weeksPerYear).
    /// Returns the exact weekly value, which derived lines are worked out from (not the line: a copy
    /// of it, with its formula and parameter uses, is not needed).
    @discardableResult
    mutating func recurring(_ key: LineWords, _ description: LineWords, exactWeekly: Rational, working: Writing,
                            quantity: Writing = { _ in }, unitRate: Writing = { _ in },
                            deployment: @autoclosure () -> DeploymentShares? = nil,
                            parameters: LineUses = []) throws(BudgetError) -> Rational {
        try recurring(key, description, exactWeekly: exactWeekly, exactAnnual: exactWeekly * weeksPerYear, working: working,
                      quantity: quantity, unitRate: unitRate, deployment: deployment(), parameters: parameters)
    }

    /// Adds a recurring line whose exact weekly and annual values are both known (annual = weekly × weeks
    /// per year): each is rounded once, and neither is worked out again from the other.
    @discardableResult
    mutating func recurring(_ key: LineWords, _ description: LineWords, exactWeekly: Rational, exactAnnual: Rational,
                            working: Writing, quantity: Writing = { _ in }, unitRate: Writing = { _ in },
                            deployment: @autoclosure () -> DeploymentShares? = nil,
                            parameters: LineUses = []) throws(BudgetError) -> Rational {
        append(key, description, exact: exactWeekly, weekly: try exactWeekly.roundedToMoney(rule, context: "\(key.text) weekly"),
               annual: try exactAnnual.roundedToMoney(rule, context: "\(key.text) annual"), oneOff: nil, working: working,
               quantity: quantity, unitRate: unitRate, deployment: deployment(), parameters: parameters)
        return exactWeekly
    }

    /// Adds a one-off line (no weekly or annual figure).
    mutating func oneOff(_ key: LineWords, _ description: LineWords, exact: Rational, working: Writing,
                         quantity: Writing = { _ in }, unitRate: Writing = { _ in },
                         deployment: @autoclosure () -> DeploymentShares? = nil,
                         parameters: LineUses = []) throws(BudgetError) {
        append(key, description, exact: exact, weekly: nil, annual: nil, oneOff: try exact.roundedToMoney(rule, context: key.text),
               working: working, quantity: quantity, unitRate: unitRate, deployment: deployment(), parameters: parameters)
    }

    /// Adds a recurring line whose working is a formula built as a value.
    @discardableResult
    mutating func recurring(_ key: LineWords, _ description: LineWords, exactWeekly: Rational, formula: @autoclosure () -> Formula,
                            quantity: @autoclosure () -> Formula? = nil, unitRate: Writing = { _ in },
                            deployment: @autoclosure () -> DeploymentShares? = nil,
                            parameters: LineUses = []) throws(BudgetError) -> Rational {
        try recurring(key, description, exactWeekly: exactWeekly, working: { _ in }, unitRate: unitRate,
                      deployment: deployment(), parameters: parameters)
        setLastWorking(formula(), quantity: quantity())
        return exactWeekly
    }

    /// Adds a recurring line whose natural period is the year (exactWeekly = exactAnnual / weeksPerYear), with its
    /// working a formula built as a value. Returns the exact weekly value.
    @discardableResult
    mutating func recurring(_ key: LineWords, _ description: LineWords, exactAnnual: Rational, formula: @autoclosure () -> Formula,
                            quantity: @autoclosure () -> Formula? = nil, unitRate: Writing = { _ in },
                            deployment: @autoclosure () -> DeploymentShares? = nil,
                            parameters: LineUses = []) throws(BudgetError) -> Rational {
        let weekly = try recurring(key, description, exactWeekly: exactAnnual / weeksPerYear, exactAnnual: exactAnnual,
                                   working: { _ in }, unitRate: unitRate, deployment: deployment(), parameters: parameters)
        setLastWorking(formula(), quantity: quantity())
        return weekly
    }

    /// Adds a one-off line whose working is a formula built as a value.
    mutating func oneOff(_ key: LineWords, _ description: LineWords, exact: Rational, formula: @autoclosure () -> Formula,
                         quantity: @autoclosure () -> Formula? = nil, unitRate: Writing = { _ in },
                         deployment: @autoclosure () -> DeploymentShares? = nil,
                         parameters: LineUses = []) throws(BudgetError) {
        try oneOff(key, description, exact: exact, working: { _ in }, unitRate: unitRate, deployment: deployment(),
                   parameters: parameters)
        setLastWorking(formula(), quantity: quantity())
    }

    /// Holds the values of the workings written when they are read (``HeldWorkings``), when the breakdown is
    /// explained: the lines added with a held working (``recurring(_:_:exactWeekly:exactAnnual:held:deployment:parameters:)``,
    /// ``oneOff(_:_:exact:held:deployment:parameters:)``) refer to them by part, and the lines added after it hold
    /// shares of several ways there. A breakdown holds one set, given before its lines are added.
    mutating func hold(workings: @autoclosure () -> any HeldWorkings) {
        guard explains else { return }
        assert(lines.heldWorkings == nil, "a breakdown holds one set of held workings")
        lines.heldWorkings = HeldWorkingsReference(workings: workings())
    }

    /// Adds a recurring line whose working, and quantity and unit rate where it has them, are `held`: a part of the
    /// workings held (``hold(workings:)``), written when they are read. Returns the exact weekly value; the annual
    /// value is exactWeekly × weeksPerYear.
    @discardableResult
    mutating func recurring(_ key: LineWords, _ description: LineWords, exactWeekly: Rational, held: HeldLine,
                            deployment: DeploymentShares? = nil,
                            parameters: LineUses = []) throws(BudgetError) -> Rational {
        try recurring(key, description, exactWeekly: exactWeekly, exactAnnual: exactWeekly * weeksPerYear, held: held,
                      deployment: deployment, parameters: parameters)
    }

    /// Adds a recurring line whose working is held (as above), and whose exact weekly and annual values are both
    /// known: each is rounded once.
    @discardableResult
    mutating func recurring(_ key: LineWords, _ description: LineWords, exactWeekly: Rational, exactAnnual: Rational,
                            held: HeldLine, deployment: DeploymentShares? = nil,
                            parameters: LineUses = []) throws(BudgetError) -> Rational {
        append(key, description, exact: exactWeekly, weekly: try exactWeekly.roundedToMoney(rule, context: "\(key.text) weekly"),
               annual: try exactAnnual.roundedToMoney(rule, context: "\(key.text) annual"), oneOff: nil, held: held,
               deployment: deployment, parameters: parameters)
        return exactWeekly
    }

    /// Adds a one-off line whose working, and quantity and unit rate where it has them, are `held` (as for a recurring
    /// line).
    mutating func oneOff(_ key: LineWords, _ description: LineWords, exact: Rational, held: HeldLine,
                         deployment: DeploymentShares? = nil, parameters: LineUses = []) throws(BudgetError) {
        append(key, description, exact: exact, weekly: nil, annual: nil, oneOff: try exact.roundedToMoney(rule, context: key.text),
               held: held, deployment: deployment, parameters: parameters)
    }

    /// Gives the line just added a working and quantity built as values, when the breakdown is explained: held as
    /// they are, not copied into ``workings``.
    private mutating func setLastWorking(_ formula: @autoclosure () -> Formula, quantity: @autoclosure () -> Formula?) {
        guard explains, let i = lines.records.indices.last else { return }
        /// The place of `formula` in the lines' formulas built as values.
        func place(_ formula: Formula?) -> LineRecord.FormulaPlace {
            guard let formula else { return .none }
            return .value(lines.hold(.formula(formula)))
        }
        lines.records[i].quantity = place(quantity())
        lines.records[i].formula = place(formula())
    }

    /// Appends a line with its figures, and its working when the breakdown is explained, as a record: its working,
    /// quantity and unit rate are written into ``workings``, and the record holds their places.
    private mutating func append(_ key: LineWords, _ description: LineWords, exact: Rational, weekly: Money?, annual: Money?,
                                 oneOff: Money?, working: Writing, quantity: Writing,
                                 unitRate: Writing, deployment: @autoclosure () -> DeploymentShares?,
                                 parameters: LineUses) {
        var record = self.record(key, description, exact: exact, weekly: weekly, annual: annual, oneOff: oneOff,
                                 parameters: parameters)
        if explains {
            reserveWorkingsOnFirstUse()
            /// The place of the formula `body` writes.
            func place(_ body: Writing) -> LineRecord.FormulaPlace {
                guard let range = workings.writeRange(body) else { return .none }
                return .written(lower: Int32(truncatingIfNeeded: range.lowerBound), upper: Int32(truncatingIfNeeded: range.upperBound))
            }
            record.quantity = place(quantity)
            // One value, written into the workings as a node of its own and read back as a quantity.
            if let node = workings.writeRange(unitRate) { record.unitRate = .node(Int32(truncatingIfNeeded: node.lowerBound)) }
            record.formula = place(working)
            if let held = deployment() { record.deployment = hold(held) }
        }
        lines.append(consume record)
    }

    /// Appends a line with its figures, and its held working when the breakdown is explained, as a record.
    private mutating func append(_ key: LineWords, _ description: LineWords, exact: Rational, weekly: Money?, annual: Money?,
                                 oneOff: Money?, held: HeldLine, deployment: DeploymentShares?,
                                 parameters: LineUses) {
        var record = self.record(key, description, exact: exact, weekly: weekly, annual: annual, oneOff: oneOff,
                                 parameters: parameters)
        if explains {
            record.formula = .held(part: held.part)
            if held.hasQuantity { record.quantity = .held(part: held.part) }
            if held.hasUnitRate { record.unitRate = .held(part: held.part) }
            if let deployment { record.deployment = hold(deployment) }
        }
        lines.append(consume record)
    }

    /// A line's record: its figures, key, description and parameter uses. (Made where it is appended: returned from
    /// a call, the record was copied.)
    @inline(__always)
    private mutating func record(_ key: LineWords, _ description: LineWords, exact: Rational, weekly: Money?,
                                 annual: Money?, oneOff: Money?, parameters: LineUses) -> LineRecord {
        var record = LineRecord(exact: exact, weekly: weekly, annual: annual, oneOff: oneOff, key: text(key),
                                description: text(description))
        switch parameters {
        case .own(let uses): record.uses = lines.hold(uses: uses)
        case .shared(let place):
            assert(sharedParts != nil, "a line's shared parameter uses need the builder's shared parts")
            record.uses = .shared(place)
        }
        return record
    }

    /// A figure beside the lines, its working written into ``workings`` with the lines' (and so held as its range
    /// until ``result(calculator:title:asAt:policyName:policyIsIllustrative:figures:warnings:flags:)`` gives it the
    /// list: pass it there). A figure's working is written whether or not the breakdown is explained.
    mutating func figure(_ key: String, _ label: String, _ value: FigureValue, working: Writing,
                         parameters: [ParameterUse] = []) -> ResultFigure {
        reserveWorkingsOnFirstUse()
        return ResultFigure(key: key, label: label, value: value, formula: workings.write(working) ?? .steps([]), parameters: parameters)
    }

    /// The lines as records, given the list their workings are written in: call it once every line is added.
    mutating func finishedLines() -> RecordedLinesBox { RecordedLinesBox(finishedRecords()) }

    /// A figure beside the lines whose working is `held`, a part of the held workings (``hold(workings:)``), when the
    /// breakdown is explained and holds them, and written by `working` (as
    /// ``figure(_:_:_:working:parameters:)``) when it is not: `held` and `working` write the same formula.
    mutating func figure(_ key: String, _ label: String, _ value: FigureValue, held part: Int32?, working: Writing,
                         parameters: [ParameterUse] = []) -> ResultFigure {
        guard let part, let workings = lines.heldWorkings else {
            return figure(key, label, value, working: working, parameters: parameters)
        }
        return ResultFigure(key: key, label: label, value: value, formula: Formula(.held(workings, part: part)), parameters: parameters)
    }

    /// The lines' records and tables, given the list their workings are written in, moved out of the builder (which
    /// is left with none): taken by assignment, they were copied and the builder's released, a reference count each
    /// way for every table.
    private mutating func finishedRecords() -> RecordedLines {
        if explains { lines.workings = workings.takeList() }
        lines.shared = sharedParts
        return withUnsafeMutablePointer(to: &lines) { held in
            let finished = held.move()
            held.initialize(to: RecordedLines())
            return finished
        }
    }

    /// Adds lines worked out before (a snapshot's constant lines), held as `deployment`, without their working
    /// when the breakdown is not explained. No line is copied: each record gives its place in the list, and its
    /// figures, read from the list's records in place (a line read through its view copied its record).
    mutating func append(_ constant: ConstantLines, deployment: @autoclosure () -> DeploymentShares) {
        let source = constant.lines
        // The snapshot's own lines are referred to in its shared parts; others are held in the table.
        let set: LineRecord.Constant = if let place = sharedParts?.constantLines.firstIndex(where: { $0 === source }) {
            .shared(Int32(truncatingIfNeeded: place))
        } else {
            .held(lines.hold(.lines(source)))
        }
        let held = explains ? hold(deployment()) : .none
        for i in source.lines.records.indices {
            var record = LineRecord(exact: source.lines.records[i].exact, weekly: source.lines.records[i].weekly,
                                    annual: source.lines.records[i].annual, oneOff: source.lines.records[i].oneOff,
                                    key: .none, description: .none)
            (record.constant, record.constantLine) = (set, Int32(truncatingIfNeeded: i))
            (record.deployment, record.explained) = (held, explains)
            lines.append(record)
        }
    }

    /// A key or description as the record holds it: words held in the lines' table, or the code as it is.
    private mutating func text(_ words: LineWords) -> LineText {
        switch words {
        case .words(let words): lines.hold(words: words)
        case .code(let code): code
        }
    }

    /// How a line is held, as its record holds it: one way as a code; shares of several ways held once for the
    /// lines held alike, by the held workings (their words made when read) or else as their words.
    private mutating func hold(_ shares: DeploymentShares) -> LineRecord.HeldAs {
        if let one = shares.heldOneWay { return .oneWay(one) }
        if let last = lastMixedHolding, last.shares == shares { return last.heldAs }
        let heldAs: LineRecord.HeldAs = if let part = lines.heldWorkings?.workings.hold(shares: shares) {
            .shares(part: part)
        } else {
            .words(lines.hold(.words(shares.description)))
        }
        lastMixedHolding = (shares, heldAs)
        return heldAs
    }

    /// Weeks per year in a formula.
    var weeks: Formula { .weeks(weeksPerYear) }

    /// The finished result with totals of the rounded lines, its lines searched for out-of-date values only when
    /// `context` resolved one (every value a calculator uses comes from its context, or one made from it).
    mutating func result(calculator: String, title: String, context: CalculationContext, figures: consuming [ResultFigure] = [],
                warnings: [ResultWarning] = [], flags: [ResultFlag] = []) throws(BudgetError) -> BudgetResult {
        try result(calculator: calculator, title: title, asAt: context.asAt, policyName: context.policy.name,
                   policyIsIllustrative: context.policy.isIllustrative, figures: figures, warnings: warnings, flags: flags,
                   mayUseOutOfDateValues: context.resolvesOutOfDateValue)
    }

    /// The finished result with totals of the rounded lines (the lines finished: ``finishedLines()``).
    /// `mayUseOutOfDateValues` is `false` when the caller knows that no value it used is out of date (a snapshot
    /// that resolved none past the last day it is known to hold), and the lines need not be searched for one.
    mutating func result(calculator: String, title: String, asAt: CalendarDate, policyName: String, policyIsIllustrative: Bool,
                figures: consuming [ResultFigure] = [], warnings: [ResultWarning] = [], flags: [ResultFlag] = [],
                mayUseOutOfDateValues: Bool = true) throws(BudgetError) -> BudgetResult {
        // Only a figure written by ``figure(_:_:_:working:parameters:)`` is changed: a list of figures the caller
        // still holds is copied when it is (pass it with `consume`). Given the list before the lines take it.
        for i in figures.indices where figures[i].formula.isWritten { figures[i].formula.attach(to: workings.list) }
        let records = finishedRecords(), totals = try BudgetTotals(of: records.records)
        let result = BudgetResult(
            calculator: calculator, title: title, asAt: asAt, policyName: policyName,
            policyIsIllustrative: policyIsIllustrative, roundingRule: rule, weeksPerYear: weeksPerYear,
            basis: basis, lines: BudgetLines(.records(RecordedLinesBox(records))), totals: totals, figures: figures,
            warningList: warnings, flags: flags)
        // Listing the distinct parameters costs more than the rest of a figures-only breakdown's
        // bookkeeping; only a value used past the last day it is known to hold needs it. (The result is
        // returned as built: one made `var` and changed in place only sometimes was copied every time.)
        guard mayUseOutOfDateValues, result.usesOutOfDateValue else { return result }
        var warned = result
        warned.warningList += result.parametersUsed.compactMap { $0.outOfDateWarning.map(ResultWarning.words) }
        return warned
    }
}
