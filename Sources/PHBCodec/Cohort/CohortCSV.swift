import PHBEngine

/// A problem with a cohort input: the row (line) it is on, the person and
/// column where known, a stable code and a message.
public struct CohortRowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line of the input, counting the header as line 1.
    public var row: Int
    /// The person's id, where known.
    public var person: String?
    /// The column (CSV) or field path (JSON Lines), where known.
    public var column: String?
    /// A stable code: `invalidValue`, `missingInput`, a ``BudgetError/code``…
    public var code: String
    /// What is wrong.
    public var message: String

    public init(row: Int, person: String? = nil, column: String? = nil, code: String, message: String) {
        self.row = row
        self.person = person
        self.column = column
        self.code = code
        self.message = message
    }

    public var description: String {
        "row \(row)" + (person.map { ", person \($0.safeForDisplay(limit: 40))" } ?? "")
            + (column.map { ", \($0.safeForDisplay(limit: 40))" } ?? "") + ": \(message.safeForDisplay(limit: 300))"
    }
}

/// The columns of a cohort CSV file (docs/cohort-files.md).
public enum CohortColumn: String, CaseIterable, Sendable {
    case person, line
    case deployment, personalAssistants, paShares
    case hoursPerWeek, staffRatio, provider, band, hourlyRate
    case nightsPerWeek, nightRate
    case description, amount, period, quantity
    /// The line's own name (`day`): its key in the lines file becomes `care:day`.
    case id

    /// The column's position in `allCases`.
    var position: Int {
        switch self {
        case .person: 0
        case .line: 1
        case .deployment: 2
        case .personalAssistants: 3
        case .paShares: 4
        case .hoursPerWeek: 5
        case .staffRatio: 6
        case .provider: 7
        case .band: 8
        case .hourlyRate: 9
        case .nightsPerWeek: 10
        case .nightRate: 11
        case .description: 12
        case .amount: 13
        case .period: 14
        case .quantity: 15
        case .id: 16
        }
    }
}

/// What a row of a cohort file is.
public enum CohortLineKind: String, CaseIterable, Sendable {
    /// Plan-level fields: default deployment, number of PAs, their shares.
    case plan
    /// A line of hourly care.
    case care
    /// Sleep-in nights.
    case sleepIn
    /// Any other cost.
    case other
}

/// One person's rows as read, before they are decoded: the unit of parallel work.
public struct CohortRecord: Sendable {
    /// The person's id.
    public let id: String
    /// The line of the person's first row.
    public let row: Int
    /// The person's rows (at most ``CohortCSVSplitter/mostRows``).
    public let records: [CSVRecord]
    /// Rows of the person beyond ``CohortCSVSplitter/mostRows``, counted but not kept.
    public let extraRows: Int
}

/// Where each of a person's plan lines came from, so a calculation error can
/// be placed on its row and column.
public struct CohortLineRows: Sendable, Hashable {
    public var person: String
    public var first: Int
    public var plan: Int?
    public var care: [Int] = []
    public var sleepIns: [Int] = []
    public var otherItems: [Int] = []

    /// The row and column of an engine error's field (`input.care[2].hoursPerWeek`).
    public func locate(_ error: BudgetError) -> CohortRowError {
        var row = first, column: String?
        if let field = error.field, field.hasPrefix("input.") {
            let path = field.dropFirst("input.".count)
            let parts = path.split(separator: ".", maxSplits: 1)
            let head = parts.first.map(String.init) ?? ""
            column = parts.count > 1 ? String(parts[1]) : nil
            if let open = head.firstIndex(of: "["), let close = head.firstIndex(of: "]"),
               let index = Int(head[head.index(after: open)..<close]) {
                let rows = switch head[..<open] {
                case "care": care
                case "sleepIns": sleepIns
                case "otherItems": otherItems
                default: [Int]()
                }
                if rows.indices.contains(index) { row = rows[index] } else { row = plan ?? first }
                if head.hasPrefix("paShares") { column = "paShares"; row = plan ?? first }
            } else {
                column = head
                row = plan ?? first
            }
        }
        var message = error.description
        if let field = error.field, field.hasPrefix("input."), message.hasPrefix(field + ": ") {
            message.removeFirst(field.count + 2)
        }
        return CohortRowError(row: row, person: person, column: column, code: error.code, message: message)
    }
}

/// Reads cohort CSV files: one row per plan line, grouped by person (rows of
/// one person together), with a header naming the columns in any order.
public struct CohortCSVLayout: Sendable {
    /// The field index of each column, by the column's position in ``CohortColumn/allCases`` (−1: absent).
    let index: [Int]
    /// The column of each field, by field index: its position in ``CohortColumn/allCases`` (−1: not used).
    let columnOfField: [Int]
    /// Header names this layout does not use (reported, not fatal).
    public let ignoredColumns: [String]

    /// The layout named by the header record.
    public init(header: CSVRecord) throws(CohortRowError) {
        guard !header.isInvalidUTF8 else {
            let first = header.bytes(0).prefix(2)
            let utf16 = first.elementsEqual([0xFF, 0xFE]) || first.elementsEqual([0xFE, 0xFF])
            throw CohortRowError(row: header.line, code: "syntax", message: "the header is not valid UTF-8 text"
                                     + (utf16 ? " (the file is UTF-16, as a spreadsheet's \"Unicode text\" is: save it as CSV UTF-8)" : ""))
        }
        var index = Array(repeating: -1, count: CohortColumn.allCases.count)
        var columnOfField = Array(repeating: -1, count: header.count)
        var ignored: [String] = []
        for (i, name) in header.fields.enumerated() {
            let trimmed = name.trimmingSpaces
            guard let column = CohortColumn(rawValue: trimmed) else {
                ignored.append(trimmed)
                continue
            }
            guard index[column.position] < 0 else {
                throw CohortRowError(row: header.line, column: trimmed, code: "invalidValue",
                                     message: "column '\(trimmed)' is named twice in the header")
            }
            index[column.position] = i
            columnOfField[i] = column.position
        }
        for required in [CohortColumn.person, .line] where index[required.position] < 0 {
            // A file separated by semicolons or tabs (a spreadsheet's regional or text export) reads as one column.
            let separator = header.count == 1 ? [(";", "semicolons"), ("\t", "tabs")].first { header.field(0).contains($0.0) } : nil
            throw CohortRowError(row: header.line, column: required.rawValue, code: "missingInput",
                                 message: "the header has no '\(required.rawValue)' column " + (separator.map {
                                     "(its cells are separated by \($0.1), not commas: save the file as CSV with commas)"
                                 } ?? "(columns: " + CohortColumn.allCases.map(\.rawValue).joined(separator: ", ") + ")"))
        }
        self.index = index
        self.columnOfField = columnOfField
        ignoredColumns = ignored
    }

    /// The person id of a record ("" when the cell is empty).
    func personID(_ record: CSVRecord) -> String {
        String(decoding: record.bytes(index[CohortColumn.person.position]).trimmingSpaces, as: UTF8.self)
    }

    /// Decodes one person's rows into a plan, or the first problem found.
    public func person(_ record: CohortRecord) -> (Result<CohortPerson, CohortRowError>, CohortLineRows) {
        var rows = CohortLineRows(person: record.id, first: record.row)
        var plan = BottomUpPlan()
        do throws(CohortRowError) {
            guard !record.id.isEmpty else {
                throw CohortRowError(row: record.row, column: "person", code: "missingInput", message: "the person id is empty")
            }
            guard record.extraRows == 0 else {
                throw CohortRowError(row: record.row, person: record.id, code: "tooLarge",
                                     message: "the person has \(record.records.count + record.extraRows) rows; at most "
                                         + "\(CohortCSVSplitter.mostRows) are read for one person")
            }
            var personalAssistants: Int?
            for csv in record.records {
                let cells = Cells(layout: self, record: csv, person: record.id)
                guard !csv.isInvalidUTF8 else {
                    throw CohortRowError(row: csv.line, person: record.id, code: "syntax", message: "the row is not valid UTF-8 text")
                }
                guard !csv.isTooLong else {
                    throw CohortRowError(row: csv.line, person: record.id, code: "tooLarge",
                                         message: "the row is longer than \(CSVParser.longestRecord) bytes")
                }
                if let field = (columnOfField.count..<max(columnOfField.count, csv.count)).first(where: {
                    !csv.bytes($0).trimmingSpaces.isEmpty
                }) {
                    throw CohortRowError(
                        row: csv.line, person: record.id, code: "invalidValue",
                        message: "cell \(field + 1) ('\(csv.field(field).safeForDisplay(limit: 40))') is past the header's "
                            + "\(columnOfField.count) columns, so no column would read it (a cell with a comma needs quotes)")
                }
                let kind = try cells.word(.line, CohortLineKind.self)
                switch kind {
                case .plan:
                    guard rows.plan == nil else {
                        throw cells.fail(.line, "a second 'plan' row for person \(record.id) (the first is row \(rows.plan ?? 0))")
                    }
                    rows.plan = csv.line
                    plan.deployment = try cells.optionalWord(.deployment, Deployment.self)
                    personalAssistants = try cells.optionalInteger(.personalAssistants)
                    if let shares = cells.text(.paShares) {
                        plan.paShares = try shares.split(whereSeparator: { $0 == ":" || $0 == ";" }).map {
                            (part: Substring) throws(CohortRowError) -> Rational in
                            guard let value = Rational(decimalText: String(part).trimmingSpaces) else {
                                throw cells.fail(.paShares, "'\(shares.safeForDisplay(limit: 40))' is not a list of shares such as 3:1")
                            }
                            return value
                        }
                    }
                case .care:
                    rows.care.append(csv.line)
                    plan.care.append(CareLine(
                        hoursPerWeek: try cells.requiredDecimal(.hoursPerWeek),
                        staffRatio: try cells.optionalInteger(.staffRatio) ?? 1,
                        provider: try cells.word(.provider, Provider.self),
                        band: try cells.required(.band),
                        hourlyRate: try cells.optionalAmount(.hourlyRate, places: 4),
                        deployment: try cells.optionalWord(.deployment, Deployment.self),
                        description: cells.text(.description), id: cells.text(.id)))
                case .sleepIn:
                    rows.sleepIns.append(csv.line)
                    plan.sleepIns.append(SleepInLine(
                        nightsPerWeek: try cells.requiredDecimal(.nightsPerWeek),
                        provider: try cells.optionalWord(.provider, Provider.self) ?? .personalAssistant,
                        nightRate: try cells.optionalAmount(.nightRate, places: 4),
                        deployment: try cells.optionalWord(.deployment, Deployment.self), id: cells.text(.id)))
                case .other:
                    rows.otherItems.append(csv.line)
                    plan.otherItems.append(OtherItem(
                        description: cells.text(.description) ?? "Other item",
                        amount: try cells.requiredAmount(.amount, places: 2),
                        period: try cells.word(.period, ItemPeriod.self),
                        quantity: try cells.optionalDecimal(.quantity) ?? .one,
                        deployment: try cells.optionalWord(.deployment, Deployment.self), id: cells.text(.id)))
                }
            }
            if plan.care.isEmpty && plan.sleepIns.isEmpty && plan.otherItems.isEmpty {
                // Costed, it would read as a budget of £0.00: almost always a person whose lines are elsewhere in
                // the file (one sorted by another column) or were left out.
                throw CohortRowError(row: record.row, person: record.id, column: CohortColumn.line.rawValue, code: "missingInput",
                                     message: "person \(record.id) has no care, sleep-in or other line "
                                         + "(are all the person's rows together?)")
            }
            if rows.plan == nil {
                // Said here, where the rows are known: a person's rows apart in the file read as two people.
                let deployments = plan.care.map(\.deployment) + plan.sleepIns.map(\.deployment) + plan.otherItems.map(\.deployment)
                if let row = zip(deployments, rows.care + rows.sleepIns + rows.otherItems).filter({ $0.0 == nil }).map(\.1).min() {
                    throw CohortRowError(row: row, person: record.id, column: CohortColumn.deployment.rawValue, code: "missingInput",
                                         message: "required but empty: the line gives no deployment and person \(record.id) "
                                             + "has no plan row to give one (are all the person's rows together?)")
                }
            }
            plan.personalAssistants = personalAssistants ?? plan.paShares?.count ?? 1
            return (.success(CohortPerson(id: record.id, row: record.row, plan: plan)), rows)
        } catch {
            return (.failure(error), rows)
        }
    }
}

/// The cells of one CSV record, read by column with errors that name the row and column.
struct Cells {
    let layout: CohortCSVLayout
    let record: CSVRecord
    let person: String

    func fail(_ column: CohortColumn, _ message: String, code: String = "invalidValue") -> CohortRowError {
        CohortRowError(row: record.line, person: person, column: column.rawValue, code: code, message: message)
    }

    /// The trimmed cell's bytes (empty when the column is absent).
    func bytes(_ column: CohortColumn) -> ArraySlice<UInt8> {
        record.bytes(layout.index[column.position]).trimmingSpaces
    }

    /// The trimmed cell, or `nil` when the column is absent or the cell empty.
    func text(_ column: CohortColumn) -> String? {
        let value = bytes(column)
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    func required(_ column: CohortColumn) throws(CohortRowError) -> String {
        guard let value = text(column) else { throw fail(column, "required but empty", code: "missingInput") }
        return value
    }

    func word<E: RawRepresentable & CaseIterable>(_ column: CohortColumn, _ type: E.Type) throws(CohortRowError) -> E
    where E.RawValue == String {
        let cell = bytes(column)
        // Lengths first: most words differ in length, and a native string knows its own.
        for e in E.allCases where e.rawValue.utf8.count == cell.count && e.rawValue.utf8.elementsEqual(cell) { return e }
        let value = try required(column)
        throw fail(column, "'\(value.safeForDisplay(limit: 40))' is not one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    func optionalWord<E: RawRepresentable & CaseIterable>(_ column: CohortColumn, _ type: E.Type) throws(CohortRowError) -> E?
    where E.RawValue == String {
        bytes(column).isEmpty ? nil : try word(column, type)
    }

    func optionalDecimal(_ column: CohortColumn) throws(CohortRowError) -> Rational? {
        let cell = bytes(column)
        if cell.isEmpty { return nil }
        guard let number = CohortCSV.decimal(bytes: cell) else {
            throw fail(column, "'\(text(column)?.safeForDisplay(limit: 40) ?? "")' is not a number such as 13.75 or £1,234.50")
        }
        return number
    }

    func requiredDecimal(_ column: CohortColumn) throws(CohortRowError) -> Rational {
        guard let value = try optionalDecimal(column) else { throw fail(column, "required but empty", code: "missingInput") }
        return value
    }

    func optionalAmount(_ column: CohortColumn, places: Int) throws(CohortRowError) -> Rational? {
        guard let value = try optionalDecimal(column) else { return nil }
        guard let p = value.decimalPlaces, p <= places else {
            throw fail(column, "'\(text(column)?.safeForDisplay(limit: 40) ?? "")' has more than \(places) decimal places")
        }
        return value
    }

    func requiredAmount(_ column: CohortColumn, places: Int) throws(CohortRowError) -> Rational {
        guard let value = try optionalAmount(column, places: places) else {
            throw fail(column, "required but empty", code: "missingInput")
        }
        return value
    }

    func optionalInteger(_ column: CohortColumn) throws(CohortRowError) -> Int? {
        guard let value = try optionalDecimal(column) else { return nil }
        guard value.isInteger, let n = Int(exactly: value.numerator), abs(n) <= 1_000_000 else {
            throw fail(column, "'\(text(column)?.safeForDisplay(limit: 40) ?? "")' is not a whole number")
        }
        return n
    }
}

/// Cohort CSV helpers.
public enum CohortCSV {
    /// Longest cell read as a number.
    static let longestNumber = 40

    /// A decimal written plainly or as money: `13.75`, `£1,234.50`, ` 20 `.
    /// Commas must group thousands; no exponents.
    public static func decimal(_ text: String) -> Rational? {
        decimal(bytes: Array(text.utf8)[...])
    }

    /// ``decimal(_:)`` from a cell's bytes.
    static func decimal(bytes cell: ArraySlice<UInt8>) -> Rational? {
        guard cell.count <= longestNumber else { return nil }
        var body = cell.trimmingSpaces
        var negative = false
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        if body.starts(with: [0xC2, 0xA3]) { body = body.dropFirst(2) }  // £
        guard body.contains(UInt8(ascii: ",")) else {
            guard let value = Rational(decimalBytes: body), body.first != UInt8(ascii: "-"), body.first != UInt8(ascii: "+")
            else { return nil }
            return negative ? -value : value
        }
        let point = body.firstIndex(of: UInt8(ascii: ".")) ?? body.endIndex
        let groups = body[..<point].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
              let value = Rational(decimalBytes: Array(groups.joined()) + body[point...]),
              head.first != UInt8(ascii: "-"), head.first != UInt8(ascii: "+")
        else { return nil }
        return negative ? -value : value
    }
}

extension ArraySlice<UInt8> {
    /// The bytes without leading and trailing spaces.
    var trimmingSpaces: ArraySlice<UInt8> {
        guard let start = firstIndex(where: { $0 != UInt8(ascii: " ") }),
              let end = lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return [] }
        return self[start...end]
    }
}
