/// The name of a ``Quantity``: a stable camel-case word a program can match
/// on; a parameter's dotted name, or an item's own name (a domain, a funder).
///
/// The engine's own names (with a position, `earnings[1]`, too), parameters'
/// names and a DST domain's names (`breathing.high`) are held as small values,
/// not text: a formula's node that holds one is copied and freed with no
/// reference count, and its text is made only when it is read.
public struct QuantityName: RawRepresentable, Sendable, Hashable {
    /// How the name is held.
    enum Storage: Sendable {
        /// One of the engine's own names.
        case known(Known)
        /// A parameter's dotted name.
        case parameter(ParameterKey)
        /// A DST domain's points at a level (`breathing.high`), or its weight (`breathing.weight`) when `level`
        /// is `nil`.
        case dst(DSTDomain, DSTLevel?)
        /// One of the engine's own names at a position (`earnings[1]`, one PA's of several).
        case indexed(Known, UInt16)
        /// Any other name, as text.
        case text(String)
    }

    let storage: Storage

    /// The name as text.
    public var rawValue: String {
        switch storage {
        case .known(let name): name.rawValue
        case .parameter(let key): key.name
        case .dst(let domain, let level): "\(domain.rawValue).\(level?.rawValue ?? "weight")"
        case .indexed(let name, let i): "\(name.rawValue)[\(i)]"
        case .text(let text): text
        }
    }

    public init(rawValue: String) { storage = .text(rawValue) }

    /// One of the engine's own names.
    init(_ known: Known) { storage = .known(known) }

    /// A parameter's dotted name.
    init(parameter key: ParameterKey) { storage = .parameter(key) }

    /// A DST domain's points at `level` (`breathing.high`), or its weight (`breathing.weight`) when `level` is `nil`.
    init(dst domain: DSTDomain, _ level: DSTLevel?) { storage = .dst(domain, level) }

    /// One of the engine's own names at position `i` (`earnings[1]`): held as text past the positions a code holds.
    init(_ known: Known, at i: Int) {
        storage = if let small = UInt16(exactly: i) { .indexed(known, small) } else { .text("\(known.rawValue)[\(i)]") }
    }

    /// Names are equal when their text is, however each is held.
    public static func == (a: QuantityName, b: QuantityName) -> Bool {
        switch (a.storage, b.storage) {
        case (.known(let x), .known(let y)): x == y
        case (.parameter(let x), .parameter(let y)): x == y
        case (.dst(let x, let i), .dst(let y, let j)): x == y && i == j
        case (.indexed(let x, let i), .indexed(let y, let j)): x == y && i == j
        default: a.rawValue == b.rawValue
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

extension QuantityName {
    /// The engine's own names: the raw value is the name's text.
    enum Known: String, Sendable {
        case hoursPerWeek
        case staffRatio
        case hourlyRate
        case nightsPerWeek
        case nightRate
        case weekly
        case annual
        case quantity
        case amount
        case pay
        case paPay
        case bankHolidays
        case earnings
        case personalAssistants
        case careSubtotal
        case thirdPartyLines = "thirdPartyRecurringLines"
        case payAndOnCosts
        case paHours
        case monthsPerYear
        case fourWeeks = "weeksPerPeriod"
        case daysPerWeek
        case one
        case hundred
        case result
        case points
        case indicative
        case plan
        case variance
        case envelope
        case reserve
        case people
        case share
        case totalShares
        case holidayCover
        case zero
        case clusterCost
        case crisisPercent = "crisis"
        case inpatientPercent = "inpatient"
        case cluster
        case reviewPeriod
        case weeksInYear
        case score
        case addition
        case hourlyAmount
        case hourlyCost
        case packagesCost
        case grossSaving
        case administration
        case netSaving
        case population
        case rate
        case sumOfAreas
        case roundedTotal
        case freedPercent
        case freed
        case costPerPayment
        case directPayments
        case notionalShare
        case guaranteedPercent
        case guaranteed
        case contractValue
        case releasedToDate
        case releasedBefore
        case oneToOneContacts
        case groupContacts
        case contacts
        case contractTotal
        case oneToOnePrice
        case groupPrice
        case groupSharePercent
        case averageCost = "averageCostPerContact"
        case totalAtRoundedPrices
        case difference
        case periodAmount
        case payments
        case payment
        case oneOffTotal
        case daysPaid
        case daysInYear
        case upTo
        case pricePerPoint
        case reservePercent
        case cohortTotal
        case headroom
        case covariance
        case varianceX
        case varianceY
        case slope
        case intercept
        case rSquared
        case bandFrom
        case priorityDomains
        case severeDomains
        case severeDomainsNeeded
        case sumX
        case sumY
        case sumXX
        case sumYY
        case sumXY
    }

    static var hoursPerWeek: QuantityName { QuantityName(.hoursPerWeek) }
    static var staffRatio: QuantityName { QuantityName(.staffRatio) }
    static var hourlyRate: QuantityName { QuantityName(.hourlyRate) }
    static var nightsPerWeek: QuantityName { QuantityName(.nightsPerWeek) }
    static var nightRate: QuantityName { QuantityName(.nightRate) }
    static var weekly: QuantityName { QuantityName(.weekly) }
    static var annual: QuantityName { QuantityName(.annual) }
    static var quantity: QuantityName { QuantityName(.quantity) }
    static var amount: QuantityName { QuantityName(.amount) }
    static var pay: QuantityName { QuantityName(.pay) }
    static var paPay: QuantityName { QuantityName(.paPay) }
    static var bankHolidays: QuantityName { QuantityName(.bankHolidays) }
    static var earnings: QuantityName { QuantityName(.earnings) }
    static var personalAssistants: QuantityName { QuantityName(.personalAssistants) }
    static var careSubtotal: QuantityName { QuantityName(.careSubtotal) }
    static var thirdPartyLines: QuantityName { QuantityName(.thirdPartyLines) }
    static var payAndOnCosts: QuantityName { QuantityName(.payAndOnCosts) }
    static var paHours: QuantityName { QuantityName(.paHours) }
    static var monthsPerYear: QuantityName { QuantityName(.monthsPerYear) }
    static var fourWeeks: QuantityName { QuantityName(.fourWeeks) }
    static var daysPerWeek: QuantityName { QuantityName(.daysPerWeek) }
    static var one: QuantityName { QuantityName(.one) }
    static var hundred: QuantityName { QuantityName(.hundred) }
    static var result: QuantityName { QuantityName(.result) }
    static var points: QuantityName { QuantityName(.points) }
    static var indicative: QuantityName { QuantityName(.indicative) }
    static var plan: QuantityName { QuantityName(.plan) }
    static var variance: QuantityName { QuantityName(.variance) }
    static var envelope: QuantityName { QuantityName(.envelope) }
    static var reserve: QuantityName { QuantityName(.reserve) }
    static var people: QuantityName { QuantityName(.people) }
    static var share: QuantityName { QuantityName(.share) }
    static var totalShares: QuantityName { QuantityName(.totalShares) }
    static var holidayCover: QuantityName { QuantityName(.holidayCover) }
    static var zero: QuantityName { QuantityName(.zero) }
    static var clusterCost: QuantityName { QuantityName(.clusterCost) }
    static var crisisPercent: QuantityName { QuantityName(.crisisPercent) }
    static var inpatientPercent: QuantityName { QuantityName(.inpatientPercent) }
    static var cluster: QuantityName { QuantityName(.cluster) }
    static var reviewPeriod: QuantityName { QuantityName(.reviewPeriod) }
    static var weeksInYear: QuantityName { QuantityName(.weeksInYear) }
    static var score: QuantityName { QuantityName(.score) }
    static var addition: QuantityName { QuantityName(.addition) }
    static var hourlyAmount: QuantityName { QuantityName(.hourlyAmount) }
    static var hourlyCost: QuantityName { QuantityName(.hourlyCost) }
    static var packagesCost: QuantityName { QuantityName(.packagesCost) }
    static var grossSaving: QuantityName { QuantityName(.grossSaving) }
    static var administration: QuantityName { QuantityName(.administration) }
    static var netSaving: QuantityName { QuantityName(.netSaving) }
    static var population: QuantityName { QuantityName(.population) }
    static var rate: QuantityName { QuantityName(.rate) }
    static var sumOfAreas: QuantityName { QuantityName(.sumOfAreas) }
    static var roundedTotal: QuantityName { QuantityName(.roundedTotal) }
    static var freedPercent: QuantityName { QuantityName(.freedPercent) }
    static var freed: QuantityName { QuantityName(.freed) }
    static var costPerPayment: QuantityName { QuantityName(.costPerPayment) }
    static var directPayments: QuantityName { QuantityName(.directPayments) }
    static var notionalShare: QuantityName { QuantityName(.notionalShare) }
    static var guaranteedPercent: QuantityName { QuantityName(.guaranteedPercent) }
    static var guaranteed: QuantityName { QuantityName(.guaranteed) }
    static var contractValue: QuantityName { QuantityName(.contractValue) }
    static var releasedToDate: QuantityName { QuantityName(.releasedToDate) }
    static var releasedBefore: QuantityName { QuantityName(.releasedBefore) }
    static var oneToOneContacts: QuantityName { QuantityName(.oneToOneContacts) }
    static var groupContacts: QuantityName { QuantityName(.groupContacts) }
    static var contacts: QuantityName { QuantityName(.contacts) }
    static var contractTotal: QuantityName { QuantityName(.contractTotal) }
    static var oneToOnePrice: QuantityName { QuantityName(.oneToOnePrice) }
    static var groupPrice: QuantityName { QuantityName(.groupPrice) }
    static var groupSharePercent: QuantityName { QuantityName(.groupSharePercent) }
    static var averageCost: QuantityName { QuantityName(.averageCost) }
    static var totalAtRoundedPrices: QuantityName { QuantityName(.totalAtRoundedPrices) }
    static var difference: QuantityName { QuantityName(.difference) }
    static var periodAmount: QuantityName { QuantityName(.periodAmount) }
    static var payments: QuantityName { QuantityName(.payments) }
    static var payment: QuantityName { QuantityName(.payment) }
    static var oneOffTotal: QuantityName { QuantityName(.oneOffTotal) }
    static var daysPaid: QuantityName { QuantityName(.daysPaid) }
    static var daysInYear: QuantityName { QuantityName(.daysInYear) }
    static var upTo: QuantityName { QuantityName(.upTo) }
    static var pricePerPoint: QuantityName { QuantityName(.pricePerPoint) }
    static var reservePercent: QuantityName { QuantityName(.reservePercent) }
    static var cohortTotal: QuantityName { QuantityName(.cohortTotal) }
    static var headroom: QuantityName { QuantityName(.headroom) }
    static var covariance: QuantityName { QuantityName(.covariance) }
    static var varianceX: QuantityName { QuantityName(.varianceX) }
    static var varianceY: QuantityName { QuantityName(.varianceY) }
    static var slope: QuantityName { QuantityName(.slope) }
    static var intercept: QuantityName { QuantityName(.intercept) }
    static var rSquared: QuantityName { QuantityName(.rSquared) }
    static var bandFrom: QuantityName { QuantityName(.bandFrom) }
    static var priorityDomains: QuantityName { QuantityName(.priorityDomains) }
    static var severeDomains: QuantityName { QuantityName(.severeDomains) }
    static var severeDomainsNeeded: QuantityName { QuantityName(.severeDomainsNeeded) }
    static var sumX: QuantityName { QuantityName(.sumX) }
    static var sumY: QuantityName { QuantityName(.sumY) }
    static var sumXX: QuantityName { QuantityName(.sumXX) }
    static var sumYY: QuantityName { QuantityName(.sumYY) }
    static var sumXY: QuantityName { QuantityName(.sumXY) }
}
