/// A thing a reader of a result should notice, held as what it says: its
/// words are made when they are read (``BudgetResult/warnings``), so a
/// breakdown that is only summed builds no text for it.
enum ResultWarning: Sendable {
    /// Words already made.
    case words(String)
    /// Employer NI of `annualBefore` a year, before the Employment Allowance, is wholly covered by it.
    case employerNICoveredByAllowance(annualBefore: Rational)

    /// The warning in words.
    var words: String {
        switch self {
        case .words(let words): words
        case .employerNICoveredByAllowance(let annual):
            "Employer NI of \(annual.poundsText) a year is wholly covered by the Employment Allowance."
        }
    }
}

extension ResultWarning: Hashable {
    /// Warnings are equal when their words are, however each is held.
    static func == (a: ResultWarning, b: ResultWarning) -> Bool { a.words == b.words }

    func hash(into hasher: inout Hasher) { hasher.combine(words) }
}
