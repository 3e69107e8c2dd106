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

    private init() {}

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

    /// The shares of a line derived from `sources` (exact weekly amount and
    /// shares of each): in proportion to the amounts (docs/rules.md §3). With no
    /// amount to weigh, the first source's shares.
    static func derived(from sources: [(amount: Rational, shares: DeploymentShares)]) -> DeploymentShares {
        // Sources all held alike (the usual plan) give their shares: Σ amount × s ÷ Σ amount = s.
        if let first = sources.first, sources.allSatisfy({ $0.shares == first.shares }) { return first.shares }
        let total = sources.reduce(Rational.zero) { $0 + $1.amount }
        guard !total.isZero, !total.isOverflow else { return sources.first?.shares ?? DeploymentShares(.notional) }
        var result = DeploymentShares()
        for deployment in Deployment.allCases {
            result[deployment] = sources.reduce(Rational.zero) { $0 + $1.amount * $1.shares[deployment] } / total
        }
        return result
    }

    /// `direct payment`, or `third party 75%, direct payment 25%` for a mixed line.
    var description: String {
        // A line held one way (nearly every line) is named at once, with no list of deployments built.
        switch (notional.isZero, thirdParty.isZero, directPayment.isZero) {
        case (false, true, true): return Deployment.notional.description
        case (true, false, true): return Deployment.thirdParty.description
        case (true, true, false): return Deployment.directPayment.description
        default: break
        }
        return Deployment.allCases.filter { !self[$0].isZero }
            .map { "\($0.description) \((self[$0] * 100).decimalText(maxPlaces: 2))%" }
            .joined(separator: ", ")
    }
}
