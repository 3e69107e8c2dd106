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

    /// One person's results row (a failed person has blank figures and status `failed`).
    public func row(_ result: RecalculationRow) -> String {
        var cells: [CSVWriter.Cell] = [.text(result.id), .number(String(result.row))]
        let money = { (m: Money) in CSVWriter.Cell.number(m.plainText) }
        let totals = { (t: BudgetTotals) in [money(t.weekly), money(t.annual), money(t.oneOff), money(t.firstYear)] }
        switch (kind, result.outcome) {
        case (.batch, .success(let f)):
            cells += [.text("computed")] + totals(f.new)
        case (.recalculation(let arrears), .success(let f)):
            cells += [.text("computed")] + totals(f.old) + totals(f.new) + [money(f.annualChange),
                      .number(f.percentChange?.decimalText(minPlaces: 2) ?? "")]
            if arrears { cells.append(.number(f.arrears?.plainText ?? "")) }
        case (_, .failure):
            cells.append(.text("failed"))
            cells += Array(repeating: .number(""), count: columnCount - 3)
        }
        return writer.row(cells)
    }

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
