import PHBEngine

/// Writes plans as cohort CSV rows (docs/cohort-files.md): the inverse of
/// ``CohortCSVLayout/person(_:)``, for example cohorts and benchmarks.
public enum CohortCSVEncoder {
    /// The header, every column in order.
    public static let header = CohortColumn.allCases.map(\.rawValue).joined(separator: ",") + "\n"

    /// The rows of one person.
    public static func rows(id: String, plan: BottomUpPlan) -> String {
        var out = ""
        func row(_ cells: [CohortColumn: String]) {
            out += CohortColumn.allCases.map { CSVWriter.escape(cells[$0] ?? "") }.joined(separator: ",") + "\n"
        }
        func number(_ value: Rational) -> String { value.decimalText(maxPlaces: 12) }
        var planCells: [CohortColumn: String] = [.person: id, .line: CohortLineKind.plan.rawValue]
        planCells[.deployment] = plan.deployment?.rawValue
        if plan.personalAssistants != 1 { planCells[.personalAssistants] = String(plan.personalAssistants) }
        planCells[.paShares] = plan.paShares?.map(number).joined(separator: ":")
        row(planCells)
        for line in plan.care {
            row([.person: id, .line: CohortLineKind.care.rawValue, .hoursPerWeek: number(line.hoursPerWeek),
                 .staffRatio: line.staffRatio == 1 ? "" : String(line.staffRatio), .provider: line.provider.rawValue,
                 .band: line.band, .hourlyRate: line.hourlyRate.map(number) ?? "",
                 .deployment: line.deployment?.rawValue ?? "", .description: line.description ?? "", .id: line.id ?? ""])
        }
        for line in plan.sleepIns {
            row([.person: id, .line: CohortLineKind.sleepIn.rawValue, .nightsPerWeek: number(line.nightsPerWeek),
                 .provider: line.provider.rawValue, .nightRate: line.nightRate.map(number) ?? "",
                 .deployment: line.deployment?.rawValue ?? "", .id: line.id ?? ""])
        }
        for item in plan.otherItems {
            row([.person: id, .line: CohortLineKind.other.rawValue, .description: item.description,
                 .amount: number(item.amount), .period: item.period.rawValue,
                 .quantity: item.quantity == .one ? "" : number(item.quantity), .deployment: item.deployment?.rawValue ?? "",
                 .id: item.id ?? ""])
        }
        return out
    }
}
