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
        case .breathing, .behaviour, .drugTherapiesAndMedication: [.none, .low, .moderate, .high, .severe, .priority]
        case .nutrition, .skinIntegrity, .mobility, .cognition: [.none, .low, .moderate, .high, .severe]
        case .continence, .communication, .psychologicalAndEmotional: [.none, .low, .moderate, .high]
        case .alteredStatesOfConsciousness: [.none, .low, .moderate, .high, .priority]
        case .otherSignificantCareNeeds: [.low, .moderate, .high, .severe]
        }
    }
}

/// A CHC DST banding (docs/rules.md §4): weighted score, band and weekly
/// indicative rate, with the DST indication reported as information.
public struct DSTBanding: BudgetCalculation {
    public var calculatorName: String { "chcDST" }

    /// The level in each domain, by the domain's name; all twelve are required.
    public var levels: [String: String]

    public init(levels: [String: String]) { self.levels = levels }

    public func calculate(in context: CalculationContext) throws(BudgetError) -> BudgetResult {
        var assessed: [(DSTDomain, DSTLevel)] = []
        if let unknown = levels.keys.sorted().first(where: { DSTDomain(rawValue: $0) == nil }) {
            throw .invalidValue(field: "input.domains.\(unknown)", value: unknown,
                                reason: "is not a DST domain (domains: \(DSTDomain.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        for domain in DSTDomain.allCases {
            guard let text = levels[domain.rawValue] else { throw .missingInput(field: "input.domains.\(domain.rawValue)") }
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
        var parts: [String] = []
        for (domain, level) in assessed {
            let points = scoring.levelPoints[level] ?? .zero
            let weight = scoring.domainWeights[domain] ?? .one
            score += weight * points
            if !points.isZero {
                parts.append("\(domain.rawValue) \(level.rawValue) \(points.decimalText())" + (weight == .one ? "" : " × \(weight.decimalText())"))
            }
        }
        guard let band = scoring.bands.band(containing: score) else {
            throw .invalidValue(field: "input.domains", value: "score \(score.decimalText())",
                                reason: "is below the first band of \(ParameterKey.dstScoring)")
        }
        let bandName = band.name ?? "from \(band.from.decimalText())"
        try builder.recurring("dstBand", "CHC indicative weekly rate, band \(bandName)", exactWeekly: band.amount,
                              formula: "score \(score.decimalText()) is in band \(bandName) (from \(band.from.decimalText())):"
                                + " \(pounds(band.amount)) a week", parameters: [table.use])

        let priorities = assessed.filter { $0.1 == .priority }.map(\.0.rawValue).sorted()
        let severes = assessed.filter { $0.1 == .severe }.map(\.0.rawValue).sorted()
        let indication = !priorities.isEmpty || severes.count >= 2
        let reason = !priorities.isEmpty ? "priority level in \(priorities.joined(separator: ", "))"
            : severes.count >= 2 ? "severe in \(severes.count) domains (\(severes.joined(separator: ", ")))"
            : "no priority level and \(severes.count) severe"
        let figures = [
            ResultFigure(key: "score", label: "DST weighted score", value: .number(score),
                         formula: (parts.isEmpty ? "no points" : parts.joined(separator: " + ")) + " = \(score.decimalText())"),
            ResultFigure(key: "band", label: "Band", value: .text(bandName), formula: "bands run from their lower score, inclusive"),
            ResultFigure(key: "primaryHealthNeedIndicated", label: "DST indication of a primary health need (information)",
                         value: .flag(indication), formula: reason),
            ResultFigure(key: "priorityDomains", label: "Domains at priority", value: .list(priorities),
                         formula: "the domains assessed at priority, sorted"),
            ResultFigure(key: "severeDomains", label: "Domains at severe", value: .list(severes),
                         formula: "the domains assessed at severe, sorted"),
        ]
        return try builder.result(calculator: calculatorName, title: "CHC DST indicative budget", context: context,
                                  figures: figures)
    }
}
