import Foundation
import Testing

/// Representative outputs of the built binary, compared byte for byte with
/// the files in `Tests/BudgetCalcTests/Golden/`. After an intended change of
/// output, refresh them with `Tests/refresh-golden.sh` and review the diff.
@Suite struct GoldenTests {
    static let folder = BudgetCalcTests.packageRoot.appendingPathComponent("Tests/BudgetCalcTests/Golden")
    static let refreshing = ProcessInfo.processInfo.environment["BUDGET_CALC_REFRESH_GOLDEN"] == "1"

    /// A golden output: its file name and the arguments that make it (`$TMP` is a temporary folder).
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let arguments: [String]
        /// The output is a file the command writes (in `$TMP`), not standard output.
        let writes: String?
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "table.txt", arguments: [], writes: nil),
        Case(file: "table-explained.txt", arguments: ["--explain"], writes: nil),
        Case(file: "result.json", arguments: ["Fixtures/bottom-up/15-mixed-deployment.json", "--format", "json"], writes: nil),
        Case(file: "result.csv", arguments: ["--format", "csv", "--explain"], writes: nil),
        Case(file: "error.json", arguments: ["Fixtures/bottom-up/e05-below-living-wage.json", "--format", "json"], writes: nil),
        Case(file: "statement.html", arguments: ["statement", "--out", "$TMP/statement.html"], writes: "statement.html"),
        Case(file: "statement.md", arguments: ["statement", "--out", "$TMP/s.html", "--markdown", "$TMP/statement.md"],
             writes: "statement.md"),
        Case(file: "cohort-errors.csv", arguments: ["batch", "Fixtures/cohorts/cohort-with-bad-rows.csv", "--as-at", "2026-06-01",
                                                    "--out", "$TMP/r.csv", "--quiet"], writes: "r-errors.csv"),
    ]

    @Test(arguments: cases)
    func outputMatchesItsGoldenFile(_ golden: Case) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BudgetCalcTests().run(golden.arguments.map { $0.replacingOccurrences(of: "$TMP", with: dir.path) })
        let output = try golden.writes.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) } ?? run.stdout
        let url = Self.folder.appendingPathComponent(golden.file)
        if Self.refreshing {
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "\(golden.file) differs from its golden file: run Tests/refresh-golden.sh and review the diff")
    }
}
