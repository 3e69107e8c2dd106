import PHBEngine

/// The cohort report: a self-contained HTML page (no scripts, inline SVG) with
/// the distribution of % changes, the largest rises and falls, and the totals
/// old and new. Every chart has a text alternative and a table with its data.
public enum CohortReportRenderer {
    /// What the run was: the cohort file and the two dates or policies compared.
    public struct Context: Sendable {
        public var cohort: String
        public var old: String
        public var new: String

        public init(cohort: String, old: String, new: String) {
            self.cohort = cohort
            self.old = old
            self.new = new
        }
    }

    public static func html(_ summary: CohortSummary, context: Context) -> String {
        let e = StatementRenderer.escape
        var body = "<h1>Cohort recalculation</h1>\n"
        body += "<p class=\"summary\">\(e(context.cohort)): \(summary.people.groupedText) people, "
            + "\(summary.computed.groupedText) computed, \(summary.failed.groupedText) failed. "
            + "Old: \(e(context.old)). New: \(e(context.new)).</p>\n"

        // Totals old and new.
        body += "<section>\n<h2>Totals, old and new</h2>\n"
        body += "<p>The annual total goes from \(summary.oldAnnual.displayText) to \(summary.newAnnual.displayText), "
            + "a change of \(signed(summary.annualChange))"
            + (summary.arrears.pence != 0 ? "; arrears owed come to \(summary.arrears.displayText)." : ".") + "</p>\n"
        body += bars(id: "totals", title: "Annual totals, old and new",
                     items: [("Old", summary.oldAnnual.pence, summary.oldAnnual.displayText),
                             ("New", summary.newAnnual.pence, summary.newAnnual.displayText)])
        body += table(caption: "Totals", header: ["", "Old", "New"], rows: [
            ["Weekly", summary.oldWeekly.displayText, summary.newWeekly.displayText],
            ["Annual", summary.oldAnnual.displayText, summary.newAnnual.displayText],
            ["One-off", summary.oldOneOff.displayText, summary.newOneOff.displayText],
        ])
        body += "</section>\n"

        // Distribution of % changes.
        body += "<section>\n<h2>How each person's annual total changed</h2>\n"
        body += bars(id: "bands", title: "People by percentage change of their annual total",
                     items: summary.bands.map { ($0.label, Int64($0.people), $0.people.groupedText) }
                         + (summary.noOldTotal > 0 ? [("no old total", Int64(summary.noOldTotal), summary.noOldTotal.groupedText)] : []))
        body += table(caption: "People by percentage change", header: ["Change", "People"],
                      rows: summary.bands.map { [$0.label, $0.people.groupedText] }
                          + (summary.noOldTotal > 0 ? [["no old total", summary.noOldTotal.groupedText]] : []))
        body += "</section>\n"

        // Largest rises and falls.
        for (title, list) in [("Largest rises", summary.largestRises), ("Largest falls", summary.largestFalls)] where !list.isEmpty {
            body += "<section>\n<h2>\(title)</h2>\n"
            body += bars(id: title == "Largest rises" ? "rises" : "falls", title: "\(title) in annual total, £",
                         items: list.map { ("\($0.id)", Int64($0.change.pence.magnitude), signed($0.change)) })
            body += table(caption: title, header: ["Person", "Row", "Old annual", "New annual", "Change", "%"],
                          rows: list.map { [$0.id, "\($0.row)", $0.old.displayText, $0.new.displayText, signed($0.change),
                                            $0.percent.map { $0.decimalText + "%" } ?? ""] })
            body += "</section>\n"
        }
        return HTMLPage.document(title: "Cohort recalculation", css: """
        @page { size: A4; margin: 15mm; }
        body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1.5rem; line-height: 1.45; }
        h2 { border-bottom: 3px solid #005eb8; padding-bottom: .25rem; margin-top: 2rem; }
        .summary { background: #e8edee; border-left: 6px solid #005eb8; padding: .75rem 1rem; }
        table { border-collapse: collapse; margin: 1rem 0; }
        caption { text-align: left; font-weight: bold; padding-bottom: .4rem; }
        th, td { border-bottom: 1px solid #4c6272; padding: .3rem .6rem; text-align: left; }
        td:not(:first-child) { text-align: right; white-space: nowrap; }
        svg text { font-family: Arial, Helvetica, sans-serif; font-size: 12px; fill: #0b0c0c; }
        @media print { section { break-inside: avoid-page; } }
        """, body: """
        <main>
        \(body)</main>
        """)
    }

    static func signed(_ money: Money) -> String { money.pence > 0 ? "+" + money.displayText : money.displayText }

    /// A horizontal bar chart as inline SVG, with a title and a description for screen readers.
    static func bars(id: String, title: String, items: [(label: String, value: Int64, text: String)]) -> String {
        let e = StatementRenderer.escape
        let largest = max(1, items.map { $0.value.magnitude }.max() ?? 1)
        let rowHeight = 26, labelWidth = 150, barWidth = 420
        let height = rowHeight * items.count + 10
        var svg = "<svg role=\"img\" aria-labelledby=\"chart-\(id)\" width=\"\(labelWidth + barWidth + 140)\" "
            + "height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 140) \(height)\">\n"
        svg += "<title id=\"chart-\(id)\">\(e(title))</title>\n"
        svg += "<desc>\(e(items.map { "\($0.label): \($0.text)" }.joined(separator: "; ")))</desc>\n"
        for (i, item) in items.enumerated() {
            let y = i * rowHeight + 5
            let width = Int(UInt64(barWidth) * item.value.magnitude / largest)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(e(item.label))</text>\n"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(width, item.value == 0 ? 0 : 1))\" height=\"\(rowHeight - 8)\" fill=\"#005eb8\"/>\n"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 17)\">\(e(item.text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A table with a caption and column headers.
    static func table(caption: String, header: [String], rows: [[String]]) -> String {
        let e = StatementRenderer.escape
        var out = "<table>\n<caption>\(e(caption))</caption>\n<thead><tr>"
            + header.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr><th scope=\"row\">\(e(row.first ?? ""))</th>" + row.dropFirst().map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
