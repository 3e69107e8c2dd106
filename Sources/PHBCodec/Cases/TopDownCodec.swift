import PHBEngine

/// Reads the inputs of the top-down calculators and the review from a case file's `input`.
enum TopDownCodec {
    static func ras(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["answers", "points", "informalSupport", "additions"])
        var answers: [String: String] = [:]
        for (question, answer) in try input.member("answers")?.members() ?? [] { answers[question] = try answer.string() }
        let additions: [(description: String, annual: Rational)] = try input.member("additions")?.array().map { (a: JSONField) throws(InputError) in
            try a.checkKeys(["description", "annual"])
            return (description: try a.required("description").string(), annual: try a.required("annual").amount(places: 2))
        } ?? []
        return RASAssessment(answers: answers, points: try input.member("points")?.decimal(),
                             informalSupport: try input.member("informalSupport")?.bool() ?? false, additions: additions)
    }

    static func calibration(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["cohort", "envelope", "reservePercent"])
        let cohort = try input.required("cohort").array().map { (p: JSONField) throws(InputError) in
            try p.checkKeys(["points", "actualAnnual"])
            return (points: try p.required("points").decimal(), actualAnnual: try p.required("actualAnnual").amount(places: 2))
        }
        return RASCalibration(cohort: cohort, envelope: try input.required("envelope").amount(places: 2),
                              reservePercent: try input.member("reservePercent")?.decimal() ?? .zero)
    }

    static func cluster(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["cluster", "planAnnual"])
        return MentalHealthClusterAllocation(cluster: try input.required("cluster").integer(),
                                             planAnnual: try input.member("planAnnual")?.amount(places: 2))
    }

    static func dst(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["domains"])
        let domains = try input.required("domains").members()
        // A name that is no domain is the first error: the first such name in order.
        if let unknown = domains.map(\.key).sorted().first(where: { DSTDomain(rawValue: $0) == nil }) {
            throw InputError(DSTDomain.notADomain(unknown))
        }
        var levels: [DSTDomain: DSTLevel] = [:]
        for (name, field) in domains {
            guard let domain = DSTDomain(rawValue: name) else { continue }
            let text = try field.string()
            guard let level = DSTLevel(rawValue: text) else { throw InputError(domain.notALevel(text)) }
            levels[domain] = level
        }
        return DSTBanding(levels: levels)
    }

    static func oneOff(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["purpose", "amount", "description"])
        return OneOffBudget(purpose: try input.required("purpose").string(), amount: try input.required("amount").amount(places: 2),
                            description: try input.member("description")?.string())
    }

    static func review(_ input: JSONField) throws(InputError) -> any BudgetCalculation {
        try input.checkKeys(["indicative", "indicativeAnnual", "plan", "planAnnual"])
        func figure(_ nested: String, _ annual: String) throws(InputError) -> BudgetReview.Figure {
            if let calculation = input.member(nested) {
                try calculation.checkKeys(["calculator", "input"])
                let nameField = try calculation.required("calculator")
                let name = try nameField.string()
                guard name != "review", let decode = BudgetCase.calculators[name] else {
                    throw nameField.fail("'\(name)' cannot be used here")
                }
                return .calculated(try decode(try calculation.required("input")))
            }
            guard let amount = input.member(annual) else {
                throw InputError(field: "\(input.path).\(nested)", message: "give \(nested) (a calculation) or \(annual)",
                                 code: "missingInput")
            }
            return .annual(try amount.amount(places: 2))
        }
        return BudgetReview(indicative: try figure("indicative", "indicativeAnnual"), plan: try figure("plan", "planAnnual"))
    }
}
