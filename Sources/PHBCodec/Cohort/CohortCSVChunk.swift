import PHBEngine

/// Whole people's rows of a cohort CSV file, copied out of the input: the unit
/// of parallel work, so that threads parse and decode, not only compute.
///
/// Each row is kept as its raw bytes (quotes and all, without its line end),
/// with the line it starts on; each person is a run of rows with the same
/// person id, found by ``people()`` on the thread that reads the chunk, so
/// that the thread splitting the input does as little as it can.
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
    /// The field that holds the person id.
    var personColumn = 0
    /// Rows of the chunk's last person that were counted but not kept: the splitter stops keeping them
    /// once that person is known to have more than ``CohortCSVSplitter/mostRows``.
    var droppedRows = 0

    init(personColumn: Int) {
        self.personColumn = personColumn
    }

    /// An empty chunk with room for as many bytes and rows as `previous` held.
    init(sizedLike previous: CohortCSVChunk) {
        personColumn = previous.personColumn
        bytes.reserveCapacity(previous.bytes.count + previous.bytes.count / 8)
        rows.reserveCapacity(previous.rows.count + previous.rows.count / 8)
    }

    /// The people, in input order: each run of rows with the same person id (a row with none is a person
    /// of its own), with the rows past ``CohortCSVSplitter/mostRows`` counted, not kept.
    public func people() -> [Person] {
        var people: [Person] = []
        people.reserveCapacity(rows.count / 4 + 1)
        var id = CohortPersonID()
        var first = 0
        func close(_ end: Int, dropped: Int) {
            let count = end - first
            people.append(Person(firstRow: first, rows: min(count, CohortCSVSplitter.mostRows),
                                 extraRows: max(0, count - CohortCSVSplitter.mostRows) + dropped))
        }
        bytes.withUnsafeBufferPointer { all in
            for r in rows.indices {
                let row = UnsafeBufferPointer(rebasing: all[rows[r].bytes])
                if r > 0 {
                    if id.isSamePerson(row, column: personColumn) { continue }
                    close(r, dropped: 0)
                }
                id.read(row, column: personColumn)
                first = r
            }
        }
        if !rows.isEmpty { close(rows.count, dropped: droppedRows) }
        return people
    }

    /// Some of the chunk's bytes, read in place (a person's id): no string is made unless one is asked for.
    public struct Span: Sendable, Hashable {
        let bytes: Range<Int>
    }

    /// The span's bytes, for `body` to read.
    public func withBytes<R>(of span: Span, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[span.bytes])) }
    }

    /// The span's text.
    public func text(of span: Span) -> String { withBytes(of: span) { String(decoding: $0, as: UTF8.self) } }

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
}

/// Splits a cohort CSV file into chunks of whole people, reading each byte
/// once on the reading thread: it only finds where rows end (quote-aware,
/// exactly as ``CSVParser`` does), and, once a chunk has its rows, where the
/// person id next changes, so that the chunk ends with a whole person.
/// Grouping the rows into people (``CohortCSVChunk/people()``) and parsing
/// their fields are left to the threads.
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
    /// Rows after which a chunk ends, at the next new person.
    let rowsPerChunk: Int
    private var chunk = CohortCSVChunk(personColumn: 0)
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
    /// Once the chunk has its rows: the id of its last person, and that person's rows seen since (for
    /// ``mostRows``: rows beyond it are counted, not kept).
    private var lastPerson: (id: CohortPersonID, rows: Int)?
    /// Rows of the piece being fed, filed but not yet copied: they are copied into the chunk as one run,
    /// `block[start..<end]`, which lands at `base` in the chunk's bytes. Only set while `feed` runs.
    private var run: (block: UnsafeBufferPointer<UInt8>, start: Int, end: Int, base: Int)?

    public init(rowsPerChunk: Int = 16_384) {
        self.rowsPerChunk = max(1, rowsPerChunk)
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
        if !chunk.rows.isEmpty {
            try ready(chunk)
            chunk = CohortCSVChunk(personColumn: chunk.personColumn)
            lastPerson = nil
        }
    }

    /// The index of the next quote, CR or LF at or after `from`, or the end: eight bytes at a time.
    @inline(__always)
    static func nextQuoteOrLineEnd(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = bytes.baseAddress else { return from }
        var i = from
        // Sixteen bytes at a time; the block with a match gives its first one from its two halves' marks. The
        // last few bytes, a word at a time.
        let quotes = SIMD16<UInt8>(repeating: UInt8(ascii: "\"")), lfs = SIMD16<UInt8>(repeating: UInt8(ascii: "\n"))
        let crs = SIMD16<UInt8>(repeating: UInt8(ascii: "\r"))
        while bytes.count &- i >= 16 {
            let block = ByteBlock(base, at: i).bytes
            let found = (block .== quotes) .| (block .== lfs) .| (block .== crs)
            if any(found) {
                let (first, second) = ByteBlock.marks(found)
                return i &+ (first != 0 ? first.trailingZeroBitCount &>> 3 : 8 &+ second.trailingZeroBitCount &>> 3)
            }
            i &+= 16
        }
        while i < bytes.count {
            let word = ByteWord(base, at: i, end: bytes.count, readable: bytes.count)
            let found = word.firstMatchMarker(UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"))
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
        // Until the chunk is full every row is kept: the threads find the people.
        if chunk.rows.count >= rowsPerChunk, try !keepsRow(UnsafeBufferPointer(rebasing: block[range]), ready: ready) { return }
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
            chunk.personColumn = layout.index[CohortColumn.person.position]
            return
        }
        if chunk.rows.count >= rowsPerChunk, try !keepsRow(row, ready: ready) { return }
        copyRun()
        chunk.append(row: row, line: rowLine, tooLong: tooLong)
    }

    /// Settles where `row` goes once the chunk has ``rowsPerChunk`` rows: into the chunk while its last person
    /// goes on, else into the next chunk. `false` when the row is beyond ``mostRows`` of the chunk's last person
    /// (counted, not kept).
    @inline(never)  // rare: once a chunk is full
    private mutating func keepsRow(_ row: UnsafeBufferPointer<UInt8>,
                                   ready: (CohortCSVChunk) throws(CohortRowError) -> Void) throws(CohortRowError) -> Bool {
        if lastPerson == nil {  // the chunk is full: from here on, each row is compared with its last person's id
            copyRun()
            var id = CohortPersonID()
            if let last = chunk.rows.last {
                chunk.bytes.withUnsafeBufferPointer { id.read(UnsafeBufferPointer(rebasing: $0[last.bytes]), column: chunk.personColumn) }
            }
            lastPerson = (id, 1)
        }
        guard let (id, rows) = lastPerson else { return true }
        if id.isSamePerson(row, column: chunk.personColumn) {
            // At least `mostRows` of the person's rows are kept already: the rest are only counted.
            guard rows < CohortCSVSplitter.mostRows else {
                chunk.droppedRows += 1
                return false
            }
            lastPerson = (id, rows + 1)
            return true
        }
        copyRun()
        try ready(chunk)
        chunk = CohortCSVChunk(sizedLike: chunk)
        lastPerson = nil
        return true
    }
}

/// A person's id as a row of a cohort CSV gives it (trimmed, unquoted), and
/// whether another row is the same person's: the rule that groups rows into
/// people, used by the splitter to end a chunk and by the chunk to find its people.
struct CohortPersonID {
    /// The id's bytes; empty when the row has none (then no other row is the same person's).
    private var id: [UInt8] = []
    /// Whether the id was read, without quotes, from the row's first cell: then another row is compared by its
    /// first bytes (one that starts with the id and a comma is the same person's) before its cells are found.
    private var leadsRow = false

    /// Takes the id of `row`, whose field `column` holds it.
    mutating func read(_ row: UnsafeBufferPointer<UInt8>, column: Int) {
        if let cell = Self.cell(column, of: row) {
            let bytes = UnsafeBufferPointer(rebasing: row[cell])
            if id.count == bytes.count {  // the usual case, ids of one length: written over in place
                id.withUnsafeMutableBufferPointer { id in _ = id.update(fromContentsOf: bytes) }
            } else {
                id.removeAll(keepingCapacity: true)
                id.append(contentsOf: bytes)
            }
            leadsRow = column == 0
        } else {
            id = Self.quotedCell(column, of: row)
            leadsRow = false
        }
    }

    /// Whether `row` is the same person's: its id is this one, and not empty.
    func isSamePerson(_ row: UnsafeBufferPointer<UInt8>, column: Int) -> Bool {
        guard !id.isEmpty else { return false }
        if leadsRow {
            let starts = Self.startsWith(row, id)
            if starts, row.count > id.count, row[id.count] == UInt8(ascii: ",") { return true }  // the usual case
            // A first cell that starts with neither a space nor a quote holds exactly its bytes up to a comma or
            // trailing spaces: it can be this id only if it starts with it (the usual new person).
            if !starts, let first = row.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\"") { return false }
        }
        if let cell = Self.cell(column, of: row) { return Self.equal(UnsafeBufferPointer(rebasing: row[cell]), id) }
        return Self.quotedCell(column, of: row) == id
    }

    /// Whether `row` starts with the bytes of `id` (which has no quote or edge space).
    private static func startsWith(_ row: UnsafeBufferPointer<UInt8>, _ id: [UInt8]) -> Bool {
        let n = id.count
        guard row.count >= n, let rowBase = row.baseAddress else { return false }
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

    /// Where the trimmed id lies in `row`, found by counting commas eight bytes at a time; `nil` when the
    /// row has a quote before the id's end (then ``quotedCell(_:of:)`` reads it).
    private static func cell(_ index: Int, of row: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
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

    /// The trimmed id of a row with quotes, read from its cells (by the row-by-row reader when it must unescape).
    private static func quotedCell(_ index: Int, of row: UnsafeBufferPointer<UInt8>) -> [UInt8] {
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
