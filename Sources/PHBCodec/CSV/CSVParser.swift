/// One record of a CSV file: its fields' bytes, unquoted, and the line it starts on.
///
/// The fields stay bytes until asked for: a number is read straight from its
/// bytes, and only text that is kept becomes a `String`.
public struct CSVRecord: Sendable, Hashable {
    /// Every field's bytes, one after another.
    let bytes: [UInt8]
    /// Where each field ends in `bytes`.
    let ends: [Int]
    /// The line the record starts on (the first line is 1).
    public let line: Int
    /// Whether the record's bytes are not valid UTF-8.
    public let isInvalidUTF8: Bool
    /// Whether the record was longer than ``CSVParser/longestRecord`` bytes (the rest was not kept).
    public let isTooLong: Bool

    init(bytes: [UInt8], ends: [Int], line: Int, isTooLong: Bool = false) {
        self.bytes = bytes
        self.ends = ends
        self.line = line
        self.isTooLong = isTooLong
        isInvalidUTF8 = !bytes.allSatisfy { $0 < 0x80 } && String(validating: bytes, as: UTF8.self) == nil
    }

    /// How many bytes the record holds.
    public var byteCount: Int { bytes.count }

    /// How many fields the record has.
    public var count: Int { ends.count }

    /// The bytes of field `index` (empty when the record has fewer fields).
    public func bytes(_ index: Int) -> ArraySlice<UInt8> {
        guard ends.indices.contains(index) else { return [] }
        return bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Field `index` as text ("" when absent; replacement characters if not UTF-8).
    public func field(_ index: Int) -> String { String(decoding: bytes(index), as: UTF8.self) }

    /// Every field as text.
    public var fields: [String] { ends.indices.map(field) }
}

/// Reads CSV (RFC 4180) from bytes that arrive in pieces, so a file of any
/// size is read in constant memory.
///
/// Accepts UTF-8 with or without a byte-order mark, CRLF or LF line ends,
/// quoted fields with `""` for a quote and line breaks inside quotes. Blank
/// lines are skipped. Feed it with ``parse(_:emit:)`` and end with
/// ``finish(emit:)``.
public struct CSVParser: Sendable {
    /// The longest record kept, in bytes; a longer one is reported, not held in memory.
    public static let longestRecord = 65_536
    /// The most fields kept in one record; a record with more is reported as too long.
    public static let mostFields = 1_024
    /// The field separator (`,` by default).
    public let separator: UInt8
    /// Whether the current record outgrew ``longestRecord``.
    private var recordTooLong = false
    private var line = 1
    private var recordLine = 1
    /// The record so far: its bytes and where each finished field ends.
    private var recordBytes: [UInt8] = []
    private var ends: [Int] = []
    /// Where the current field starts in `recordBytes`.
    private var fieldStart = 0
    private var inQuotes = false
    /// A quote seen inside a quoted field: either the closing quote or the first of `""`.
    private var quoteInQuotes = false
    private var fieldWasQuoted = false
    private var startOfInput = true
    private var bomBytesSeen = 0

    /// A parser; `firstLine` numbers the first line of the input (1 for a whole file).
    public init(separator: UInt8 = UInt8(ascii: ","), firstLine: Int = 1) {
        self.separator = separator
        line = firstLine
        recordLine = firstLine
    }

    /// Reads `bytes`, calling `emit` for every record completed in them.
    public mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, emit: (CSVRecord) throws -> Void) rethrows {
        var index = 0
        while index < bytes.count {
            // A run of ordinary bytes outside quotes is copied at once.
            if !startOfInput, !inQuotes, !fieldWasQuoted {
                var end = index
                while end < bytes.count, !isSpecial(bytes[end]) { end += 1 }
                if end > index {
                    let room = max(0, CSVParser.longestRecord - recordBytes.count)
                    if end - index > room { recordTooLong = true }
                    recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<min(end, index + room)]))
                    index = end
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            if startOfInput {
                // Skip a UTF-8 byte-order mark, EF BB BF.
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                if byte == bom[bomBytesSeen] {
                    bomBytesSeen += 1
                    if bomBytesSeen == 3 { startOfInput = false }
                    continue
                }
                startOfInput = false
                if bomBytesSeen > 0 { recordBytes.append(contentsOf: bom[0..<bomBytesSeen]) }
            }
            try take(byte, emit: emit)
        }
    }

    /// Whether `byte` ends a field or a record or opens a quote.
    @inline(__always)
    private func isSpecial(_ byte: UInt8) -> Bool {
        byte == separator || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\"")
    }

    /// The records of `bytes`, a complete input whose first line is numbered `firstLine`.
    public static func records(in bytes: some Collection<UInt8>, firstLine: Int = 1) -> [CSVRecord] {
        var parser = CSVParser(firstLine: firstLine)
        var records: [CSVRecord] = []
        Array(bytes).withUnsafeBufferPointer { raw in parser.parse(raw) { records.append($0) } }
        parser.finish { records.append($0) }
        return records
    }

    /// Ends the input: emits the last record if it had no line end.
    public mutating func finish(emit: (CSVRecord) throws -> Void) rethrows {
        if startOfInput, bomBytesSeen > 0 { recordBytes.append(contentsOf: [0xEF, 0xBB, 0xBF][0..<bomBytesSeen]) }
        startOfInput = false
        if quoteInQuotes { inQuotes = false; quoteInQuotes = false }
        if !recordIsEmpty { try endRecord(emit: emit) }
    }

    private mutating func take(_ byte: UInt8, emit: (CSVRecord) throws -> Void) rethrows {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), quote = UInt8(ascii: "\"")
        if inQuotes {
            if quoteInQuotes {
                quoteInQuotes = false
                if byte == quote {  // "" is one quote
                    keep(quote)
                    return
                }
                inQuotes = false  // the quote closed the field; fall through to read this byte
            } else if byte == quote {
                quoteInQuotes = true
                return
            } else {
                if byte == lf { line += 1 }
                keep(byte)
                return
            }
        }
        switch byte {
        case separator:
            endField()
        case lf:
            if recordIsEmpty {
                // A blank line, or the LF of a CRLF whose CR ended the record.
                line += 1
                recordLine = line
                return
            }
            try endRecord(emit: emit)
            line += 1
            recordLine = line
        case cr:
            if !recordIsEmpty {
                try endRecord(emit: emit)
                recordLine = line  // the next record starts on this line (after any line breaks in quotes)
            }
        case quote where recordBytes.count == fieldStart && !fieldWasQuoted:
            inQuotes = true
            fieldWasQuoted = true
        default:
            keep(byte)
        }
    }

    /// Adds a byte to the record, up to ``longestRecord``.
    @inline(__always)
    private mutating func keep(_ byte: UInt8) {
        if recordBytes.count < CSVParser.longestRecord { recordBytes.append(byte) } else { recordTooLong = true }
    }

    /// Whether nothing of a record has been read since the last one ended.
    private var recordIsEmpty: Bool { recordBytes.isEmpty && ends.isEmpty && !fieldWasQuoted }

    private mutating func endField() {
        if ends.count < CSVParser.mostFields { ends.append(recordBytes.count) } else { recordTooLong = true }
        fieldStart = recordBytes.count
        fieldWasQuoted = false
    }

    private mutating func endRecord(emit: (CSVRecord) throws -> Void) rethrows {
        endField()
        // Copies of exactly the record's size: the working buffers stay unshared, so
        // clearing them keeps their capacity instead of allocating afresh (and growing).
        let record = CSVRecord(bytes: recordBytes.withUnsafeBufferPointer { Array($0) },
                               ends: ends.withUnsafeBufferPointer { Array($0) }, line: recordLine, isTooLong: recordTooLong)
        recordTooLong = false
        recordBytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        fieldStart = 0
        try emit(record)
    }
}
