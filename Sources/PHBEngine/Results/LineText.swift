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
