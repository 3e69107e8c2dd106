/// A short list that holds its first element in place and the rest in an
/// array: a list of one (a result's one figure, its one warning) allocates
/// nothing, where an array of one was an allocation of its own.
///
/// There are elements after the first only when there is a first, so one list
/// of elements has one form, and the synthesized equality is the elements'.
struct InlineList<Element> {
    /// The first element, if any.
    private var head: Element?
    /// The elements after the first.
    private var tail: [Element] = []

    /// An empty list.
    init() {}

    /// A list of `elements`, in order.
    init(_ elements: [Element]) {
        head = elements.first
        tail = elements.count > 1 ? Array(elements.dropFirst()) : []
    }

    /// Appends `element`.
    mutating func append(_ element: consuming Element) {
        if head == nil { head = consume element } else { tail.append(element) }
    }

    /// Appends `elements`, in order.
    mutating func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// The elements as an array.
    var array: [Element] {
        guard let head else { return [] }
        return tail.isEmpty ? [head] : [head] + tail
    }

    /// Changes each element in place, in order.
    mutating func updateEach(_ body: (inout Element) -> Void) {
        if var first = head.take() {
            body(&first)
            head = consume first
        }
        for i in tail.indices { body(&tail[i]) }
    }
}

extension InlineList: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { head == nil ? 0 : 1 + tail.count }

    /// The element at `position`, which must be a valid index (as for an array).
    subscript(position: Int) -> Element {
        if position == 0, let head { return head }
        return tail[position - 1]
    }
}

extension InlineList: Sendable where Element: Sendable {}
extension InlineList: Equatable where Element: Equatable {}
extension InlineList: Hashable where Element: Hashable {}
