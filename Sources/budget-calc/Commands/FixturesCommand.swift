import Foundation
import PHBCodec
import PHBEngine

/// `budget-calc fixtures`: every case file in a folder, checked against its expected figures.
struct FixturesCommand: Command {
    static let name = "fixtures"
    static let summary = "check every case file in a folder against its expected figures; ends 'N passed, M failed'"
    static let valued: Set<String> = []
    static let flags: Set<String> = ["--help"]
    static let help = """
    Usage: budget-calc fixtures [FOLDER]

    Runs every case file (.json with "expected" or "expectedError") under FOLDER
    (default: Fixtures), including its subfolders, checks each to the penny, and
    ends with the line 'N passed, M failed'. Other JSON files (policies, catalogues)
    are skipped. Exit code 0 when every case passes, 1 otherwise.

    Example:
      budget-calc fixtures Fixtures/bottom-up
    """

    let folder: String

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        guard arguments.positionals.count <= 1 else { throw .usage("give one folder") }
        folder = arguments.positionals.first ?? "Fixtures"
    }

    func run() throws(CommandLineError) -> Int32 {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .unreadable(file: folder, reason: "not a folder")
        }
        let files = (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        var passed = 0, failed = 0
        for relative in files {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(relative).path
            let text = try readText(path)
            guard let raw = try? JSONValue.parse(text), raw["expected"] != nil || raw["expectedError"] != nil else { continue }
            let problems = check(text, path: path)
            if problems.isEmpty {
                passed += 1
                writeOut("pass  \(relative)\n")
            } else {
                failed += 1
                writeOut("FAIL  \(relative)\n" + problems.map { "        \($0.safeForDisplay(limit: 300))\n" }.joined())
            }
        }
        writeOut("\(passed) passed, \(failed) failed\n")
        return failed == 0 ? 0 : 1
    }

    /// What differs from the case's expectation (nothing when it passes).
    func check(_ text: String, path: String) -> [String] {
        let budgetCase: BudgetCase
        do {
            budgetCase = try BudgetCase.decode(text, file: path)
        } catch {
            // An input error found while reading the case is checked against its expectedError.
            return BudgetCase.readErrorMismatches(error, text: text) ?? ["does not read: \(error)"]
        }
        guard let expectation = budgetCase.expectation else { return ["has no expected figures"] }
        let policy: LocalPolicy
        do {
            switch budgetCase.policy {
            case .example: policy = try loadPolicy(nil)
            case .file(let relative):
                policy = try loadPolicy(URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(relative).path)
            }
        } catch {
            return [error.message]
        }
        return expectation.mismatches(Result { () throws(BudgetError) in try budgetCase.calculate(policy: policy) })
    }
}
