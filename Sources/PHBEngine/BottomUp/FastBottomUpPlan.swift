/// A bottom-up plan in the form the fast path reads: every amount already in
/// fixed-point units, hours and nights as exact multipliers, each line's
/// deployment settled, bands as inline keys; no strings, no rationals.
///
/// Built once per plan (``init(_:)``) and costed under any number of
/// snapshots (``figures(_:into:)``): a recalculation costs it twice. A plan
/// the fast path cannot hold, or one the full breakdown would reject for its
/// shape (duplicate ids, hours out of range, no deployment…), has no fast
/// form; the full breakdown then gives the figures or the typed error.
public struct FastBottomUpPlan: Sendable, Hashable {
    /// One line of hourly care, in 48 bytes (a plan's lines are read once each time it is costed, so the
    /// fewer cache lines they span, the sooner a cohort's plans are costed).
    public struct Care: Sendable, Hashable {
        let band: InlineName
        let provider: Provider
        /// The line's own deployment; `nil`: the plan's.
        let deployment: Deployment?
        /// Whether ``ownRate`` is the line's own rate (else the policy's for its band applies).
        let hasOwnRate: Bool
        /// Hours a week × staff ratio, in hundredths of an hour: at most 1,680,000.
        let hundredths: UInt32
        let ownRate: BoundedAmount

        /// A care line of `hundredths` hundredths of an hour a week (1 ... 16,800) at staff ratio 1 ... 100;
        /// `nil` when out of range or the rate is negative or too fine to hold.
        public init?(hundredthsOfAnHour hundredths: Int64, staffRatio: Int, provider: Provider, band: InlineName,
                     hourlyRate: BoundedAmount?, deployment: Deployment?) {
            guard (1...16_800).contains(hundredths), (1...100).contains(staffRatio),
                  let rate = FastBottomUpPlan.rate(hourlyRate) else { return nil }
            self.hundredths = UInt32(hundredths) * UInt32(staffRatio)
            self.provider = provider
            self.band = band
            hasOwnRate = rate != nil
            ownRate = rate ?? .zero
            self.deployment = deployment
        }

        /// Hours a week × staff ratio.
        @inline(__always) var hours: Multiplier { Multiplier(hundredths: hundredths) }
        /// The line's own rate, else `nil` (the policy's for its band applies).
        @inline(__always) var rate: BoundedAmount? { hasOwnRate ? ownRate : nil }
    }

    /// Sleep-in nights, in 24 bytes.
    public struct SleepIn: Sendable, Hashable {
        let rate: BoundedAmount?
        let provider: Provider
        /// The line's own deployment; `nil`: the plan's.
        let deployment: Deployment?
        /// Nights a week, in hundredths: at most 700.
        let hundredths: UInt32

        /// Sleep-ins of `hundredths` hundredths of a night a week (0 ... 700); `nil` when out of range or the rate is unusable.
        public init?(hundredthsOfANight hundredths: Int64, provider: Provider, nightRate: BoundedAmount?,
                     deployment: Deployment?) {
            guard (0...700).contains(hundredths), let rate = FastBottomUpPlan.rate(nightRate) else { return nil }
            self.hundredths = UInt32(hundredths)
            self.provider = provider
            self.rate = rate
            self.deployment = deployment
        }

        /// Nights a week.
        @inline(__always) var nights: Multiplier { Multiplier(hundredths: hundredths) }
    }

    /// Any other cost.
    public struct Item: Sendable, Hashable {
        /// The amount per period × quantity, exact when both are decimals.
        let amount: BoundedAmount
        let period: ItemPeriod
        /// The line's own deployment; `nil`: the plan's.
        let deployment: Deployment?

        /// `amount` (not negative) × `quantity` each `period`; `nil` when it cannot be held.
        public init?(amount: BoundedAmount, quantity: Multiplier, period: ItemPeriod, deployment: Deployment?) {
            guard amount.value >= 0 else { return nil }
            let total = amount.times(quantity)
            guard !total.isPoisoned else { return nil }
            self.amount = total
            self.period = period
            self.deployment = deployment
        }
    }

    /// The plan's deployment, for the lines with none of their own (then never `nil`).
    let deployment: Deployment?
    let personalAssistants: Int64
    /// Each PA's part of PA pay (share ÷ total), or `nil` for equal shares.
    let parts: [Multiplier]?
    // Variables only so that ``giveLineBuffers(care:sleepIns:items:)`` can move them out: nothing else changes them.
    private(set) var care: [Care]
    private(set) var sleepIns: [SleepIn]
    private(set) var items: [Item]
    /// Whether any line is a direct payment (the support and set-up fees apply).
    let anyDirectPayment: Bool

    /// The fast form of `plan`, or `nil` when the full breakdown must decide.
    public init?(_ plan: BottomUpPlan) {
        guard Self.idsAreDistinct(plan.care, id: { $0.id }), Self.idsAreDistinct(plan.sleepIns, id: { $0.id }),
              Self.idsAreDistinct(plan.otherItems, id: { $0.id }) else { return nil }
        var care: [Care] = []
        care.reserveCapacity(plan.care.count)
        for line in plan.care {
            guard let hundredths = line.hoursPerWeek.wholeHundredths, hundredths > 0, hundredths <= 16_800,
                  let band = InlineName(line.band),
                  let fast = Care(hundredthsOfAnHour: hundredths, staffRatio: line.staffRatio,
                                  provider: line.provider, band: band, hourlyRate: line.hourlyRate.map(BoundedAmount.init),
                                  deployment: line.deployment)
            else { return nil }
            care.append(fast)
        }
        var sleepIns: [SleepIn] = []
        sleepIns.reserveCapacity(plan.sleepIns.count)
        for line in plan.sleepIns {
            guard let hundredths = line.nightsPerWeek.wholeHundredths, hundredths >= 0, hundredths <= 700,
                  let fast = SleepIn(hundredthsOfANight: hundredths, provider: line.provider,
                                     nightRate: line.nightRate.map(BoundedAmount.init), deployment: line.deployment)
            else { return nil }
            sleepIns.append(fast)
        }
        var items: [Item] = []
        items.reserveCapacity(plan.otherItems.count)
        for item in plan.otherItems {
            guard let quantity = Multiplier(item.quantity),
                  let fast = Item(amount: BoundedAmount(item.amount), quantity: quantity, period: item.period, deployment: item.deployment)
            else { return nil }
            items.append(fast)
        }
        self.init(deployment: plan.deployment, personalAssistants: plan.personalAssistants, paShares: plan.paShares,
                  care: care, sleepIns: sleepIns, items: items)
    }

    /// A plan from lines already in fast form (their ids, if any, checked distinct by the caller); `nil` when
    /// the full breakdown must decide (a line with no deployment, PAs out of range, unusable shares, too many lines).
    public init?(deployment: Deployment?, personalAssistants: Int, paShares: [Rational]?,
                 care: [Care], sleepIns: [SleepIn], items: [Item]) {
        guard care.count + sleepIns.count + items.count <= BottomUpPlan.mostLines,
              (1...1_000).contains(personalAssistants) else { return nil }
        self.personalAssistants = Int64(personalAssistants)
        if let shares = paShares {
            guard shares.count == personalAssistants, shares.allSatisfy({ !$0.isNegative && !$0.isZero }),
                  let parts = Self.parts(of: shares) else { return nil }
            self.parts = parts
        } else {
            parts = nil
        }
        // Each line is held its own way, else the plan's; a line with neither leaves the fast path. The lines
        // are kept as given (not copied to settle them), so a reader can build them in buffers it reuses; each
        // line's deployment is read where it lies.
        var held = HeldWays()
        for i in care.indices { held.add(care[i].deployment, plan: deployment) }
        for i in sleepIns.indices { held.add(sleepIns[i].deployment, plan: deployment) }
        for i in items.indices { held.add(items[i].deployment, plan: deployment) }
        guard !held.unsettled else { return nil }
        self.deployment = deployment
        self.care = care
        self.sleepIns = sleepIns
        self.items = items
        anyDirectPayment = held.anyDirectPayment
    }

    /// How a plan's lines are held, gathered line by line.
    struct HeldWays {
        /// Whether a line has no deployment of its own and the plan has none.
        var unsettled = false
        var anyDirectPayment = false

        @inline(__always)
        mutating func add(_ own: Deployment?, plan: Deployment?) {
            switch own ?? plan {
            case nil: unsettled = true
            case .directPayment?: anyDirectPayment = true
            default: break
            }
        }
    }

    /// Gives the plan's line arrays to a reader that built the plan in buffers it reuses, in place of these
    /// (they are moved, not copied: no reference is counted); the plan is used up.
    public consuming func giveLineBuffers(care: inout [Care], sleepIns: inout [SleepIn], items: inout [Item]) {
        swap(&self.care, &care)
        swap(&self.sleepIns, &sleepIns)
        swap(&self.items, &items)
    }

    /// Each PA's part of the pay, `share ÷ Σ shares`, in lowest terms; `nil` when a part is out of a multiplier's range.
    static func parts(of shares: [Rational]) -> [Multiplier]? {
        var parts: [Multiplier] = []
        parts.reserveCapacity(shares.count)
        // Whole shares (`3:1`, the usual writing): the same lowest terms from one whole-number sum, with no fractions.
        if shares.allSatisfy({ $0.isInteger && $0.numerator <= 1 << 31 }) {
            let total = shares.reduce(Int128(0)) { $0 + $1.numerator }  // at most 1,000 shares of at most 2³¹
            for share in shares {
                let common = Int128(Rational.gcd(UInt128(share.numerator), UInt128(total)))
                guard let part = Int64(exactly: share.numerator / common), let whole = Int64(exactly: total / common),
                      let multiplier = Multiplier(part, over: whole) else { return nil }
                parts.append(multiplier)
            }
            return parts
        }
        let total = shares.reduce(Rational.zero, +)
        for share in shares {
            guard let part = Multiplier(share / total) else { return nil }
            parts.append(part)
        }
        return parts
    }

    /// A line's own rate as `.some(amount)`, `.some(nil)` when it has none (the policy's applies), `nil` when unusable.
    static func rate(_ own: BoundedAmount?) -> BoundedAmount?? {
        guard let own else { return .some(nil) }
        return own.value < 0 || own.isPoisoned ? nil : .some(own)
    }

    /// Whether the lines' ids are distinct and well formed, as the full breakdown requires.
    static func idsAreDistinct<Line>(_ lines: [Line], id: (Line) -> String?) -> Bool {
        (try? BottomUpCalculation.checkIDs(lines, field: "", id: id)) != nil
    }
}

/// A short name (up to 24 bytes) held inline: a policy time band, or a
/// choice word read from a file. Finding a band's rate, or which word a cell
/// holds, compares three words instead of hashing a string.
@frozen
public struct InlineName: Sendable, Hashable {
    /// The bytes, zero-padded, read as little-endian words (so the same on any host).
    @usableFromInline let words: (UInt64, UInt64, UInt64)
    /// How many bytes: so that a name ending in zero bytes is not taken for the name without them. One byte,
    /// so that the fields after a name in a care line share its last word.
    @usableFromInline let count: UInt8

    /// The inline form of `name`, or `nil` when it is empty or longer than 24 bytes.
    public init?(_ name: String) {
        var name = name
        guard let inline = name.withUTF8({ InlineName(utf8: $0) }) else { return nil }
        self = inline
    }

    /// The inline form of a name's UTF-8 bytes, or `nil` when empty or longer than 24 bytes.
    @inlinable
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty, bytes.count <= 24 else { return nil }
        var w: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &w) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        self.init(littleEndianWords: (UInt64(littleEndian: w.0), UInt64(littleEndian: w.1), UInt64(littleEndian: w.2)),
                  count: bytes.count)
    }

    /// The name whose `count` bytes (1 ... 24) are these words read little-endian, zero after the last byte:
    /// for a reader that loads a cell's bytes a word at a time.
    @inlinable
    public init?(littleEndianWords words: (UInt64, UInt64, UInt64), count: Int) {
        guard (1...24).contains(count) else { return nil }
        self.words = words
        self.count = UInt8(count)
    }

    /// Whether the names are the same: every word compared, with no early exit (a band is compared with
    /// each of the policy's in turn, and a branch on each comparison is mispredicted as often as not).
    @inlinable
    public static func == (a: InlineName, b: InlineName) -> Bool {
        (a.words.0 ^ b.words.0) | (a.words.1 ^ b.words.1) | (a.words.2 ^ b.words.2) | UInt64(a.count ^ b.count) == 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
    }
}
