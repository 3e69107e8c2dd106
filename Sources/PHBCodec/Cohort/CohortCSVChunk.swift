import PHBEngine

/// Whole people's rows of a cohort CSV file, copied out of the input: the unit
/// of parallel work, so that threads parse and decode, not only compute.
///
/// Each row is kept as its raw bytes (quotes and all, without its line end),
/// with the line it starts on; each person is a run of rows.
public struct CohortCSVChunk: Sendable {
    /// One person: their first row in the chunk, the rows kept, and rows beyond ``CohortCSVSplitter/mostRows``.
    public struct Person: Sendable {
        let firstRow: Int
        let rows: Int
        let extraRows: Int
    }

    /// One row: where it lies in `bytes`, the line it starts on, and whether it
    /// was longer than ``CSVParser/longestRecord`` bytes (only that much is kept).
    struct Row {
        let bytes: Range<Int>
        let line: Int
        let isTooLong: Bool
    }

    var bytes: [UInt8] = []
    var rows: [Row] = []
    /// The people, in input order.
    public private(set) var people: [Person] = []

    init() {}

    /// An empty chunk with room for as many bytes, rows and people as `previous` held.
    init(sizedLike previous: CohortCSVChunk) {
        bytes.reserveCapacity(previous.bytes.count + previous.bytes.count / 8)
        rows.reserveCapacity(previous.rows.count + previous.rows.count / 8)
        people.reserveCapacity(previous.people.count)
    }

    /// The line the person's rows start on.
    public func line(of person: Person) -> Int { rows[person.firstRow].line }

    /// Where row `r` lies in `bytes`.
    func rowRange(_ r: Int) -> Range<Int> { rows[r].bytes }

    /// The person's rows as the row-by-row reader gives them: the slow path's input.
    public func record(_ person: Person, layout: CohortCSVLayout) -> CohortRecord {
        var records: [CSVRecord] = []
        records.reserveCapacity(person.rows)
        for r in person.firstRow..<(person.firstRow + person.rows) {
            records += CSVParser.records(in: bytes[rowRange(r)], firstLine: rows[r].line)
            if rows[r].isTooLong, let last = records.popLast() {
                records.append(CSVRecord(bytes: last.bytes, ends: last.ends, line: last.line, isTooLong: true))
            }
        }
        let id = records.first.map(layout.personID) ?? ""
        return CohortRecord(id: id, row: rows[person.firstRow].line, records: records, extraRows: person.extraRows)
    }

    /// Copies a row in and files it.
    mutating func append(row raw: UnsafeBufferPointer<UInt8>, line: Int, tooLong: Bool) {
        bytes.append(contentsOf: raw)
        rows.append(Row(bytes: (bytes.count - raw.count)..<bytes.count, line: line, isTooLong: tooLong))
    }

    /// Files a row whose bytes will be at `range` once the run they belong to is copied in.
    mutating func append(rowAt range: Range<Int>, line: Int) {
        rows.append(Row(bytes: range, line: line, isTooLong: false))
    }

    mutating func addPerson(firstRow: Int, extraRows: Int) {
        people.append(Person(firstRow: firstRow, rows: rows.count - firstRow, extraRows: extraRows))
    }
}

/// Splits a cohort CSV file into chunks of whole people, reading each byte
/// once on the reading thread: it only finds where rows end (quote-aware,
/// exactly as ``CSVParser`` does) and where the person id changes; parsing
/// the fields is left to the threads.
///
/// A row is a run of the input up to a line end outside quotes, so it is
/// copied into the chunk whole. Only three bytes matter while looking for its
/// end: a quote, CR and LF, found eight at a time. A quote opens a quoted
/// field only as the first byte of a field (the row's first byte, or just
/// after a comma), as in ``CSVParser``; anywhere else it is text.
public struct CohortCSVSplitter {
    /// The most rows kept for one person; more are counted and reported.
    public static let mostRows = 1_000
    /// The layout named by the header, once it has been read.
    public private(set) var layout: CohortCSVLayout?
    /// People per chunk.
    let peoplePerChunk: Int
    private var chunk = CohortCSVChunk()
    /// The start of a row that began in an earlier piece of input (at most ``CSVParser/longestRecord`` bytes).
    private var carried: [UInt8] = []
    private var carriedTooLong = false
    /// The last byte of the row so far, when it began in an earlier piece.
    private var carriedLast: UInt8?
    private var line = 1
    private var rowLine = 1
    private var inQuotes = false
    /// A quote seen inside a quoted field: either the closing quote or the first of `""`.
    private var quoteInQuotes = false
    private var startOfInput = true
    /// The current person: their id, first row in the chunk and rows beyond the limit.
    private var personID: [UInt8] = []
    /// Whether the person id is the first cell of each of their rows, written plainly (no quotes, no edge spaces).
    private var personIDLeadsRows = false
    private var inPerson = false
    /// The field that holds the person id, from the header.
    private var personColumn = 0
    private var personFirstRow = 0
    private var extraRows = 0
    /// Rows of the piece being fed, filed but not yet copied: they are copied into the chunk as one run,
    /// `block[start..<end]`, which lands at `base` in the chunk's bytes. Only set while `feed` runs.
    private var run: (block: UnsafeBufferPointer<UInt8>, start: Int, end: Int, base: Int)?

    public init(peoplePerChunk: Int = 4_096) {
        self.peoplePerChunk = max(1, peoplePerChunk)
    }

    /// Reads `bytes`, calling `ready` with each chunk of whole people; throws when the header is unusable.
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>,
                              ready: (CohortCSVChunk) throws(CohortRowError) -> Void) throws(CohortRowError) {
        var index = 0
        if startOfInput, !bytes.isEmpty {
            startOfInput = false
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n")
        var rowStart = index
        defer { copyRun() }  // the piece's bytes are not kept after this call
        while index < bytes.count {
            if inQuotes {
                if quoteInQuotes {
                    quoteInQuotes = false
                    if bytes[index] == quote {  // "": a quote in the text
                        index += 1
                        continue
                    }
                    inQuotes = false  // the quote closed the field: read this byte as outside quotes
                } else {
                    while index < bytes.count, bytes[index] != quote {
                        if bytes[index] == lf { line += 1 }
                        index += 1
                    }
                    if index < bytes.count {
                        quoteInQuotes = true
                        index += 1
                    }
                    continue
                }
            }
            index = Self.nextQuoteOrLineEnd(in: bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == quote {
                let previous = index > rowStart ? bytes[index - 1] : carriedLast
                if previous == nil || previous == comma { inQuotes = true }
                index += 1
                continue
            }
            // CR or LF outside quotes: the row ends here.
            if carriedLast == nil, index - rowStart <= CSVParser.longestRecord {
                if index > rowStart { try endRow(in: bytes, rowStart..<index, ready: ready) }  // else a blank line
            } else {
                try endRow(UnsafeBufferPointer(rebasing: bytes[rowStart..<index]), ready: ready)
            }
            if byte == lf { line += 1 }
            index += 1
            rowStart = index
            rowLine = line
        }
        if rowStart < bytes.count { carry(UnsafeBufferPointer(rebasing: bytes[rowStart...])) }
    }

    /// Ends the input: the last row and the last chunk.
    public mutating func finish(ready: (CohortCSVChunk) throws(CohortRowError) -> Void) throws(CohortRowError) {
        inQuotes = false
        quoteInQuotes = false
        try endRow(UnsafeBufferPointer(start: nil, count: 0), ready: ready)
        closePerson()
        if !chunk.people.isEmpty {
            try ready(chunk)
            chunk = CohortCSVChunk()
        }
    }

    /// The index of the next quote, CR or LF at or after `from`, or the end: eight bytes at a time.
    @inline(__always)
    static func nextQuoteOrLineEnd(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = bytes.baseAddress else { return from }
        var i = from
        while i < bytes.count {
            let word = ByteWord(base, at: i, end: bytes.count, readable: bytes.count)
            let found = word.matches(UInt8(ascii: "\"")) | word.matches(UInt8(ascii: "\n")) | word.matches(UInt8(ascii: "\r"))
            if found != 0 { return min(i + found.trailingZeroBitCount / 8, bytes.count) }
            i += 8
        }
        return bytes.count
    }

    /// Copies the rows filed from the piece being fed into the chunk, as one run.
    private mutating func copyRun() {
        guard let pending = run else { return }
        run = nil
        assert(chunk.bytes.count == pending.base, "a run lands where it was promised")
        chunk.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: pending.block[pending.start..<pending.end]))
    }

    /// Ends a whole row of the piece being fed (not carried, not too long), filed now and copied with its run.
    private mutating func endRow(in block: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                 ready: (CohortCSVChunk) throws(CohortRowError) -> Void) throws(CohortRowError) {
        guard layout != nil else {  // the header
            try endRow(UnsafeBufferPointer(rebasing: block[range])[...], tooLong: false, ready: ready)
            return
        }
        guard try startsRow(UnsafeBufferPointer(rebasing: block[range]), ready: ready) else { return }
        if run == nil { run = (block, range.lowerBound, range.lowerBound, chunk.bytes.count) }
        guard let pending = run else { return }
        let at = pending.base + (range.lowerBound - pending.start)
        chunk.append(rowAt: at..<(at + range.count), line: rowLine)
        run?.end = range.upperBound
    }

    /// Keeps the start of a row that goes on in the next piece of input.
    private mutating func carry(_ part: UnsafeBufferPointer<UInt8>) {
        guard let last = part.last else { return }
        carriedLast = last
        let room = max(0, CSVParser.longestRecord - carried.count)
        if part.count > room { carriedTooLong = true }
        carried.append(contentsOf: UnsafeBufferPointer(rebasing: part.prefix(room)))
    }

    /// Ends the row whose bytes are any carried ones followed by `tail`.
    private mutating func endRow(_ tail: UnsafeBufferPointer<UInt8>,
                                 ready: (CohortCSVChunk) throws(CohortRowError) -> Void) throws(CohortRowError) {
        if carriedLast == nil {
            guard !tail.isEmpty else { return }  // a blank line
            try endRow(tail.prefix(CSVParser.longestRecord), tooLong: tail.count > CSVParser.longestRecord, ready: ready)
            return
        }
        carry(tail)
        let tooLong = carriedTooLong
        carriedTooLong = false
        carriedLast = nil
        var row: [UInt8] = []
        swap(&row, &carried)
        defer {
            row.removeAll(keepingCapacity: true)
            swap(&row, &carried)
        }
        try row.withUnsafeBufferPointer { row throws(CohortRowError) in try endRow(row[...], tooLong: tooLong, ready: ready) }
    }

    /// Files one whole row (at most ``CSVParser/longestRecord`` bytes), copying it: the header, or a row of the
    /// current or a new person.
    private mutating func endRow(_ row: Slice<UnsafeBufferPointer<UInt8>>, tooLong: Bool,
                                 ready: (CohortCSVChunk) throws(CohortRowError) -> Void) throws(CohortRowError) {
        let row = UnsafeBufferPointer(rebasing: row)
        guard layout != nil else {
            guard let header = CSVParser.records(in: row, firstLine: rowLine).first else { return }
            let layout = try CohortCSVLayout(header: header)
            self.layout = layout
            personColumn = layout.index[CohortColumn.person.position]
            return
        }
        guard try startsRow(row, ready: ready) else { return }
        copyRun()
        chunk.append(row: row, line: rowLine, tooLong: tooLong)
    }

    /// Settles whose `row` is: the current person's, or a new person's (closing the chunk when it is full).
    /// `false` when the row is beyond the current person's ``mostRows`` (counted, not kept).
    private mutating func startsRow(_ row: UnsafeBufferPointer<UInt8>,
                                    ready: (CohortCSVChunk) throws(CohortRowError) -> Void) throws(CohortRowError) -> Bool {
        // The usual case first: the same person's next row, found by its first bytes when the id leads the row.
        if inPerson, !personID.isEmpty,
           personIDLeadsRows && Self.startsWith(row, personID) || hasPersonID(row) {
            if chunk.rows.count - personFirstRow >= CohortCSVSplitter.mostRows {
                extraRows += 1
                return false
            }
            return true
        }
        closePerson()
        if chunk.people.count >= peoplePerChunk {
            copyRun()
            try ready(chunk)
            chunk = CohortCSVChunk(sizedLike: chunk)
        }
        let column = personColumn
        if let cell = Self.personCell(column, of: row) {
            personID.removeAll(keepingCapacity: true)
            personID.append(contentsOf: UnsafeBufferPointer(rebasing: row[cell]))
            // A plain id in the first column is found again by comparing a row's first bytes with it.
            personIDLeadsRows = column == 0 && !personID.isEmpty
        } else {
            personID = quotedPersonCell(column, of: row)
            personIDLeadsRows = false
        }
        inPerson = true
        personFirstRow = chunk.rows.count
        extraRows = 0
        return true
    }

    /// Whether the person id cell of `row` is the current person's.
    private func hasPersonID(_ row: UnsafeBufferPointer<UInt8>) -> Bool {
        if let cell = Self.personCell(personColumn, of: row) { return Self.equal(UnsafeBufferPointer(rebasing: row[cell]), personID) }
        return quotedPersonCell(personColumn, of: row) == personID
    }

    /// Whether `row` starts with the cell `id` and a comma: then its first cell is exactly `id` (which has no
    /// quote or edge space), and the row is that person's.
    private static func startsWith(_ row: UnsafeBufferPointer<UInt8>, _ id: [UInt8]) -> Bool {
        let n = id.count
        guard row.count > n, row[n] == UInt8(ascii: ","), let rowBase = row.baseAddress else { return false }
        return id.withUnsafeBufferPointer { id in
            guard let idBase = id.baseAddress else { return false }
            var i = 0
            while i &+ 8 <= n {  // a word at a time, then byte by byte
                let a = UnsafeRawPointer(rowBase + i).loadUnaligned(as: UInt64.self)
                if a != UnsafeRawPointer(idBase + i).loadUnaligned(as: UInt64.self) { return false }
                i &+= 8
            }
            while i < n {
                if rowBase[i] != idBase[i] { return false }
                i &+= 1
            }
            return true
        }
    }

    /// Whether `bytes` are exactly `id`'s.
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ id: [UInt8]) -> Bool {
        bytes.count == id.count && id.withUnsafeBufferPointer { id in
            for i in id.indices where id[i] != bytes[i] { return false }
            return true
        }
    }

    /// Where the trimmed person id lies in `row`, found by counting commas eight bytes at a time; `nil` when the
    /// row has a quote before the id's end (then ``quotedPersonCell(_:of:)`` reads it).
    private static func personCell(_ index: Int, of row: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var field = 0, start = 0, end = row.count
        if let base = row.baseAddress {
            var i = 0
            scan: while i < row.count {
                let word = ByteWord(base, at: i, end: row.count, readable: row.count)
                let commas = word.matches(UInt8(ascii: ",")), quotes = word.matches(UInt8(ascii: "\""))
                var marks = commas | quotes
                while marks != 0 {
                    let bit = marks & (0 &- marks)
                    let at = i + bit.trailingZeroBitCount / 8
                    if quotes & bit != 0 { return nil }
                    if field == index {
                        end = at
                        break scan
                    }
                    field += 1
                    start = at + 1
                    marks &= marks &- 1
                }
                i += 8
            }
        }
        guard field == index else { return 0..<0 }
        while start < end, row[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, row[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return start..<end
    }

    /// The trimmed person id of a row with quotes, read from its cells (by the row-by-row reader when it must unescape).
    private func quotedPersonCell(_ index: Int, of row: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var field = 0, cell: Range<Int>?
        let read = CohortCSVFields.cells(of: row, in: row.indices) { range in
            if field == index { cell = range }
            field += 1
            return cell == nil
        }
        if let cell { return Array(Array(row[cell])[...].trimmingSpaces) }
        if read { return [] }  // the row has fewer cells
        return CSVParser.records(in: row).first.map { Array($0.bytes(index).trimmingSpaces) } ?? []
    }

    private mutating func closePerson() {
        guard inPerson else { return }
        chunk.addPerson(firstRow: personFirstRow, extraRows: extraRows)
        inPerson = false
    }
}

/// Reading the cells of one raw row without copying it.
enum CohortCSVFields {
    /// Passes `each` where each cell's content lies in `bytes[range]` (a quoted cell's without its quotes), in
    /// order, until it answers `false`. Answers `false` when `each` stopped it, or at a cell holding a doubled
    /// quote (`""`), text after its closing quote or no closing quote, which only the row-by-row reader unescapes.
    static func cells(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, each: (Range<Int>) -> Bool) -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var i = range.lowerBound
        let end = range.upperBound
        while true {
            let cell: Range<Int>
            if i < end, bytes[i] == quote {
                var close = i + 1
                while close < end, bytes[close] != quote { close += 1 }
                guard close < end else { return false }  // no closing quote
                cell = (i + 1)..<close
                i = close + 1
                if i < end, bytes[i] != comma { return false }  // "" or text after the closing quote
            } else {
                let start = i
                while i < end, bytes[i] != comma { i += 1 }
                cell = start..<i
            }
            guard each(cell) else { return false }
            if i >= end { return true }
            i += 1  // the comma
        }
    }
}
