import Foundation
import PHBCodec
import PHBEngine
import Testing
import _PHBTestSupport

/// Runs every case file under `Fixtures/` and checks it to the penny.
@Suite struct FixtureTests {
    static let fixturesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Paths of every case file, relative to `Fixtures/`.
    static let caseFiles: [String] = {
        let root = fixturesDirectory.path
        let all = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        // The case files; bad-input/ has its own catalogue test, run through the binary.
        let folders = ["bottom-up/", "top-down/", "finance/"]
        return all.filter { path in path.hasSuffix(".json") && folders.contains { path.hasPrefix($0) } }.sorted()
    }()

    @Test func thereAreAtLeastTwentyBottomUpCases() {
        #expect(Self.caseFiles.filter { $0.hasPrefix("bottom-up/") && !$0.contains("/e") }.count >= 20)
    }

    @Test(arguments: caseFiles)
    func fixtureMatches(_ relativePath: String) throws {
        let url = Self.fixturesDirectory.appendingPathComponent(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        let budgetCase: BudgetCase
        do {
            budgetCase = try BudgetCase.decode(text, file: relativePath)
        } catch {
            // Input errors found while reading the case are checked against its expectedError.
            let problems = try #require(BudgetCase.readErrorMismatches(error, text: text), "\(relativePath) does not decode: \(error)")
            #expect(problems.isEmpty, "\(relativePath): \(problems)")
            return
        }
        let expectation = try #require(budgetCase.expectation, "\(relativePath) has no expected figures")
        let policy = try policy(for: budgetCase, caseURL: url)
        let outcome = Result { () throws(BudgetError) -> BudgetResult in try budgetCase.calculate(policy: policy) }
        let problems = expectation.mismatches(outcome)
        #expect(problems.isEmpty, "\(relativePath):\n\(problems.joined(separator: "\n"))")
        if case .success(let result) = outcome {
            try checkAddsUp(result)
            checkExplained(result, relativePath)
        }
        if let plan = budgetCase.calculation as? BottomUpPlan {
            // The fast path gives the same pennies, line by line, for every case that computes, and declines
            // the others (the full breakdown reports their errors).
            let context = try CalculationContext(asAt: budgetCase.asAt, policy: policy, overrides: budgetCase.overrides)
            let parameters = BottomUpParameters(context)
            let fast = try #require(FastBottomUpParameters(parameters))
            switch FastPathCheck.compare(plan, parameters: parameters, fast: fast) {
            case .proven(let by):
                #expect(outcome.isSuccess, "\(relativePath): the fast path gave figures where the full breakdown failed")
                #expect((by == .exact) == Self.exactTies.contains(relativePath), "\(relativePath): settled by the \(by) try")
            case .declined:
                #expect(!outcome.isSuccess, "\(relativePath): the fast path declined")
            case .mismatch(let why):
                Issue.record("\(relativePath): \(why)")
            }
        }
    }

    /// Cases with a line whose exact amount is a half penny after a step the
    /// fast path's first two tries truncate in both their scales (a percentage
    /// past 10 decimal places): no bound settles the tie, and the exact try
    /// does (docs/fast-path.md). Case 06's annual employer NI is £4,578.195.
    static let exactTies: Set<String> = ["bottom-up/06-two-pas-weighted-3-1.json"]

    func policy(for budgetCase: BudgetCase, caseURL: URL) throws -> LocalPolicy {
        switch budgetCase.policy {
        case .example: return try ExamplePolicy.policy()
        case .file(let path):
            let url = caseURL.deletingLastPathComponent().appendingPathComponent(path)
            return try PolicyCodec.decode(try String(contentsOf: url, encoding: .utf8), file: path)
        }
    }

    /// Every breakdown adds up in every column.
    func checkAddsUp(_ result: BudgetResult) throws {
        let weekly = result.lines.compactMap(\.weekly).reduce(0) { $0 + $1.pence }
        let annual = result.lines.compactMap(\.annual).reduce(0) { $0 + $1.pence }
        let oneOff = result.lines.compactMap(\.oneOff).reduce(0) { $0 + $1.pence }
        #expect(result.totals.weekly.pence == weekly)
        #expect(result.totals.annual.pence == annual)
        #expect(result.totals.firstYear.pence == annual + oneOff)
    }

    /// Every line carries its working, and the working comes to the line's exact value.
    func checkExplained(_ result: BudgetResult, _ relativePath: String) {
        for line in result.lines {
            guard let formula = line.formula else {
                Issue.record("\(relativePath): \(line.key) has no formula")
                continue
            }
            let values = FormulaRenderer.quantities(formula).map(\.value)
            #expect(values.contains(line.exact), "\(relativePath): \(line.key)'s working does not reach \(line.exact.decimalText())")
        }
    }

    @Test func embeddedExamplePolicyIsTheFixtureFile() throws {
        let file = try String(contentsOf: Self.fixturesDirectory.appendingPathComponent("example-policy.json"), encoding: .utf8)
        #expect(file == ExamplePolicy.json + "\n" || file == ExamplePolicy.json,
                "Sources/PHBCodec/ExamplePolicy.swift must hold Fixtures/example-policy.json exactly")
        let policy = try ExamplePolicy.policy()
        #expect(policy.isIllustrative)
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}

