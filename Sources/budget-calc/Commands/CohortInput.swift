import Foundation
import PHBCodec
import PHBEngine

/// One person's input as read, before decoding: the unit of parallel work.
enum CohortItem: Sendable {
    /// Whole people's rows of a CSV cohort.
    case csv(CohortCSVChunk)
    /// One line of a JSON Lines cohort.
    case jsonLine(String, line: Int)
    /// Input that could not be read as text.
    case unreadable(CohortRowError)
}

/// Reads a cohort file a chunk at a time and yields its people in order:
/// memory holds a chunk, never the file.
struct CohortInput: IteratorProtocol {
    enum Format: String { case csv, jsonl }

    let path: String
    let format: Format
    private let file: ReadOnlyFile
    /// Bytes read so far, shared with the progress display.
    let bytesRead = ByteCount()
    let totalBytes: Int
    private var splitter = CohortCSVSplitter(rowsPerChunk: 4_096)
    var layout: CohortCSVLayout? { splitter.layout }
    private var pending: [CohortItem] = []
    private var pendingIndex = 0
    private var atEnd = false
    private var partialLine: [UInt8] = []
    private var lineTooLong = false
    private var lineNumber = 0
    /// What stopped the reading before the end of the file (a read that failed): the run must report it, not
    /// write the people read so far as if they were all.
    private(set) var failure: CommandLineError?

    /// Opens `path`; the format is JSON Lines for `.jsonl` and `.ndjson`, else CSV.
    init(path: String) throws(CommandLineError) {
        file = try ReadOnlyFile(path)
        self.path = path
        let lower = path.lowercased()
        format = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// `path` opened and its header read, with people read ahead while `keepGoing` says so (at most
    /// ``readAheadLimit`` bytes): work done while another thread prepares the parameters.
    static func opened(_ path: String, readingAheadWhile keepGoing: () -> Bool) throws(CommandLineError) -> CohortInput {
        var input = try CohortInput(path: path)
        try input.readHeader()
        while !input.atEnd, input.bytesRead.value < readAheadLimit, keepGoing() { input.fillOrFail() }
        return input
    }

    /// The most bytes read before the parameters are ready: people waiting in memory, a few thousand.
    static let readAheadLimit = 8 << 20

    /// Reads the header (CSV): the layout every row is decoded with.
    mutating func readHeader() throws(CommandLineError) {
        guard format == .csv else { return }
        while layout == nil, !atEnd {
            try fill()
        }
        if layout == nil { throw .invalid("\(path): the file is empty (a cohort CSV starts with a header row)") }
    }

    mutating func next() -> CohortItem? {
        while pendingIndex == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            if atEnd { return nil }
            fillOrFail()
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }

    /// Reads the next chunk into items, or keeps what stopped the reading and ends it.
    private mutating func fillOrFail() {
        do { try fill() } catch {
            failure = error
            atEnd = true
        }
    }

    /// Reads the next chunk and turns it into items.
    ///
    /// The first read is a quarter of the others: its people are split and handed to the other threads
    /// sooner, so they start work about a millisecond earlier.
    private mutating func fill() throws(CommandLineError) {
        let data = try file.read(upTo: bytesRead.value == 0 ? ReadOnlyFile.blockSize / 4 : ReadOnlyFile.blockSize)
        bytesRead.value += data.count
        if data.isEmpty { atEnd = true }
        switch format {
        case .csv:
            var chunks: [CohortCSVChunk] = []
            do throws(CohortRowError) {
                try data.withUnsafeBufferPointer { bytes throws(CohortRowError) in
                    try splitter.feed(bytes) { chunks.append($0) }
                }
                if atEnd { try splitter.finish { chunks.append($0) } }
            } catch {
                throw .invalid("\(path): \(error)")
            }
            pending.append(contentsOf: chunks.map(CohortItem.csv))
        case .jsonl:
            for byte in data {
                if byte == UInt8(ascii: "\n") {
                    endLine()
                } else if partialLine.count < CohortJSONLines.longestLine {
                    partialLine.append(byte)
                } else {
                    lineTooLong = true
                }
            }
            if atEnd, !partialLine.isEmpty { endLine() }
        }
    }

    private mutating func endLine() {
        lineNumber += 1
        var line = partialLine.withUnsafeBufferPointer { Array($0) }  // a copy: the buffer stays unshared
        partialLine.removeAll(keepingCapacity: true)
        if lineTooLong {
            lineTooLong = false
            pending.append(.unreadable(CohortRowError(row: lineNumber, code: "tooLarge",
                                                      message: "the line is longer than \(CohortJSONLines.longestLine) bytes")))
            return
        }
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
        guard let text = String(validating: line, as: UTF8.self) else {
            pending.append(.unreadable(CohortRowError(row: lineNumber, code: "syntax", message: "the line is not valid UTF-8 text")))
            return
        }
        pending.append(.jsonLine(text, line: lineNumber))
    }
}

/// A count of bytes read, shared between the reader and the progress display (one thread).
final class ByteCount {
    var value = 0
}

/// A file read a megabyte at a time into one reused buffer (POSIX `read`).
final class ReadOnlyFile {
    /// The most bytes a read takes.
    static let blockSize = 1 << 20
    let path: String
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: ReadOnlyFile.blockSize)

    init(_ path: String) throws(CommandLineError) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .unreadable(file: path, reason: "it is a folder") }
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        self.path = path
    }

    /// The next bytes of the file, at most `limit` (empty at the end).
    func read(upTo limit: Int) throws(CommandLineError) -> ArraySlice<UInt8> {
        let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, min($0.count, limit)) }
        guard count >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        return buffer[..<count]
    }

    deinit { close(descriptor) }
}
