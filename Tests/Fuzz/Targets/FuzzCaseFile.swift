// libFuzzer target: JSON, case files and policy files, then the calculation. Built by Tests/Fuzz/run-fuzzers.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseFile(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? JSONValue.parse(text)
    _ = try? PolicyCodec.decode(text, file: "fuzz.json")
    if let budgetCase = try? BudgetCase.decode(text, file: "fuzz.json"), let policy = try? ExamplePolicy.policy() {
        if case .success(let result) = Result(catching: { () throws(BudgetError) in try budgetCase.calculate(policy: policy) }) {
            _ = ResultCodec.json(result).text()
            _ = TableRenderer.render(result)
        }
    }
    return 0
}
