import PHBEngine

/// Reads the inputs of the commissioner-finance calculators from a case file's `input`.
enum FinanceCodec {
    static func blockRelease(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["contractValue", "firstYearGuaranteedPercent", "stepPercent"])
        return BlockContractRelease(contractValue: try input.required("contractValue").amount(places: 2),
                                    firstYearGuaranteedPercent: try input.member("firstYearGuaranteedPercent")?.decimal() ?? Rational(80),
                                    stepPercent: try input.member("stepPercent")?.decimal() ?? Rational(20))
    }

    static func groupContacts(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["contractTotal", "oneToOneContacts", "groupContacts", "groupSharePercent"])
        return GroupContactPricing(contractTotal: try input.required("contractTotal").amount(places: 2),
                                   oneToOneContacts: try input.required("oneToOneContacts").integer(),
                                   groupContacts: try input.required("groupContacts").integer(),
                                   groupSharePercent: try input.member("groupSharePercent")?.decimal() ?? Rational(25))
    }

    static func savings(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["packagesCost", "grossSaving", "administration"])
        return PackageSavings(packagesCost: try input.required("packagesCost").amount(places: 2),
                              grossSaving: try input.required("grossSaving").amount(places: 2),
                              administration: try input.required("administration").amount(places: 2))
    }

    static func trajectory(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["areas", "ratesPercent"])
        let areas = try input.required("areas").array().map { (a: JSONField) throws(InputError) -> (name: String, population: Int) in
            try a.checkKeys(["name", "population"])
            return (name: try a.required("name").string(), population: try a.required("population").integer())
        }
        let rates = try input.required("ratesPercent").array().map { (r: JSONField) throws(InputError) in try r.decimal() }
        return PHBTrajectory(areas: areas, ratesPercent: rates)
    }

    /// A fraction written `2/3` or as a decimal.
    static func fraction(_ field: JSONField) throws(InputError) -> Rational {
        if case .string(let text) = field.value, let slash = text.firstIndex(of: "/") {
            guard let n = Rational(decimalText: String(text[..<slash])), let d = Rational(decimalText: String(text[text.index(after: slash)...])),
                  !d.isZero else { throw field.fail("'\(text.safeForDisplay(limit: 40))' is not a fraction such as 2/3") }
            return n / d
        }
        return try field.decimal()
    }

    static func headroom(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["contractValue", "freedPercent", "costPerPayment", "notionalShare"])
        return DirectPaymentHeadroom(contractValue: try input.required("contractValue").amount(places: 2),
                                     freedPercent: try input.member("freedPercent")?.decimal() ?? .one,
                                     costPerPayment: try input.required("costPerPayment").amount(places: 2),
                                     notionalShare: try input.member("notionalShare").map(fraction) ?? .zero)
    }
}

extension FinanceCodec {
    /// Shares by funder: `{ "health": 50, "socialCare": 30, "education": 20 }`.
    static func shares(_ field: JSONField) throws(InputError) -> [Funder: Rational] {
        var shares: [Funder: Rational] = [:]
        for (name, value) in try field.members(allowing: Set(Funder.allCases.map(\.rawValue))) {
            guard let funder = Funder(rawValue: name) else { continue }
            shares[funder] = try value.decimal()
        }
        return shares
    }

    static func joint(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["plan", "shares", "lineShares"])
        var lineShares: [String: [Funder: Rational]] = [:]
        for (key, value) in try input.member("lineShares")?.members() ?? [] { lineShares[key] = try shares(value) }
        return JointFunding(plan: try BottomUpCodec.decode(try input.required("plan")), shares: try shares(try input.required("shares")),
                            lineShares: lineShares)
    }

    static func schedule(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["plan", "frequency", "start", "end"])
        return PaymentSchedule(plan: try BottomUpCodec.decode(try input.required("plan")),
                               frequency: try input.required("frequency").word(PaymentFrequency.self),
                               start: try input.required("start").date(), end: try input.member("end")?.date())
    }

    static func rateAndWage(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["hourlyAmount", "hourlyPay", "hoursPerWeek", "personalAssistants", "deployment"])
        let question: RateAndWage.Question
        switch (input.member("hourlyAmount"), input.member("hourlyPay")) {
        case (let amount?, nil): question = .payAffordedBy(hourlyAmount: try amount.amount(places: 4))
        case (nil, let pay?): question = .amountNeededFor(hourlyPay: try pay.amount(places: 4))
        default: throw input.fail("give either hourlyAmount (the pay it affords) or hourlyPay (the amount it needs)")
        }
        return RateAndWage(question: question, hoursPerWeek: try input.required("hoursPerWeek").amount(places: 2),
                           personalAssistants: try input.member("personalAssistants")?.integer() ?? 1,
                           deployment: try input.member("deployment")?.word(Deployment.self) ?? .directPayment)
    }
}
