import PHBCodec
import PHBEngine
import Testing
import _PHBTestSupport

/// Cohort files in and out, and the batch's determinism.
@Suite struct CohortTests {
    /// The people of a cohort CSV text as the splitter groups them, fed `piece` bytes at a time.
    static func people(_ text: String, layout: CohortCSVLayout, piece: Int = 5) throws -> [CohortRecord] {
        try chunks(text, piece: piece).flatMap { chunk in chunk.people().map { chunk.record($0, layout: layout) } }
    }

    /// The splitter's chunks (of 7 rows and the rest of their last person) of a cohort CSV text, fed `piece` bytes at a time.
    static func chunks(_ text: String, piece: Int = 5) throws -> [CohortCSVChunk] {
        var splitter = CohortCSVSplitter(rowsPerChunk: 7)
        var chunks: [CohortCSVChunk] = []
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: piece) {
            try bytes[start..<min(bytes.count, start + piece)].withUnsafeBufferPointer { part throws(CohortRowError) in
                try splitter.feed(part) { chunks.append($0) }
            }
        }
        try splitter.finish { chunks.append($0) }
        return chunks
    }

    /// The first person of a cohort CSV text read both ways: straight into the fast form (`nil` when the direct
    /// reader leaves them to the row-by-row one), and row by row.
    func firstPersonBothWays(_ text: String) throws -> (fast: FastBottomUpPlan?, slow: Result<CohortPerson, CohortRowError>) {
        let layout = try CohortCSVLayout(header: records(text)[0])
        let chunk = try #require(try CohortTests.chunks(text).first)
        let person = try #require(chunk.people().first)
        var scratch = CohortCSVScratch()
        let fast = layout.fastPerson(person, in: chunk, scratch: &scratch)?.plan
        return (fast, layout.person(chunk.record(person, layout: layout)).0)
    }

    func records(_ text: String, chunk: Int = 3) -> [CSVRecord] {
        var parser = CSVParser()
        var out: [CSVRecord] = []
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            bytes[start..<min(bytes.count, start + chunk)].withUnsafeBufferPointer { parser.parse($0) { out.append($0) } }
        }
        parser.finish { out.append($0) }
        return out
    }

    @Test(arguments: [1, 2, 3, 7, 100])
    func csvParserReadsQuotesLineEndsAndAByteOrderMark(chunk: Int) {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n\r\n\"multi\nline\",,\"\"\nlast,row,end"
        let got = records(text, chunk: chunk)
        #expect(got.map(\.fields) == [["a", "b", "c"], ["1", "x, \"y\"", "3"], ["multi\nline", "", ""], ["last", "row", "end"]])
        #expect(got.map(\.line) == [1, 2, 4, 6])
    }

    /// The splitter cuts rows exactly where the parser does, whatever the quotes, line ends and pieces, and
    /// groups them into people as the rule says: a run of rows with the same (non-empty) person id.
    @Test(arguments: [1, 2, 3, 8, 13, 4_096])
    func splitterFindsTheRowsTheParserFinds(piece: Int) throws {
        var random = SeededGenerator(seed: 42)
        let tokens = ["a", "P1", "P2", " ", ",", ",", "\"", "\"\"", "\n", "\r", "\r\n", "x y,z", " P1 ,"]
        for round in 0..<300 {
            var text = random.chance(20) ? "\u{FEFF}" : ""
            let personField = round % 3 == 0 ? 1 : 0
            text += personField == 1 ? "line,person\n" : "person,line\n"
            for _ in 0..<random.int(0...60) { text += random.pick(tokens) }
            let parsed = records(text, chunk: 1 << 20)
            let layout = try CohortCSVLayout(header: parsed[0])
            let people = try CohortTests.people(text, layout: layout, piece: piece)
            #expect(people.flatMap(\.records) == Array(parsed.dropFirst()), "\(text.debugDescription)")
            // Each person's rows share its id; two people in a row differ, or have no id.
            func id(_ record: CSVRecord) -> String { record.field(personField).trimmingCharacters(in: [" "]) }
            for person in people {
                #expect(person.records.allSatisfy { id($0) == person.id && !person.id.isEmpty } || person.records.count == 1,
                        "\(text.debugDescription)")
            }
            for (a, b) in zip(people, people.dropFirst()) { #expect(a.id != b.id || a.id.isEmpty, "\(text.debugDescription)") }
        }
    }

    @Test func invalidUTF8IsFlaggedNotGuessed() {
        var parser = CSVParser()
        var out: [CSVRecord] = []
        [UInt8]([0x61, 0x2C, 0xFF, 0x0A]).withUnsafeBufferPointer { parser.parse($0) { out.append($0) } }
        #expect(out.first?.isInvalidUTF8 == true)
    }

    @Test(arguments: [("13.75", "13.75"), ("£1,234.50", "1234.5"), (" 20 ", "20"), ("£40", "40"), ("-£5.00", "-5")])
    func moneyIsReadAsWritten(text: String, value: String) {
        #expect(CohortCSV.decimal(text) == Rational(decimalText: value))
    }

    @Test(arguments: ["1,2", "12,34.5", "1e3", "£", "13.75.1", "abc", String(repeating: "9", count: 60)])
    func malformedNumbersAreRefused(text: String) {
        #expect(CohortCSV.decimal(text) == nil)
    }

    @Test func writerNeutralisesFormulasAndQuotes() {
        #expect(CSVWriter.escape("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriter.escape("+44") == "'+44")
        #expect(CSVWriter.escape("@x") == "'@x")
        #expect(CSVWriter.escape("-1") == "'-1")
        #expect(CSVWriter.escape("a, \"b\"") == "\"a, \"\"b\"\"\"")
        // A CRLF inside a cell is one character, and is quoted all the same.
        #expect(CSVWriter.escape("a\r\nb") == "\"a\r\nb\"")
        let writer = CSVWriter(style: .spreadsheet)
        #expect(writer.preamble == "\u{FEFF}")
        #expect(writer.row([.text("x"), .number("-12.50")]) == "x,-12.50\r\n")
    }

    /// A results row starts with the person's id as a safe cell, however long or however it starts.
    @Test(arguments: [("P1", "P1"), ("=1+1", "'=1+1"), ("a,b", "\"a,b\""), ("-7", "'-7"),
                      (String(repeating: "x", count: 70), String(repeating: "x", count: 70)), ("é", "é")])
    func resultsRowsStartWithASafeID(id: String, cell: String) {
        let format = RecalculationCSV(kind: .batch)
        var bytes: [UInt8] = []
        format.appendRow(RecalculationRow(id: id, row: 2, outcome: .failure(.arithmeticOverflow("x"))), to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == cell + ",2,failed,,,,\n")
    }

    @Test func aBadCellIsPlacedOnItsRowAndColumn() throws {
        let text = """
        person,line,hoursPerWeek,provider,band,deployment
        P1,care,20,pa,weekdayDay,notional
        P2,care,twenty,pa,weekdayDay,notional
        P3,care,200,pa,weekdayDay,notional
        """
        let all = records(text)
        let layout = try CohortCSVLayout(header: all[0])
        let people = try CohortTests.people(text, layout: layout)
        let decoded = people.map { layout.person($0) }
        #expect(decoded.count == 3)
        guard case .failure(let bad) = decoded[1].0 else { Issue.record("P2 should fail"); return }
        #expect(bad.row == 3 && bad.column == "hoursPerWeek" && bad.person == "P2")
        guard case .success(let p3) = decoded[2].0 else { Issue.record("P3 should decode"); return }
        let context = try CalculationContext(asAt: CalendarDate(iso: "2026-06-01")!, policy: try ExamplePolicy.policy())
        let row = CohortRecalculation(parameters: BottomUpParameters(context)).recalculate(p3)
        guard case .failure(let error) = row.outcome else { Issue.record("P3 should fail to compute"); return }
        let placed = decoded[2].1.locate(error)
        #expect(placed.row == 4 && placed.column == "hoursPerWeek" && !placed.message.hasPrefix("input."))
    }

    @Test func hugeRowsAndHugePeopleAreReportedNotHeld() throws {
        let huge = String(repeating: "9", count: 200_000)
        var text = "person,line,hoursPerWeek,provider,band,deployment\n"
        text += "P1,care,\(huge),pa,weekdayDay,notional\n"
        text += String(repeating: "P2,care,1,pa,weekdayDay,notional\n", count: CohortCSVSplitter.mostRows + 5)
        text += "P3,care," + String(repeating: ",", count: 5_000) + "\n"
        text += "P4,care,20,pa,weekdayDay,notional\n"
        let all = records(text, chunk: 65_536)
        #expect(all.allSatisfy { $0.byteCount <= CSVParser.longestRecord && $0.count <= CSVParser.mostFields })
        let layout = try CohortCSVLayout(header: all[0])
        let people = try CohortTests.people(text, layout: layout)
        let decoded = people.map { layout.person($0).0 }
        #expect(decoded.count == 4)
        #expect(decoded.map(failureCode) == ["tooLarge", "tooLarge", "tooLarge", "ok"])
    }

    func failureCode(_ result: Result<CohortPerson, CohortRowError>) -> String {
        if case .failure(let error) = result { error.code } else { "ok" }
    }

    @Test func cohortRowsRoundTripThroughTheEncoder() throws {
        let plans = (0..<200).map { RandomPlans.plan(seed: 11, index: $0) }
        let text = CohortCSVEncoder.header + plans.enumerated().map { CohortCSVEncoder.rows(id: "P\($0.offset)", plan: $0.element) }
            .joined()
        let all = records(text, chunk: 4_096)
        let layout = try CohortCSVLayout(header: all[0])
        let people = try CohortTests.people(text, layout: layout)
        let decoded = try people.map { try layout.person($0).0.get().plan }
        #expect(decoded == plans)
        // Read straight from the bytes, each person's fast form is the fast form of the plan read row by row.
        var scratch = CohortCSVScratch()
        var read = 0, readFast = 0
        for chunk in try CohortTests.chunks(text, piece: 4_096) {
            for person in chunk.people() {
                defer { read += 1 }
                guard let (id, fast) = layout.fastPerson(person, in: chunk, scratch: &scratch) else { continue }
                readFast += 1
                #expect(chunk.text(of: id) == "P\(read)")
                #expect(fast == FastBottomUpPlan(plans[read]), "person \(read)")
            }
        }
        #expect(read == plans.count)
        #expect(readFast * 20 >= plans.count * 19, "only \(readFast) of \(plans.count) read straight into the fast form")
    }

    /// However the cells are written (quoted, padded, a £ sign, CRLF), reading a person straight into the fast
    /// form gives the fast form of the plan read row by row, or leaves the person to the row-by-row reader.
    @Test func fastReadingAgreesWithRowByRowReadingWhateverTheWriting() throws {
        let plans = (0..<150).map { RandomPlans.plan(seed: 23, index: $0) }
        let plain = CohortCSVEncoder.header + plans.enumerated().map { CohortCSVEncoder.rows(id: "P\($0.offset)", plan: $0.element) }
            .joined()
        var random = SeededGenerator(seed: 99)
        // Each cell rewritten one of several ways, each row ended LF or CRLF.
        var text = ""
        for record in records(plain, chunk: 1 << 20) {
            text += record.fields.map { field -> String in
                let quoted = "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                switch random.int(0...9) {
                case 0: return " " + field + "  "
                case 1: return quoted
                case 2: return "\" " + field.replacingOccurrences(of: "\"", with: "\"\"") + " \""
                case 3 where Double(field) != nil: return "\"£" + field + "\""
                default: return field.contains(",") || field.contains("\"") ? quoted : field
                }
            }.joined(separator: ",") + (random.chance(30) ? "\r\n" : "\n")
        }
        let layout = try CohortCSVLayout(header: records(text, chunk: 1 << 20)[0])
        var scratch = CohortCSVScratch()
        var readFast = 0
        for chunk in try CohortTests.chunks(text, piece: 1_000) {
            for person in chunk.people() {
                let slow = try layout.person(chunk.record(person, layout: layout)).0.get()
                guard let (id, fast) = layout.fastPerson(person, in: chunk, scratch: &scratch) else { continue }
                readFast += 1
                #expect(chunk.text(of: id) == slow.id)
                #expect(fast == FastBottomUpPlan(slow.plan), "person \(slow.id)")
            }
        }
        #expect(readFast > 0 && readFast < plans.count)
    }

    /// Rows are one person's when their ids, trimmed and unquoted, are the same, however each is written; an id
    /// that starts with another is another person's.
    @Test(arguments: [(["P1", "P1", "P1"], 1), (["P1", "\"P1\"", " P1 ", "P1  "], 1), (["P1", "P10", "P1"], 3),
                      (["P10", "P1", "P1"], 2), (["\"P1\"", "P1"], 1), (["P1", "Q1", "\"Q1\""], 2), (["P1", "", ""], 3)])
    func rowsAreGroupedByTheirIDHoweverWritten(ids: [String], people: Int) throws {
        let text = "person,line,amount,period\n" + ids.map { "\($0),other,10,weekly\n" }.joined()
        for piece in [1, 7, 1 << 10] {
            let grouped = try CohortTests.chunks(text, piece: piece).flatMap { $0.people() }
            #expect(grouped.count == people, "fed \(piece) bytes at a time")
        }
    }

    /// A cell of spaces is an empty cell to the direct reader, as to the row-by-row one: the person is still read directly.
    @Test func aCellOfSpacesIsEmpty() throws {
        let text = "person,line,deployment,hoursPerWeek,provider,band,amount,period\n"
            + "P1,plan,directPayment,,,,,\n"
            + "P1,care,   ,10,pa,weekdayDay,  ,\n"
        let (fast, slow) = try firstPersonBothWays(text)
        let plan = try slow.get().plan
        #expect(fast == FastBottomUpPlan(plan) && fast != nil)
    }

    /// A row may stop short of the header (its missing cells are empty) or run past it with empty cells; a value
    /// past the header's last column, which no column would read, fails the person in both readings.
    @Test(arguments: [("P1,care,,10,pa,weekdayDay", nil), ("P1,care,,10,pa,weekdayDay,,,  ,", nil),
                      ("P1,care,,10,pa,weekdayDay,,extra", 8), ("P1,care,,10,pa,weekdayDay,,\"\",\"x\"", 9),
                      ("P1,care,,10,pa,weekdayDay,Day care, weekdays", 8)])
    func aValuePastTheHeaderFailsThePerson(row: String, pastHeader: Int?) throws {
        let text = "person,line,deployment,hoursPerWeek,provider,band,description\nP1,plan,directPayment,,,,\n" + row + "\n"
        let (fast, slow) = try firstPersonBothWays(text)
        if let pastHeader {
            #expect(fast == nil)
            guard case .failure(let error) = slow else { Issue.record("the person should fail"); return }
            #expect(error.row == 3 && error.code == "invalidValue" && error.message.hasPrefix("cell \(pastHeader) "), "\(error)")
        } else {
            let plan = try slow.get().plan
            #expect(fast == FastBottomUpPlan(plan) && fast != nil)
        }
    }

    /// A person's rows apart in the file read as two people; the second, with no plan row, is told why its line has no
    /// deployment. A person with a plan row and no line (P2) fails rather than costing £0.00.
    @Test func rowsApartAreToldToComeTogether() throws {
        let text = """
        person,line,deployment,hoursPerWeek,provider,band
        P1,plan,directPayment,,,
        P1,care,,10,pa,weekdayDay
        P2,plan,notional,,,
        P1,care,,5,pa,weekdayDay
        """
        let layout = try CohortCSVLayout(header: records(text)[0])
        let decoded = try CohortTests.people(text, layout: layout).map { layout.person($0).0 }
        #expect(decoded.map(failureCode) == ["ok", "missingInput", "missingInput"])
        guard case .failure(let noLines) = decoded[1], case .failure(let apart) = decoded[2] else { return }
        #expect(noLines.row == 4 && noLines.column == "line" && noLines.message.contains("no care, sleep-in or other line"))
        #expect(apart.row == 5 && apart.column == "deployment" && apart.message.contains("rows together"))
    }

    /// A JSON Lines person with a bad field fails with the line, the person (once their id is read) and the field's path.
    @Test(arguments: [
        (#"{"person": "P1", "plan": {"deployment": "notional", "care": [{"hoursPerWeek": "20", "provider": "pa", "band": "weekdayDay", "rate": "9"}]}}"#,
         "P1", "plan.care[0].rate", "unknownKey"),
        (#"{"person": "P2", "plan": {"deployment": "notional"}, "extra": 1}"#, "P2", "extra", "unknownKey"),
        (#"{"persn": "P3", "plan": {"deployment": "notional"}}"#, nil, "persn", "unknownKey"),
        (#"{"person": "P4", "plan": {"deployment": "notional""#, nil, nil, "syntax"),
    ] as [(String, String?, String?, String)])
    func aBadJSONLineNamesItsPersonAndField(line: String, person: String?, field: String?, code: String) {
        guard case .failure(let error) = CohortJSONLines.person(line, line: 7).0 else {
            Issue.record("the line should fail")
            return
        }
        #expect(error.row == 7 && error.person == person && error.column == field && error.code == code, "\(error)")
    }

    /// PA shares read straight from the bytes give the parts the row-by-row reader's plan gives, or leave the person to it.
    @Test(arguments: [("3:1", 2), ("3 : 1", 2), ("3::1", 2), ("3: :1", 2), (" : 1", 1), ("1.5;2.25", 2), ("2:2:2", 3), ("0:1", 2), ("3:x", 2),
                      ("2147483649:1", 2)])
    func sharesReadDirectlyAgreeWithRowByRow(shares: String, personalAssistants: Int) throws {
        let text = "person,line,deployment,personalAssistants,paShares,hoursPerWeek,provider,band\n"
            + "P1,plan,directPayment,\(personalAssistants),\(shares),,,\n"
            + "P1,care,,,,40,pa,weekdayDay\n"
        let (fast, slow) = try firstPersonBothWays(text)
        guard let fast else { return }
        let read = try #require(try? slow.get(), "read directly, refused row by row")
        #expect(fast == FastBottomUpPlan(read.plan))
    }

    /// Line ids read straight from the bytes are held to the full breakdown's rule: well formed, unique among their kind's.
    @Test(arguments: [("day,night", true), ("day,day", false), ("day,", true), ("a b,c", false), ("day,Day", true)])
    func lineIDsReadDirectlyFollowTheRule(ids: String, direct: Bool) throws {
        let pair = ids.split(separator: ",", omittingEmptySubsequences: false)
        let text = "person,line,deployment,hoursPerWeek,provider,band,id,amount,period\n"
            + "P1,plan,directPayment,,,,,,\n"
            + "P1,care,,10,pa,weekdayDay,\(pair[0]),,\n"
            + "P1,care,,5,agency,weekend,\(pair[1]),,\n"
            + "P1,other,,,,,\(pair[0]),20,weekly\n"
        let (fast, slow) = try firstPersonBothWays(text)
        #expect((fast != nil) == direct)
        if let fast, case .success(let person) = slow { #expect(fast == FastBottomUpPlan(person.plan)) }
        if !direct, case .success(let person) = slow {
            let context = try CalculationContext(asAt: CalendarDate(iso: "2026-06-01")!, policy: try ExamplePolicy.policy())
            #expect(throws: BudgetError.self) { try person.plan.calculate(with: BottomUpParameters(context), explains: false) }
        }
    }

    /// A word with a zero byte after it is not the word (found by the fuzzer): the direct reading leaves it to the
    /// row-by-row reader, which reports it.
    @Test(arguments: ["directPayment\u{0}", "notional\u{0}\u{0}"])
    func aWordWithTrailingZeroBytesIsNotTheWord(deployment: String) throws {
        let text = "person,line,deployment,hoursPerWeek,provider,band\nP1,plan,\(deployment),,,\nP1,care,,10,pa,weekdayDay\n"
        let layout = try CohortCSVLayout(header: records(text)[0])
        let chunk = try #require(try CohortTests.chunks(text).first)
        var scratch = CohortCSVScratch()
        #expect(layout.fastPerson(chunk.people()[0], in: chunk, scratch: &scratch) == nil)
        #expect(InlineName(deployment) != InlineName(String(deployment.prefix { $0 != "\u{0}" })))
        guard case .failure = layout.person(chunk.record(chunk.people()[0], layout: layout)).0 else {
            Issue.record("the row-by-row reader should refuse the word")
            return
        }
    }

    /// Each percentage change lands in the band whose lower bound it reaches and whose upper bound it is below.
    @Test(arguments: [(Int128(-1_000), "-10% to -5%"), (-1_001, "below -10%"), (-999, "-10% to -5%"), (-200, "-2% to 0%"),
                      (-1, "-2% to 0%"), (0, "no change"), (1, "0% to 2%"), (199, "0% to 2%"),
                      (200, "2% to 5%"), (999, "5% to 10%"), (1_000, "10% or more"), (25_000, "10% or more")])
    func changesFallInTheirBands(hundredths: Int128, band: String) throws {
        let totals = BudgetTotals(weekly: .zero, annual: Money(pence: 100), oneOff: .zero, firstYear: Money(pence: 100))
        let figures = RecalculatedFigures(old: totals, new: totals, annualChange: .zero,
                                          percentChange: RoundedPercentage(hundredths: hundredths), arrears: nil,
                                          calculationCount: 2, fastPathCount: 2)
        var summary = CohortSummary()
        summary.add(RecalculationRow(id: "P1", row: 2, outcome: .success(figures)))
        #expect(summary.bands.filter { $0.people > 0 }.map(\.label) == [band])
    }

    /// A consumer that stops the run (a full disk) ends it with its error, every thread stopped, nothing lost before.
    @Test(arguments: [1, 2, 5])
    func aThrowingConsumerEndsTheRun(jobs: Int) {
        struct Stop: Error {}
        var numbers = (0..<10_000).makeIterator()
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try OrderedParallelMap(jobs: jobs, chunkSize: 7).run(&numbers, transform: { $0 * 2 }) { value in
                if value == 2_000 { throw Stop() }
                seen.append(value)
            }
        }
        #expect(seen == Array(stride(from: 0, to: 2_000, by: 2)))
    }

    /// A lines file's rows come from the fast path for a person read in fast form: each line named (with the id its
    /// row gave) and figured as the full breakdown names and figures it, in the same order.
    @Test func fastLinesAreTheFullBreakdownsLines() throws {
        let url = FixtureTests.fixturesDirectory.appendingPathComponent("cohorts/example-cohort.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let layout = try CohortCSVLayout(header: records(text, chunk: 1 << 20)[0])
        let context = try CalculationContext(asAt: CalendarDate(iso: "2026-04-06")!, policy: try ExamplePolicy.policy())
        let recalculation = CohortRecalculation(parameters: BottomUpParameters(context))
        var scratch = CohortCSVScratch()
        var compared = 0, named = 0
        for chunk in try CohortTests.chunks(text, piece: 1 << 16) {
            for person in chunk.people() {
                guard let (_, plan) = layout.fastPerson(person, in: chunk, scratch: &scratch),
                      let fast = recalculation.newLineFigures(plan) else { continue }
                let keys = fast.map { scratch.key(of: $0.line, in: chunk) }
                scratch.reuse(plan)
                let full = try layout.person(chunk.record(person, layout: layout)).0.get().plan
                    .calculate(with: recalculation.new, explains: false)
                #expect(keys == full.lines.map(\.key))
                #expect(fast.map { [$0.weekly, $0.annual, $0.oneOff] } == full.lines.map { [$0.weekly, $0.annual, $0.oneOff] })
                compared += 1
                named += keys.count { $0.contains(":") }
            }
        }
        #expect(compared > 900)
        #expect(named > 100)
    }

    @Test func parallelEqualsSerialRowForRow() throws {
        let policy = try ExamplePolicy.policy()
        let old = BottomUpParameters(try CalculationContext(asAt: CalendarDate(iso: "2025-06-01")!, policy: policy))
        let new = BottomUpParameters(try CalculationContext(asAt: CalendarDate(iso: "2026-04-06")!, policy: policy))
        let recalculation = CohortRecalculation(old: old, new: new,
                                                arrears: try ArrearsPeriod(effective: CalendarDate(iso: "2026-04-06")!,
                                                                           paidFrom: CalendarDate(iso: "2026-06-01")!))
        func run(jobs: Int) -> ([RecalculationRow], CohortSummary) {
            var people = (0..<3_000).lazy.map { CohortPerson(id: "P\($0)", row: $0 + 2, plan: RandomPlans.plan(seed: 5, index: $0)) }
                .makeIterator()
            var rows: [RecalculationRow] = []
            var summary = CohortSummary()
            OrderedParallelMap(jobs: jobs, chunkSize: 97).run(&people, transform: recalculation.recalculate) {
                rows.append($0)
                summary.add($0)
            }
            return (rows, summary)
        }
        let serial = run(jobs: 1), parallel = run(jobs: 4)
        #expect(serial.0 == parallel.0)
        #expect(serial.1 == parallel.1)
        #expect(serial.1.computed == 3_000 && serial.1.bands.reduce(0) { $0 + $1.people } + serial.1.noOldTotal == 3_000)
    }

    @Test func arrearsAreTheWeeklyChangeForTheDaysOwed() throws {
        let period = try ArrearsPeriod(effective: CalendarDate(iso: "2026-04-06")!, paidFrom: CalendarDate(iso: "2026-06-01")!)
        #expect(period.days == 56)
        #expect(throws: BudgetError.self) {
            try ArrearsPeriod(effective: CalendarDate(iso: "2026-06-01")!, paidFrom: CalendarDate(iso: "2026-04-06")!)
        }
        #expect(CalendarDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate(iso: "2024-03-01")!.dayNumber - CalendarDate(iso: "2024-02-28")!.dayNumber == 2)
    }
}
