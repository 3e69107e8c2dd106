import Foundation
import PHBCodec
import PHBEngine
import _PHBTestSupport

/// A seeded synthetic cohort written as a cohort CSV file, streamed so that
/// ten million people need no more memory than ten.
struct SyntheticCohort {
    let people: Int
    let seed: UInt64

    /// The person id of person `index`.
    static func id(_ index: Int) -> String { "P" + String(100_000_000 + index).dropFirst() }

    func write(to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
        defer { try? handle.close() }
        var buffer = CohortCSVEncoder.header
        for index in 0..<people {
            buffer += CohortCSVEncoder.rows(id: Self.id(index), plan: RandomPlans.plan(seed: seed, index: index))
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }
}
