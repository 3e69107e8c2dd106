/// The first words and lists of parameter uses a breakdown's lines give of
/// their own, held in place: a breakdown of a few lines (a top-down
/// calculator's) then allocates no table for them, and ``RecordedLines/held``
/// takes the rest.
struct OwnLineParts: Sendable {
    private var texts: (String, String, String, String) = ("", "", "", "")
    private var textCount: Int32 = 0
    private var useLists: ([ParameterUse], [ParameterUse]) = ([], [])
    private var useCount: Int32 = 0

    /// Holds `words`, returning their place; `nil` when every place is taken.
    mutating func hold(_ words: String) -> Int32? {
        switch textCount {
        case 0: texts.0 = words
        case 1: texts.1 = words
        case 2: texts.2 = words
        case 3: texts.3 = words
        default: return nil
        }
        textCount += 1
        return textCount - 1
    }

    /// Holds `uses`, returning their place; `nil` when every place is taken.
    mutating func hold(_ uses: [ParameterUse]) -> Int32? {
        switch useCount {
        case 0: useLists.0 = uses
        case 1: useLists.1 = uses
        default: return nil
        }
        useCount += 1
        return useCount - 1
    }

    /// The words at `place`.
    func text(_ place: Int32) -> String {
        switch place {
        case 0: texts.0
        case 1: texts.1
        case 2: texts.2
        default: texts.3
        }
    }

    /// The uses at `place`.
    func uses(_ place: Int32) -> [ParameterUse] { place == 0 ? useLists.0 : useLists.1 }
}
