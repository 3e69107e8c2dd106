/// What a snapshot makes once for the lines of many breakdowns, that their
/// records and workings refer to by place: lists of parameter uses, words,
/// named values and lines worked out before.
///
/// A record that refers to its list or words by place costs no reference
/// count, where a list or words held by each record cost one when the line
/// was written and one when it was freed.
final class SharedLineParts: Sendable {
    /// Lists of parameter uses, each at its place (``LineUses/shared(_:)``).
    let uses: [[ParameterUse]]
    /// Words, each at its place (``LineText/shared(_:)``).
    let texts: [String]
    /// Named values a working shows, each at its place (``FormulaNode/sharedQuantity(_:)``): a care line's rate in
    /// each band (`nil` for a rate that did not resolve, which no working shows).
    let quantities: [Quantity?]
    /// Lines worked out before, that a breakdown's lines are copied from (``LineRecord/Constant/shared(_:)``): a
    /// snapshot's employment costs and fees.
    let constantLines: [RecordedLinesBox]

    init(uses: [[ParameterUse]], texts: [String], quantities: [Quantity?] = [], constantLines: [RecordedLinesBox] = []) {
        self.uses = uses
        self.texts = texts
        self.quantities = quantities
        self.constantLines = constantLines
    }
}

/// The parameter uses a line lists, as a ``BreakdownBuilder`` is given them: a
/// list of the line's own, or the place of a list in the builder's
/// ``SharedLineParts``.
enum LineUses: ExpressibleByArrayLiteral, Sendable {
    /// A list of the line's own.
    case own([ParameterUse])
    /// The list at this place of the builder's shared lists.
    case shared(Int32)

    init(arrayLiteral uses: ParameterUse...) { self = .own(uses) }
}

/// A line's key or description as its record holds it: a code, with no
/// reference count, whose words are made when the line is read.
enum LineText: Sendable {
    /// No words of its own: a line copied from one worked out before reads that line's.
    case none
    /// The words at this place of the breakdown's own (``RecordedLines/own``).
    case own(Int32)
    /// The words at this place of the breakdown's table (``RecordedLines/held``).
    case held(Int32)
    /// The words at this place of the builder's ``SharedLineParts`` (a care line's band).
    case shared(Int32)
    /// Words of a bottom-up breakdown that every breakdown shares.
    case bottomUp(BottomUpText)
}

/// A line's key or description as a calculator gives it to a
/// ``BreakdownBuilder``: words, which the builder holds, or a code.
enum LineWords: ExpressibleByStringInterpolation, Sendable {
    /// Words of the line's own.
    case words(String)
    /// A code the record holds as it is.
    case code(LineText)

    init(stringLiteral value: String) { self = .words(value) }

    init(stringInterpolation: DefaultStringInterpolation) { self = .words(String(stringInterpolation: stringInterpolation)) }

    /// The words, for an error message (a key is words or a bottom-up code).
    var text: String {
        switch self {
        case .words(let words): words
        case .code(.bottomUp(let text)): text.words
        case .code: "line"
        }
    }
}

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
