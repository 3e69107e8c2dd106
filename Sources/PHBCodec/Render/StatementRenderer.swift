import PHBEngine

/// The budget holder's statement (PHB Quality Framework, step 3: "I know how
/// much money is likely to be available and how it was calculated"), in plain
/// English, as an accessible HTML page or as Markdown with the same content.
///
/// It says how much, what for, how each line was worked out in words a person
/// can check with a calculator, the date and the rules used, and what happens
/// if needs change. The HTML has no scripts, a language, headings and table
/// headers a screen reader can follow, dark text on white, and prints on A4.
public enum StatementRenderer {
    /// One section of the statement: a heading, paragraphs and an optional table.
    struct Section {
        var heading: String
        var paragraphs: [String] = []
        var table: (caption: String, header: [String], rows: [[String]], total: [String]?)?
    }

    /// The statement's sections, shared by both renderings.
    static func sections(_ result: BudgetResult) -> [Section] {
        let weeks = result.weeksPerYear.decimalText()
        var how = Section(heading: "How much money there is")
        how.paragraphs.append("Your personal health budget is \(result.totals.annual.displayText) a year. That is "
            + "\(result.totals.weekly.displayText) a week.")
        if result.totals.oneOff.pence != 0 {
            how.paragraphs.append("There is also \(result.totals.oneOff.displayText) to pay once, at the start, so the first "
                + "year comes to \(result.totals.firstYear.displayText).")
        }
        how.paragraphs.append("These figures are an indicative budget: the amount we expect to be available while you plan "
            + "your care and support with us. Your agreed plan sets the final amount.")

        var what = Section(heading: "What the money is for")
        what.paragraphs.append("Each line below is rounded to the penny on its own, and the totals add up the lines.")
        let recurring = result.lines.filter(\.isRecurring)
        let once = result.lines.filter { !$0.isRecurring }
        what.table = (caption: "What the budget pays for, each week and each year",
                      header: ["What it is for", "Each week", "Each year"],
                      rows: recurring.map { [$0.description, $0.weekly?.displayText ?? "", $0.annual?.displayText ?? ""] },
                      total: ["Total", result.totals.weekly.displayText, result.totals.annual.displayText])
        var oneOff = Section(heading: "Paid once")
        if !once.isEmpty {
            oneOff.table = (caption: "Costs paid once", header: ["What it is for", "Amount"],
                            rows: once.map { [$0.description, $0.oneOff?.displayText ?? ""] },
                            total: ["Total paid once", result.totals.oneOff.displayText])
        }

        var worked = Section(heading: "How each amount was worked out")
        worked.paragraphs.append("You can check every line with a calculator. A year is counted as \(weeks) weeks. "
            + "Amounts are rounded to the nearest penny (\(result.roundingRule.description)) only at the end of each line.")
        for line in result.lines { worked.paragraphs.append(plainWords(line)) }
        for figure in result.figures where figure.key == "hourlyCostOfPACare" {
            worked.paragraphs.append("An hour of care from your personal assistant costs \(figure.value.displayText) in all, "
                + "once their holiday, National Insurance, pension and other employment costs are counted.")
        }

        var rules = Section(heading: "The date and the rules we used")
        rules.paragraphs.append("This statement was worked out as at \(spoken(result.asAt)), using the rates and "
            + "allowances in force that day under \(result.policyName)"
            + (result.policyIsIllustrative ? " (an illustrative policy, not one an NHS body has adopted)." : "."))
        rules.paragraphs.append("The national figures it uses, such as the National Living Wage and employer National "
            + "Insurance, come from GOV.UK and HMRC. The values used are:")
        rules.table = (caption: "The rates and allowances used", header: ["Rate or allowance", "Value", "In force from"],
                       rows: result.parametersUsed.map { [$0.key.definition.summary, $0.displayValue, spoken($0.from)] },
                       total: nil)
        var change = Section(heading: "If your needs change")
        change.paragraphs.append("Tell your care coordinator if your needs or circumstances change. We will look at your "
            + "budget again with you, and work it out again in the same way.")
        if result.lines.contains(where: { $0.key == BottomUpLine.contingency.key }) {
            change.paragraphs.append("Your budget includes a contingency: a sum kept for unexpected needs, such as cover when "
                + "your usual carer is ill. You can use it without waiting for a review.")
        }
        change.paragraphs.append("Rates such as the National Living Wage change every April. When they do, your budget is "
            + "worked out again and you will be sent a new statement.")
        for note in result.warnings { change.paragraphs.append("Note: \(note)") }
        return [how, what] + (once.isEmpty ? [] : [oneOff]) + [worked, rules, change]
    }

    /// How a line was worked out, in plain words a budget holder can check: a
    /// sentence for each kind of bottom-up line, from the values it used; the
    /// working itself for other calculators.
    static func plainWords(_ line: BudgetLine) -> String {
        func value(_ key: ParameterKey) -> String { line.parameters.first { $0.key == key }?.displayValue ?? "" }
        let amount: String
        if let weekly = line.weekly, let annual = line.annual {
            amount = "\(weekly.displayText) a week, \(annual.displayText) a year"
        } else {
            amount = "\(line.oneOff?.displayText ?? "£0.00"), paid once"
        }
        let key = line.key
        let words: String
        if key.hasPrefix("care") || key.hasPrefix("sleepIn") || key.hasPrefix("other") {
            let quantity = line.quantity.map { " \(FormulaRenderer.words($0))" } ?? ""
            words = "\(line.description):\(quantity)" + (line.unitRate.map { " at \(FormulaRenderer.words($0))" } ?? "")
        } else if key.hasPrefix("bankHolidays") {
            words = "Extra pay for bank holidays: \(value(.bankHolidaysPerYear)) bank holidays a year at "
                + "\(value(.bankHolidayMultiplier)) times the usual pay"
        } else {
            switch key {
            case BottomUpLine.holidayCover.key:
                words = "Holiday pay, so that your personal assistant can take paid holidays: \(value(.holidayAccrualPercent)) of their pay"
            case BottomUpLine.employerNI.key:
                words = "Employer's National Insurance: \(value(.employerNIRate)) of each assistant's earnings above "
                    + "\(value(.niSecondaryThreshold)) a week"
                    + (line.annual == .zero && value(.employmentAllowanceApplied) == "yes"
                        ? ", all of it covered by the Employment Allowance (\(value(.employmentAllowance)) a year), so nothing to pay"
                        : "")
            case BottomUpLine.pension.key:
                words = "Workplace pension: \(value(.pensionEmployerRate)) of earnings between \(value(.pensionLowerLimit)) and "
                    + "\(value(.pensionUpperLimit)) a week, for each assistant who earns enough to be enrolled"
            case BottomUpLine.flatOnCost.key:
                words = "Employment costs (holiday pay, National Insurance and pension together): \(value(.flatOnCostPercent)) of pay"
            case BottomUpLine.contingency.key:
                words = "A contingency for unexpected needs: \(value(.contingencyValue))"
                    + (line.parameters.contains { $0.displayValue == "weeks" } ? " weeks" : "%") + " of the cost of your care"
            case BottomUpLine.thirdPartyFee.key:
                words = "The fee of the organisation that holds your budget for you: \(value(.thirdPartyFeePercent)) of what it holds"
            case BottomUpLine.directPaymentSupportFee.key:
                words = "Support with managing your direct payment: \(value(.directPaymentSupportPerMonth)) a month"
            case BottomUpLine.insurance.key:
                words = "Employer's liability insurance, which every employer must have"
            case BottomUpLine.payroll.key:
                words = "A payroll service to work out and pay your assistants' wages: \(value(.payrollPerMonth)) a month"
            case BottomUpLine.training.key:
                words = "Training for your assistants: \(value(.trainingPerPAPerYear)) a year for each assistant"
            case BottomUpLine.dbsChecks.key:
                words = "A DBS (criminal record) check for each assistant: \(value(.dbsCheckPerPA)) each"
            case BottomUpLine.recruitment.key:
                words = "Finding and recruiting your assistants: \(value(.recruitmentPerPA)) for each assistant"
            case BottomUpLine.directPaymentSetUpFee.key:
                words = "Setting up your direct payment"
            default:
                words = line.description + (line.formula.map { " (\(FormulaRenderer.words($0)))" } ?? "")
            }
        }
        return words + ": " + amount + "."
    }

    /// A date as people say it: 1 June 2025.
    static func spoken(_ date: CalendarDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(date.day) \(months[max(0, min(11, date.month - 1))]) \(date.year)"
    }

    /// The statement as a self-contained, accessible HTML page.
    public static func html(_ result: BudgetResult) -> String {
        var body = ""
        for section in sections(result) {
            body += "<section>\n<h2>\(escape(section.heading))</h2>\n"
            for paragraph in section.paragraphs { body += "<p>\(escape(paragraph))</p>\n" }
            if let table = section.table {
                body += "<table>\n<caption>\(escape(table.caption))</caption>\n<thead><tr>"
                body += table.header.enumerated().map { "<th scope=\"col\"\($0.offset > 0 ? " class=\"money\"" : "")>\(escape($0.element))</th>" }.joined()
                body += "</tr></thead>\n<tbody>\n"
                for row in table.rows {
                    body += "<tr><th scope=\"row\">\(escape(row.first ?? ""))</th>"
                        + row.dropFirst().map { "<td class=\"money\">\(escape($0))</td>" }.joined() + "</tr>\n"
                }
                body += "</tbody>\n"
                if let total = table.total {
                    body += "<tfoot><tr><th scope=\"row\">\(escape(total.first ?? ""))</th>"
                        + total.dropFirst().map { "<td class=\"money\">\(escape($0))</td>" }.joined() + "</tr></tfoot>\n"
                }
                body += "</table>\n"
            }
            body += "</section>\n"
        }
        return HTMLPage.document(title: "Your personal health budget", css: """
        @page { size: A4; margin: 18mm; }
        body { font-family: Arial, Helvetica, sans-serif; font-size: 1.0625rem; line-height: 1.5; color: #0b0c0c; background: #ffffff; max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 2rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.4rem; margin: 2rem 0 .5rem; border-bottom: 3px solid #005eb8; padding-bottom: .25rem; }
        .summary { font-size: 1.3rem; background: #e8edee; padding: 1rem; border-left: 6px solid #005eb8; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        caption { text-align: left; font-weight: bold; padding-bottom: .5rem; }
        th, td { border-bottom: 1px solid #4c6272; padding: .4rem .5rem; text-align: left; vertical-align: top; }
        th[scope="row"] { font-weight: normal; }
        tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #0b0c0c; }
        .money { text-align: right; white-space: nowrap; }
        @media print { body { padding: 0; max-width: none; } section { break-inside: avoid-page; } }
        """, body: """
        <main>
        <h1>Your personal health budget</h1>
        <p class="summary">\(escape("\(result.totals.annual.displayText) a year (\(result.totals.weekly.displayText) a week)"
            + (result.totals.oneOff.pence != 0 ? ", and \(result.totals.oneOff.displayText) paid once" : "")))</p>
        \(body)</main>
        """)
    }

    /// The statement as Markdown, with the same content.
    public static func markdown(_ result: BudgetResult) -> String {
        var out = "# Your personal health budget\n\n**\(result.totals.annual.displayText) a year "
            + "(\(result.totals.weekly.displayText) a week)"
            + (result.totals.oneOff.pence != 0 ? ", and \(result.totals.oneOff.displayText) paid once" : "") + "**\n"
        for section in sections(result) {
            out += "\n## \(section.heading)\n\n"
            for paragraph in section.paragraphs { out += paragraph.safeForDisplay(limit: 4_000) + "\n\n" }
            if let table = section.table {
                let cell = { (s: String) in s.safeForDisplay(limit: 500).replacingPipes }
                out += "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
                out += "|" + table.header.indices.map { $0 == 0 ? "---|" : "---:|" }.joined() + "\n"
                for row in table.rows + (table.total.map { [$0] } ?? []) { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
                out += "\n"
            }
        }
        return out
    }

    /// `text` with HTML's special characters escaped, and control characters shown, not passed on.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text.safeForDisplay(limit: 4_000) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    /// The string with `|` escaped for a Markdown table cell.
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
