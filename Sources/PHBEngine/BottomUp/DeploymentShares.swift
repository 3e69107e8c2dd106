/// The shares of a line held each way (notional, third party, direct payment),
/// exact, summing to 1.
///
/// Nearly every line is held one way, and is held as that way alone: a few bytes to copy and compare. Shares
/// of several ways are held by reference.
struct DeploymentShares: Equatable {
    private enum Storage: Equatable {
        case oneWay(Deployment)
        indirect case parts(notional: Rational, thirdParty: Rational, directPayment: Rational)
    }

    private let storage: Storage

    /// All of a line held one way.
    init(_ deployment: Deployment) {
        storage = .oneWay(deployment)
    }

    /// The shares of each way, which sum to 1: held one way when only one is above zero.
    init(notional: Rational, thirdParty: Rational, directPayment: Rational) {
        storage = switch (notional.isZero, thirdParty.isZero, directPayment.isZero) {
        case (false, true, true): .oneWay(.notional)
        case (true, false, true): .oneWay(.thirdParty)
        case (true, true, false): .oneWay(.directPayment)
        default: .parts(notional: notional, thirdParty: thirdParty, directPayment: directPayment)
        }
    }

    /// The share held `deployment`'s way.
    subscript(_ deployment: Deployment) -> Rational {
        switch storage {
        case .oneWay(let one): one == deployment ? .one : .zero
        case .parts(let notional, let thirdParty, let directPayment):
            switch deployment {
            case .notional: notional
            case .thirdParty: thirdParty
            case .directPayment: directPayment
            }
        }
    }

    /// The one way the whole line is held, if it is held one way.
    var heldOneWay: Deployment? {
        if case .oneWay(let one) = storage { one } else { nil }
    }

    /// Whether the shares are the same: two lines held one way are compared by their codes, with no copy of either
    /// line's shares.
    static func == (a: DeploymentShares, b: DeploymentShares) -> Bool {
        if let x = a.heldOneWay, let y = b.heldOneWay { return x == y }
        return a.storage == b.storage
    }

    /// The part of `amount` held `deployment`'s way: all or none of it for a line held one way.
    func part(of amount: Rational, heldAs deployment: Deployment) -> Rational {
        if let one = heldOneWay { return one == deployment ? amount : .zero }
        return amount * self[deployment]
    }

    /// `direct payment`, or `third party 75%, direct payment 25%` for a mixed line.
    var description: String {
        // A line held one way (nearly every line) is named at once, with no list of deployments built.
        if let one = heldOneWay { return one.description }
        // Written as bytes into one buffer and made a string once: a string grown part by part cost more.
        let room = Deployment.allCases.count * (Self.longestWords + PlainDecimal.room + 3)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { buffer -> String in
            guard let start = buffer.baseAddress else { return "" }
            var end = start
            func put(_ byte: UInt8) {
                end.pointee = byte
                end += 1
            }
            for deployment in Deployment.allCases where !self[deployment].isZero {
                if end > start {
                    put(UInt8(ascii: ","))
                    put(UInt8(ascii: " "))
                }
                for byte in deployment.description.utf8 { put(byte) }
                put(UInt8(ascii: " "))
                guard let percent = Self.percent(self[deployment]) else { return "overflow" }  // not reached: a share is at most 1
                end += PlainDecimal.write(percent.scaled, places: percent.places, to: end)
                put(UInt8(ascii: "%"))
            }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
    }

    /// A share as a percentage, as `decimalText(maxPlaces: 2)` writes it (exact to 2 places, else rounded half away
    /// from zero): the percentage in hundredths is the share × 10⁴, exact when the division leaves nothing, and its
    /// trailing zeros are then dropped. One product and one division, the fraction as it stands: a share is often a
    /// quotient of large sums, and the percentage made as a value, reduced, and its decimal places sought, cost
    /// some 2,400 instructions a description.
    static func percent(_ share: Rational) -> (scaled: Int64, places: Int)? {
        // The share × 10⁴ as a fraction: as it stands, or reduced when its numerator leaves 128 bits (beyond 2^113).
        var (numerator, denominator) = (share.storedNumerator, share.storedDenominator)
        let (product, overflow) = numerator.multipliedReportingOverflow(by: 10_000)
        if overflow {
            let reduced = share * 10_000
            (numerator, denominator) = (reduced.storedNumerator, reduced.storedDenominator)
        } else {
            numerator = product
        }
        guard denominator > 0 else { return nil }  // overflowed
        var (scaled, remainder) = RoundingRule.halfAwayFromZero.roundedQuotientAndRemainder(numerator, denominator)
        var places = 2
        if remainder == 0 {
            while places > 0, scaled % 10 == 0 { (scaled, places) = (scaled / 10, places - 1) }
        }
        return Int64(exactly: scaled).map { ($0, places) }
    }

    /// The most bytes of a deployment's words (`direct payment`).
    private static var longestWords: Int { 14 }
}

/// Exact weekly amounts summed as they are added, by how each is held: the
/// base of a derived line (bank holidays, on-costs, contingency, fees) and its
/// shares, with no list kept to be summed again.
struct HeldTotal {
    /// Σ amount × share, each way.
    private var notional = Rational.zero, thirdParty = Rational.zero, directPayment = Rational.zero
    /// How the amounts so far are held.
    private var holding = Holding.none

    /// How the amounts added so far are held: a line held one way (nearly every line) is checked against the first
    /// by its code, with no copy of any shares.
    private enum Holding {
        /// No amount was added.
        case none
        /// Every amount all one way, this way.
        case oneWay(Deployment)
        /// Every amount in these shares of several ways.
        case shares(DeploymentShares)
        /// Amounts held in different ways; the first's shares.
        case mixed(first: DeploymentShares)
    }

    /// Adds `amount`, held by `shares`.
    mutating func add(_ amount: Rational, _ shares: DeploymentShares) {
        if let one = shares.heldOneWay {
            switch holding {
            case .none: holding = .oneWay(one)
            case .oneWay(let way): if way != one { holding = .mixed(first: DeploymentShares(way)) }
            case .shares(let first): holding = .mixed(first: first)
            case .mixed: break
            }
            // The sum written where it is made: through the subscript and `+=` (a call), it cost 350 instructions more
            // a breakdown.
            switch one {
            case .notional: notional = notional + amount
            case .thirdParty: thirdParty = thirdParty + amount
            case .directPayment: directPayment = directPayment + amount
            }
        } else {
            switch holding {
            case .none: holding = .shares(shares)
            case .oneWay(let way): holding = .mixed(first: DeploymentShares(way))
            case .shares(let first): if first != shares { holding = .mixed(first: first) }
            case .mixed: break
            }
            for deployment in Deployment.allCases { self[deployment] += amount * shares[deployment] }
        }
    }

    /// Σ amount × the share held `deployment`'s way.
    private subscript(_ deployment: Deployment) -> Rational {
        get {
            switch deployment {
            case .notional: notional
            case .thirdParty: thirdParty
            case .directPayment: directPayment
            }
        }
        set {
            switch deployment {
            case .notional: notional = newValue
            case .thirdParty: thirdParty = newValue
            case .directPayment: directPayment = newValue
            }
        }
    }

    /// Whether no amount was added.
    var isEmpty: Bool {
        if case .none = holding { true } else { false }
    }

    /// Σ amount, exact: for amounts all held one way, that way's sum, with no sum of the other two (zero).
    var total: Rational {
        if case .oneWay(let way) = holding { return self[way] }
        return notional + thirdParty + directPayment
    }

    /// Σ amount × the share held `deployment`'s way: what of the total is held that way.
    func heldAs(_ deployment: Deployment) -> Rational { self[deployment] }

    /// The shares of a line derived from the amounts: in proportion to them
    /// (docs/rules.md §3). Amounts all held alike (the usual plan) give their
    /// shares; with no amount to weigh, the first amount's shares.
    var shares: DeploymentShares {
        switch holding {
        case .none: return DeploymentShares(.notional)
        case .oneWay(let way): return DeploymentShares(way)
        case .shares(let shares): return shares
        case .mixed(let first):
            let total = self.total
            guard !total.isZero, !total.isOverflow else { return first }
            return DeploymentShares(notional: notional / total, thirdParty: thirdParty / total, directPayment: directPayment / total)
        }
    }
}
