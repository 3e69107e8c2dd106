import PHBEngine

/// Reads the policy's tables (docs/rules.md §2) from JSON; see `Fixtures/example-policy.json`.
enum PolicyTableCodec {
    static func decode(_ field: JSONField, shape: String) throws(InputError) -> PolicyTable {
        switch shape {
        case "questionnaire": return .rasQuestionnaire(try questionnaire(field))
        case "points bands": return .rasBands(try bands(field, amountKey: "annual"))
        case "cluster costs": return .clusterCosts(try clusterCosts(field))
        case "DST scoring": return .dstScoring(try dstScoring(field))
        case "one-off purposes":
            var seen = Set<String>()
            return .oneOffPurposes(try field.array().map { (f: JSONField) throws(InputError) in
                try f.checkKeys(["purpose", "upTo"])
                let purpose = try f.required("purpose").string()
                guard seen.insert(purpose).inserted else { throw f.fail("purpose '\(purpose.safeForDisplay(limit: 40))' is given twice") }
                return OneOffPurpose(purpose: purpose, upTo: try f.required("upTo").nonNegative())
            })
        default:
            let items = try field.array()
            let tiers = try items.map { (f: JSONField) throws(InputError) in
                try f.checkKeys(["upTo", "authoriser"])
                return AuthorisationTier(upTo: try f.member("upTo")?.nonNegative(), authoriser: try f.required("authoriser").string())
            }
            // Tiers are tried in order: a catch-all (no upTo) may only come last.
            for (i, tier) in tiers.enumerated() where tier.upTo == nil && i != tiers.count - 1 {
                throw items[i].fail("the tier without 'upTo' takes every amount, so it must be the last tier")
            }
            try increasing(tiers.compactMap(\.upTo), field, what: "upTo limits")
            return .authorisationTiers(tiers)
        }
    }

    static func questionnaire(_ field: JSONField) throws(InputError) -> RASQuestionnaire {
        try field.checkKeys(["domains"])
        var seen = Set<String>()
        let domains = try field.required("domains").array().map { (d: JSONField) throws(InputError) in
            try d.checkKeys(["name", "weight", "questions"])
            let questions = try d.required("questions").array().map { (q: JSONField) throws(InputError) in
                try q.checkKeys(["id", "text", "answers"])
                let id = try q.required("id").string()
                guard seen.insert(id).inserted else { throw q.fail("question id '\(id)' is used twice") }
                var answers: [String: Rational] = [:]
                for (answer, points) in try q.required("answers").members() { answers[answer] = try points.nonNegative() }
                return RASQuestionnaire.Question(id: id, text: try q.member("text")?.string() ?? id, answers: answers)
            }
            return RASQuestionnaire.Domain(name: try d.required("name").string(),
                                           weight: try d.member("weight")?.nonNegative() ?? .one, questions: questions)
        }
        return RASQuestionnaire(domains: domains)
    }

    static func bands(_ field: JSONField, amountKey: String) throws(InputError) -> [AmountBand] {
        let bands = try field.array().map { (b: JSONField) throws(InputError) in
            try b.checkKeys(["from", amountKey, "name"])
            return AmountBand(from: try b.required("from").nonNegative(), amount: try b.required(amountKey).nonNegative(),
                              name: try b.member("name")?.string())
        }
        try increasing(bands.map(\.from), field, what: "band starts")
        return bands
    }

    static func clusterCosts(_ field: JSONField) throws(InputError) -> [ClusterCost] {
        var seen = Set<Int>()
        return try field.array().map { (c: JSONField) throws(InputError) in
            try c.checkKeys(["cluster", "annualCost", "crisisPercent", "inpatientPercent"])
            let cluster = try c.required("cluster").integer()
            guard MentalHealthClusterAllocation.reviewPeriodWeeks(cluster: cluster) != nil else {
                throw c.fail("cluster \(cluster) is not a care cluster in use (0–21, not 9)")
            }
            guard seen.insert(cluster).inserted else { throw c.fail("cluster \(cluster) is given twice") }
            let cost = ClusterCost(cluster: cluster, annualCost: try c.required("annualCost").nonNegative(),
                                   crisisPercent: try c.required("crisisPercent").nonNegative(),
                                   inpatientPercent: try c.required("inpatientPercent").nonNegative())
            guard !(Rational(100) < cost.crisisPercent + cost.inpatientPercent) else {
                throw c.fail("crisis and inpatient shares add to more than 100%")
            }
            return cost
        }
    }

    static func dstScoring(_ field: JSONField) throws(InputError) -> DSTScoring {
        try field.checkKeys(["levelPoints", "domainWeights", "bands"])
        var points: [DSTLevel: Rational] = [:]
        for (name, value) in try field.required("levelPoints").members(allowing: Set(DSTLevel.allCases.map(\.rawValue))) {
            if let level = DSTLevel(rawValue: name) { points[level] = try value.nonNegative() }
        }
        var weights: [DSTDomain: Rational] = [:]
        for (name, value) in try field.member("domainWeights")?.members(allowing: Set(DSTDomain.allCases.map(\.rawValue))) ?? [] {
            if let domain = DSTDomain(rawValue: name) { weights[domain] = try value.nonNegative() }
        }
        return DSTScoring(levelPoints: points, domainWeights: weights,
                          bands: try bands(try field.required("bands"), amountKey: "weeklyRate"))
    }

    static func increasing(_ values: [Rational], _ field: JSONField, what: String) throws(InputError) {
        for (a, b) in zip(values, values.dropFirst()) where !(a < b) {
            throw field.fail("\(what) must increase (\(a.decimalText()) then \(b.decimalText()))")
        }
    }
}

extension JSONField {
    /// An exact decimal that must not be negative.
    func nonNegative() throws(InputError) -> Rational {
        let d = try decimal()
        guard !d.isNegative else { throw fail("must not be negative") }
        return d
    }
}
