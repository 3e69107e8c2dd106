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
        var parts: [Formula] = []
        parts.reserveCapacity(assessed.count)
        for (domain, level) in assessed {
            let points = scoring.levelPoints[level] ?? .zero
            let weight = scoring.domainWeights[domain] ?? .one
            score += weight * points
            if !points.isZero {
                let levelPoints = Formula.quantity(Quantity(QuantityName(rawValue: "\(domain.rawValue).\(level.rawValue)"), points,
                                                            .points, parameter: .dstScoring))
                parts.append(weight == .one ? levelPoints
                    : levelPoints * .quantity(Quantity(QuantityName(rawValue: "\(domain.rawValue).weight"), weight, .number,
                                                       parameter: .dstScoring)))
            }
        }
        guard let band = scoring.bands.band(containing: score) else {
            throw .invalidValue(field: "input.domains", value: "score \(score.decimalText())",
                                reason: "is below the first band of \(ParameterKey.dstScoring)")
        }
        let bandName = band.name ?? "from \(band.from.decimalText())"
        try builder.recurring("dstBand", "CHC indicative weekly rate, band \(bandName)", exactWeekly: band.amount,
                              formula: .lookup(.value(.score, score, .points), table: .dstScoring,
                                               rowFrom: Quantity(.bandFrom, band.from, .points),
                                               gives: Quantity(.weekly, band.amount, .poundsAWeek)),
                              parameters: [table.use])

        let priorities = assessed.filter { $0.1 == .priority }.map(\.0.rawValue).sorted()
        let severes = assessed.filter { $0.1 == .severe }.map(\.0.rawValue).sorted()
        let indication = !priorities.isEmpty || severes.count >= 2
        let reason: Formula = !priorities.isEmpty
            ? .steps([.value(.priorityDomains, Rational(priorities.count), .count), .note(.priorityIndicatesNeed)])
            : .steps([.comparison(.value(.severeDomains, Rational(severes.count), .count), severes.count >= 2 ? .atLeast : .below,
                                  .value(.severeDomainsNeeded, Rational(2), .count)),
                      .note(severes.count >= 2 ? .twoSevereIndicateNeed : .noIndication)])
        let figures = [
            ResultFigure(key: "score", label: "DST weighted score", value: .number(score),
                         formula: (parts.isEmpty ? .value(.score, Rational(0), .points) : parts.count == 1 ? parts[0] : .operation(.sum, parts))
                             .equals(.score, score, .points)),
            ResultFigure(key: "band", label: "Band", value: .text(bandName), formula: .note(.bandsFromLowerBoundInclusive)),
            ResultFigure(key: "primaryHealthNeedIndicated", label: "DST indication of a primary health need (information)",
                         value: .flag(indication), formula: reason),
            ResultFigure(key: "priorityDomains", label: "Domains at priority", value: .list(priorities),
                         formula: .note(.domainsAtPriority)),
            ResultFigure(key: "severeDomains", label: "Domains at severe", value: .list(severes),
                         formula: .note(.domainsAtSevere)),
        ]
        return try builder.result(calculator: calculatorName, title: "CHC DST indicative budget", context: context,
                                  figures: figures)
    }
}
