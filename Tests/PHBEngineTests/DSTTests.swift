import Testing
@testable import PHBEngine

/// The DST's typed levels and scoring: places, names held as codes, and what a scoring table gives for a level or
/// domain it does not list.
@Suite struct DSTTests {
    @Test func placesFollowTheOrderOfAllCases() {
        #expect(DSTDomain.allCases.map(\.index) == Array(DSTDomain.allCases.indices))
        #expect(DSTLevel.allCases.map(\.index) == Array(DSTLevel.allCases.indices))
    }

    @Test(arguments: DSTDomain.allCases)
    func namesHeldAsCodesReadAndCompareAsText(_ domain: DSTDomain) {
        for level in [DSTLevel?.none] + DSTLevel.allCases.map(Optional.some) {
            let name = QuantityName(dst: domain, level)
            let text = "\(domain.rawValue).\(level?.rawValue ?? "weight")"
            #expect(name.rawValue == text)
            #expect(name == QuantityName(rawValue: text))
            #expect(name.hashValue == QuantityName(rawValue: text).hashValue)
            // Held in a formula's node as codes, with nothing held by reference.
            let quantity = Quantity(name, Rational(3), .points, parameter: .dstScoring)
            #expect(NodeQuantity(quantity)?.quantity == quantity)
        }
    }

    @Test func aLevelWithNoPointsScoresNoneAndADomainWithNoWeightWeighsOne() {
        let scoring = DSTScoring(levelPoints: [.high: Rational(5)], domainWeights: [.breathing: Rational(2)], bands: [])
        #expect(scoring.points(.high) == Rational(5))
        #expect(scoring.points(.low) == .zero)
        #expect(scoring.weight(.breathing) == Rational(2))
        #expect(scoring.weight(.cognition) == .one)
    }
}
