/// A whole table held as one dated parameter (docs/rules.md §2): questionnaire,
/// bands, cluster costs, DST scoring, one-off ranges and tiers.
public enum PolicyTable: Sendable, Hashable {
    case rasQuestionnaire(RASQuestionnaire)
    case rasBands([AmountBand])
    case clusterCosts([ClusterCost])
    case dstScoring(DSTScoring)
    case oneOffPurposes([OneOffPurpose])
    case authorisationTiers([AuthorisationTier])

    /// The shape's name, as the catalogue gives it.
    public var shape: String {
        switch self {
        case .rasQuestionnaire: "questionnaire"
        case .rasBands: "points bands"
        case .clusterCosts: "cluster costs"
        case .dstScoring: "DST scoring"
        case .oneOffPurposes: "one-off purposes"
        case .authorisationTiers: "authorisation tiers"
        }
    }

    /// A one-line summary for the parameters-used list.
    public var summary: String {
        switch self {
        case .rasQuestionnaire(let q): "\(q.domains.count) domains, \(q.domains.reduce(0) { $0 + $1.questions.count }) questions"
        case .rasBands(let b): "\(b.count) bands"
        case .clusterCosts(let c): "\(c.count) clusters"
        case .dstScoring(let s): "\(s.bands.count) bands"
        case .oneOffPurposes(let p): "\(p.count) purposes"
        case .authorisationTiers(let t): t.map { $0.upTo.map { "up to \($0.poundsText): " } ?? "above: " }
            .enumerated().map { $0.element + t[$0.offset].authoriser }.joined(separator: "; ")
        }
    }
}

/// A RAS questionnaire: domains of questions, each answer worth points.
public struct RASQuestionnaire: Sendable, Hashable {
    public struct Question: Sendable, Hashable {
        public var id: String
        public var text: String
        /// Answer id → points.
        public var answers: [String: Rational]
        public init(id: String, text: String, answers: [String: Rational]) {
            self.id = id
            self.text = text
            self.answers = answers
        }
    }

    public struct Domain: Sendable, Hashable {
        public var name: String
        /// Multiplies the domain's points (default 1).
        public var weight: Rational
        public var questions: [Question]
        public init(name: String, weight: Rational = .one, questions: [Question]) {
            self.name = name
            self.weight = weight
            self.questions = questions
        }
    }

    public var domains: [Domain]
    public init(domains: [Domain]) { self.domains = domains }
}

/// A band from `from` (inclusive) to the next band's `from`, worth `amount`.
public struct AmountBand: Sendable, Hashable {
    public var from: Rational
    public var amount: Rational
    public var name: String?
    public init(from: Rational, amount: Rational, name: String? = nil) {
        self.from = from
        self.amount = amount
        self.name = name
    }
}

/// One mental health care cluster's annual cost and the crisis and inpatient shares of it.
public struct ClusterCost: Sendable, Hashable {
    public var cluster: Int
    public var annualCost: Rational
    public var crisisPercent: Rational
    public var inpatientPercent: Rational
    public init(cluster: Int, annualCost: Rational, crisisPercent: Rational, inpatientPercent: Rational) {
        self.cluster = cluster
        self.annualCost = annualCost
        self.crisisPercent = crisisPercent
        self.inpatientPercent = inpatientPercent
    }
}

/// How DST levels score: points per level, weight per domain, score bands to weekly rates.
///
/// Points and weights are held by the level's and the domain's place in their `allCases`, so that an
/// assessment reads each with no hashing.
public struct DSTScoring: Sendable, Hashable {
    /// Points for each level, by its place in ``DSTLevel/allCases``.
    private let pointsByLevel: [Rational]
    /// Weight for each domain, by its place in ``DSTDomain/allCases``.
    private let weightsByDomain: [Rational]
    /// Score bands (`amount` is the weekly rate).
    public var bands: [AmountBand]

    /// A level missing from `levelPoints` scores no points; a domain missing from `domainWeights` weighs 1.
    public init(levelPoints: [DSTLevel: Rational], domainWeights: [DSTDomain: Rational], bands: [AmountBand]) {
        pointsByLevel = DSTLevel.allCases.map { levelPoints[$0] ?? .zero }
        weightsByDomain = DSTDomain.allCases.map { domainWeights[$0] ?? .one }
        self.bands = bands
    }

    /// The points of `level`.
    public func points(_ level: DSTLevel) -> Rational { pointsByLevel[level.index] }

    /// The weight of `domain`.
    public func weight(_ domain: DSTDomain) -> Rational { weightsByDomain[domain.index] }
}

/// A purpose of one-off budget and the most it may be.
public struct OneOffPurpose: Sendable, Hashable {
    public var purpose: String
    public var upTo: Rational
    public init(purpose: String, upTo: Rational) {
        self.purpose = purpose
        self.upTo = upTo
    }
}

/// Who authorises amounts up to `upTo` (inclusive); `nil` for everything above.
public struct AuthorisationTier: Sendable, Hashable {
    public var upTo: Rational?
    public var authoriser: String
    public init(upTo: Rational?, authoriser: String) {
        self.upTo = upTo
        self.authoriser = authoriser
    }
}

extension [AmountBand] {
    /// The band containing `value`: the last whose `from` ≤ value; `nil` below the first.
    func band(containing value: Rational) -> AmountBand? {
        // The greatest start at or below the value, in any order the bands come (the later of equal starts).
        var best: Int?
        for i in indices where !(value < self[i].from) && !(best.map { self[i].from < self[$0].from } ?? false) { best = i }
        return best.map { self[$0] }
    }
}

extension [AuthorisationTier] {
    /// The first tier whose limit covers `amount` ("up to" is inclusive, docs/rules.md §4).
    func tier(for amount: Rational) -> AuthorisationTier? {
        first { $0.upTo.map { !($0 < amount) } ?? true }
    }
}
