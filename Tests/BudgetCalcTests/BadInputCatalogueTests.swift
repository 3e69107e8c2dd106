import Foundation
import Testing

/// Every file of `Fixtures/bad-input/` through the built `budget-calc`: the
/// documented exit code and message, and never a crash.
@Suite struct BadInputCatalogueTests {
    struct Entry: Decodable, CustomTestStringConvertible, Sendable {
        let file: String
        let what: String
        let arguments: [String]
        let exit: Int32
        let stderr: String
        let stdout: String?
        let errors: String?
        var testDescription: String { file }
    }

    static let folder = BudgetCalcTests.packageRoot.appendingPathComponent("Fixtures/bad-input")

    static let entries: [Entry] = {
        struct Catalogue: Decodable { let cases: [Entry] }
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("catalogue.json")),
              let catalogue = try? JSONDecoder().decode(Catalogue.self, from: data) else { return [] }
        return catalogue.cases
    }()

    @Test func theCatalogueHasAtLeastFortyFilesAndNamesEveryFile() throws {
        #expect(Self.entries.count >= 40)
        let listed = Set(Self.entries.map(\.file))
        let onDisk = try ["cases", "policies", "cohorts"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(folder).path).map { "\(folder)/\($0)" }
        }
        #expect(Set(onDisk) == listed)
    }

    @Test(arguments: entries)
    func badInputGivesItsClearError(_ entry: Entry) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bad-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("results.csv")
        let arguments = entry.arguments.map {
            $0.replacingOccurrences(of: "$FILE", with: Self.folder.appendingPathComponent(entry.file).path)
                .replacingOccurrences(of: "$OUT", with: out.path)
        }
        let run = try BudgetCalcTests().run(arguments)
        #expect(run.status == entry.exit, "\(entry.file): \(run.stderr)")
        #expect(entry.stderr.isEmpty || run.stderr.contains(entry.stderr), "\(entry.file): \(run.stderr)")
        #expect(run.stderr.count < 2_000, "\(entry.file): the message is too long")
        for output in [run.stderr, run.stdout] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E },
                    "\(entry.file): a raw escape reached the terminal")
        }
        if let expected = entry.stdout { #expect(run.stdout.contains(expected), "\(entry.file): \(run.stdout)") }
        if let expected = entry.errors {
            let errors = try String(contentsOf: dir.appendingPathComponent("results-errors.csv"), encoding: .utf8)
            #expect(errors.contains(expected), "\(entry.file): \(errors)")
        }
    }
}
