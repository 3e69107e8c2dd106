import PHBEngine

/// Space that ``CohortCSVLayout/fastPerson(_:in:scratch:)`` reuses from
/// person to person: a row's cells and the lines of a plan, so that reading a
/// person allocates nothing once the buffers have grown.
///
/// The line buffers go into the plan read, and come back with ``reuse(_:)``:
/// they are moved, not shared, so no reference is counted on the way.
public struct CohortCSVScratch {
    /// Each column's cell in the row being read.
    var cells: [Range<Int>] = Array(repeating: 0..<0, count: CohortColumn.allCases.count)
    var care: [FastBottomUpPlan.Care] = []
    var sleepIns: [FastBottomUpPlan.SleepIn] = []
    var items: [FastBottomUpPlan.Item] = []
    /// Lines' own ids, with each line's place among its kind's and where the id lies in the chunk: each must be
    /// well formed and unique among its kind's.
    var ids: [(kind: CohortLineKind, index: Int32, bytes: Range<Int>)] = []
    let words = FastWords()

    public init() {}

    /// Takes back the line buffers of the plan last read, for the next person's lines; the plan is used up.
    public mutating func reuse(_ plan: consuming FastBottomUpPlan) {
        plan.giveLineBuffers(care: &care, sleepIns: &sleepIns, items: &items)
    }

    /// The key of `line` of the person last read (``CohortCSVLayout/fastPerson(_:in:scratch:)``) in a breakdown:
    /// with the id its row gave (`care:day`), else by position (`care[0]`).
    public func key(of line: BottomUpLine, in chunk: CohortCSVChunk) -> String {
        let (kind, index): (CohortLineKind, Int) = switch line {
        case .care(let i, _): (.care, i)
        case .sleepIn(let i, _): (.sleepIn, i)
        case .other(let i, _): (.other, i)
        default: (.plan, -1)
        }
        guard kind != .plan, let id = ids.first(where: { $0.kind == kind && Int($0.index) == index }) else { return line.key }
        let named = chunk.text(of: CohortCSVChunk.Span(bytes: id.bytes))
        return switch line {
        case .care: BottomUpLine.care(index, id: named).key
        case .sleepIn: BottomUpLine.sleepIn(index, id: named).key
        default: BottomUpLine.other(index, id: named).key
        }
    }

    /// Notes the id a row gives the next line of `kind`, with the line's place among its kind's. Kept out of the
    /// reading loop: few lines have an id.
    @inline(never)
    mutating func noteID(of kind: CohortLineKind, at bytes: Range<Int>) {
        let index = switch kind {
        case .plan: 0
        case .care: care.count
        case .sleepIn: sleepIns.count
        case .other: items.count
        }
        // 32 bits (a plan has at most `BottomUpPlan.mostLines`): an entry is no larger than a kind and its bytes.
        ids.append((kind, Int32(truncatingIfNeeded: index), bytes))
    }

    /// Empties the line buffers, keeping their room.
    mutating func clearLines() {
        // A person has a few lines: taking them off one by one is cheaper than `removeAll(keepingCapacity:)`,
        // a generic replacement of the whole range.
        while care.popLast() != nil {}
        while sleepIns.popLast() != nil {}
        while items.popLast() != nil {}
        while ids.popLast() != nil {}
    }
}

extension CohortCSVLayout {
    /// A person's plan in fast form, read straight from the chunk's bytes with
    /// no strings or exact fractions built, or `nil` when anything is out of
    /// the ordinary (a £ sign or other non-ASCII byte, a quoted quote, more
    /// decimal places than the fast form holds, any error): the row-by-row
    /// reader (``person(_:)``) then decides, with its messages.
    ///
    /// When it answers, the plan is the fast form of the plan ``person(_:)``
    /// reads from the same rows. The plan takes its line buffers from
    /// `scratch`: give them back with ``CohortCSVScratch/reuse(_:)`` once it
    /// is costed, or the next reading allocates new ones.
    public func fastPerson(_ person: CohortCSVChunk.Person, in chunk: CohortCSVChunk,
                           scratch: inout CohortCSVScratch) -> (id: CohortCSVChunk.Span, plan: FastBottomUpPlan)? {
        guard person.extraRows == 0, person.rows > 0 else { return nil }
        scratch.clearLines()
        var cells = scratch.cells
        scratch.cells = []  // held by `cells` alone while it is written through a pointer
        defer { scratch.cells = cells }
        return chunk.bytes.withUnsafeBufferPointer { bytes in
            columnOfField.withUnsafeBufferPointer { columnOfField in
                cells.withUnsafeMutableBufferPointer { cells in
                    var row = FastRow(bytes: bytes, columnOfField: columnOfField, cells: cells)
                    return fastPerson(person, in: chunk, row: &row, scratch: &scratch)
                }
            }
        }
    }

    private func fastPerson(_ person: CohortCSVChunk.Person, in chunk: CohortCSVChunk,
                            row: inout FastRow, scratch: inout CohortCSVScratch) -> (id: CohortCSVChunk.Span, plan: FastBottomUpPlan)? {
        var id = CohortCSVChunk.Span(bytes: 0..<0)
        var deployment: Deployment?, personalAssistants: Int?, paShares: [Rational]?, sawPlan = false
        for r in person.firstRow..<(person.firstRow + person.rows) {
            guard !chunk.rows[r].isTooLong, row.read(chunk.rowRange(r)) else { return nil }
            if r == person.firstRow {
                guard !row.isEmpty(.person) else { return nil }
                id = CohortCSVChunk.Span(bytes: row.cells[CohortColumn.person.position])
            }
            guard let kind = row.word(.line, in: scratch.words.lineKinds) else { return nil }
            var lineDeployment: Deployment?
            if !row.isEmpty(.deployment) {
                guard let own = row.word(.deployment, in: scratch.words.deployments) else { return nil }
                lineDeployment = own
            }
            if !row.isEmpty(.id) { scratch.noteID(of: kind, at: row.cells[CohortColumn.id.position]) }
            switch kind {
            case .plan:
                guard !sawPlan else { return nil }
                sawPlan = true
                deployment = lineDeployment
                if !row.isEmpty(.personalAssistants) {
                    guard let count = row.decimal(.personalAssistants, places: 0) else { return nil }
                    personalAssistants = Int(count)
                }
                if !row.isEmpty(.paShares) {
                    guard let shares = row.shares(.paShares) else { return nil }
                    paShares = shares
                }
            case .care:
                guard let hundredths = row.decimal(.hoursPerWeek, places: 2),
                      let provider = row.word(.provider, in: scratch.words.providers),
                      let band = row.name(.band),
                      let staffRatio = row.isEmpty(.staffRatio) ? 1 : row.decimal(.staffRatio, places: 0),
                      let rate = row.optionalAmount(.hourlyRate, places: 4),
                      let line = FastBottomUpPlan.Care(hundredthsOfAnHour: hundredths, staffRatio: Int(staffRatio),
                                                       provider: provider, band: band, hourlyRate: rate,
                                                       deployment: lineDeployment)
                else { return nil }
                scratch.care.append(line)
            case .sleepIn:
                guard let hundredths = row.decimal(.nightsPerWeek, places: 2),
                      let provider = row.isEmpty(.provider) ? .personalAssistant : row.word(.provider, in: scratch.words.providers),
                      let rate = row.optionalAmount(.nightRate, places: 4),
                      let line = FastBottomUpPlan.SleepIn(hundredthsOfANight: hundredths, provider: provider, nightRate: rate,
                                                          deployment: lineDeployment)
                else { return nil }
                scratch.sleepIns.append(line)
            case .other:
                guard let amount = row.optionalAmount(.amount, places: 2), let amount,
                      let period = row.word(.period, in: scratch.words.periods),
                      let quantity = row.isEmpty(.quantity) ? Multiplier(1, over: 1) : row.multiplier(.quantity),
                      let item = FastBottomUpPlan.Item(amount: amount, quantity: quantity, period: period,
                                                       deployment: lineDeployment)
                else { return nil }
                scratch.items.append(item)
            }
        }
        // A person with no line is an error the row-by-row reader reports.
        guard scratch.ids.isEmpty || row.idsAreDistinct(scratch.ids),
              !(scratch.care.isEmpty && scratch.sleepIns.isEmpty && scratch.items.isEmpty) else { return nil }
        // The buffers move into the plan (an empty array in their place holds no room).
        var care: [FastBottomUpPlan.Care] = [], sleepIns: [FastBottomUpPlan.SleepIn] = [], items: [FastBottomUpPlan.Item] = []
        swap(&care, &scratch.care)
        swap(&sleepIns, &scratch.sleepIns)
        swap(&items, &scratch.items)
        guard let plan = FastBottomUpPlan(deployment: deployment, personalAssistants: personalAssistants ?? paShares?.count ?? 1,
                                          paShares: paShares, care: care, sleepIns: sleepIns, items: items)
        else { return nil }
        return (id, plan)
    }
}

/// The trimmed cells of one simple row (ASCII, no quoted quotes), by column,
/// read in place from the chunk's bytes.
struct FastRow {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The layout's column for each field of a row (−1: a column the reader ignores).
    let columnOfField: UnsafeBufferPointer<Int>
    /// Each column's trimmed cell in `bytes`, by the column's position: only the ones ``present`` marks are this row's.
    let cells: UnsafeMutableBufferPointer<Range<Int>>
    /// A bit for each column (by position) whose cell in this row has something in it: so a row clears one word,
    /// not every cell.
    var present: UInt32 = 0

    init(bytes: UnsafeBufferPointer<UInt8>, columnOfField: UnsafeBufferPointer<Int>, cells: UnsafeMutableBufferPointer<Range<Int>>) {
        self.bytes = bytes
        self.columnOfField = columnOfField
        self.cells = cells
        assert(cells.count == CohortColumn.allCases.count && cells.count <= UInt32.bitWidth, "a bit for each column")
    }

    /// Reads the cells of the row at `range`; `false` when it is not simple (the row-by-row reader must decide).
    ///
    /// Sixteen bytes at a time (SIMD compares; the chunk's last few bytes a word at a time): bytes with
    /// no quote and none above 127 give their commas as two words of marks. Most cells of a cohort row
    /// are empty; a comma right after another (or at the row's start) ends an empty cell and is only
    /// counted, so only the cells with something in them are kept one by one.
    mutating func read(_ range: Range<Int>) -> Bool {
        present = 0
        guard let base = bytes.baseAddress else { return range.isEmpty && keep(range, field: 0) }
        let end = range.upperBound, quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        let quotes = SIMD16<UInt8>(repeating: quote), commaSplat = SIMD16<UInt8>(repeating: comma)
        var cells = CellEnds(start: range.lowerBound)
        var i = range.lowerBound
        while i < end {
            // The marks of the commas and of the bytes the row-by-row reader must read, none past the row's end.
            var commas: (UInt64, UInt64), unusual: (UInt64, UInt64)
            if bytes.count &- i >= 16 {
                let block = ByteBlock(base, at: i)
                commas = block.matches(commaSplat)
                let quoted = block.matches(quotes), nonASCII = block.nonASCII
                unusual = (quoted.0 | nonASCII.0, quoted.1 | nonASCII.1)
            } else {
                let first = ByteWord(base, at: i, end: end, readable: bytes.count)
                let second = end &- i > 8 ? ByteWord(base, at: i &+ 8, end: end, readable: bytes.count) : ByteWord(bits: 0)
                commas = (first.matches(comma), second.matches(comma))
                unusual = (first.matches(quote) | first.nonASCII, second.matches(quote) | second.nonASCII)
            }
            let left = end &- i
            if left < 16 {
                if left <= 8 {
                    commas = (ByteWord.first(left, of: commas.0), 0)
                    unusual = (ByteWord.first(left, of: unusual.0), 0)
                } else {
                    commas.1 = ByteWord.first(left &- 8, of: commas.1)
                    unusual.1 = ByteWord.first(left &- 8, of: unusual.1)
                }
            }
            // A quote, or a byte above 127 (which the quoted reading refuses).
            if unusual.0 | unusual.1 != 0 { return readQuoted(range) }
            guard cells.read(commas.0, at: i, into: &self), left <= 8 || cells.read(commas.1, at: i &+ 8, into: &self)
            else { return false }
            i &+= 16
        }
        return keep(cells.fieldStart..<end, field: cells.field)
    }

    /// Where a row's cells end, read a word of comma marks at a time.
    struct CellEnds {
        /// The number of the cell that starts at `fieldStart`.
        var field = 0
        var fieldStart: Int
        /// The high bit of byte 0 when the byte before the word is a comma, or the word starts the row.
        var afterComma: UInt64 = 0x80

        init(start: Int) { fieldStart = start }

        /// Keeps, in `row`, the cells with something in them that the commas marked in the word at `i` end;
        /// `false` past the most fields. Offsets into the chunk stay far below `Int.max`: wrapping arithmetic
        /// is exact here.
        @inline(__always)
        mutating func read(_ commas: UInt64, at i: Int, into row: inout FastRow) -> Bool {
            if commas != 0 {
                var ends = commas & ~((commas &<< 8) | afterComma)  // commas that end a cell with something in it
                while ends != 0 {
                    let bit = ends & (0 &- ends)
                    let earlier = commas & (bit &- 1)
                    let start = earlier == 0 ? fieldStart : i &+ (63 &- earlier.leadingZeroBitCount) &>> 3 &+ 1
                    guard row.keep(Range(uncheckedBounds: (start, i &+ bit.trailingZeroBitCount &>> 3)),
                                   field: field &+ ByteWord.count(earlier)) else { return false }
                    ends &= ends &- 1
                }
                field &+= ByteWord.count(commas)
                fieldStart = i &+ (63 &- commas.leadingZeroBitCount) &>> 3 &+ 1
            }
            afterComma = commas &>> 56  // byte 7's comma bit, as byte 0's (zero when the word ran past the end)
            return true
        }
    }

    /// Reads a row with quotes cell by cell: a quoted cell's content is what lies between its quotes.
    private mutating func readQuoted(_ range: Range<Int>) -> Bool {
        guard UnsafeBufferPointer(rebasing: bytes[range]).allSatisfy({ $0 < 0x80 }) else { return false }
        var field = 0
        return CohortCSVFields.cells(of: bytes, in: range) { cell in
            defer { field += 1 }
            return keep(cell, field: field)
        }
    }

    /// Keeps field `field` (at `cell`), trimmed, as its column's cell; `false` past ``CSVParser/mostFields`` fields.
    @inline(__always)
    fileprivate mutating func keep(_ cell: Range<Int>, field: Int) -> Bool {
        guard field < CSVParser.mostFields else { return false }
        if cell.isEmpty { return true }
        let space = UInt8(ascii: " ")
        // A value past the header's last column: the row-by-row reader reports it.
        guard field < columnOfField.count else { return UnsafeBufferPointer(rebasing: bytes[cell]).allSatisfy { $0 == space } }
        let column = columnOfField[field]
        guard column >= 0 else { return true }
        var start = cell.lowerBound, stop = cell.upperBound
        if bytes[start] == space || bytes[stop &- 1] == space {  // rare: trim
            while start < stop, bytes[start] == space { start &+= 1 }
            while stop > start, bytes[stop &- 1] == space { stop &-= 1 }
            if start == stop { return true }  // only spaces: an empty cell
        }
        cells[column] = Range(uncheckedBounds: (start, stop))
        present |= 1 &<< UInt32(truncatingIfNeeded: column)
        return true
    }

    /// Whether the lines' ids are well formed and distinct among their kind's, as the full breakdown requires
    /// (`BottomUpCalculation.checkIDs`), compared as bytes.
    func idsAreDistinct(_ ids: [(kind: CohortLineKind, index: Int32, bytes: Range<Int>)]) -> Bool {
        for (i, id) in ids.enumerated() {
            let name = UnsafeBufferPointer(rebasing: bytes[id.bytes])
            guard ParameterKey.isBandName(utf8: name) else { return false }
            for earlier in ids[..<i] where earlier.kind == id.kind && earlier.bytes.count == name.count {
                if name.indices.allSatisfy({ bytes[earlier.bytes.lowerBound + $0] == name[$0] }) { return false }
            }
        }
        return true
    }

    /// Whether the column's cell is empty or absent.
    func isEmpty(_ column: CohortColumn) -> Bool { present & (1 &<< UInt32(truncatingIfNeeded: column.position)) == 0 }

    /// The bytes of the column's cell.
    func cell(_ column: CohortColumn) -> UnsafeBufferPointer<UInt8> {
        isEmpty(column) ? UnsafeBufferPointer(start: nil, count: 0) : UnsafeBufferPointer(rebasing: bytes[cells[column.position]])
    }

    /// The cell held inline, `nil` when empty or longer than 24 bytes.
    @inline(__always)
    func name(_ column: CohortColumn) -> InlineName? {
        guard !isEmpty(column) else { return nil }
        let cell = cells[column.position]
        let count = cell.count, start = cell.lowerBound, end = cell.upperBound, readable = bytes.count
        guard let base = bytes.baseAddress, count > 0, count <= 24 else { return nil }
        // A word at a time from the chunk's bytes, masked at the cell's end: no copy.
        let first = ByteWord(base, at: start, end: end, readable: readable).bits
        var second: UInt64 = 0, third: UInt64 = 0
        if count > 8 {
            second = ByteWord(base, at: start &+ 8, end: end, readable: readable).bits
            if count > 16 { third = ByteWord(base, at: start &+ 16, end: end, readable: readable).bits }
        }
        return InlineName(littleEndianWords: (first, second, third), count: count)
    }

    /// The case of `E` whose raw value is exactly the cell.
    @inline(__always)  // called for a few cells of every row: a call's prologue cost about a fifth of it
    func word<E>(_ column: CohortColumn, in names: [(InlineName, E)]) -> E? {
        guard let name = name(column) else { return nil }
        for i in names.indices where names[i].0 == name { return names[i].1 }
        return nil
    }

    /// A plain decimal (`123`, `12.5`; no sign, no £, no commas) with at most
    /// `places` decimal places, as a whole number of 10^−places; `nil` otherwise.
    @inline(__always)
    func decimal(_ column: CohortColumn, places: Int) -> Int64? {
        guard let (digits, given) = Self.digits(cell(column)), given <= places else { return nil }
        var value = digits
        for _ in given..<places {
            let (v, o) = value.multipliedReportingOverflow(by: 10)
            if o { return nil }
            value = v
        }
        return value
    }

    /// An optional amount with at most `places` decimal places: `.some(nil)` when empty, `nil` when not plain.
    @inline(__always)
    func optionalAmount(_ column: CohortColumn, places: Int) -> BoundedAmount?? {
        if isEmpty(column) { return .some(nil) }
        guard let (digits, given) = Self.digits(cell(column)), given <= places else { return nil }
        return .some(BoundedAmount(digits: digits, places: given))
    }

    /// A plain decimal as a multiplier.
    func multiplier(_ column: CohortColumn) -> Multiplier? {
        guard let (digits, given) = Self.digits(cell(column)) else { return nil }
        // The usual writings with denominators known here, so that their reciprocals are worked out as the
        // program is built, not by a division for each cell.
        switch given {
        case 0: return Multiplier(digits, over: 1)
        case 1: return Multiplier(digits, over: 10)
        case 2: return Multiplier(digits, over: 100)
        case 3...9: return Multiplier(digits, over: Int64(Int128.powerOfTen(given)))
        default: return nil
        }
    }

    /// Shares such as `3:1` (parts split by `:` or `;`, each a plain decimal), or `nil` when any part is not plain.
    func shares(_ column: CohortColumn) -> [Rational]? {
        let cell = cell(column)
        var shares: [Rational] = []
        shares.reserveCapacity(4)
        var start = 0
        for end in 0...cell.count where end == cell.count || cell[end] == UInt8(ascii: ":") || cell[end] == UInt8(ascii: ";") {
            defer { start = end + 1 }
            var part = cell[start..<end]
            if part.isEmpty { continue }  // as `split` reads `3::1`
            while part.first == UInt8(ascii: " ") { part.removeFirst() }
            while part.last == UInt8(ascii: " ") { part.removeLast() }
            guard let (digits, given) = Self.digits(UnsafeBufferPointer(rebasing: part)) else { return nil }
            shares.append(given == 0 ? Rational(Int(digits)) : Rational(Int128(digits), over: Int128.powerOfTen(given)))
        }
        return shares.isEmpty ? nil : shares
    }

    /// The digits of a plain decimal as a whole number, and how many follow the point.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int64, places: Int)? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        // The whole part, then the decimal places after a point: at most 18 digits, so no overflow.
        var value: Int64 = 0, i = 0
        while i < bytes.count, case let digit = bytes[i] &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ Int64(digit)
            i &+= 1
        }
        guard i > 0 else { return nil }  // a digit before any point
        if i == bytes.count { return (value, 0) }
        guard bytes[i] == UInt8(ascii: "."), i &+ 1 < bytes.count else { return nil }  // a digit after the point
        let point = i
        i &+= 1
        while i < bytes.count, case let digit = bytes[i] &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ Int64(digit)
            i &+= 1
        }
        return i == bytes.count ? (value, bytes.count &- point &- 1) : nil
    }
}

/// The choice words a cohort row holds, each case with its raw value held
/// inline (every raw value is short): worked out once for a scratch, so that
/// matching a cell reads no global (each global read checks it was set up).
struct FastWords {
    let lineKinds = Self.names(CohortLineKind.self)
    let deployments = Self.names(Deployment.self)
    let providers = Self.names(Provider.self)
    let periods = Self.names(ItemPeriod.self)

    static func names<E: RawRepresentable & CaseIterable>(_: E.Type) -> [(InlineName, E)] where E.RawValue == String {
        E.allCases.compactMap { e in InlineName(e.rawValue).map { ($0, e) } }
    }
}
