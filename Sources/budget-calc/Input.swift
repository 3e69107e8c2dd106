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

/// The policy in `path`, or the embedded example policy when `path` is `nil`.
func loadPolicy(_ path: String?) throws(CommandLineError) -> LocalPolicy {
    guard let path else {
        do { return try ExamplePolicy.policy() } catch { throw .invalid(error.description) }
    }
    let text = try readText(path)
    do { return try PolicyCodec.decode(text, file: path) } catch { throw .invalid(error.description) }
}

/// Writes to standard output.
func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes to standard error.
func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
