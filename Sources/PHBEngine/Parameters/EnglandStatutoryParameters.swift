/// The England statutory values for 2024/25, 2025/26 and 2026/27, embedded so
/// that a calculation needs no file. Each value cites its source.
///
/// Wage rates change on 1 April; tax-year items (NI, Employment Allowance,
/// auto-enrolment, SSP) on 6 April. Before the first date a lookup is an error.
public enum EnglandStatutoryParameters {
    private static let wages = "GOV.UK, National Minimum Wage and National Living Wage rates (gov.uk/national-minimum-wage-rates)"
    private static func employers(_ first: Int) -> String {
        "HMRC, Rates and thresholds for employers \(first) to \(first + 1)"
            + " (gov.uk/guidance/rates-and-thresholds-for-employers-\(first)-to-\(first + 1))"
    }
    private static let allowance = "HMRC, Employment Allowance (gov.uk/claim-employment-allowance)"
    private static let pension = "DWP, automatic enrolment earnings trigger and qualifying earnings band review (£10,000 trigger = £192 a week; £6,240–£50,270 = £120–£967 a week); The Pensions Regulator"
    private static let pensionRate = "The Pensions Regulator, automatic enrolment minimum contributions (employer 3%)"
    private static let ssp = "GOV.UK, Statutory Sick Pay (gov.uk/statutory-sick-pay)"
    private static let holiday = "GOV.UK, Holiday entitlement (gov.uk/holiday-entitlement-rights): 5.6 weeks"

    private typealias Row = (key: ParameterKey, values: [(from: String, value: String, source: String)])

    private static let rows: [Row] = [
        (.nationalLivingWage, [
            ("2024-04-01", "11.44", wages), ("2025-04-01", "12.21", wages), ("2026-04-01", "12.71", wages)]),
        (.minimumWage18to20, [
            ("2024-04-01", "8.60", wages), ("2025-04-01", "10.00", wages), ("2026-04-01", "10.85", wages)]),
        (.minimumWageUnder18, [
            ("2024-04-01", "6.40", wages), ("2025-04-01", "7.55", wages), ("2026-04-01", "8.00", wages)]),
        (.employerNIRate, [
            ("2024-04-06", "13.8", employers(2024)), ("2025-04-06", "15", employers(2025)),
            ("2026-04-06", "15", employers(2026))]),
        (.niSecondaryThreshold, [
            ("2024-04-06", "175", employers(2024)), ("2025-04-06", "96", employers(2025)),
            ("2026-04-06", "96", employers(2026))]),
        (.employmentAllowance, [
            ("2024-04-06", "5000", allowance), ("2025-04-06", "10500", allowance), ("2026-04-06", "10500", allowance)]),
        (.pensionTrigger, [
            ("2024-04-06", "192", pension), ("2025-04-06", "192", pension), ("2026-04-06", "192", pension)]),
        (.pensionLowerLimit, [
            ("2024-04-06", "120", pension), ("2025-04-06", "120", pension), ("2026-04-06", "120", pension)]),
        (.pensionUpperLimit, [
            ("2024-04-06", "967", pension), ("2025-04-06", "967", pension), ("2026-04-06", "967", pension)]),
        (.pensionEmployerRate, [
            ("2024-04-06", "3", pensionRate), ("2025-04-06", "3", pensionRate), ("2026-04-06", "3", pensionRate)]),
        (.statutorySickPay, [
            ("2024-04-06", "116.75", ssp), ("2025-04-06", "118.75", ssp), ("2026-04-06", "123.25", ssp)]),
        (.statutoryHolidayWeeks, [
            ("2024-04-01", "5.6", holiday), ("2025-04-01", "5.6", holiday), ("2026-04-01", "5.6", holiday)]),
    ]

    /// The embedded statutory parameter set.
    public static let parameters: ParameterSet = {
        var set = ParameterSet()
        for row in rows {
            let values = row.values.compactMap { v -> DatedValue? in
                guard let date = CalendarDate(iso: v.from), let number = Rational(decimalText: v.value) else { return nil }
                return DatedValue(from: date, value: .number(number), source: v.source)
            }
            // The table above is fixed and ordered; a bad row would be dropped and
            // caught by the statutory-values tests, never trap here.
            if values.count == row.values.count, let history = try? ParameterHistory(key: row.key, values: values) {
                set.set(history)
            }
        }
        return set
    }()
}
