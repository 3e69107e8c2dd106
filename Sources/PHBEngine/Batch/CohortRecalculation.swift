/// One person of a cohort: who, where in the input, and their plan.
public struct CohortPerson: Sendable, Hashable {
    /// The person's id as the cohort file gives it.
    public var id: String
    /// The input row (or line) where the person's rows start, counting the header as row 1.
    public var row: Int
    /// The plan, costed bottom-up.
    public var plan: BottomUpPlan

    public init(id: String, row: Int, plan: BottomUpPlan) {
        self.id = id
        self.row = row
        self.plan = plan
    }
}

/// The period over which new rates were due but not yet paid: from the date
/// they took effect (inclusive) to the date the new rates are first paid
/// (exclusive). Arrears = (new weekly total − old weekly total) × days ÷ 7,
/// exact, rounded once.
public struct ArrearsPeriod: Sendable, Hashable {
    /// The first day the new rates apply.
    public var effective: CalendarDate
    /// The first day the new rates are paid.
    public var paidFrom: CalendarDate

    /// A period; `paidFrom` must not be before `effective`.
    public init(effective: CalendarDate, paidFrom: CalendarDate) throws(BudgetError) {
        guard !(paidFrom < effective) else {
            throw .invalidValue(field: "arrears", value: "\(effective) to \(paidFrom)",
                                reason: "the payment date must not be before the effective date")
        }
        self.effective = effective
        self.paidFrom = paidFrom
    }

    /// Days in the period.
    public var days: Int { paidFrom.dayNumber - effective.dayNumber }
}

/// A person's outcome in a recalculation: old and new totals and the change, or the error.
public struct RecalculationRow: Sendable, Hashable {
    /// The person.
    public var id: String
    /// Where the person's rows start in the input.
    public var row: Int
    /// The figures, or what stopped them.
    public var outcome: Result<RecalculatedFigures, BudgetError>

    public init(id: String, row: Int, outcome: Result<RecalculatedFigures, BudgetError>) {
        self.id = id
        self.row = row
        self.outcome = outcome
    }
}

/// Old and new totals of one person and what changed.
public struct RecalculatedFigures: Sendable, Hashable {
    /// Totals under the old parameters (equal to `new` in a single-date batch).
    public var old: BudgetTotals
    /// Totals under the new parameters.
    public var new: BudgetTotals
    /// new − old, annual.
    public var annualChange: Money
    /// The annual change as a percentage of the old annual total, to 2 decimal
    /// places by the new rounding rule; `nil` when the old total is zero.
    public var percentChange: RoundedPercentage?
    /// Arrears owed for the period, when one was given.
    public var arrears: Money?
    /// How many calculations the person took (1 in a single-date batch, else 2), and how many
    /// of them the fast path carried: for diagnostics only.
    public var calculationCount: Int
    public var fastPathCount: Int

    public init(old: BudgetTotals, new: BudgetTotals, annualChange: Money, percentChange: RoundedPercentage?, arrears: Money?,
                calculationCount: Int, fastPathCount: Int) {
        self.old = old
        self.new = new
        self.annualChange = annualChange
        self.percentChange = percentChange
        self.arrears = arrears
        self.calculationCount = calculationCount
        self.fastPathCount = fastPathCount
    }
}

/// Recalculates people from old parameters to new: the per-person work of a
/// cohort batch, pure and `Sendable`, so any number of threads can share it.
///
/// Each person's totals come from the fast path when it can prove every penny,
/// and from the full breakdown otherwise (docs/fast-path.md): the same pennies
/// either way.
public struct CohortRecalculation: Sendable {
    public let old: BottomUpParameters
    public let new: BottomUpParameters
    public let arrears: ArrearsPeriod?
    /// The arrears period's days, worked out once.
    let arrearsDays: Int64?
    let fastOld: FastBottomUpParameters?
    let fastNew: FastBottomUpParameters?
    /// Unretained views of `fastOld` and `fastNew` (which keep them alive): a thread costing a person
    /// through them takes no reference count. Counts on one object shared by every thread are
    /// contended, and slowed each thread down.
    let fastOldView: Unmanaged<FastBottomUpParameters>?
    let fastNewView: Unmanaged<FastBottomUpParameters>?
    /// The new rounding rule, for percentages and arrears.
    let rule: RoundingRule
    /// Whether old and new are one snapshot (a single-date batch): each plan is then costed once.
    let singleDate: Bool

    /// A recalculation from `old` to `new`, with arrears over `arrears` if given.
    public init(old: BottomUpParameters, new: BottomUpParameters, arrears: ArrearsPeriod? = nil) {
        self.old = old
        self.new = new
        self.arrears = arrears
        arrearsDays = arrears.map { Int64($0.days) }
        fastOld = FastBottomUpParameters(old)
        fastNew = FastBottomUpParameters(new)
        fastOldView = fastOld.map(Unmanaged.passUnretained)
        fastNewView = fastNew.map(Unmanaged.passUnretained)
        rule = (try? new.rounding.get().value) ?? .halfAwayFromZero
        singleDate = false
    }

    /// A single-date batch: old and new are the same parameters, and each plan is costed once.
    public init(parameters: BottomUpParameters) {
        old = parameters
        new = parameters
        arrears = nil
        arrearsDays = nil
        fastNew = FastBottomUpParameters(parameters)
        fastOld = fastNew
        fastNewView = fastNew.map(Unmanaged.passUnretained)
        fastOldView = fastNewView
        rule = (try? parameters.rounding.get().value) ?? .halfAwayFromZero
        singleDate = true
    }

    /// The totals of `plan` under one snapshot, by the fast path when it proves them.
    func totals(_ plan: BottomUpPlan, _ fastPlan: FastBottomUpPlan?, _ parameters: BottomUpParameters,
                _ fast: FastBottomUpParameters?) -> (Result<BudgetTotals, BudgetError>, fast: Bool) {
        if let fast, let totals = fastPlan?.totals(fast) { return (.success(totals), true) }
        return (Result { () throws(BudgetError) in try plan.calculate(with: parameters, explains: false).totals }, false)
    }

    /// One person's row.
    public func recalculate(_ person: CohortPerson) -> RecalculationRow {
        let fastPlan = FastBottomUpPlan(person.plan)
        let (newTotals, newFast) = totals(person.plan, fastPlan, new, fastNew)
        let (oldTotals, oldFast): (Result<BudgetTotals, BudgetError>, Bool) =
            singleDate ? (newTotals, newFast) : totals(person.plan, fastPlan, old, fastOld)
        let fastPathCount = singleDate ? (newFast ? 1 : 0) : (oldFast ? 1 : 0) + (newFast ? 1 : 0)
        let outcome = Result { () throws(BudgetError) -> RecalculatedFigures in
            try figures(old: try oldTotals.get(), new: try newTotals.get(), fastPathCount: fastPathCount)
        }
        return RecalculationRow(id: person.id, row: person.row, outcome: outcome)
    }

    /// Many people's figures at once, by the fast path in columns (``FastBottomUpColumns``): for each plan
    /// laid out in `columns`, in order, the figures ``figures(_:)`` gives that plan when the columns settle
    /// both sides, else `nil` (cost that person with ``figures(_:)``, then ``recalculate(_:)``).
    public func settledFigures(_ columns: FastBottomUpColumns) -> [RecalculatedFigures?] {
        let none = [BudgetTotals?](repeating: nil, count: columns.count)
        let newTotals = fastNewView?._withUnsafeGuaranteedRef { columns.settledTotals($0) } ?? none
        let oldTotals = singleDate ? newTotals : fastOldView?._withUnsafeGuaranteedRef { columns.settledTotals($0) } ?? none
        return zip(oldTotals, newTotals).map { old, new in
            guard let old, let new else { return nil }
            return try? figures(old: old, new: new, fastPathCount: singleDate ? 1 : 2)
        }
    }

    /// One person's figures when the fast path proves both sides and nothing
    /// overflows, else `nil` (then ``recalculate(_:)`` on the plan as read
    /// decides, and reports any error): the batch's way when the reader could
    /// build the fast form straight from the input.
    ///
    /// No row is built: the figures go straight to the results file and the
    /// summary (``CohortSummary/add(id:row:figures:)``), so a person's outcome
    /// is not copied from value to value on the way.
    public func figures(_ fastPlan: FastBottomUpPlan) -> RecalculatedFigures? {
        guard let newTotals = Self.totals(fastPlan, fastNewView) else { return nil }
        var oldTotals = newTotals
        if !singleDate {
            guard let totals = Self.totals(fastPlan, fastOldView) else { return nil }
            oldTotals = totals
        }
        return try? figures(old: oldTotals, new: newTotals, fastPathCount: singleDate ? 1 : 2)
    }

    /// The new side's line figures of `fastPlan` by the fast path (a lines file's rows), or `nil` when the fast
    /// path declines and the full breakdown must decide.
    public func newLineFigures(_ fastPlan: FastBottomUpPlan) -> [BottomUpLineFiguresSink.LineFigures]? {
        var sink = BottomUpLineFiguresSink()
        // `nil` with no snapshot or when the fast path declines (the chain's optional result is flattened).
        guard fastNewView?._withUnsafeGuaranteedRef({ fastPlan.figures($0, into: &sink) }) != nil else { return nil }
        return sink.lines
    }

    /// The plan's totals by the fast path under the snapshot `fast` views, or `nil`.
    @inline(__always)
    static func totals(_ plan: FastBottomUpPlan, _ fast: Unmanaged<FastBottomUpParameters>?) -> BudgetTotals? {
        fast?._withUnsafeGuaranteedRef { plan.totals($0) } ?? nil
    }

    /// The change, percentage and arrears from old and new totals.
    @inline(__always)  // into the fast path's caller, which then builds the figures where they are returned
    func figures(old oldValue: BudgetTotals, new newValue: BudgetTotals, fastPathCount: Int) throws(BudgetError)
        -> RecalculatedFigures {
        let (change, o) = newValue.annual.pence.subtractingReportingOverflow(oldValue.annual.pence)
        if o { throw .arithmeticOverflow("annual change") }
        // change ÷ old × 100, to 2 places: a whole number of hundredths of a percent.
        let percent = RoundedPercentage(change, of: oldValue.annual.pence, rule: rule)
        var arrearsMoney: Money?
        if let days = arrearsDays {
            // (new weekly − old weekly) × days ÷ 7, in pence, rounded once: in 64 bits when the product fits.
            let (weeklyChange, o1) = newValue.weekly.pence.subtractingReportingOverflow(oldValue.weekly.pence)
            let (owed, o2) = weeklyChange.multipliedReportingOverflow(by: days)
            if !(o1 || o2) {
                arrearsMoney = Money(pence: rule.roundedQuotient(owed, 7))
            } else {
                let exact = (Int128(newValue.weekly.pence) - Int128(oldValue.weekly.pence)) * Int128(days)
                guard let pence = Int64(exactly: rule.roundedQuotient(exact, 7)) else { throw .arithmeticOverflow("arrears") }
                arrearsMoney = Money(pence: pence)
            }
        }
        return RecalculatedFigures(old: oldValue, new: newValue, annualChange: Money(pence: change),
                                   percentChange: percent, arrears: arrearsMoney,
                                   calculationCount: singleDate ? 1 : 2, fastPathCount: fastPathCount)
    }
}
