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

    init(uses: [[ParameterUse]], texts: [String], quantities: [Quantity?], constantLines: [RecordedLinesBox]) {
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
