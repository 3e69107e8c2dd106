/// Lists of parameter uses made once for many breakdowns (a snapshot's), that
/// their lines refer to by place.
///
/// A line that refers to its list by place costs no reference count, where a
/// list held by each line cost one when the line was written and one when it
/// was freed.
final class SharedParameterUses: Sendable {
    /// The lists, each at its place.
    let lists: [[ParameterUse]]

    init(_ lists: [[ParameterUse]]) { self.lists = lists }
}

/// The parameter uses a line lists, as a ``BreakdownBuilder`` is given them: a
/// list of the line's own, or the place of a list in the builder's
/// ``SharedParameterUses``.
enum LineUses: ExpressibleByArrayLiteral, Sendable {
    /// A list of the line's own.
    case own([ParameterUse])
    /// The list at this place of the builder's shared lists.
    case shared(Int32)

    init(arrayLiteral uses: ParameterUse...) { self = .own(uses) }
}
