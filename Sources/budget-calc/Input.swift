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
        do { return try ExamplePolicy.policy() } catch { throw .input(error) }
    }
    return try loadPolicy(path, seen: [])
}

/// The policy in `path` with its base layers, which are read relative to it; `seen` stops a loop of bases.
func loadPolicy(_ path: String, seen: [String]) throws(CommandLineError) -> LocalPolicy {
    guard !seen.contains(path), seen.count < 8 else {
        throw .invalid("\(path): its 'base' leads back to itself or is more than 8 layers deep (\(seen.joined(separator: " → ")))")
    }
    let text = try readText(path)
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    var baseFailure: CommandLineError?
    let read = { (base: String) throws(InputError) -> LocalPolicy in
        let basePath = base.hasPrefix("/") ? base : folder.appendingPathComponent(base).path
        do throws(CommandLineError) {
            return try loadPolicy(basePath, seen: seen + [path])
        } catch {
            baseFailure = error
            throw InputError(field: "base", message: "the base policy could not be read", code: "invalidValue")
        }
    }
    do throws(InputError) {
        return try PolicyCodec.decode(text, file: path, loadBase: read)
    } catch {
        if let baseFailure { throw baseFailure }
        throw .input(error)
    }
}

/// Writes to standard output.
func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes to standard error.
func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// The built-in example's date, 1 June 2025: the default of the commands that take `--as-at`.
func builtInExampleDate() throws(CommandLineError) -> CalendarDate {
    guard let date = CalendarDate(year: 2025, month: 6, day: 1) else { throw .invalid("the built-in example's date is invalid") }
    return date
}
