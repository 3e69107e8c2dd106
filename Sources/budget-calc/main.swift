import Foundation
import PHBCodec
import PHBEngine

/// Reads a whole text file, or says why it cannot.
func readText(_ path: String) throws(CommandLineError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        let exists = FileManager.default.fileExists(atPath: path)
        throw .unreadable(file: path, reason: exists ? "permission denied or not a file" : "no such file")
    }
    guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(file: path, reason: "not UTF-8 text") }
    return text
}

/// The built-in example: spec §8's plan under the illustrative example policy, as at 2025-06-01.
func builtInExample() throws(CommandLineError) -> BudgetCase {
    guard let date = CalendarDate(iso: "2025-06-01") else { throw .invalid("the built-in example's date is invalid") }
    let plan = BottomUpPlan(deployment: .directPayment, care: [
        CareLine(hoursPerWeek: Rational(20), provider: .personalAssistant, band: "weekdayDay",
                 description: "PA care, weekday day"),
    ])
    return BudgetCase(name: "Built-in example (spec §8)", asAt: date, calculation: plan)
}

func run(_ arguments: [String]) throws(CommandLineError) -> String {
    let options = try CommandLineOptions.parse(arguments)
    if options.help { return CommandLineOptions.usage + "\n" }

    var budgetCase: BudgetCase
    if let file = options.caseFile {
        let text = try readText(file)
        do { budgetCase = try BudgetCase.decode(text, file: file) } catch { throw .invalid(error.description) }
    } else {
        budgetCase = try builtInExample()
    }
    if let date = options.asAt { budgetCase.asAt = date }

    var policyPath = options.policyFile
    if policyPath == nil, case .file(let relative) = budgetCase.policy {
        let base = URL(fileURLWithPath: options.caseFile ?? ".").deletingLastPathComponent()
        policyPath = relative.hasPrefix("/") ? relative : base.appendingPathComponent(relative).path
    }
    let policy: LocalPolicy
    do {
        if let path = policyPath {
            let text = try readText(path)
            do { policy = try PolicyCodec.decode(text, file: path) } catch { throw .invalid(error.description) }
        } else {
            do { policy = try ExamplePolicy.policy() } catch { throw .invalid(error.description) }
        }
    }

    let outcome = Result { () throws(BudgetError) -> BudgetResult in try budgetCase.calculate(policy: policy) }
    if options.check, let expectation = budgetCase.expectation {
        let problems = expectation.mismatches(outcome)
        guard problems.isEmpty else { throw .checkFailed(problems) }
        return "\(budgetCase.name): matches the expected figures\n"
    } else if options.check {
        throw .usage("\(options.caseFile ?? "the case") has no \"expected\" or \"expectedError\" to check against")
    }
    switch outcome {
    case .success(let result):
        return options.format == .json ? ResultCodec.json(result).text() + "\n" : TableRenderer.render(result)
    case .failure(let error):
        throw .invalid(InputError(error, file: options.caseFile).description)
    }
}

do {
    let output = try run(Array(CommandLine.arguments.dropFirst()))
    FileHandle.standardOutput.write(Data(output.utf8))
} catch {
    FileHandle.standardError.write(Data((error.message + "\n").utf8))
    exit(error.exitCode)
}
