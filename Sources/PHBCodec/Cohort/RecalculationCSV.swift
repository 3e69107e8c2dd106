import PHBEngine

/// Writes a cohort run's results: one CSV row per person, an errors file, and
/// (on request) one row per line of each person's breakdown.
public struct RecalculationCSV: Sendable {
    /// A single-date batch (one set of totals) or a recalculation (old, new, change).
    public enum Kind: Sendable, Hashable {
        case batch
        case recalculation(arrears: Bool)
    }

    public let kind: Kind
    public let writer: CSVWriter

    public init(kind: Kind, style: CSVWriter.Style = .plain) {
        self.kind = kind
        writer = CSVWriter(style: style)
    }

    /// The results file's first line.
    public var header: String {
        switch kind {
        case .batch:
            writer.preamble + writer.row(["person", "row", "status", "weekly", "annual", "oneOff", "firstYear"])
        case .recalculation(let arrears):
            writer.preamble + writer.row(["person", "row", "status", "oldWeekly", "oldAnnual", "oldOneOff", "oldFirstYear",
                                          "newWeekly", "newAnnual", "newOneOff", "newFirstYear", "annualChange",
                                          "percentChange"] + (arrears ? ["arrears"] : []))
        }
    }

    /// Appends one person's results row to `bytes` (a failed person has blank figures and status `failed`).
    public func appendRow(_ result: RecalculationRow, to bytes: inout [UInt8]) {
        var id = result.id
        id.withUTF8 { id in
            switch result.outcome {
            case .success(let figures):
                appendRow(id: id, row: result.row, figures: figures, to: &bytes)
            case .failure:
                appendRow(id: id, row: result.row, to: &bytes) { out in
                    out.put(Self.failed)
                    for _ in 0..<(columnCount - 3) { out.put(UInt8(ascii: ",")) }
                }
            }
        }
    }

    /// Appends the results row of a person computed with `figures` to `bytes`; `id` is the person id's UTF-8.
    public func appendRow(id: UnsafeBufferPointer<UInt8>, row: Int, figures: RecalculatedFigures, to bytes: inout [UInt8]) {
        // A percentage beyond 64 bits of hundredths (never, from a recalculation) is written from its text.
        var hundredths: Int64?, percentText: [UInt8]?
        if let percent = figures.percentChange {
            hundredths = Int64(exactly: percent.hundredths)
            if hundredths == nil { percentText = Array(percent.decimalText.utf8.prefix(Self.longestPercentText)) }
        }
        appendRow(id: id, row: row, to: &bytes) { out in
            out.put(Self.computed)
            switch kind {
            case .batch:
                out.totals(figures.new)
            case .recalculation(let arrears):
                out.totals(figures.old)
                out.totals(figures.new)
                out.money(figures.annualChange)
                out.put(UInt8(ascii: ","))
                if let hundredths { out.number(hundredths, places: 2) } else if let percentText { out.put(percentText) }
                if arrears { out.money(figures.arrears) }
            }
        }
    }

    /// Appends a row: the id, the row number, then what `write` puts (the status and the figures), and the line end.
    ///
    /// The id (when it needs no escaping and is not long) and the figures go into a buffer on the stack and reach
    /// `bytes` in one append; `write` reads the figures where they are, so they are not copied.
    private func appendRow(id: UnsafeBufferPointer<UInt8>, row: Int, to bytes: inout [UInt8], status write: (inout RowBytes) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longestID + Self.longestFigures) { buffer in
            guard let base = buffer.baseAddress else { return }
            var out = RowBytes(base: base)
            if let written = writer.writePlainText(id, to: base, room: Self.longestID) {
                out.count = written
            } else {
                writer.appendText(String(decoding: id, as: UTF8.self), to: &bytes)
            }
            out.put(UInt8(ascii: ","))
            out.number(Int64(row), places: 0)
            write(&out)
            out.put(writer.staticLineEnd)
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: out.count))
        }
    }

    /// A results row being written into a buffer with room for it.
    private struct RowBytes {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        mutating func put(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }

        mutating func put(_ text: [UInt8]) {
            for byte in text { put(byte) }
        }

        mutating func put(_ text: StaticString) {
            for i in 0..<text.utf8CodeUnitCount { put(text.utf8Start[i]) }
        }

        mutating func number(_ scaled: Int64, places: Int) { count += PlainDecimal.write(scaled, places: places, to: base + count) }

        /// A comma, then the amount (nothing when there is none).
        mutating func money(_ m: Money?) {
            put(UInt8(ascii: ","))
            if let m { number(m.pence, places: 2) }
        }

        mutating func totals(_ t: BudgetTotals) {
            money(t.weekly)
            money(t.annual)
            money(t.oneOff)
            money(t.firstYear)
        }
    }

    /// The status cells: static text, so that writing a row touches no shared reference count.
    private static var computed: StaticString { ",computed" }
    private static var failed: StaticString { ",failed" }
    /// Room for a row's figures: 12 numbers and their commas, the status, a percentage written as text, the line end,
    /// and the scratch bytes the last number may overwrite.
    private static let longestPercentText = 64
    /// The longest id written through the row's buffer (a longer one is appended on its own).
    private static let longestID = 64
    private static let longestFigures = 16 * (PlainDecimal.longest + 1) + 16 + longestPercentText + PlainDecimal.room
    /// Room for a lines-file row's figures: 3 numbers and their commas, the line end, and the scratch bytes.
    private static let longestLineFigures = 3 * (PlainDecimal.longest + 1) + 2 + PlainDecimal.room

    var columnCount: Int {
        switch kind {
        case .batch: 7
        case .recalculation(let arrears): arrears ? 14 : 13
        }
    }

    /// The errors file's first line.
    public var errorsHeader: String { writer.preamble + writer.row(["row", "person", "column", "code", "message"]) }

    /// One errors-file row.
    public func errorRow(_ error: CohortRowError) -> String {
        writer.row([.number(String(error.row)), .text(error.person ?? ""), .text(error.column ?? ""), .text(error.code),
                    .text(error.message)])
    }

    /// The lines file's first line.
    public var linesHeader: String {
        writer.preamble + writer.row(["person", "line", "weekly", "annual", "oneOff"])
    }

    /// Appends one lines-file row to `bytes`: the person, the line's key (each escaped and neutralised) and the line's
    /// weekly, annual and one-off figures. The figures are written as a results row's are, straight into bytes.
    public func appendLineRow(person: String, key: String, weekly: Money?, annual: Money?, oneOff: Money?,
                              to bytes: inout [UInt8]) {
        writer.appendText(person, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        writer.appendText(key, to: &bytes)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longestLineFigures) { buffer in
            guard let base = buffer.baseAddress else { return }
            var out = RowBytes(base: base)
            out.money(weekly)
            out.money(annual)
            out.money(oneOff)
            out.put(writer.staticLineEnd)
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: out.count))
        }
    }
}
