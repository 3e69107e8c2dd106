import PHBEngine

/// Renders a ``BudgetResult`` as a plain-text report for people: the
/// breakdown table with totals, the figures, how each line is worked out,
/// and the parameter values used with their sources.
public enum TableRenderer {
    /// The report: the breakdown, figures, flags and notes; with `explain`,
    /// also how each line is worked out and every parameter value used.
    public static func render(_ result: BudgetResult, explain: Bool = true) -> String {
        var out: [String] = []
        out.append(result.title)
        let policy = result.policyName + (result.policyIsIllustrative ? " (illustrative figures, not an adopted policy)" : "")
        out.append("As at \(result.asAt) · \(policy)")
        out.append("Rounding: \(result.roundingRule.description) · \(result.weeksPerYear.decimalText()) weeks a year")
        out.append("")
        out += breakdown(result)
        if !result.figures.isEmpty {
            out += ["", "Figures"]
            out += columns(result.figures.map { ["  " + $0.label, $0.value.displayText, FormulaRenderer.words($0.formula)] }, rightAligned: [])
        }
        if !result.flags.isEmpty {
            out += ["", "For review"] + result.flags.map { "  ! \($0.message)" }
        }
        if !result.warnings.isEmpty {
            out += ["", "Notes"] + result.warnings.map { "  - \($0)" }
        }
        if !explain {
            out += ["", "(Run with --explain to see how each line is worked out and the parameter values used.)"]
            return out.map { $0.safeForDisplay(limit: 2_000) }.joined(separator: "\n") + "\n"
        }
        out += ["", "How each line is worked out"]
        for (i, line) in result.lines.enumerated() {
            guard let formula = line.formula else { continue }
            out.append("  \(i + 1). \(line.description): \(FormulaRenderer.words(formula))")
            // The values the working used, one a row: the name a program sees, the value, the parameter it is.
            out += columns(FormulaRenderer.quantities(formula).map {
                ["       " + $0.name.rawValue, FormulaRenderer.words($0, labelled: false), $0.parameter == nil ? "" : "parameter"]
            }, rightAligned: [])
        }
        out += ["", "Parameters used"]
        out += columns([["  Parameter", "Value", "In force from", "Source"]] + result.parametersUsed.map {
            ["  " + $0.name, $0.displayValue, $0.from.isoText, $0.source]
        }, rightAligned: [])
        // Input text (descriptions, names, sources) never reaches a terminal raw.
        return out.map { $0.safeForDisplay(limit: 2_000) }.joined(separator: "\n") + "\n"
    }

    static func breakdown(_ result: BudgetResult) -> [String] {
        func text(_ m: Money?) -> String { m.map { grouped($0) } ?? "" }
        var rows: [[String]] = [["#", "Line", "Held as", "Quantity", "Rate", "Weekly", "Annual", "One-off"]]
        for (i, line) in result.lines.enumerated() {
            rows.append([String(i + 1), line.description, line.deployment ?? "", line.quantity.map(FormulaRenderer.words) ?? "",
                         line.unitRate.map { FormulaRenderer.words($0) } ?? "",
                         text(line.weekly), text(line.annual), text(line.oneOff)])
        }
        rows.append(["", "Total", "", "", "", text(result.totals.weekly), text(result.totals.annual),
                     text(result.totals.oneOff)])
        var lines = columns(rows, rightAligned: [0, 5, 6, 7])
        let rule = String(repeating: "-", count: lines.map(\.count).max() ?? 0)
        lines.insert(rule, at: 1)
        lines.insert(rule, at: lines.count - 1)
        lines.append("First-year total (annual + one-off): £\(grouped(result.totals.firstYear))")
        return lines
    }

    /// `1,234.50` (no £ sign, for table columns).
    static func grouped(_ m: Money) -> String {
        let t = m.displayText
        return t.hasPrefix("-") ? "-" + t.dropFirst(2) : String(t.dropFirst())
    }

    /// Pads cells into aligned columns, two spaces apart; the last column is not padded.
    public static func columns(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            var cells: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                if i == row.count - 1, !rightAligned.contains(i) { cells.append(cell); continue }
                cells.append(rightAligned.contains(i) ? pad + cell : cell + pad)
            }
            return String(cells.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
        }
    }
}
