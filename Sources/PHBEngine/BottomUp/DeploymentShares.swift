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
        // Written into one string: no list of parts built and joined.
        var text = ""
        text.reserveCapacity(48)
        for deployment in Deployment.allCases where !self[deployment].isZero {
            if !text.isEmpty { text += ", " }
            text += deployment.description
            text += " "
            text += (self[deployment] * 100).decimalText(maxPlaces: 2)
            text += "%"
        }
        return text
    }
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
