import PHBEngine

/// One result as CSV for a spreadsheet: a row per line and a total row; with
/// `explain`, each line's formula and parameters too.
public enum ResultCSV {
    public static func lines(_ result: BudgetResult, explain: Bool, style: CSVWriter.Style = .plain) -> String {
        let writer = CSVWriter(style: style)
        var header = ["line", "description", "heldAs", "quantity", "unitRate", "weekly", "annual", "oneOff"]
        if explain { header += ["formula", "parameters"] }
        var out = writer.preamble + writer.row(header)
        let money = { (m: Money?) in CSVWriter.Cell.number(m?.plainText ?? "") }
        for line in result.lines {
            var cells: [CSVWriter.Cell] = [.text(line.key), .text(line.description), .text(line.deployment ?? ""),
                                           .text(line.quantity.map(FormulaRenderer.words) ?? ""),
                                           .text(line.unitRate.map { FormulaRenderer.words($0) } ?? ""),
                                           money(line.weekly), money(line.annual), money(line.oneOff)]
            if explain { cells += [.text(line.formula.map(FormulaRenderer.words) ?? ""), .text(line.parameters.map(\.name).joined(separator: "; "))] }
            out += writer.row(cells)
        }
        var total: [CSVWriter.Cell] = [.text("total"), .text("Total"), .text(""), .text(""), .text(""),
                                       money(result.totals.weekly), money(result.totals.annual), money(result.totals.oneOff)]
        if explain { total += [.text("first year \(result.totals.firstYear.plainText)"), .text("")] }
        return out + writer.row(total)
    }
}
