import Foundation
import PHBCodec
import PHBEngine

/// `budget-calc compute`: one case file (or the built-in example) as a table or JSON.
struct ComputeCommand: Command {
    static let name = "compute"
    static let summary = "compute one case file (or the built-in example) and print its breakdown"
    static let valued: Set<String> = ["--policy", "--as-at", "--format"]
    static let flags: Set<String> = ["--check", "--strict-dates", "--explain", "--help"]
    static let help = """
    Usage: budget-calc compute [CASE_FILE] [--policy FILE] [--as-at YYYY-MM-DD] [--format table|json|csv] [--explain] [--check]

    Computes a personal health budget from a case file and prints its breakdown.
    With no CASE_FILE, computes the built-in example (docs/rules.md §3: one PA, 20 hours a
    week of weekday-day care, held as a direct payment, as at 2025-06-01) with the
    embedded England statutory values and the illustrative example policy.

    Options:
      --policy FILE        use this local policy file instead of the case's policy
      --as-at DATE         calculate as at this date instead of the case's date
      --format FORMAT      table (default) for people, json for programs, csv for a spreadsheet
      --explain            add how each line is worked out and every parameter value used
      --check              compare the result with the case's "expected" figures
      --strict-dates       a value used after the last day it is known to hold is an error,
                           not a note (e.g. a 2026/27 rate used in 2028)
      -h, --help           show this help

    Example:
      budget-calc compute Fixtures/bottom-up/15-mixed-deployment.json --format json
    """

    enum Format: String { case table, json, csv }

    let caseFile: String?
    let policyFile: String?
    let asAt: CalendarDate?
    let format: Format
    let check: Bool
    let strictDates: Bool
    let explain: Bool

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        guard arguments.positionals.count <= 1 else {
            throw .usage("give one case file (got \(arguments.positionals.map { "'\($0)'" }.joined(separator: ", ")))")
        }
        caseFile = arguments.positionals.first
        policyFile = arguments["--policy"]
        asAt = try arguments.date("--as-at")
        let formatText = arguments["--format"] ?? "table"
        guard let format = Format(rawValue: formatText) else { throw .usage("--format: '\(formatText)' is not table, json or csv") }
        self.format = format
        check = arguments.has("--check")
        strictDates = arguments.has("--strict-dates")
        explain = arguments.has("--explain")
        if check && caseFile == nil { throw .usage("--check needs a case file with expected figures") }
    }

    func run() throws(CommandLineError) -> Int32 {
        do {
            return try compute()
        } catch {
            // Programs asked for JSON get the error as JSON on standard output, with the same exit code.
            guard format == .json else { throw error }
            writeOut(error.json.text() + "\n")
            return error.exitCode
        }
    }

    func compute() throws(CommandLineError) -> Int32 {
        let loaded = try LoadedCase(caseFile: caseFile, policyFile: policyFile, asAt: asAt)
        let outcome = loaded.outcome(strictDates: strictDates)
        if check, let expectation = loaded.budgetCase.expectation {
            let problems = expectation.mismatches(outcome)
            guard problems.isEmpty else { throw .checkFailed(problems) }
            writeOut("\(loaded.budgetCase.name): matches the expected figures\n")
            return 0
        } else if check {
            throw .usage("\(caseFile ?? "the case") has no \"expected\" or \"expectedError\" to check against")
        }
        let result = try loaded.result(outcome)
        switch format {
        case .json: writeOut(ResultCodec.json(result).text() + "\n")
        case .csv: writeOut(ResultCSV.lines(result, explain: explain))
        case .table: writeOut(TableRenderer.render(result, explain: explain))
        }
        return 0
    }
}

/// A case read from its file (or the built-in example) with its policy, ready to calculate.
struct LoadedCase {
    let caseFile: String?
    var budgetCase: BudgetCase
    let policyPath: String?
    let policy: LocalPolicy

    init(caseFile: String?, policyFile: String?, asAt: CalendarDate?) throws(CommandLineError) {
        self.caseFile = caseFile
        if let file = caseFile {
            let text = try readText(file)
            do { budgetCase = try BudgetCase.decode(text, file: file) } catch { throw .input(error) }
        } else {
            budgetCase = try LoadedCase.builtInExample()
        }
        if let asAt { budgetCase.asAt = asAt }
        var path = policyFile
        if path == nil, case .file(let relative) = budgetCase.policy {
            let base = URL(fileURLWithPath: caseFile ?? ".").deletingLastPathComponent()
            path = relative.hasPrefix("/") ? relative : base.appendingPathComponent(relative).path
        }
        policyPath = path
        policy = try loadPolicy(path)
    }

    /// The calculation's result or error.
    func outcome(strictDates: Bool) -> Result<BudgetResult, BudgetError> {
        Result { () throws(BudgetError) -> BudgetResult in try budgetCase.calculate(policy: policy, strictDates: strictDates) }
    }

    /// The result, or the error placed on the right file: a fault of the
    /// parameters is the policy's (or the embedded values'), not the case's.
    func result(_ outcome: Result<BudgetResult, BudgetError>) throws(CommandLineError) -> BudgetResult {
        switch outcome {
        case .success(let result): return result
        case .failure(let error):
            let blamed = error.isAboutParameters ? policyPath ?? "the embedded example policy and statutory values" : caseFile
            throw .input(InputError(error, file: blamed))
        }
    }

    /// The built-in example: the worked example's plan under the illustrative example policy, as at 2025-06-01.
    static func builtInExample() throws(CommandLineError) -> BudgetCase {
        let date = try builtInExampleDate()
        let plan = BottomUpPlan(deployment: .directPayment, care: [
            CareLine(hoursPerWeek: Rational(20), provider: .personalAssistant, band: "weekdayDay",
                     description: "PA care, weekday day"),
        ])
        return BudgetCase(name: "Built-in example (the worked example)", asAt: date, calculation: plan)
    }
}
