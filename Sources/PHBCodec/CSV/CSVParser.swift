/// One record of a CSV file: its fields and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// The fields, unquoted.
    public var fields: [String]
    /// The line the record starts on (the first line is 1).
    public var line: Int
    /// Whether the record's bytes were not valid UTF-8 (its fields are then empty).
    public var isInvalidUTF8: Bool
}

/// Reads CSV (RFC 4180) from bytes that arrive in pieces, so a file of any
/// size is read in constant memory.
///
/// Accepts UTF-8 with or without a byte-order mark, CRLF or LF line ends,
/// quoted fields with `""` for a quote and line breaks inside quotes. Blank
/// lines are skipped. Feed it with ``parse(_:emit:)`` and end with
/// ``finish(emit:)``.
public struct CSVParser: Sendable {
    /// The field separator (`,` by default).
    public let separator: UInt8
    private var line = 1
    private var recordLine = 1
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    private var inQuotes = false
    /// A quote seen inside a quoted field: either the closing quote or the first of `""`.
    private var quoteInQuotes = false
    private var fieldWasQuoted = false
    private var startOfInput = true
    private var bomBytesSeen = 0

    public init(separator: UInt8 = UInt8(ascii: ",")) {
        self.separator = separator
    }

    /// Reads `bytes`, calling `emit` for every record completed in them.
    public mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, emit: (CSVRecord) throws -> Void) rethrows {
        for byte in bytes {
            if startOfInput {
                // Skip a UTF-8 byte-order mark, EF BB BF.
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                if byte == bom[bomBytesSeen] {
                    bomBytesSeen += 1
                    if bomBytesSeen == 3 { startOfInput = false }
                    continue
                }
                startOfInput = false
                if bomBytesSeen > 0 { field.append(contentsOf: bom[0..<bomBytesSeen]) }
            }
            try take(byte, emit: emit)
        }
    }

    /// Ends the input: emits the last record if it had no line end.
    public mutating func finish(emit: (CSVRecord) throws -> Void) rethrows {
        if startOfInput, bomBytesSeen > 0 { field.append(contentsOf: [0xEF, 0xBB, 0xBF][0..<bomBytesSeen]) }
        startOfInput = false
        if quoteInQuotes { inQuotes = false; quoteInQuotes = false }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { try endRecord(emit: emit) }
    }

    private mutating func take(_ byte: UInt8, emit: (CSVRecord) throws -> Void) rethrows {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), quote = UInt8(ascii: "\"")
        if inQuotes {
            if quoteInQuotes {
                quoteInQuotes = false
                if byte == quote {  // "" is one quote
                    field.append(quote)
                    return
                }
                inQuotes = false  // the quote closed the field; fall through to read this byte
            } else if byte == quote {
                quoteInQuotes = true
                return
            } else {
                if byte == lf { line += 1 }
                field.append(byte)
                return
            }
        }
        switch byte {
        case separator:
            endField()
        case lf:
            if field.isEmpty && fields.isEmpty && !fieldWasQuoted {
                // A blank line, or the LF of a CRLF whose CR ended the record.
                line += 1
                recordLine = line
                return
            }
            try endRecord(emit: emit)
            line += 1
            recordLine = line
        case cr:
            if !(field.isEmpty && fields.isEmpty && !fieldWasQuoted) { try endRecord(emit: emit) }
        case quote where field.isEmpty && !fieldWasQuoted:
            inQuotes = true
            fieldWasQuoted = true
        default:
            field.append(byte)
        }
    }

    private mutating func endField() {
        fields.append(field)
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
    }

    private mutating func endRecord(emit: (CSVRecord) throws -> Void) rethrows {
        endField()
        var strings: [String] = []
        strings.reserveCapacity(fields.count)
        var valid = true
        for bytes in fields {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                valid = false
                break
            }
            strings.append(text)
        }
        fields.removeAll(keepingCapacity: true)
        try emit(CSVRecord(fields: valid ? strings : [], line: recordLine, isInvalidUTF8: !valid))
    }
}
