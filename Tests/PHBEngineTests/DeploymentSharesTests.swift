import Testing
@testable import PHBEngine

@Suite struct DeploymentSharesTests {
    /// Shares held as given: third party, direct payment, notional.
    func shares(_ thirdParty: Rational, _ directPayment: Rational, _ notional: Rational = .zero) -> DeploymentShares {
        DeploymentShares(notional: notional, thirdParty: thirdParty, directPayment: directPayment)
    }

    @Test func aLineHeldOneWayIsNamed() {
        #expect(DeploymentShares(.directPayment).description == "direct payment")
        #expect(DeploymentShares(.thirdParty).description == "third party")
        // Parts of which only one is above zero are that way alone.
        #expect(shares(.zero, .one) == DeploymentShares(.directPayment))
        #expect(shares(.zero, .one).heldOneWay == .directPayment)
    }

    /// A mixed line's percentages are written as `decimalText(maxPlaces: 2)` writes them: exact to two places,
    /// else rounded half away from zero.
    @Test(arguments: [
        (Rational(3, over: 4), Rational(1, over: 4), Rational.zero, "third party 75%, direct payment 25%"),
        (Rational(1, over: 3), Rational(2, over: 3), Rational.zero, "third party 33.33%, direct payment 66.67%"),
        (Rational(3, over: 8), Rational(5, over: 8), Rational.zero, "third party 37.5%, direct payment 62.5%"),
        (Rational(1, over: 800), Rational(799, over: 800), Rational.zero, "third party 0.13%, direct payment 99.88%"),
        (Rational(1, over: 2), Rational(1, over: 4), Rational(1, over: 4), "notional 25%, third party 50%, direct payment 25%"),
    ])
    func aMixedLineGivesEachShareAsAPercentage(_ thirdParty: Rational, _ directPayment: Rational, _ notional: Rational,
                                               _ expected: String) {
        let held = shares(thirdParty, directPayment, notional)
        #expect(held.description == expected)
        let parts = Deployment.allCases.filter { !held[$0].isZero }
            .map { "\($0.description) \((held[$0] * 100).decimalText(maxPlaces: 2))%" }
        #expect(held.description == parts.joined(separator: ", "))
    }

    /// A share's percentage, worked out from the fraction as it stands, is what `decimalText(maxPlaces: 2)` writes for
    /// share × 100: for shares in lowest terms and not, over small and very large denominators (a quotient of large
    /// sums, a numerator beyond 2^113, one beyond any percentage a fraction holds), on and either side of a half
    /// hundredth.
    @Test(arguments: [
        Rational.one, Rational(1, over: 2), Rational(1, over: 3), Rational(2, over: 3), Rational(1, over: 7),
        Rational(small: 7_500, 10_000), Rational(small: 250_000, 1_000_000), Rational(small: 1_235_000, 100_000_000),
        Rational(small: 1_234_999, 100_000_000), Rational(small: 1_235_001, 100_000_000),
        Rational(123_456_789, over: 987_654_321),
        Rational(Int128(1) << 100, over: (Int128(1) << 100) * 3 + 1),
        Rational(Int128(1) << 120, over: (Int128(1) << 121) - 1),
        Rational((Int128(1) << 114) + 3, over: ((Int128(1) << 101) + 1) * 10_000),
    ])
    func aShareIsAPercentageAsDecimalTextWritesIt(_ share: Rational) {
        let expected = (share * 100).decimalText(maxPlaces: 2)
        guard let percent = DeploymentShares.percent(share) else {
            // Beyond what a fraction holds either way (share × 10⁴ does not fit even reduced).
            #expect(expected == "overflow")
            return
        }
        var bytes: [UInt8] = []
        PlainDecimal.append(percent.scaled, places: percent.places, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
