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
