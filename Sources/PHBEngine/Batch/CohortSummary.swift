/// What a whole cohort came to: counts, totals old and new, the change, the
/// distribution of percentage changes, and the largest rises and falls.
///
/// Rows are added in input order, so the summary is the same whether the
/// rows were computed by one job or many.
public struct CohortSummary: Sendable, Hashable {
    /// A band of percentage changes, from `lower` (inclusive) to `upper` (exclusive) whole percents; `nil` is unbounded.
    public struct ChangeBand: Sendable, Hashable {
        public let label: String
        public let lowerPercent: Int?
        public let upperPercent: Int?
        public var people = 0

        /// Whether the band holds a change whose whole part (rounded down) is `floor`: for whole-number bounds,
        /// `lower ≤ p < upper` exactly when `lower ≤ ⌊p⌋ < upper`.
        func contains(floor: Int128) -> Bool {
            lowerPercent.map { Int128($0) <= floor } ?? true && upperPercent.map { floor < Int128($0) } ?? true
        }
    }

    /// A person's annual change, for the largest rises and falls.
    public struct Change: Sendable, Hashable {
        public let id: String
        public let row: Int
        public let old: Money
        public let new: Money
        public let change: Money
        public let percent: RoundedPercentage?
    }

    /// People read (computed and failed).
    public private(set) var people = 0
    /// People whose figures were computed.
    public private(set) var computed = 0
    /// People whose rows had an error.
    public private(set) var failed = 0
    /// How many calculations the fast path carried, and how many the full breakdown.
    public private(set) var fastPathCalculations = 0
    public private(set) var fullBreakdownCalculations = 0
    /// Totals over the computed people.
    public private(set) var oldWeekly = Money.zero, newWeekly = Money.zero
    public private(set) var oldAnnual = Money.zero, newAnnual = Money.zero
    public private(set) var oldOneOff = Money.zero, newOneOff = Money.zero
    public private(set) var arrears = Money.zero
    /// People by percentage change of the annual total.
    public private(set) var bands: [ChangeBand]
    /// Where the "no change" band (exactly 0%) is in `bands`.
    private let noChangeBand: Int
    /// People with no old annual total (no percentage).
    public private(set) var noOldTotal = 0
    /// The largest rises and falls by annual £ change, largest first; ties keep input order.
    public private(set) var largestRises: [Change] = []
    public private(set) var largestFalls: [Change] = []
    /// How many of each to keep.
    public let keep: Int
    /// Whether a total overflowed (the totals are then not meaningful and the summary says so).
    public private(set) var overflowed = false

    /// An empty summary keeping the `keep` largest rises and falls.
    public init(keep: Int = 10) {
        self.keep = max(0, keep)
        let edges: [Int] = [-10, -5, -2, 0]
        var bands: [ChangeBand] = []
        var lower: Int?
        for upper in edges {
            bands.append(ChangeBand(label: lower.map { "\($0)% to \(upper)%" } ?? "below \(upper)%", lowerPercent: lower,
                                    upperPercent: upper))
            lower = upper
        }
        noChangeBand = bands.count
        bands.append(ChangeBand(label: "no change", lowerPercent: 0, upperPercent: 0))
        var from = 0
        for upper in [2, 5, 10] {
            bands.append(ChangeBand(label: "\(from)% to \(upper)%", lowerPercent: from, upperPercent: upper))
            from = upper
        }
        bands.append(ChangeBand(label: "\(from)% or more", lowerPercent: from, upperPercent: nil))
        self.bands = bands
    }

    /// The total annual change, new − old.
    public var annualChange: Money { Money(pence: newAnnual.pence &- oldAnnual.pence) }

    /// Counts a person who failed: one whose input could not be read at all (no id, no row of figures), or whose row
    /// has an error.
    public mutating func addFailed() {
        people += 1
        failed += 1
    }

    /// Adds the next row in input order.
    public mutating func add(_ row: RecalculationRow) {
        switch row.outcome {
        case .success(let figures): add(id: row.id, row: row.row, figures: figures)
        case .failure: addFailed()
        }
    }

    /// Adds the next person in input order, computed: their id (made only if they enter the largest rises or
    /// falls), the input row where they start, and their figures.
    public mutating func add(id: @autoclosure () -> String, row: Int, figures: RecalculatedFigures) {
        people += 1
        computed += 1
        fastPathCalculations += figures.fastPathCount
        fullBreakdownCalculations += figures.calculationCount - figures.fastPathCount
        func add(_ total: inout Money, _ amount: Money) {
            let (sum, o) = total.pence.addingReportingOverflow(amount.pence)
            overflowed = overflowed || o
            total = Money(pence: sum)
        }
        add(&oldWeekly, figures.old.weekly)
        add(&newWeekly, figures.new.weekly)
        add(&oldAnnual, figures.old.annual)
        add(&newAnnual, figures.new.annual)
        add(&oldOneOff, figures.old.oneOff)
        add(&newOneOff, figures.new.oneOff)
        if let owed = figures.arrears { add(&arrears, owed) }
        if let percent = figures.percentChange {
            if percent.isZero {
                bands[noChangeBand].people += 1
            } else {
                let floor = percent.wholePercentBelow
                for band in bands.indices where bands[band].contains(floor: floor) {  // "no change" holds none
                    bands[band].people += 1
                    break
                }
            }
        } else {
            noOldTotal += 1
        }
        // Most people make neither list: the change is built only for one that does.
        let change = figures.annualChange.pence
        func made() -> Change {
            Change(id: id(), row: row, old: figures.old.annual, new: figures.new.annual,
                   change: figures.annualChange, percent: figures.percentChange)
        }
        if change > 0, Self.makes(change, largestRises, keep: keep, by: >) {
            Self.insert(made(), into: &largestRises, keep: keep, by: >)
        }
        if change < 0, Self.makes(change, largestFalls, keep: keep, by: <) {
            Self.insert(made(), into: &largestFalls, keep: keep, by: <)
        }
    }

    /// Adds the summary of the rows that came after this summary's, as if
    /// they had been added one by one: so a cohort can be summarised a chunk
    /// at a time on several threads and merged in input order.
    public mutating func merge(_ later: CohortSummary) {
        people += later.people
        computed += later.computed
        failed += later.failed
        fastPathCalculations += later.fastPathCalculations
        fullBreakdownCalculations += later.fullBreakdownCalculations
        overflowed = overflowed || later.overflowed
        func add(_ total: inout Money, _ amount: Money) {
            let (sum, o) = total.pence.addingReportingOverflow(amount.pence)
            overflowed = overflowed || o
            total = Money(pence: sum)
        }
        add(&oldWeekly, later.oldWeekly)
        add(&newWeekly, later.newWeekly)
        add(&oldAnnual, later.oldAnnual)
        add(&newAnnual, later.newAnnual)
        add(&oldOneOff, later.oldOneOff)
        add(&newOneOff, later.newOneOff)
        add(&arrears, later.arrears)
        for (i, band) in later.bands.enumerated() where bands.indices.contains(i) { bands[i].people += band.people }
        noOldTotal += later.noOldTotal
        for change in later.largestRises where Self.makes(change.change.pence, largestRises, keep: keep, by: >) {
            Self.insert(change, into: &largestRises, keep: keep, by: >)
        }
        for change in later.largestFalls where Self.makes(change.change.pence, largestFalls, keep: keep, by: <) {
            Self.insert(change, into: &largestFalls, keep: keep, by: <)
        }
    }

    /// Whether a change of `pence` enters `list` of the `keep` largest by `larger` (a later row enters only
    /// when strictly larger than the last kept).
    ///
    /// Static, like ``insert(_:into:keep:by:)``: a method of the summary called while one of its lists is being
    /// changed in place would copy the whole summary to call it.
    private static func makes(_ pence: Int64, _ list: [Change], keep: Int, by larger: (Int64, Int64) -> Bool) -> Bool {
        guard keep > 0 else { return false }
        guard list.count == keep, let last = list.indices.last else { return true }
        return larger(pence, list[last].change.pence)
    }

    /// Puts `change` into `list` after the changes at least as large by `larger`, earlier rows first among
    /// equals, keeping the `keep` largest.
    private static func insert(_ change: Change, into list: inout [Change], keep: Int, by larger: (Int64, Int64) -> Bool) {
        let at = list.firstIndex { larger(change.change.pence, $0.change.pence) } ?? list.count
        list.insert(change, at: at)
        if list.count > keep { list.removeLast() }
    }
}
