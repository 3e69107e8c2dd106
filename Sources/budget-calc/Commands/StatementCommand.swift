import PHBCodec
import PHBEngine

/// `budget-calc statement`: the budget holder's statement, as an HTML page and Markdown.
struct StatementCommand: Command {
    static let name = "statement"
    static let summary = "write the budget holder's plain-English statement (HTML page and Markdown)"
    static let valued: Set<String> = ["--policy", "--as-at", "--out", "--markdown"]
    static let flags: Set<String> = ["--help"]
    static let help = """
    Usage: budget-calc statement [CASE_FILE] [--policy FILE] [--as-at YYYY-MM-DD] [--out FILE.html] [--markdown FILE.md]

    Writes the statement a budget holder is given: how much, what for, how each
    line was worked out (in words a person can check with a calculator), the date
    and the rules used, and what happens if needs change. The HTML page has no
    scripts, reads well with a screen reader and prints on A4; the Markdown has the
    same content. With no CASE_FILE, the built-in example.

    Options:
      --out FILE           the HTML page (default: statement.html)
      --markdown FILE      also write the statement as Markdown
      --policy FILE        use this policy instead of the case's
      --as-at DATE         calculate as at this date instead of the case's date
      -h, --help           show this help

    Example:
      budget-calc statement Fixtures/bottom-up/01-spec-worked-example.json --out statement.html --markdown statement.md
    """

    let caseFile: String?
    let policyFile: String?
    let asAt: CalendarDate?
    let out: String
    let markdown: String?

    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        guard arguments.positionals.count <= 1 else { throw .usage("give one case file") }
        caseFile = arguments.positionals.first
        policyFile = arguments["--policy"]
        asAt = try arguments.date("--as-at")
        out = arguments["--out"] ?? "statement.html"
        markdown = arguments["--markdown"]
        try AtomicOutputFile.checkOutputs([("--out", out)] + (markdown.map { [("--markdown", $0)] } ?? []), inputs: [])
    }

    func run() throws(CommandLineError) -> Int32 {
        let loaded = try LoadedCase(caseFile: caseFile, policyFile: policyFile, asAt: asAt)
        let result = try loaded.result(loaded.outcome(strictDates: false))
        let inputs = [caseFile, loaded.policyPath].compactMap { $0 }
        let page = try AtomicOutputFile(out, inputs: inputs)
        try page.write(StatementRenderer.html(result))
        let text = try markdown.map { (path: String) throws(CommandLineError) in try AtomicOutputFile(path, inputs: inputs) }
        try text?.write(StatementRenderer.markdown(result))
        try page.commit()
        try text?.commit()
        writeOut("Statement written to \(out)" + (markdown.map { " and \($0)" } ?? "") + "\n")
        return 0
    }
}
