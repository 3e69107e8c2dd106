import PHBEngine

extension CohortCSVLayout {
    /// A person's plan in fast form, read straight from the chunk's bytes with
    /// no strings or exact fractions built, or `nil` when anything is out of
    /// the ordinary (a £ sign or other non-ASCII byte, a quoted quote, more
    /// decimal places than the fast form holds, any error): the
    /// row-by-row reader (``person(_:)``) then decides, with its messages.
    ///
    /// When it answers, the plan is the fast form of the plan ``person(_:)``
    /// reads from the same rows.
    public func fastPerson(_ person: CohortCSVChunk.Person, in chunk: CohortCSVChunk,
                           cells: inout [Range<Int>]) -> (id: String, plan: FastBottomUpPlan)? {
        guard person.extraRows == 0, person.rows > 0 else { return nil }
        var id: ArraySlice<UInt8> = []
        var deployment: Deployment?, personalAssistants: Int?, paShares: [Rational]?, sawPlan = false
        var care: [FastBottomUpPlan.Care] = [], sleepIns: [FastBottomUpPlan.SleepIn] = [], items: [FastBottomUpPlan.Item] = []
        // Ids are rare: kept (with a nil for each line before) only once one appears.
        var careIDs: [String?] = [], sleepInIDs: [String?] = [], itemIDs: [String?] = []
        func note(_ id: String?, _ ids: inout [String?], lines: Int) {
            if id == nil, ids.isEmpty { return }
            if ids.isEmpty { ids = Array(repeating: nil, count: lines) }
            ids.append(id)
        }
        for r in person.firstRow..<(person.firstRow + person.rows) {
            let raw = chunk.row(r)
            guard !chunk.rowTooLong[r], raw.allSatisfy({ $0 < 0x80 }), CohortCSVFields.cells(of: raw, into: &cells)
            else { return nil }
            let row = FastCells(raw: raw, cells: cells, index: index)
            if r == person.firstRow {
                id = row[.person]
                guard !id.isEmpty else { return nil }
            }
            guard let kind = FastCells.word(row[.line], CohortLineKind.self) else { return nil }
            let own = row[.deployment]
            let lineDeployment = own.isEmpty ? nil : FastCells.word(own, Deployment.self)
            guard own.isEmpty || lineDeployment != nil else { return nil }
            let lineID = row[.id].isEmpty ? nil : String(decoding: row[.id], as: UTF8.self)
            switch kind {
            case .plan:
                guard !sawPlan else { return nil }
                sawPlan = true
                deployment = lineDeployment
                if !row[.paShares].isEmpty {
                    guard let shares = FastCells.shares(row[.paShares]) else { return nil }
                    paShares = shares
                }
                if !row[.personalAssistants].isEmpty {
                    guard let count = FastCells.decimal(row[.personalAssistants], places: 0) else { return nil }
                    personalAssistants = Int(count)
                }
            case .care:
                let ratio = row[.staffRatio]
                guard let hundredths = FastCells.decimal(row[.hoursPerWeek], places: 2),
                      let provider = FastCells.word(row[.provider], Provider.self),
                      let band = row[.band].withUnsafeBufferPointer(BandKey.init(utf8:)),
                      let staffRatio = ratio.isEmpty ? 1 : FastCells.decimal(ratio, places: 0),
                      let rate = FastCells.optionalAmount(row[.hourlyRate], places: 4),
                      let line = FastBottomUpPlan.Care(hundredthsOfAnHour: hundredths, staffRatio: Int(staffRatio),
                                                       provider: provider, band: band, hourlyRate: rate,
                                                       deployment: lineDeployment)
                else { return nil }
                note(lineID, &careIDs, lines: care.count)
                care.append(line)
            case .sleepIn:
                let providerCell = row[.provider]
                guard let hundredths = FastCells.decimal(row[.nightsPerWeek], places: 2),
                      let provider = providerCell.isEmpty ? .personalAssistant : FastCells.word(providerCell, Provider.self),
                      let rate = FastCells.optionalAmount(row[.nightRate], places: 4),
                      let line = FastBottomUpPlan.SleepIn(hundredthsOfANight: hundredths, provider: provider, nightRate: rate,
                                                          deployment: lineDeployment)
                else { return nil }
                note(lineID, &sleepInIDs, lines: sleepIns.count)
                sleepIns.append(line)
            case .other:
                let quantityCell = row[.quantity]
                guard let amount = FastCells.optionalAmount(row[.amount], places: 2), let amount,
                      let period = FastCells.word(row[.period], ItemPeriod.self),
                      let quantity = quantityCell.isEmpty ? Multiplier(1, over: 1) : FastCells.multiplier(quantityCell),
                      let item = FastBottomUpPlan.Item(amount: amount, quantity: quantity, period: period,
                                                       deployment: lineDeployment)
                else { return nil }
                note(lineID, &itemIDs, lines: items.count)
                items.append(item)
            }
        }
        guard careIDs.isEmpty || FastBottomUpPlan.idsAreDistinct(careIDs),
              sleepInIDs.isEmpty || FastBottomUpPlan.idsAreDistinct(sleepInIDs),
              itemIDs.isEmpty || FastBottomUpPlan.idsAreDistinct(itemIDs),
              let plan = FastBottomUpPlan(deployment: deployment, personalAssistants: personalAssistants ?? paShares?.count ?? 1,
                                          paShares: paShares,
                                          care: care, sleepIns: sleepIns, items: items)
        else { return nil }
        return (String(decoding: id, as: UTF8.self), plan)
    }
}

/// The trimmed cells of one simple (ASCII, no quoted quotes) row, by column.
struct FastCells {
    let raw: ArraySlice<UInt8>
    let cells: [Range<Int>]
    let index: [Int]

    /// The trimmed cell of `column` (empty when the column or cell is absent).
    subscript(column: CohortColumn) -> ArraySlice<UInt8> {
        let i = index[column.position]
        return i >= 0 && i < cells.count ? raw[cells[i]].trimmingSpaces : []
    }

    /// The case of `E` whose raw value is exactly `bytes`.
    static func word<E: FastWord>(_ bytes: ArraySlice<UInt8>, _ type: E.Type) -> E? {
        for (word, e) in E.words where word.count == bytes.count && word.elementsEqual(bytes) { return e }
        return nil
    }

    /// A plain decimal (`123`, `12.5`; no sign, no £, no commas) with at most
    /// `places` decimal places, as a whole number of 10^−places; `nil` otherwise.
    static func decimal(_ bytes: ArraySlice<UInt8>, places: Int) -> Int64? {
        guard let (digits, given) = digits(bytes), given <= places else { return nil }
        var value = digits
        for _ in given..<places {
            let (v, o) = value.multipliedReportingOverflow(by: 10)
            if o { return nil }
            value = v
        }
        return value
    }

    /// The digits of a plain decimal as a whole number, and how many follow the point.
    static func digits(_ bytes: ArraySlice<UInt8>) -> (Int64, places: Int)? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: Int64 = 0, places = 0, point = false, digitsAfterPoint = 0, digitsBefore = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !point else { return nil }
                point = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))  // at most 18 digits: no overflow
            if point { digitsAfterPoint += 1 } else { digitsBefore += 1 }
        }
        guard digitsBefore > 0, !point || digitsAfterPoint > 0 else { return nil }
        places = digitsAfterPoint
        return (value, places)
    }

    /// An optional amount with at most `places` decimal places: `.some(nil)` when empty, `nil` when not plain.
    static func optionalAmount(_ bytes: ArraySlice<UInt8>, places: Int) -> Rational?? {
        if bytes.isEmpty { return .some(nil) }
        guard let (digits, given) = digits(bytes), given <= places else { return nil }
        return .some(Rational(Int128(digits), over: Int128.powerOfTen(given)))
    }

    /// Shares such as `3:1` (parts split by `:` or `;`, each a plain decimal), or `nil` when any part is not plain.
    static func shares(_ bytes: ArraySlice<UInt8>) -> [Rational]? {
        var shares: [Rational] = []
        for part in bytes.split(whereSeparator: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ";") }) {
            guard let (digits, given) = digits(part.trimmingSpaces) else { return nil }
            shares.append(Rational(Int128(digits), over: Int128.powerOfTen(given)))
        }
        return shares.isEmpty ? nil : shares
    }

    /// A plain decimal as a multiplier.
    static func multiplier(_ bytes: ArraySlice<UInt8>) -> Multiplier? {
        guard let (digits, given) = digits(bytes), given <= 9 else { return nil }
        return Multiplier(digits, over: Int64(Int128.powerOfTen(given)))
    }
}

/// A choice read from a cell by its bytes: each case's raw value as bytes, worked out once.
protocol FastWord: RawRepresentable, CaseIterable where RawValue == String {
    static var words: [([UInt8], Self)] { get }
}

extension CohortLineKind: FastWord {
    static let words = allCases.map { (Array($0.rawValue.utf8), $0) }
}

extension Deployment: FastWord {
    static let words = allCases.map { (Array($0.rawValue.utf8), $0) }
}

extension Provider: FastWord {
    static let words = allCases.map { (Array($0.rawValue.utf8), $0) }
}

extension ItemPeriod: FastWord {
    static let words = allCases.map { (Array($0.rawValue.utf8), $0) }
}
