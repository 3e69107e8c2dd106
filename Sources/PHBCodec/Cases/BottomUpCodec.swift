import PHBEngine

/// Reads a bottom-up plan (docs/rules.md §3) from a case file's `input`.
enum BottomUpCodec {
    static func decode(_ input: JSONField) throws(InputError) -> BottomUpPlan {
        try input.checkKeys(["deployment", "personalAssistants", "paShares", "care", "sleepIns", "otherItems"])
        var plan = BottomUpPlan()
        plan.deployment = try input.member("deployment")?.word(Deployment.self)
        if let shares = input.member("paShares") {
            plan.paShares = try shares.array().map { (f: JSONField) throws(InputError) in try f.decimal() }
        }
        plan.personalAssistants = try input.member("personalAssistants")?.integer() ?? plan.paShares?.count ?? 1
        for line in try input.member("care")?.array() ?? [] {
            try line.checkKeys(["id", "hoursPerWeek", "staffRatio", "provider", "band", "hourlyRate", "deployment", "description"])
            plan.care.append(CareLine(
                hoursPerWeek: try line.required("hoursPerWeek").decimal(),
                staffRatio: try line.member("staffRatio")?.integer() ?? 1,
                provider: try line.required("provider").word(Provider.self),
                band: try line.required("band").string(),
                hourlyRate: try line.member("hourlyRate")?.amount(places: 4),
                deployment: try line.member("deployment")?.word(Deployment.self),
                description: try line.member("description")?.string(),
                id: try line.member("id")?.string()))
        }
        for line in try input.member("sleepIns")?.array() ?? [] {
            try line.checkKeys(["id", "nightsPerWeek", "provider", "nightRate", "deployment"])
            plan.sleepIns.append(SleepInLine(
                nightsPerWeek: try line.required("nightsPerWeek").decimal(),
                provider: try line.member("provider")?.word(Provider.self) ?? .personalAssistant,
                nightRate: try line.member("nightRate")?.amount(places: 4),
                deployment: try line.member("deployment")?.word(Deployment.self),
                id: try line.member("id")?.string()))
        }
        for item in try input.member("otherItems")?.array() ?? [] {
            try item.checkKeys(["id", "description", "amount", "period", "quantity", "deployment"])
            plan.otherItems.append(OtherItem(
                description: try item.required("description").string(),
                amount: try item.required("amount").amount(places: 2),
                period: try item.required("period").word(ItemPeriod.self),
                quantity: try item.member("quantity")?.decimal() ?? .one,
                deployment: try item.member("deployment")?.word(Deployment.self),
                id: try item.member("id")?.string()))
        }
        return plan
    }
}

extension JSONField {
    /// An amount of money or a rate with at most `places` decimal places.
    func amount(places: Int) throws(InputError) -> Rational {
        let d = try decimal()
        guard let p = d.decimalPlaces, p <= places else {
            throw fail("'\(d.decimalText(maxPlaces: 12))' has more than \(places) decimal places")
        }
        return d
    }
}
