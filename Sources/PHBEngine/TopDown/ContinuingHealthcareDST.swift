/// A level of need in a DST domain.
public enum DSTLevel: String, Sendable, Hashable, CaseIterable {
    case none, low, moderate, high, severe, priority

    /// The level's place in ``allCases``.
    var index: Int {
        switch self {
        case .none: 0
        case .low: 1
        case .moderate: 2
        case .high: 3
        case .severe: 4
        case .priority: 5
        }
    }
}

/// The twelve domains of the NHS Continuing Healthcare Decision Support Tool.
public enum DSTDomain: String, Sendable, Hashable, CaseIterable {
    case breathing, nutrition, continence, skinIntegrity, mobility, communication
    case psychologicalAndEmotional, cognition, behaviour, drugTherapiesAndMedication
    case alteredStatesOfConsciousness, otherSignificantCareNeeds

    /// The levels the domain has (docs/rules.md §4).
    public var allowedLevels: [DSTLevel] {
        switch self {
        case .breathing, .behaviour, .drugTherapiesAndMedication: Self.toPriority
        case .nutrition, .skinIntegrity, .mobility, .cognition: Self.toSevere
        case .continence, .communication, .psychologicalAndEmotional: Self.toHigh
        case .alteredStatesOfConsciousness: Self.toHighOrPriority
        case .otherSignificantCareNeeds: Self.lowToSevere
        }
    }

    /// The domain's place in ``allCases``.
    var index: Int {
        switch self {
        case .breathing: 0
        case .nutrition: 1
        case .continence: 2
        case .skinIntegrity: 3
        case .mobility: 4
        case .communication: 5
        case .psychologicalAndEmotional: 6
        case .cognition: 7
        case .behaviour: 8
        case .drugTherapiesAndMedication: 9
        case .alteredStatesOfConsciousness: 10
        case .otherSignificantCareNeeds: 11
        }
    }

    /// The error for a name that is no domain.
    public static func notADomain(_ name: String) -> BudgetError {
        .invalidValue(field: "input.domains.\(name)", value: name,
                      reason: "is not a DST domain (domains: \(allCases.map(\.rawValue).joined(separator: ", ")))")
    }

    /// The error for a level, given as `text`, that the domain does not have.
    public func notALevel(_ text: String) -> BudgetError {
        .invalidValue(field: "input.domains.\(rawValue)", value: text,
                      reason: "is not a level of the \(rawValue) domain (levels: \(allowedLevels.map(\.rawValue).joined(separator: ", ")))")
    }

    // The lists, made once (a domain's levels are read for every assessment).
    private static let toPriority: [DSTLevel] = [.none, .low, .moderate, .high, .severe, .priority]
    private static let toSevere: [DSTLevel] = [.none, .low, .moderate, .high, .severe]
    private static let toHigh: [DSTLevel] = [.none, .low, .moderate, .high]
    private static let toHighOrPriority: [DSTLevel] = [.none, .low, .moderate, .high, .priority]
    private static let lowToSevere: [DSTLevel] = [.low, .moderate, .high, .severe]
}

/// A CHC DST banding (docs/rules.md §4): weighted score, band and weekly
/// indicative rate, with the DST indication reported as information.
public struct DSTBanding: BudgetCalculation {
    public var calculatorName: String { "chcDST" }

    /// The level in each domain; all twelve are required.
    public var levels: [DSTDomain: DSTLevel]

    public init(levels: [DSTDomain: DSTLevel]) { self.levels = levels }

    /// The domains in order of name, the order the domains at priority and at severe are listed in.
    private static let byName = DSTDomain.allCases.sorted { $0.rawValue < $1.rawValue }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        // Each domain's level by its place (the levels are read once each), then checked in the domains' order.
        var byPlace = [DSTLevel?](repeating: nil, count: DSTDomain.allCases.count)
        for (domain, level) in levels { byPlace[domain.index] = level }
        var assessed: [DSTLevel] = []
        assessed.reserveCapacity(byPlace.count)
        for domain in DSTDomain.allCases {
            guard let level = byPlace[domain.index] else { throw .missingInput(field: "input.domains.\(domain.rawValue)") }
            guard domain.allowedLevels.contains(level) else { throw domain.notALevel(level.rawValue) }
            assessed.append(level)
        }
        var builder = try BreakdownBuilder(context: context)
        builder.reserveWorkings(nodes: 48)  // 3 nodes for each scoring domain (12 at most), and about 10 more
        let table = try context.table(ParameterKey.dstScoring)
        guard case .dstScoring(let scoring) = table.value else {
            throw .parameterKindMismatch(name: ParameterKey.dstScoring.name, expected: "DST scoring")
        }
        var score = Rational.zero
        // The domains that score, with their points and weight, for the score's working.
        var scored: [(domain: DSTDomain, level: DSTLevel, points: Rational, weight: Rational)] = []
        scored.reserveCapacity(assessed.count)
        for (domain, level) in zip(DSTDomain.allCases, assessed) {
            let points = scoring.points(level)
            let weight = scoring.weight(domain)
            score += weight * points
            if !points.isZero { scored.append((domain, level, points, weight)) }
        }
        guard let band = scoring.bands.band(containing: score) else {
            throw .invalidValue(field: "input.domains", value: "score \(score.decimalText())",
                                reason: "is below the first band of \(ParameterKey.dstScoring)")
        }
        let bandName = band.name ?? "from \(band.from.decimalText())"
        try builder.recurring("dstBand", "CHC indicative weekly rate, band \(bandName)", exactWeekly: band.amount, working: { w in
            w.lookup(table: .dstScoring, rowFrom: Quantity(.bandFrom, band.from, .points),
                     gives: Quantity(.weekly, band.amount, .poundsAWeek)) { $0.value(.score, score, .points) }
        }, parameters: [table.use])

        let priorities = Self.byName.filter { assessed[$0.index] == .priority }.map(\.rawValue)
        let severes = Self.byName.filter { assessed[$0.index] == .severe }.map(\.rawValue)
        let indication = !priorities.isEmpty || severes.count >= 2
        var figures: [ResultFigure] = []
        figures.reserveCapacity(5)
        figures.append(builder.figure("score", "DST weighted score", .number(score), working: { w in
            w.equals(.score, score, .points) { w in
                guard !scored.isEmpty else { return w.value(.score, Rational(0), .points) }
                w.weightedSum(of: scored.count) { i in
                    let (domain, level, points, weight) = scored[i]
                    return (Quantity(QuantityName(dst: domain, level), points, .points, parameter: .dstScoring),
                            weight == .one ? nil : Quantity(QuantityName(dst: domain, nil), weight, .number, parameter: .dstScoring))
                }
            }
        }))
        figures.append(builder.figure("band", "Band", .text(bandName), working: { $0.note(.bandsFromLowerBoundInclusive) }))
        figures.append(builder.figure("primaryHealthNeedIndicated", "DST indication of a primary health need (information)",
                                      .flag(indication), working: { w in
            w.steps { w in
                if !priorities.isEmpty {
                    w.value(.priorityDomains, Rational(priorities.count), .count)
                    w.note(.priorityIndicatesNeed)
                } else {
                    w.comparison(severes.count >= 2 ? .atLeast : .below) { w in
                        w.value(.severeDomains, Rational(severes.count), .count)
                        w.value(.severeDomainsNeeded, Rational(2), .count)
                    }
                    w.note(severes.count >= 2 ? .twoSevereIndicateNeed : .noIndication)
                }
            }
        }))
        figures.append(builder.figure("priorityDomains", "Domains at priority", .list(priorities),
                                      working: { $0.note(.domainsAtPriority) }))
        figures.append(builder.figure("severeDomains", "Domains at severe", .list(severes), working: { $0.note(.domainsAtSevere) }))
        return try builder.result(calculator: calculatorName, title: "CHC DST indicative budget", context: context,
                                  figures: consume figures)
    }
}
