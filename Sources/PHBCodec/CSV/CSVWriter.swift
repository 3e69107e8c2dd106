/// Writes CSV rows that open safely in a spreadsheet.
///
/// Text cells are quoted when they hold a separator, quote or line break; a
/// text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// is neutralised with a leading `'` so it can never run as a formula.
/// Numbers the engine writes (`-12.50` for a fall) are numbers, written as
/// they are. The spreadsheet style adds a byte-order mark and CRLF line ends,
/// as Excel expects.
public struct CSVWriter: Sendable {
    /// How lines end and whether a byte-order mark leads.
    public enum Style: Sendable, Hashable {
        /// LF, no byte-order mark.
        case plain
        /// CRLF and a UTF-8 byte-order mark, for spreadsheets.
        case spreadsheet
    }

    /// One cell: text from outside (neutralised) or a number the engine made.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(String)
    }

    public let style: Style

    public init(style: Style = .plain) {
        self.style = style
    }

    /// The bytes that start a file: the byte-order mark for spreadsheets.
    public var preamble: String { style == .spreadsheet ? "\u{FEFF}" : "" }

    /// The line end.
    public var lineEnd: String { staticLineEnd.description }

    /// The line end as static text, which a hot loop can copy with no reference counting.
    public var staticLineEnd: StaticString { style == .spreadsheet ? "\r\n" : "\n" }

    /// One row, with its line end.
    public func row(_ cells: [Cell]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += "," }
            switch cell {
            case .number(let n): out += n
            case .text(let t): out += CSVWriter.escape(t)
            }
        }
        return out + lineEnd
    }

    /// Appends one text cell (escaped and neutralised) to `bytes`.
    public func appendText(_ text: String, to bytes: inout [UInt8]) {
        // The usual cell (a person's id) is read and copied as contiguous bytes, not character by character.
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard Self.isPlain(utf8) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied != true, !text.isEmpty { bytes.append(contentsOf: CSVWriter.escape(text).utf8) }
    }

    /// Writes a text cell given as UTF-8 that needs no escaping (the usual person id) at `out`, if it fits in `room` bytes: how many
    /// bytes, or `nil` when the cell must be escaped or does not fit (then ``appendText(_:to:)`` writes it).
    public func writePlainText(_ utf8: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>, room: Int) -> Int? {
        guard utf8.count <= room, Self.isPlain(utf8), let base = utf8.baseAddress else { return nil }
        out.initialize(from: base, count: utf8.count)  // `out` may be fresh memory; the bytes are trivial
        return utf8.count
    }

    /// Whether text is written as it is: not empty, no separator, quote or control byte, not starting as a formula.
    private static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first, !startsFormula(first) else { return false }
        return utf8.allSatisfy({ $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\"") && $0 >= 0x20 })
    }

    /// A row of text cells (a header).
    public func row(_ texts: [String]) -> String { row(texts.map(Cell.text)) }

    /// Whether a cell starting with `byte` could run as a formula in a spreadsheet: `=`, `+`, `-`, `@`, a tab or a CR.
    static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): true
        default: false
        }
    }

    /// `text` as a safe CSV field.
    public static func escape(_ text: String) -> String {
        var value = text
        if let first = value.utf8.first, startsFormula(first) { value = "'" + value }
        // Scanned as bytes: quicker than characters, and a CRLF (one character) is found by its bytes.
        let needsQuotes = value.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
