/// A level of need in a DST domain.
public enum DSTLevel: String, Sendable, Hashable, CaseIterable {
    case none, low, moderate, high, severe, priority
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

    /// The level in each domain, by the domain's name; all twelve are required.
    public var levels: [String: String]

    public init(levels: [String: String]) { self.levels = levels }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        let given = DSTDomain.allCases.map { ($0, levels[$0.rawValue]) }
        // A name that is no domain is the first error; there is one exactly when fewer domains were found than names given.
        if given.count(where: { $0.1 != nil }) != levels.count,
           let unknown = levels.keys.sorted().first(where: { DSTDomain(rawValue: $0) == nil }) {
            throw .invalidValue(field: "input.domains.\(unknown)", value: unknown,
                                reason: "is not a DST domain (domains: \(DSTDomain.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var assessed: [(DSTDomain, DSTLevel)] = []
        assessed.reserveCapacity(given.count)
        for (domain, text) in given {
            guard let text else { throw .missingInput(field: "input.domains.\(domain.rawValue)") }
            guard let level = DSTLevel(rawValue: text), domain.allowedLevels.contains(level) else {
                throw .invalidValue(field: "input.domains.\(domain.rawValue)", value: text,
                                    reason: "is not a level of the \(domain.rawValue) domain (levels: \(domain.allowedLevels.map(\.rawValue).joined(separator: ", ")))")
            }
            assessed.append((domain, level))
        }
        var builder = try BreakdownBuilder(context: context)
        let table = try context.table(ParameterKey.dstScoring)
        guard case .dstScoring(let scoring) = table.value else {
            throw .parameterKindMismatch(name: ParameterKey.dstScoring.name, expected: "DST scoring")
        }
        var score = Rational.zero
        // The domains that score, with their points and weight, for the score's working.
        var scored: [(domain: DSTDomain, level: DSTLevel, points: Rational, weight: Rational)] = []
        scored.reserveCapacity(assessed.count)
        for (domain, level) in assessed {
            let points = scoring.levelPoints[level] ?? .zero
            let weight = scoring.domainWeights[domain] ?? .one
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

        let priorities = assessed.filter { $0.1 == .priority }.map(\.0.rawValue).sorted()
        let severes = assessed.filter { $0.1 == .severe }.map(\.0.rawValue).sorted()
        let indication = !priorities.isEmpty || severes.count >= 2
        var figures: [ResultFigure] = []
        figures.reserveCapacity(5)
        figures.append(builder.figure("score", "DST weighted score", .number(score), working: { w in
            w.equals(.score, score, .points) { w in
                guard !scored.isEmpty else { return w.value(.score, Rational(0), .points) }
                w.weightedSum(of: scored.count) { i in
                    let (domain, level, points, weight) = scored[i]
                    return (Quantity(QuantityName(rawValue: "\(domain.rawValue).\(level.rawValue)"), points, .points, parameter: .dstScoring),
                            weight == .one ? nil
                                : Quantity(QuantityName(rawValue: "\(domain.rawValue).weight"), weight, .number, parameter: .dstScoring))
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
