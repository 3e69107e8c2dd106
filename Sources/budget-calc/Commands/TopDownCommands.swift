import Foundation
import PHBCodec
import PHBEngine

/// Writes a result as a table or JSON, the way `compute` does.
func writeResult(_ result: BudgetResult, json: Bool, explain: Bool) {
    writeOut(json ? ResultCodec.json(result).text() + "\n" : TableRenderer.render(result, explain: explain))
}

/// The shared options of the top-down commands: date, policy, format.
struct TopDownOptions {
    static let valued: Set<String> = ["--as-at", "--policy", "--format"]
    static let flags: Set<String> = ["--explain", "--help"]

    let asAt: CalendarDate
    let policyFile: String?
    let json: Bool
    let explain: Bool

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        if let date = try arguments.date("--as-at") { asAt = date } else { asAt = try builtInExampleDate() }
        policyFile = arguments["--policy"]
        let format = arguments["--format"] ?? "table"
        guard format == "table" || format == "json" else { throw .usage("--format: '\(format)' is not table or json") }
        json = format == "json"
        explain = arguments.has("--explain")
    }

    func calculate(_ calculation: any BudgetCalculation, blame: String?) throws(CommandLineError) -> BudgetResult {
        let policy = try loadPolicy(policyFile)
        do {
            return try calculation.calculate(in: try CalculationContext(asAt: asAt, policy: policy))
        } catch {
            throw .input(InputError(error, file: error.isAboutParameters ? policyFile ?? "the embedded example policy" : blame))
        }
    }
}

/// `budget-calc calibrate`: a RAS price per point from a cohort of points and actual costs, and an envelope.
struct CalibrateCommand: Command {
    static let name = "calibrate"
    static let summary = "calibrate a RAS price per point from a cohort file (points, actual annual cost) and an envelope"
    static let valued = TopDownOptions.valued.union(["--envelope", "--reserve"])
    static let flags = TopDownOptions.flags
    static let help = """
    Usage: budget-calc calibrate COHORT.csv --envelope AMOUNT [--reserve PERCENT] [--as-at DATE] [--policy FILE] [--format table|json]

    Reads a CSV with a header and the columns points and actualAnnual (one row a
    person; other columns are ignored) and works out the price per point that
    spends the envelope less the reserve, rounded down to the penny, the cohort
    total it would allocate, the headroom, and a least-squares fit of cost on
    points (docs/rules.md §4).

    Example:
      budget-calc calibrate ras-cohort.csv --envelope 1000000 --reserve 5
    """

    let file: String
    let envelope: Rational
    let reserve: Rational
    let options: TopDownOptions

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        guard arguments.positionals.count == 1, let file = arguments.positionals.first else { throw .usage("give one cohort file") }
        self.file = file
        guard let text = arguments["--envelope"], let envelope = CohortCSV.decimal(text) else {
            throw .usage("calibrate needs --envelope AMOUNT (such as 1000000 or £1,000,000)")
        }
        self.envelope = envelope
        reserve = try arguments["--reserve"].map { (text: String) throws(CommandLineError) in
            guard let value = Rational(decimalText: text) else { throw .usage("--reserve: '\(text.safeForDisplay(limit: 40))' is not a number") }
            return value
        } ?? .zero
        options = try TopDownOptions(arguments)
    }

    func run() throws(CommandLineError) -> Int32 {
        var parser = CSVParser()
        var records: [CSVRecord] = []
        Array(try readText(file).utf8).withUnsafeBufferPointer { parser.parse($0) { records.append($0) } }
        parser.finish { records.append($0) }
        guard let header = records.first else { throw .invalid("\(file): the file is empty (it needs a header: points,actualAnnual)") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let points = names.firstIndex(of: "points"), let actual = names.firstIndex(of: "actualAnnual") else {
            throw .invalid("\(file): the header needs the columns points and actualAnnual")
        }
        var cohort: [(points: Rational, actualAnnual: Rational)] = []
        for record in records.dropFirst() {
            guard let p = CohortCSV.decimal(record.field(points)), let a = CohortCSV.decimal(record.field(actual)) else {
                throw .invalid("\(file): row \(record.line): points and actualAnnual must be numbers")
            }
            cohort.append((p, a))
        }
        writeResult(try options.calculate(RASCalibration(cohort: cohort, envelope: envelope, reservePercent: reserve), blame: file),
                    json: options.json, explain: options.explain)
        return 0
    }
}

/// `budget-calc review`: a plan against a top-down indicative figure.
struct ReviewCommand: Command {
    static let name = "review"
    static let summary = "review a plan (a case file) against a top-down figure: variance, tolerance, approval route"
    static let valued = TopDownOptions.valued.union(["--indicative", "--indicative-annual"])
    static let flags = TopDownOptions.flags
    static let help = """
    Usage: budget-calc review PLAN_CASE.json (--indicative CASE.json | --indicative-annual AMOUNT) [--as-at DATE] [--policy FILE]

    Compares the plan's annual total (a case file, usually bottom-up) with the
    indicative figure (another case file, such as a RAS or cluster case, or an
    annual amount): the variance in £ and %, whether it is within the policy's
    tolerance, and who approves the plan (docs/rules.md §5).

    Example:
      budget-calc review Fixtures/bottom-up/01-spec-worked-example.json --indicative Fixtures/top-down/t03-ras-price-per-point.json
    """

    let planFile: String
    let indicativeFile: String?
    let indicativeAnnual: Rational?
    let options: TopDownOptions

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        guard arguments.positionals.count == 1, let file = arguments.positionals.first else { throw .usage("give the plan's case file") }
        planFile = file
        indicativeFile = arguments["--indicative"]
        indicativeAnnual = try arguments["--indicative-annual"].map { (text: String) throws(CommandLineError) in
            guard let value = CohortCSV.decimal(text) else { throw .usage("--indicative-annual: '\(text.safeForDisplay(limit: 40))' is not an amount") }
            return value
        }
        guard (indicativeFile == nil) != (indicativeAnnual == nil) else {
            throw .usage("give --indicative CASE.json or --indicative-annual AMOUNT (one of them)")
        }
        options = try TopDownOptions(arguments)
    }

    func run() throws(CommandLineError) -> Int32 {
        let plan = try LoadedCase(caseFile: planFile, policyFile: nil, asAt: nil).budgetCase.calculation
        let indicative: BudgetReview.Figure
        if let indicativeFile {
            indicative = .calculated(try LoadedCase(caseFile: indicativeFile, policyFile: nil, asAt: nil).budgetCase.calculation)
        } else {
            indicative = .annual(indicativeAnnual ?? .zero)
        }
        writeResult(try options.calculate(BudgetReview(indicative: indicative, plan: .calculated(plan)), blame: planFile),
                    json: options.json, explain: options.explain)
        return 0
    }
}
