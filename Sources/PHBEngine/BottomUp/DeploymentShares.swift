/// The shares of a line held each way (notional, third party, direct payment),
/// exact, summing to 1.
struct DeploymentShares: Hashable {
    var notional: Rational = .zero
    var thirdParty: Rational = .zero
    var directPayment: Rational = .zero

    /// All of a line held one way.
    init(_ deployment: Deployment) {
        self[deployment] = .one
    }

    fileprivate init() {}

    subscript(_ deployment: Deployment) -> Rational {
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

    /// The one way the whole line is held, if it is held one way.
    var heldOneWay: Deployment? {
        switch (notional.isZero, thirdParty.isZero, directPayment.isZero) {
        case (false, true, true): .notional
        case (true, false, true): .thirdParty
        case (true, true, false): .directPayment
        default: nil
        }
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
                // As `decimalText(maxPlaces: 2)` writes it: exact to 2 places, else rounded half away from zero.
                let percent = self[deployment] * 100
                let places = min(percent.decimalPlaces ?? 2, 2)
                guard let scaled = percent.roundedToInteger(scaledBy: places, .halfAwayFromZero).flatMap({ Int64(exactly: $0) })
                else { return "overflow" }  // not reached: a share is at most 1
                end += PlainDecimal.write(scaled, places: places, to: end)
                put(UInt8(ascii: "%"))
            }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
    }

    /// The most bytes of a deployment's words (`direct payment`).
    private static var longestWords: Int { 14 }
}

/// Exact weekly amounts summed as they are added, by how each is held: the
/// base of a derived line (bank holidays, on-costs, contingency, fees) and its
/// shares, with no list kept to be summed again.
struct HeldTotal {
    /// Σ amount × share, each way.
    private var byDeployment = DeploymentShares()
    /// The first amount's shares, if any amount was added.
    private var firstShares: DeploymentShares?
    /// Whether every amount so far was held as the first.
    private var allAlike = true

    /// Adds `amount`, held by `shares`.
    mutating func add(_ amount: Rational, _ shares: DeploymentShares) {
        if let first = firstShares {
            if allAlike && shares != first { allAlike = false }
        } else {
            firstShares = shares
        }
        if let one = shares.heldOneWay {
            byDeployment[one] += amount
        } else {
            for deployment in Deployment.allCases { byDeployment[deployment] += amount * shares[deployment] }
        }
    }

    /// Whether no amount was added.
    var isEmpty: Bool { firstShares == nil }

    /// Σ amount, exact.
    var total: Rational { byDeployment.notional + byDeployment.thirdParty + byDeployment.directPayment }

    /// Σ amount × the share held `deployment`'s way: what of the total is held that way.
    func heldAs(_ deployment: Deployment) -> Rational { byDeployment[deployment] }

    /// The shares of a line derived from the amounts: in proportion to them
    /// (docs/rules.md §3). Amounts all held alike (the usual plan) give their
    /// shares; with no amount to weigh, the first amount's shares.
    var shares: DeploymentShares {
        guard let first = firstShares else { return DeploymentShares(.notional) }
        if allAlike { return first }
        let total = self.total
        guard !total.isZero, !total.isOverflow else { return first }
        var result = DeploymentShares()
        for deployment in Deployment.allCases { result[deployment] = byDeployment[deployment] / total }
        return result
    }
}
