import Foundation
import PHBCodec
import PHBEngine

/// `budget-calc batch`: a whole cohort as at one date.
struct BatchCommand: Command {
    static let name = "batch"
    static let summary = "compute a cohort file (CSV or JSON Lines) as at a date, one results row per person"
    static let valued = CohortOptions.valued.union(["--as-at", "--policy"])
    static let flags = CohortOptions.flags
    /// The results file's default name is `COHORT-results.csv`.
    static let defaultSuffix = "results"
    static let help = """
    Usage: budget-calc batch COHORT_FILE --as-at YYYY-MM-DD [--policy FILE] [--out FILE] [options]

    Computes every person of a cohort file as at one date and writes one CSV row
    per person (weekly, annual, one-off and first-year totals). A person whose rows
    have a problem goes to the errors file with its row, column and what is wrong;
    everyone else still computes. The file layout: docs/cohort-files.md.

    Options:
      --as-at DATE         the calculation date (required)
      --policy FILE        the local policy (default: the embedded illustrative example policy)
    \(CohortOptions.help(defaultSuffix: Self.defaultSuffix))

    Example:
      budget-calc batch Fixtures/cohorts/example-cohort.csv --as-at 2026-06-01 --out results.csv
    """

    let options: CohortOptions
    let asAt: CalendarDate
    let policyFile: String?

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        options = try CohortOptions(arguments, defaultSuffix: Self.defaultSuffix)
        guard let date = try arguments.date("--as-at") else { throw .usage("batch needs --as-at YYYY-MM-DD") }
        asAt = date
        policyFile = arguments["--policy"]
    }

    func run() throws(CommandLineError) -> Int32 {
        let (policyFile, asAt, strict) = (policyFile, asAt, options.strictDates)
        return try CohortRun.run(options: options, kind: .batch, report: nil) { () throws(CommandLineError) in
            CohortRecalculation(parameters: try snapshot(asAt, try loadPolicy(policyFile), strict: strict))
        }
    }
}

/// `budget-calc recalc`: a cohort recalculated from old parameters to new (April uprating), with arrears.
struct RecalcCommand: Command {
    static let name = "recalc"
    static let summary = "recalculate a cohort from one date and/or policy to another: change, % and arrears"
    static let valued = CohortOptions.valued.union(["--from", "--to", "--policy", "--old-policy", "--new-policy",
                                                    "--effective", "--paid-from", "--report"])
    static let flags = CohortOptions.flags
    /// The results file's default name is `COHORT-recalc.csv`.
    static let defaultSuffix = "recalc"
    static let help = """
    Usage: budget-calc recalc COHORT_FILE --from DATE --to DATE [--old-policy FILE] [--new-policy FILE] [options]

    Recalculates every person of a cohort under old parameters (as at --from, with
    --old-policy) and new ones (as at --to, with --new-policy), and writes one CSV
    row per person: old and new totals, the annual change in £ and %. With
    --paid-from, also the arrears owed when the new rates took effect (--effective,
    default --to) before they were paid: (new weekly − old weekly) × days ÷ 7.
    Ends with a summary: counts, totals, the spread of changes, the largest rises
    and falls.

    Options:
      --from DATE          the old calculation date (required)
      --to DATE            the new calculation date (required)
      --policy FILE        one policy for both sides (default: the embedded example policy)
      --old-policy FILE    the old side's policy
      --new-policy FILE    the new side's policy
      --effective DATE     when the new rates took effect (default: --to)
      --paid-from DATE     when the new rates are first paid: adds an arrears column
      --report FILE        also write the cohort report: an HTML page with charts of the changes
    \(CohortOptions.help(defaultSuffix: Self.defaultSuffix))

    Example (the April 2026 uprating, paid from June):
      budget-calc recalc Fixtures/cohorts/example-cohort.csv --from 2025-06-01 --to 2026-04-06 \\
          --paid-from 2026-06-01 --out recalc.csv
    """

    let options: CohortOptions
    let from: CalendarDate
    let to: CalendarDate
    let oldPolicy: String?
    let newPolicy: String?
    let arrears: ArrearsPeriod?

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        options = try CohortOptions(arguments, defaultSuffix: Self.defaultSuffix)
        guard let from = try arguments.date("--from"), let to = try arguments.date("--to") else {
            throw .usage("recalc needs --from DATE and --to DATE")
        }
        self.from = from
        self.to = to
        if arguments["--policy"] != nil, arguments["--old-policy"] != nil || arguments["--new-policy"] != nil {
            throw .usage("give --policy, or --old-policy and --new-policy, not both")
        }
        oldPolicy = arguments["--old-policy"] ?? arguments["--policy"]
        newPolicy = arguments["--new-policy"] ?? arguments["--policy"]
        if let paidFrom = try arguments.date("--paid-from") {
            do {
                arrears = try ArrearsPeriod(effective: try arguments.date("--effective") ?? to, paidFrom: paidFrom)
            } catch {
                throw .usage("--paid-from must not be before the effective date")
            }
        } else {
            if arguments["--effective"] != nil { throw .usage("--effective goes with --paid-from") }
            arrears = nil
        }
    }

    func run() throws(CommandLineError) -> Int32 {
        let context = CohortReportRenderer.Context(
            cohort: options.input, old: "as at \(from)" + (oldPolicy.map { " under \($0)" } ?? " under the example policy"),
            new: "as at \(to)" + (newPolicy.map { " under \($0)" } ?? " under the example policy"))
        let (oldPolicy, newPolicy, from, to, arrears, strict) = (oldPolicy, newPolicy, from, to, arrears, options.strictDates)
        return try CohortRun.run(options: options, kind: .recalculation(arrears: arrears != nil),
                                 report: options.report.map { ($0, context) }) { () throws(CommandLineError) in
            // One policy for both sides (the usual case) is read once.
            let oldLocal = try loadPolicy(oldPolicy)
            let newLocal = newPolicy == oldPolicy ? oldLocal : try loadPolicy(newPolicy)
            return CohortRecalculation(old: try snapshot(from, oldLocal, strict: strict),
                                       new: try snapshot(to, newLocal, strict: strict), arrears: arrears)
        }
    }
}

/// The parameters resolved once for `date`; with `strict`, out-of-date values fail every person that uses them.
func snapshot(_ date: CalendarDate, _ policy: LocalPolicy, strict: Bool) throws(CommandLineError) -> BottomUpParameters {
    do {
        var context = try CalculationContext(asAt: date, policy: policy)
        context.strictDates = strict
        return BottomUpParameters(context)
    } catch {
        throw .invalid(error.description)
    }
}

/// The options every cohort command shares.
struct CohortOptions {
    static let valued: Set<String> = ["--out", "--errors", "--lines", "--jobs"]
    static let flags: Set<String> = ["--quiet", "--spreadsheet", "--strict-dates", "--help"]
    /// The options' help, naming the default results file `COHORT-suffix.csv`.
    static func help(defaultSuffix: String) -> String { """
      --out FILE           the results CSV (default: COHORT-\(defaultSuffix).csv in this folder)
      --errors FILE        the errors CSV: row, person, column, code, message (default: beside --out)
      --lines FILE         also write one row per line of each breakdown (the new side's)
      --jobs N             threads to use (default: every core); the output is the same for any N
      --spreadsheet        write for a spreadsheet: a byte-order mark and CRLF line ends
      --strict-dates       a value used after the last day it is known to hold fails the people
                           who need it, instead of a warning
      --quiet              no progress on standard error
      -h, --help           show this help

    Outputs are written whole or not at all, each to its own file, never over an input
    (the cohort or a policy). Exit codes: 0 every person computed; 2 some people failed
    (see the errors file); 64 usage; 65 invalid input (e.g. no header); 66 unreadable;
    73 cannot write.
    """
    }

    let input: String
    let out: String
    let errors: String
    let lines: String?
    /// The cohort report (`recalc --report`).
    let report: String?
    /// The files read: the cohort and any policy, which no output may replace.
    let inputs: [String]
    let jobs: Int
    let quiet: Bool
    let style: CSVWriter.Style
    let strictDates: Bool

    init(_ arguments: ParsedArguments, defaultSuffix: String) throws(CommandLineError) {
        guard arguments.positionals.count == 1, let input = arguments.positionals.first else {
            throw .usage("give one cohort file (CSV, or JSON Lines ending .jsonl)")
        }
        self.input = input
        let stem = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
        out = arguments["--out"] ?? "\(stem)-\(defaultSuffix).csv"
        let outURL = URL(fileURLWithPath: out)
        errors = arguments["--errors"] ?? outURL.deletingLastPathComponent()
            .appendingPathComponent(outURL.deletingPathExtension().lastPathComponent + "-errors.csv").relativePath
        lines = arguments["--lines"]
        report = arguments["--report"]
        inputs = [input] + ["--policy", "--old-policy", "--new-policy"].compactMap { arguments[$0] }
        jobs = try arguments.integer("--jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
        quiet = arguments.has("--quiet")
        style = arguments.has("--spreadsheet") ? .spreadsheet : .plain
        strictDates = arguments.has("--strict-dates")
        // Checked before any work: two outputs on one file would each replace the other's temporary file.
        let outputs = [("--out", out), ("--errors", errors)] + [("--lines", lines), ("--report", report)].compactMap { name, path in
            path.map { (name, $0) }
        }
        try AtomicOutputFile.checkOutputs(outputs, inputs: inputs)
    }
}

/// One cohort run: read, compute in parallel, write in input order, summarise.
struct CohortRun {
    let options: CohortOptions
    let recalculation: CohortRecalculation
    let kind: RecalculationCSV.Kind
    /// Where to write the cohort report, and what it compares.
    let report: (path: String, context: CohortReportRenderer.Context)?

    /// What one person, or one chunk of people, came to, ready to write.
    struct Processed: Sendable {
        var result: [UInt8] = []
        var error: String?
        var lines: [UInt8]?
        /// The people's summary (a chunk), else the one person's row (`nil` when the input was unreadable).
        var summary: CohortSummary?
        var row: RecalculationRow?
    }

    /// Runs the cohort of `options` under the parameters `prepare` works out (reading the policies, resolving
    /// the snapshots).
    ///
    /// With more than one job, `prepare` runs on another thread while this one opens the input, reads its
    /// header and splits its first megabytes, so that two cores work from the start; an error of `prepare`
    /// is still reported before one of the input, as if the policy were read first. With one job, one thread
    /// does each in turn.
    static func run(options: CohortOptions, kind: RecalculationCSV.Kind, report: (path: String, context: CohortReportRenderer.Context)?,
                    prepare: @escaping @Sendable () throws(CommandLineError) -> CohortRecalculation) throws(CommandLineError) -> Int32 {
        guard options.jobs > 1 else {
            let recalculation = try prepare()
            return try CohortRun(options: options, recalculation: recalculation, kind: kind, report: report)
                .run(try CohortInput.opened(options.input, readingAheadWhile: { false }))
        }
        let pending = PendingValue(prepare)
        let input = Result { () throws(CommandLineError) in
            try CohortInput.opened(options.input, readingAheadWhile: { !pending.isReady })
        }
        let recalculation = try pending.value()
        return try CohortRun(options: options, recalculation: recalculation, kind: kind, report: report).run(try input.get())
    }

    func run(_ input: CohortInput) throws(CommandLineError) -> Int32 {
        var input = input
        if let ignored = input.layout?.ignoredColumns, !ignored.isEmpty, !options.quiet {
            writeError("budget-calc: note: \(options.input): columns not used: \(ignored.joined(separator: ", "))\n")
        }
        let format = RecalculationCSV(kind: kind, style: options.style)
        let inputs = options.inputs
        let results = try AtomicOutputFile(options.out, inputs: inputs)
        let errors = try AtomicOutputFile(options.errors, inputs: inputs)
        let lines = try options.lines.map { (path: String) throws(CommandLineError) in try AtomicOutputFile(path, inputs: inputs) }
        let reportFile = try report.map { (r) throws(CommandLineError) in try AtomicOutputFile(r.path, inputs: inputs) }
        try results.write(format.header)
        try errors.write(format.errorsHeader)
        try lines?.write(format.linesHeader)

        var summary = CohortSummary()
        var progress = ProgressReporter(quiet: options.quiet, totalBytes: input.totalBytes)
        let layout = input.layout
        let withLines = options.lines != nil
        let bytesRead = input.bytesRead
        let transform = { (item: CohortItem) -> Processed in
            process(item, layout: layout, format: format, withLines: withLines)
        }
        var failure: CommandLineError?
        // A CSV item is a chunk of a thousand people; a JSON Lines item is one person.
        let chunkSize = input.format == .csv ? 1 : 256
        OrderedParallelMap(jobs: options.jobs, chunkSize: chunkSize).run(&input, transform: transform) { processed in
            guard failure == nil else { return }
            do throws(CommandLineError) {
                try results.write(bytes: processed.result)
                if let error = processed.error { try errors.write(error) }
                if let rows = processed.lines { try lines?.write(bytes: rows) }
            } catch {
                failure = error
            }
            if let chunk = processed.summary {
                summary.merge(chunk)
            } else if let row = processed.row {
                summary.add(row)
            } else {
                summary.addFailed()
            }
            progress.update(people: summary.people, bytesRead: bytesRead.value)
        }
        progress.finish()
        if let failure = input.failure ?? failure { throw failure }  // the outputs are not committed
        if let report, let reportFile { try reportFile.write(CohortReportRenderer.html(summary, context: report.context)) }
        try results.commit()
        try errors.commit()
        try lines?.commit()
        try reportFile?.commit()
        writeOut(SummaryText.render(summary, kind: kind, files: (options.out, options.errors, options.lines)))
        var warned = Set<String>()
        for use in recalculation.old.outOfDate + recalculation.new.outOfDate {
            if let warning = use.outOfDateWarning, warned.insert(warning).inserted { writeOut("Warning: \(warning)\n") }
        }
        return summary.failed == 0 ? 0 : 2
    }

    /// Decodes, computes and formats one item (runs on any thread).
    func process(_ item: CohortItem, layout: CohortCSVLayout?, format: RecalculationCSV, withLines: Bool) -> Processed {
        switch item {
        case .csv(let chunk):
            guard let layout else { return Processed() }
            return process(chunk, layout: layout, format: format, withLines: withLines)
        case .jsonLine(let text, let line):
            return process(CohortJSONLines.person(text, line: line), format: format, withLines: withLines)
        case .unreadable(let error):
            return Processed(error: format.errorRow(error))
        }
    }

    /// A chunk of CSV people: each read straight into the fast form and laid
    /// out in columns, which cost them all at once under each snapshot
    /// (``FastBottomUpColumns``); a person the columns leave unsettled is
    /// costed alone by the fast path, and one the fast reading cannot take is
    /// read row by row and costed by whichever path proves it (the same
    /// figures every way).
    func process(_ chunk: CohortCSVChunk, layout: CohortCSVLayout, format: RecalculationCSV, withLines: Bool) -> Processed {
        var out = Processed(summary: CohortSummary())
        let people = chunk.people()
        out.result.reserveCapacity(people.count * 160)
        var errors = "", lines: [UInt8] = []
        var scratch = CohortCSVScratch()
        // Each person's place in the columns and id, or nil when the fast reading could not take them.
        var laidOut: [(column: Int, id: CohortCSVChunk.Span)?] = []
        // On request, the lines-file rows of each person in the columns, written as the person is read (while the
        // ids of their lines are at hand) into one buffer for the chunk: where they lie, by column, or nil when the
        // fast path declined (the full breakdown writes them).
        var fastLines: [UInt8] = [], fastLineRows: [Range<Int>?] = []
        laidOut.reserveCapacity(people.count)
        var columns = FastBottomUpColumns()
        columns.reserveCapacity(people.count)
        for person in people {
            if let (id, plan) = layout.fastPerson(person, in: chunk, scratch: &scratch) {
                if withLines {
                    fastLineRows.append(appendFastLineRows(plan, person: chunk.text(of: id), chunk: chunk, scratch: scratch,
                                                           format: format, to: &fastLines))
                }
                laidOut.append((columns.count, id))
                columns.append(plan)
                scratch.reuse(plan)
            } else {
                laidOut.append(nil)
            }
        }
        let settled = recalculation.settledFigures(columns)
        for (person, place) in zip(people, laidOut) {
            if let place {
                var figures = settled[place.column]
                if figures == nil, let (_, plan) = layout.fastPerson(person, in: chunk, scratch: &scratch) {
                    figures = recalculation.figures(plan)  // alone: the fast path's later tries settle what the columns did not
                    scratch.reuse(plan)
                }
                if let figures {
                    let row = chunk.line(of: person)
                    chunk.withBytes(of: place.id) { format.appendRow(id: $0, row: row, figures: figures, to: &out.result) }
                    out.summary?.add(id: chunk.text(of: place.id), row: row, figures: figures)
                    if withLines {
                        if let rows = fastLineRows[place.column] {
                            lines += fastLines[rows]
                        } else if case .success(let decoded) = layout.person(chunk.record(person, layout: layout)).0 {
                            lines += fullLineRows(decoded, format: format) ?? []
                        }
                    }
                    continue
                }
            }
            let one = process(layout.person(chunk.record(person, layout: layout)), format: format, withLines: withLines)
            out.result += one.result
            errors += one.error ?? ""
            lines += one.lines ?? []
            if let row = one.row { out.summary?.add(row) }
        }
        out.error = errors.isEmpty ? nil : errors
        out.lines = lines.isEmpty ? nil : lines
        return out
    }

    /// One person as decoded (or the problem found decoding them): computed and formatted.
    func process(_ decoded: (Result<CohortPerson, CohortRowError>, CohortLineRows), format: RecalculationCSV,
                 withLines: Bool) -> Processed {
        let (personResult, lineRows) = decoded
        switch personResult {
        case .failure(let error):
            let row = RecalculationRow(id: error.person ?? lineRows.person, row: lineRows.first,
                                       outcome: .failure(.invalidValue(field: error.column ?? "", value: "", reason: error.message)))
            var bytes: [UInt8] = []
            format.appendRow(row, to: &bytes)
            return Processed(result: bytes, error: format.errorRow(error), row: row)
        case .success(let person):
            let row = recalculation.recalculate(person)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(160)
            format.appendRow(row, to: &bytes)
            var processed = Processed(result: bytes, row: row)
            if case .failure(let error) = row.outcome {
                processed.error = format.errorRow(lineRows.locate(error))
            } else if withLines {
                processed.lines = fullLineRows(person, format: format)
            }
            return processed
        }
    }

    /// Appends the lines-file rows of a person read in fast form, from the fast path, to `rows`: where they lie, or
    /// `nil` (nothing appended) when the fast path declines. `scratch` holds the ids the person's lines were given.
    func appendFastLineRows(_ plan: borrowing FastBottomUpPlan, person: String, chunk: CohortCSVChunk, scratch: CohortCSVScratch,
                            format: RecalculationCSV, to rows: inout [UInt8]) -> Range<Int>? {
        guard let figures = recalculation.newLineFigures(plan) else { return nil }
        let start = rows.count
        for line in figures {
            format.appendLineRow(person: person, key: scratch.key(of: line.line, in: chunk), weekly: line.weekly,
                                 annual: line.annual, oneOff: line.oneOff, to: &rows)
        }
        return start..<rows.count
    }

    /// The lines-file rows of a person, from the full breakdown (`nil` when it fails).
    func fullLineRows(_ person: CohortPerson, format: RecalculationCSV) -> [UInt8]? {
        guard let result = try? person.plan.calculate(with: recalculation.new, explains: false) else { return nil }
        var rows: [UInt8] = []
        rows.reserveCapacity(result.lines.count * 48)
        for line in result.lines {
            format.appendLineRow(person: person.id, key: line.key, weekly: line.weekly, annual: line.annual,
                                 oneOff: line.oneOff, to: &rows)
        }
        return rows
    }
}
