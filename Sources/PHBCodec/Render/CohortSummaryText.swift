import PHBEngine

/// The summary of a cohort run in words and a small table, for the terminal.
public enum SummaryText {
    /// The summary; `files` names the results, errors and lines files written.
    public static func render(_ summary: CohortSummary, kind: RecalculationCSV.Kind,
                              files: (results: String, errors: String, lines: String?)) -> String {
        var out = "\(summary.people.groupedText) people: \(summary.computed.groupedText) computed, "
            + "\(summary.failed.groupedText) failed"
        out += summary.failed > 0 ? " (see \(files.errors))\n" : "\n"
        out += "Results: \(files.results)" + (files.lines.map { "; lines: \($0)" } ?? "") + "\n"
        if summary.overflowed { out += "Warning: a cohort total left the range of pence; totals below are not meaningful.\n" }
        switch kind {
        case .batch:
            out += "Totals: weekly \(summary.newWeekly), annual \(summary.newAnnual), one-off \(summary.newOneOff)\n"
        case .recalculation(let arrears):
            out += "Annual total: old \(summary.oldAnnual), new \(summary.newAnnual), change \(signed(summary.annualChange))"
            if summary.oldAnnual.pence != 0 {
                let percent = (Rational(Int128(summary.annualChange.pence), over: Int128(summary.oldAnnual.pence)) * 100)
                    .rounded(places: 2, .halfAwayFromZero)
                out += " (\(percent.decimalText(minPlaces: 2))%)"
            }
            out += "\n"
            if arrears { out += "Arrears owed: \(summary.arrears)\n" }
            out += "Change in each person's annual total:\n"
            for band in summary.bands {
                out += "  " + band.label.padding(16) + band.people.groupedText.leftPadding(10) + "\n"
            }
            if summary.noOldTotal > 0 { out += "  no old total    " + summary.noOldTotal.groupedText.leftPadding(10) + "\n" }
            for (title, list) in [("Largest rises", summary.largestRises), ("Largest falls", summary.largestFalls)]
            where !list.isEmpty {
                out += "\(title):\n"
                for change in list {
                    out += "  \(change.id) (row \(change.row)): \(change.old) → \(change.new), \(signed(change.change))"
                        + (change.percent.map { " (\($0.decimalText)%)" } ?? "") + "\n"
                }
            }
        }
        out += "Calculations: \(summary.fastPathCalculations.groupedText) by the fast path, "
            + "\(summary.fullBreakdownCalculations.groupedText) by the full breakdown (the same pennies either way)\n"
        return out
    }

    static func signed(_ money: Money) -> String { money.pence > 0 ? "+" + money.displayText : money.displayText }
}

extension Int {
    /// The number with its thousands grouped, as people read counts: `1,234,567`.
    public var groupedText: String { Rational(self).decimalText(minPlaces: 0, maxPlaces: 0, grouping: true) }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
    func leftPadding(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
