// libFuzzer target: cohort CSV and JSON Lines, decoded (directly and row by row, which must agree) and
// recalculated. Built by Tests/Fuzz/run-fuzzers.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCohort(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: count)
    var parser = CSVParser()
    var records: [CSVRecord] = []
    parser.parse(bytes) { records.append($0) }
    parser.finish { records.append($0) }
    guard let policy = try? ExamplePolicy.policy(), let date = CalendarDate(iso: "2026-06-01"),
          let context = try? CalculationContext(asAt: date, policy: policy) else { return 0 }
    let recalculation = CohortRecalculation(parameters: BottomUpParameters(context))
    let format = RecalculationCSV(kind: .batch)
    if let header = records.first, let layout = try? CohortCSVLayout(header: header) {
        var splitter = CohortCSVSplitter(rowsPerChunk: 7)
        var chunks: [CohortCSVChunk] = []
        try? splitter.feed(bytes) { chunks.append($0) }
        try? splitter.finish { chunks.append($0) }
        // Reading straight into the fast form agrees with reading row by row whenever it answers.
        var scratch = CohortCSVScratch()
        for chunk in chunks {
            for person in chunk.people() {
                guard let fast = layout.fastPerson(person, in: chunk, scratch: &scratch) else { continue }
                guard case .success(let slow) = layout.person(chunk.record(person, layout: layout)).0,
                      slow.id == chunk.text(of: fast.id), FastBottomUpPlan(slow.plan) == fast.plan
                else { fatalError("the direct reading disagrees with the row-by-row reading") }
            }
        }
        let people = chunks.flatMap { chunk in chunk.people().map { chunk.record($0, layout: layout) } }
        for person in people {
            let (decoded, rows) = layout.person(person)
            if case .success(let p) = decoded {
                let row = recalculation.recalculate(p)
                var out: [UInt8] = []
                format.appendRow(row, to: &out)
                if case .failure(let error) = row.outcome { _ = format.errorRow(rows.locate(error)) }
            }
        }
    }
    for (i, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n").enumerated() {
        if case .success(let p) = CohortJSONLines.person(String(line), line: i + 1).0 { _ = recalculation.recalculate(p) }
    }
    return 0
}
