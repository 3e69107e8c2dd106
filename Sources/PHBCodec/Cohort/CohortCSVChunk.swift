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

    var bytes: [UInt8] = []
    /// Where each row ends in `bytes`.
    var rowEnds: [Int] = []
    /// The line each row starts on.
    var rowLines: [Int] = []
    /// Rows longer than ``CSVParser/longestRecord`` bytes (only that much is kept).
    var rowTooLong: [Bool] = []
    /// The people, in input order.
    public private(set) var people: [Person] = []

    /// The line the person's rows start on.
    public func line(of person: Person) -> Int { rowLines[person.firstRow] }

    /// The raw bytes of row `r`.
    func row(_ r: Int) -> ArraySlice<UInt8> {
        bytes[(r == 0 ? 0 : rowEnds[r - 1])..<rowEnds[r]]
    }

    /// The person's rows as the row-by-row reader gives them: the slow path's input.
    public func record(_ person: Person, layout: CohortCSVLayout) -> CohortRecord {
        var records: [CSVRecord] = []
        records.reserveCapacity(person.rows)
        for r in person.firstRow..<(person.firstRow + person.rows) {
            records += CSVParser.records(in: row(r), firstLine: rowLines[r])
            if rowTooLong[r], let last = records.popLast() {
                records.append(CSVRecord(bytes: last.bytes, ends: last.ends, line: last.line, isTooLong: true))
            }
        }
        let id = records.first.map(layout.personID) ?? ""
        return CohortRecord(id: id, row: rowLines[person.firstRow], records: records, extraRows: person.extraRows)
    }

    mutating func append(row raw: UnsafeBufferPointer<UInt8>, line: Int, tooLong: Bool) {
        bytes.append(contentsOf: raw)
        rowEnds.append(bytes.count)
        rowLines.append(line)
        rowTooLong.append(tooLong)
    }

    mutating func addPerson(firstRow: Int, extraRows: Int) {
        people.append(Person(firstRow: firstRow, rows: rowEnds.count - firstRow, extraRows: extraRows))
    }
}

/// Splits a cohort CSV file into chunks of whole people, reading each byte
/// once on the reading thread: it only finds where rows end (quote-aware,
/// exactly as ``CSVParser`` does) and where the person id changes; parsing
/// the fields is left to the threads.
public struct CohortCSVSplitter {
    /// The most rows kept for one person; more are counted and reported.
    public static let mostRows = 1_000
    /// The layout named by the header, once it has been read.
    public private(set) var layout: CohortCSVLayout?
    /// People per chunk.
    let peoplePerChunk: Int
    private var chunk = CohortCSVChunk()
    /// The row being read: its raw bytes (at most ``CSVParser/longestRecord``).
    private var row: [UInt8] = []
    private var rowTooLong = false
    private var rowStarted = false
    private var line = 1
    private var rowLine = 1
    private var inQuotes = false
    private var quoteInQuotes = false
    private var fieldStarted = false
    private var fieldWasQuoted = false
    private var startOfInput = true
    /// The current person: their id, first row in the chunk and rows beyond the limit.
    private var personID: [UInt8]?
    private var personFirstRow = 0
    private var extraRows = 0
    /// Cell ranges of the row being read (reused).
    private var scratch: [Range<Int>] = []

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
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while index < bytes.count {
            // A run of bytes that cannot end a row or a field, or a quoted run up to its next quote, is kept at once.
            let end = quoteInQuotes ? index  // the byte after a quote in quotes decides what the quote was
                : inQuotes ? Self.next(quote, in: bytes, from: index) : Self.nextSpecial(in: bytes, from: index)
            if end > index {
                let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
                if inQuotes { line += run.reduce(0) { $0 + ($1 == lf ? 1 : 0) } }
                keep(run)
                if !inQuotes { fieldStarted = true }
                index = end
                continue
            }
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if quoteInQuotes {
                    quoteInQuotes = false
                    if byte == quote {
                        keep(byte)
                        continue
                    }
                    inQuotes = false  // the quote closed the field: read this byte as outside quotes
                } else {
                    if byte == quote { quoteInQuotes = true } else if byte == lf { line += 1 }
                    keep(byte)
                    continue
                }
            }
            switch byte {
            case comma:
                keep(byte)
                fieldStarted = false
                fieldWasQuoted = false
            case lf:
                if rowStarted { try endRow(ready: ready) }
                line += 1
                rowLine = line
            case cr:
                if rowStarted { try endRow(ready: ready) }
            case quote where !fieldStarted && !fieldWasQuoted:
                keep(byte)
                inQuotes = true
                fieldWasQuoted = true
                fieldStarted = true
            default:
                keep(byte)
                fieldStarted = true
            }
        }
    }

    /// Ends the input: the last row and the last chunk.
    public mutating func finish(ready: (CohortCSVChunk) throws(CohortRowError) -> Void) throws(CohortRowError) {
        inQuotes = false
        quoteInQuotes = false
        if rowStarted { try endRow(ready: ready) }
        closePerson()
        if !chunk.people.isEmpty {
            try ready(chunk)
            chunk = CohortCSVChunk()
        }
    }

    /// The index of the next `byte` at or after `from`, or the end.
    @inline(__always)
    static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        while i < bytes.count, bytes[i] != byte { i += 1 }
        return i
    }

    /// The index of the next comma, quote, CR or LF at or after `from`, or the end.
    @inline(__always)
    static func nextSpecial(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
            i += 1
        }
        return i
    }

    private mutating func keep(_ run: UnsafeBufferPointer<UInt8>) {
        rowStarted = true
        let room = max(0, CSVParser.longestRecord - row.count)
        if run.count > room { rowTooLong = true }
        row.append(contentsOf: UnsafeBufferPointer(rebasing: run.prefix(room)))
    }

    @inline(__always)
    private mutating func keep(_ byte: UInt8) {
        rowStarted = true
        if row.count < CSVParser.longestRecord { row.append(byte) } else { rowTooLong = true }
    }

    private mutating func endRow(ready: (CohortCSVChunk) throws(CohortRowError) -> Void) throws(CohortRowError) {
        defer {
            row.removeAll(keepingCapacity: true)
            rowTooLong = false
            rowStarted = false
            fieldStarted = false
            fieldWasQuoted = false
            rowLine = line
        }
        guard let layout else {
            guard let header = CSVParser.records(in: row, firstLine: rowLine).first else { return }
            layout = try CohortCSVLayout(header: header)
            return
        }
        let id = personCell(layout.index[CohortColumn.person.position])
        if !id.isEmpty, let current = personID, current.elementsEqual(id) {
            if chunk.rowEnds.count - personFirstRow >= CohortCSVSplitter.mostRows {
                extraRows += 1
                return
            }
        } else {
            closePerson()
            if chunk.people.count >= peoplePerChunk {
                try ready(chunk)
                chunk = CohortCSVChunk()
            }
            personID = Array(id)
            personFirstRow = chunk.rowEnds.count
            extraRows = 0
        }
        row.withUnsafeBufferPointer { chunk.append(row: $0, line: rowLine, tooLong: rowTooLong) }
    }

    /// The trimmed person id of the row being read: found by scanning its cells, or by the row-by-row reader when it must unescape.
    private mutating func personCell(_ index: Int) -> ArraySlice<UInt8> {
        // Unquoted cells up to the person's: found by counting commas.
        var field = 0, start = 0, end = row.count, quoted = false
        for (i, byte) in row.enumerated() {
            if byte == UInt8(ascii: "\"") {
                quoted = true
                break
            }
            if byte == UInt8(ascii: ",") {
                if field == index {
                    end = i
                    break
                }
                field += 1
                start = i + 1
            }
        }
        if !quoted { return field == index ? row[start..<end].trimmingSpaces : [] }
        if CohortCSVFields.cells(of: row[...], into: &scratch) {
            return scratch.indices.contains(index) ? row[scratch[index]].trimmingSpaces : []
        }
        return CSVParser.records(in: row).first.map { Array($0.bytes(index).trimmingSpaces)[...] } ?? []
    }

    private mutating func closePerson() {
        guard personID != nil else { return }
        chunk.addPerson(firstRow: personFirstRow, extraRows: extraRows)
        personID = nil
    }
}

/// Reading the cells of one raw row without copying it.
enum CohortCSVFields {
    /// Where each cell's content lies in `raw` (quotes removed from a quoted
    /// cell), into `cells`; `false` when a cell holds a doubled quote (`""`)
    /// or text after its closing quote, which only the row-by-row reader unescapes.
    static func cells(of raw: ArraySlice<UInt8>, into cells: inout [Range<Int>]) -> Bool {
        cells.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var i = raw.startIndex
        while true {
            if i < raw.endIndex, raw[i] == quote {
                guard let close = raw[(i + 1)...].firstIndex(of: quote) else { return false }
                cells.append((i + 1)..<close)
                i = close + 1
                if i < raw.endIndex, raw[i] != comma { return false }  // "" or text after the closing quote
            } else {
                let end = raw[i...].firstIndex(of: comma) ?? raw.endIndex
                cells.append(i..<end)
                i = end
            }
            if i >= raw.endIndex { return true }
            i += 1  // the comma
        }
    }
}
