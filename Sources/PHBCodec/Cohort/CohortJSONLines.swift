import PHBEngine

/// Reads cohort JSON Lines: one person a line, `{"person": "P1", "plan": {…}}`,
/// where the plan has the same fields as a bottom-up case file's `input`.
public enum CohortJSONLines {
    /// Longest line read (a plan of hundreds of lines fits easily).
    public static let longestLine = 1_000_000

    /// Decodes the person on `text`, line `line` of the file.
    public static func person(_ text: String, line: Int) -> (Result<CohortPerson, CohortRowError>, CohortLineRows) {
        var rows = CohortLineRows(person: "", first: line)
        guard text.utf8.count <= longestLine else {
            return (.failure(CohortRowError(row: line, code: "tooLarge",
                                            message: "the line is longer than \(longestLine) bytes")), rows)
        }
        do {
            let root = JSONField(try parseJSON(text))
            rows.person = (try? root.required("person").string()) ?? ""  // so that every error names the person
            try root.checkKeys(["person", "plan"])
            let id = try root.required("person").string()
            let plan = try BottomUpCodec.decode(try root.required("plan"))
            rows.care = Array(repeating: line, count: plan.care.count)
            rows.sleepIns = Array(repeating: line, count: plan.sleepIns.count)
            rows.otherItems = Array(repeating: line, count: plan.otherItems.count)
            return (.success(CohortPerson(id: id, row: line, plan: plan)), rows)
        } catch {
            return (.failure(CohortRowError(row: line, person: rows.person.isEmpty ? nil : rows.person, column: error.field,
                                            code: error.code, message: error.message)), rows)
        }
    }
}
