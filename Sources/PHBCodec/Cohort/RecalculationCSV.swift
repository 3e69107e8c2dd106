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
        let comma = UInt8(ascii: ",")
        writer.appendText(result.id, to: &bytes)
        bytes.append(comma)
        PlainDecimal.append(Int64(result.row), places: 0, to: &bytes)
        func money(_ m: Money?) {
            bytes.append(comma)
            m?.appendPlainText(to: &bytes)
        }
        func totals(_ t: BudgetTotals) {
            money(t.weekly)
            money(t.annual)
            money(t.oneOff)
            money(t.firstYear)
        }
        switch (kind, result.outcome) {
        case (.batch, .success(let f)):
            bytes.append(contentsOf: Self.computed)
            totals(f.new)
        case (.recalculation(let arrears), .success(let f)):
            bytes.append(contentsOf: Self.computed)
            totals(f.old)
            totals(f.new)
            money(f.annualChange)
            bytes.append(comma)
            if let percent = f.percentChange {
                // Hundredths of a percent (how it is rounded), written as they are.
                if 100 % percent.denominator == 0, let hundredths = Int64(exactly: percent.numerator * (100 / percent.denominator)) {
                    PlainDecimal.append(hundredths, places: 2, to: &bytes)
                } else {
                    bytes.append(contentsOf: percent.decimalText(minPlaces: 2).utf8)
                }
            }
            if arrears { money(f.arrears) }
        case (_, .failure):
            bytes.append(contentsOf: Self.failed)
            bytes.append(contentsOf: repeatElement(comma, count: columnCount - 3))
        }
        writer.appendLineEnd(to: &bytes)
    }

    /// The status cells, as bytes once.
    private static let computed = Array(",computed".utf8), failed = Array(",failed".utf8)

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

    /// One lines-file row.
    public func lineRow(person: String, key: String, weekly: Money?, annual: Money?, oneOff: Money?) -> String {
        writer.row([.text(person), .text(key), .number(weekly?.plainText ?? ""), .number(annual?.plainText ?? ""),
                    .number(oneOff?.plainText ?? "")])
    }
}
