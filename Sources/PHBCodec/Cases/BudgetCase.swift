import PHBEngine

/// A case file: one person's calculation (date, policy, overrides, input) and,
/// for fixtures, what it must come to.
///
/// ```json
/// { "name": "…", "asAt": "2025-06-01", "policy": "example",
///   "overrides": { "employerNI.ratePercent": "13.8" },
///   "calculator": "bottomUp", "input": { … },
///   "expected": { "lines": { … }, "totals": { … }, "figures": { … } } }
/// ```
public struct BudgetCase: Sendable {
    /// A short name.
    public var name: String
    /// What the case shows, and how it was checked.
    public var description: String?
    /// The calculation date.
    public var asAt: CalendarDate
    /// Which policy to use.
    public var policy: PolicyReference
    /// Values the case sets for itself.
    public var overrides: [ParameterKey: ParameterValue]
    /// The calculator with its input.
    public var calculation: any BudgetCalculation
    /// What the result must be, for fixtures.
    public var expectation: CaseExpectation?

    public init(name: String, description: String? = nil, asAt: CalendarDate, policy: PolicyReference = .example,
                overrides: [ParameterKey: ParameterValue] = [:], calculation: any BudgetCalculation,
                expectation: CaseExpectation? = nil) {
        self.name = name
        self.description = description
        self.asAt = asAt
        self.policy = policy
        self.overrides = overrides
        self.calculation = calculation
        self.expectation = expectation
    }

    /// Decodes a case from JSON text; `file` names it in errors.
    public static func decode(_ text: String, file: String) throws(InputError) -> BudgetCase {
        do {
            return try decode(JSONField(try parseJSON(text)))
        } catch {
            throw error.inFile(file)
        }
    }

    static func decode(_ root: JSONField) throws(InputError) -> BudgetCase {
        try root.checkKeys(["name", "description", "checkedByHand", "asAt", "policy", "overrides", "calculator",
                            "input", "expected", "expectedError"])
        let calculatorField = try root.required("calculator")
        let calculatorName = try calculatorField.string()
        guard let decodeInput = calculators[calculatorName] else {
            throw calculatorField.fail(
                "unknown calculator '\(calculatorName)' (known: \(calculators.keys.sorted().joined(separator: ", ")))")
        }
        var expectation: CaseExpectation?
        if let expected = root.member("expected") {
            expectation = .result(try ExpectedResult.decode(expected))
        } else if let expectedError = root.member("expectedError") {
            try expectedError.checkKeys(["code", "field"])
            expectation = .error(code: try expectedError.required("code").string(),
                                 field: try expectedError.member("field")?.string())
        }
        let policy: PolicyReference
        switch try root.member("policy")?.string() {
        case nil, "example": policy = .example
        case let path?: policy = .file(path)
        }
        return BudgetCase(
            name: try root.required("name").string(),
            description: try root.member("description")?.string(),
            asAt: try root.required("asAt").date(),
            policy: policy,
            overrides: try root.member("overrides").map { (f: JSONField) throws(InputError) in try PolicyCodec.overrides(f) } ?? [:],
            calculation: try decodeInput(try root.required("input")),
            expectation: expectation)
    }

    /// The input decoders by calculator name.
    static let calculators: [String: @Sendable (JSONField) throws(InputError) -> any BudgetCalculation] = [
        "bottomUp": { (input: JSONField) throws(InputError) in try BottomUpCodec.decode(input) },
        "ras": TopDownCodec.ras,
        "rasCalibration": TopDownCodec.calibration,
        "mentalHealthCluster": TopDownCodec.cluster,
        "chcDST": TopDownCodec.dst,
        "oneOff": TopDownCodec.oneOff,
        "review": TopDownCodec.review,
        "blockContractRelease": FinanceCodec.blockRelease,
        "groupContactPricing": FinanceCodec.groupContacts,
        "packageSavings": FinanceCodec.savings,
        "trajectory": FinanceCodec.trajectory,
        "directPaymentHeadroom": FinanceCodec.headroom,
        "jointFunding": FinanceCodec.joint,
        "paymentSchedule": FinanceCodec.schedule,
        "rateAndWage": FinanceCodec.rateAndWage,
    ]

    /// Runs the case against `policy`; with `strictDates`, a value used after
    /// the last day it is known to hold is an error instead of a warning.
    public func calculate(policy: LocalPolicy, strictDates: Bool = false) throws(BudgetError) -> BudgetResult {
        var context = try CalculationContext(asAt: asAt, policy: policy, overrides: overrides)
        context.strictDates = strictDates
        return try calculation.calculate(in: context)
    }
}

/// Which policy a case uses.
public enum PolicyReference: Sendable, Hashable {
    /// The embedded illustrative example policy.
    case example
    /// A policy file, relative to the case file.
    case file(String)
}
