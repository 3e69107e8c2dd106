import Foundation
import Testing

/// Runs the built `budget-calc` binary and checks its stdout, stderr and exit code.
@Suite struct BudgetCalcTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle (`.build/<config>/budget-calc`).
    static var binary: URL {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for directory in candidates {
            var dir = directory
            for _ in 0..<4 {
                let url = dir.appendingPathComponent("budget-calc")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
                dir = dir.deletingLastPathComponent()
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/budget-calc")
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func builtInExamplePrintsTheWorkedExample() throws {
        let run = try run([])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("Illustrative example policy (illustrative figures"))
        #expect(run.stdout.contains("Total"))
        #expect(run.stdout.contains("341.18  17,740.95   354.00"))
        #expect(run.stdout.contains("First-year total (annual + one-off): £18,094.95"))
        #expect(run.stdout.contains("Hourly cost of PA care  £16.14"))
    }

    @Test func jsonFormatIsExactJSON() throws {
        let run = try run(["--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"firstYear\": 18094.95"))
        #expect(run.stdout.contains("\"weekly\": 341.18"))
        _ = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    @Test func caseFileWithCheck() throws {
        let run = try run(["Fixtures/bottom-up/01-spec-worked-example.json", "--check"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("matches the expected figures"))
    }

    @Test func checkReportsDifferencesWithExitCode1() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("budget-calc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try String(contentsOf: Self.packageRoot.appendingPathComponent("Fixtures/bottom-up/01-spec-worked-example.json"), encoding: .utf8)
        let file = dir.appendingPathComponent("case.json")
        try source.replacingOccurrences(of: "\"firstYear\": \"18094.95\"", with: "\"firstYear\": \"18094.96\"")
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try run([file.path, "--check"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("total firstYear: expected 18094.96, got 18094.95"))
    }

    @Test func calculationErrorNamesFileAndField() throws {
        let run = try run(["Fixtures/bottom-up/e05-below-living-wage.json"])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Fixtures/bottom-up/e05-below-living-wage.json: input.care[0].hourlyRate: PA hourly rate £11.50 is below the National Living Wage of £12.21 in force on 2025-06-01"))
    }

    @Test func malformedAmountNamesFileAndField() throws {
        let run = try run(["Fixtures/bottom-up/e06-malformed-amount.json"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("e06-malformed-amount.json: input.otherItems[0].amount: '12,50' is not a plain decimal number"))
    }

    @Test func missingFileAndUsageErrors() throws {
        let missing = try run(["no-such-case.json"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot read no-such-case.json: no such file"))
        let usage = try run(["--format", "xml"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--format: 'xml' is not table, json or csv"))
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Usage: budget-calc"))
    }

    @Test func asAtMovesTheDate() throws {
        let run = try run(["--as-at", "2026-06-01", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"asAt\": \"2026-06-01\""))
        #expect(run.stdout.contains("\"unitRate\": \"£14.25 an hour\""))
    }

    @Test func everyTopDownCalculatorRunsFromACaseFile() throws {
        for file in ["t01-ras-km-cambridgeshire", "t10-calibration-small-cohort", "t12-cluster-4-plan-within-tolerance",
                     "t17-dst-band-c", "t22-oneoff-250-practitioner", "t26-review-plan-against-ras"] {
            let json = try run(["Fixtures/top-down/\(file).json", "--format", "json"])
            #expect(json.status == 0, "\(file): \(json.stderr)")
            _ = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
            let check = try run(["Fixtures/top-down/\(file).json", "--check"])
            #expect(check.status == 0, "\(file): \(check.stderr)")
        }
        for file in ["f01-leeds-block-release", "f04-nottingham-trajectory", "f06-joint-funding", "f08-payment-schedule-part-year",
                     "f09-pay-afforded-by-rate"] {
            let json = try run(["Fixtures/finance/\(file).json", "--format", "json"])
            #expect(json.status == 0, "\(file): \(json.stderr)")
            _ = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
            let check = try run(["Fixtures/finance/\(file).json", "--check"])
            #expect(check.status == 0, "\(file): \(check.stderr)")
        }
        let km = try run(["Fixtures/top-down/t01-ras-km-cambridgeshire.json"])
        #expect(km.stdout.contains("1,628.43  84,678.00"))
    }

    @Test func policyFileErrorsNameTheFileAndKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("budget-calc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = dir.appendingPathComponent("icb.json")
        try #"{"name": "ICB", "parameters": {"weeksPerYear": [{"from": "2025-04-01", "value": "-52", "source": "x"}]}}"#
            .write(to: policy, atomically: true, encoding: .utf8)
        let run = try run(["--policy", policy.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("icb.json: parameters.weeksPerYear[0].value: must not be negative"))
    }

    /// A fresh temporary folder, removed by `defer` in the caller.
    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("budget-calc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func batchReportsBadRowsAndComputesTheRest() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("results.csv")
        let run = try run(["batch", "Fixtures/cohorts/cohort-with-bad-rows.csv", "--as-at", "2026-06-01",
                           "--out", out.path, "--quiet"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.contains("8 people: 4 computed, 4 failed"))
        let results = try String(contentsOf: out, encoding: .utf8)
        #expect(results.contains("A001,2,computed,377.17,19612.65,354.00,19966.65"))
        #expect(results.contains("A002,5,failed,,,,"))
        #expect(results.contains("A007,17,failed,,,,"), "a person's row is their first row, whatever failed")
        let errors = try String(contentsOf: dir.appendingPathComponent("results-errors.csv"), encoding: .utf8)
        #expect(errors.contains("6,A002,hoursPerWeek,invalidValue,'200' must be above 0 and at most 168 hours a week"))
        #expect(errors.contains("11,A004,band,unknownBand,"))
        #expect(errors.contains("13,A005,hourlyRate,belowNationalLivingWage,"))
        #expect(errors.contains("18,A007,amount,invalidValue,'12.345' has more than 2 decimal places"))
    }

    @Test func recalcIsTheSameForOneJobOrMany() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [Data] = []
        for jobs in ["1", "3"] {
            let out = dir.appendingPathComponent("recalc-\(jobs).csv")
            let run = try run(["recalc", "Fixtures/cohorts/example-cohort.csv", "--from", "2025-06-01", "--to=2026-04-06",
                               "--paid-from", "2026-06-01", "--out", out.path, "--jobs", jobs, "--quiet", "--lines",
                               dir.appendingPathComponent("lines-\(jobs).csv").path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("1,000 people: 1,000 computed, 0 failed"))
            outputs.append(try Data(contentsOf: out))
            outputs.append(try Data(contentsOf: dir.appendingPathComponent("lines-\(jobs).csv")))
        }
        #expect(outputs[0] == outputs[2])
        #expect(outputs[1] == outputs[3])
        #expect(outputs[0].count > 100_000)
    }

    @Test func cohortOutputsNeverReplaceTheInputNorAppearHalfWritten() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("cohort.csv")
        try FileManager.default.copyItem(atPath: Self.packageRoot.appendingPathComponent("Fixtures/cohorts/example-cohort.csv").path,
                                         toPath: input.path)
        let refused = try run(["batch", input.path, "--as-at", "2026-06-01", "--out", input.path])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("refusing to write"))
        // Two outputs on one file (however written), or an output on the policy read, are refused before any work.
        let out = dir.appendingPathComponent("r.csv").path, sameOut = dir.appendingPathComponent("./r.csv").path
        let policy = dir.appendingPathComponent("policy.json").path
        try Data(#"{"parameters": {}}"#.utf8).write(to: URL(fileURLWithPath: policy))
        for (arguments, message) in [
            (["recalc", input.path, "--from", "2025-06-01", "--to", "2026-04-06", "--out", out, "--report", sameOut],
             "--out and --report both name"),
            (["batch", input.path, "--as-at", "2026-06-01", "--out", out, "--errors", sameOut], "--out and --errors both name"),
            (["batch", input.path, "--as-at", "2026-06-01", "--policy", policy, "--out", policy], "refusing to write"),
        ] {
            let both = try run(arguments)
            #expect(both.status == 64 && both.stderr.contains(message), "\(both.stderr)")
        }
        try FileManager.default.removeItem(atPath: policy)
        let missing = try run(["batch", dir.appendingPathComponent("nope.csv").path, "--as-at", "2026-06-01",
                               "--out", dir.appendingPathComponent("r.csv").path])
        #expect(missing.status == 66)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["cohort.csv"])
    }

    @Test func spreadsheetStyleHasAByteOrderMarkAndCRLF() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.csv")
        let run = try run(["batch", "Fixtures/cohorts/cohort-with-bad-rows.csv", "--as-at", "2026-06-01", "--out", out.path,
                           "--spreadsheet", "--quiet"])
        #expect(run.status == 2)
        let bytes = try Data(contentsOf: out)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes, as: UTF8.self).contains("firstYear\r\nA001,"))
    }

    @Test func jsonLinesCohortsReportTheLineOfEachProblem() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("j.csv")
        let run = try run(["batch", "Fixtures/cohorts/small-cohort.jsonl", "--as-at", "2026-06-01", "--out", out.path, "--quiet"])
        #expect(run.status == 2)
        let results = try String(contentsOf: out, encoding: .utf8)
        #expect(results.contains("J1,1,computed,353.43,18378.15,354.00,18732.15"))
        #expect(results.contains("J5,6,computed,12.31,640.00,150.00,790.00"))
        let errors = try String(contentsOf: dir.appendingPathComponent("j-errors.csv"), encoding: .utf8)
        #expect(errors.contains("4,J3,hourlyRate,belowNationalLivingWage,"))
        #expect(errors.contains("5,,,syntax,"))
    }

    @Test func outOfDateValuesAreNotedOrRefusedWhenStrict() throws {
        let noted = try run(["--as-at", "2028-06-01"])
        #expect(noted.status == 0)
        #expect(noted.stdout.contains("nationalLivingWage: the newest value (£12.71, from 2026-04-01) is known only until 2027-03-31"))
        let strict = try run(["--as-at", "2028-06-01", "--strict-dates"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("is known only until 2027-03-31, before the calculation date 2028-06-01"))
    }

    @Test func aPolicyMaySetOnlyWhatItChangesOnABase() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let icb = dir.appendingPathComponent("icb.json"), team = dir.appendingPathComponent("team.json")
        try #"{"base": "example", "name": "My ICB", "parameters": {"pa.hourlyRate.weekdayDay": [{"from": "2025-04-01", "value": "14.50", "source": "ICB board"}]}}"#
            .write(to: icb, atomically: true, encoding: .utf8)
        try #"{"base": "icb.json", "name": "Team", "parameters": {"contingency.value": [{"from": "2024-04-01", "value": "0", "source": "team"}]}}"#
            .write(to: team, atomically: true, encoding: .utf8)
        let one = try run(["--policy", icb.path, "--explain"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("My ICB over Illustrative example policy"))
        #expect(one.stdout.contains("£14.50            2025-04-01     ICB board"))
        #expect(try run(["--policy", icb.path]).stdout.contains("Run with --explain"))
        let two = try run(["--policy", team.path])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(two.stdout.contains("Team over My ICB over Illustrative example policy"))
        try #"{"base": "loop.json", "parameters": {}}"#.write(to: dir.appendingPathComponent("loop.json"), atomically: true, encoding: .utf8)
        let loop = try run(["--policy", dir.appendingPathComponent("loop.json").path])
        #expect(loop.status == 65 && loop.stderr.contains("leads back to itself"))
    }

    @Test func paramsListsWhatIsInForceWithSources() throws {
        let table = try run(["params", "--as-at", "2026-04-06"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("nationalLivingWage"))
        #expect(table.stdout.contains("£12.71"))
        let json = try run(["params", "employerNI.ratePercent", "--as-at=2024-06-01", "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let first = (object?["parameters"] as? [[String: Any]])?.first
        #expect(first?["value"] as? Double == 13.8)
        #expect(first?["from"] as? String == "2024-04-06")
        #expect(try run(["params", "nope"]).status == 64)
    }

    @Test func fixturesRunsAFolderAndEndsWithTheCount() throws {
        let run = try run(["fixtures", "Fixtures/finance"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("11 passed, 0 failed\n"))
    }

    @Test func jsonErrorsAreJSONOnStandardOutputWithTheExitCode() throws {
        let run = try run(["Fixtures/bottom-up/e05-below-living-wage.json", "--format", "json"])
        #expect(run.status == 65)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        #expect(object?["formatVersion"] as? Int == 1)
        #expect(error?["code"] as? String == "belowNationalLivingWage")
        #expect(error?["field"] as? String == "input.care[0].hourlyRate")
        #expect(error?["exitCode"] as? Int == 65)
    }

    @Test func theStatementIsAnAccessiblePageAndMarkdown() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("s.html"), md = dir.appendingPathComponent("s.md")
        let run = try run(["statement", "Fixtures/bottom-up/01-spec-worked-example.json", "--out", html.path, "--markdown", md.path])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        for part in ["<html lang=\"en-GB\">", "<h1>Your personal health budget</h1>", "<caption>", "<th scope=\"col\"",
                     "<th scope=\"row\">PA care, weekdayDay</th>", "<tfoot>", "@page { size: A4", "£17,740.95 a year (£341.18 a week)",
                     "<h2>If your needs change</h2>", "worked out as at 1 June 2025"] {
            #expect(page.contains(part), "\(part)")
        }
        #expect(!page.lowercased().contains("<script"))
        let text = try String(contentsOf: md, encoding: .utf8)
        #expect(text.hasPrefix("# Your personal health budget"))
        #expect(text.contains("| PA care, weekdayDay | £275.00 | £14,300.00 |"))
        #expect(text.contains("## How each amount was worked out"))
    }

    @Test func csvOutputOpensSafelyWithARowPerLine() throws {
        let run = try run(["--format=csv", "--explain"])
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\n")
        #expect(rows.first == "line,description,heldAs,quantity,unitRate,weekly,annual,oneOff,formula,parameters")
        #expect(rows.contains { $0.hasPrefix("care[0],\"PA care, weekday day\",direct payment,20 h × 1,£13.75 an hour,275.00,14300.00,") })
        #expect(rows.last?.hasPrefix("total,Total,,,,341.18,17740.95,354.00") == true)
    }

    @Test func theCohortReportIsASelfContainedPageWithChartsAndTables() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.html")
        let run = try run(["recalc", "Fixtures/cohorts/example-cohort.csv", "--from", "2025-06-01", "--to", "2026-04-06",
                           "--out", dir.appendingPathComponent("r.csv").path, "--report", report.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOf: report, encoding: .utf8)
        for part in ["<html lang=\"en-GB\">", "<svg role=\"img\" aria-labelledby=\"chart-bands\"", "<title id=\"chart-totals\">",
                     "<desc>", "<caption>People by percentage change</caption>", "<h2>Largest rises</h2>", "1,000 people, 1,000 computed"] {
            #expect(page.contains(part), "\(part)")
        }
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("http"))
    }

    @Test func calibrateAndReviewRunFromFiles() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cohort = dir.appendingPathComponent("ras.csv")
        try "points,actualAnnual\n10,9000\n20,21000\n35,30500\n50,52000\n".write(to: cohort, atomically: true, encoding: .utf8)
        let calibrate = try run(["calibrate", cohort.path, "--envelope", "£120,000", "--reserve", "5", "--format", "json"])
        #expect(calibrate.status == 0, "\(calibrate.stderr)")
        #expect(calibrate.stdout.contains("\"pricePerPoint\""))
        let review = try run(["review", "Fixtures/bottom-up/01-spec-worked-example.json", "--indicative-annual", "17000"])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("£740.95     plan £17,740.95 a year − indicative £17,000.00 a year = £740.95 a year"))
    }

    @Test func commandsHaveHelpAndTheToolAVersion() throws {
        let version = try run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("budget-calc "))
        for command in ["compute", "statement", "params", "validate", "fixtures", "calibrate", "review", "batch", "recalc"] {
            let help = try run([command, "--help"])
            #expect(help.status == 0 && help.stdout.contains("Example"), "\(command)")
        }
        let unknown = try run(["frobnicate"])
        #expect(unknown.status == 64)
    }
}
