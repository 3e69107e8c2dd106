/// A breakdown's line records, in order, in a block: room a calculation made
/// for them in a block it allocates anyway (an explained bottom-up
/// breakdown's held workings, ``BottomUpWorkings``), or a block of their own.
///
/// An explained bottom-up breakdown's records and held workings were two
/// blocks past the allocator's thread cache, whose slower path an allocation
/// and a free took each time; one block of both costs that path once. Every
/// record is written the one way, in place at the end of its block.
///
/// Records hold no reference (``LineRecord``), so a block needs no
/// deinitialising. Records are written only by the builder that holds them,
/// before its lines are finished and moved into a result; from then on they
/// are only read. A copy shares the block: the builder's lines are moved, never
/// copied, while they are written.
struct LineRecords: @unchecked Sendable {
    /// Where the records start (`nil` before there is room for any).
    private var start: UnsafeMutablePointer<LineRecord>?
    /// How many records there are, and room for.
    private var used = 0
    private(set) var capacity = 0
    /// The block the records are in, held so that they live as long as it does.
    private var block: AnyObject?

    /// No records, and no room for any.
    init() {}

    /// No records yet, written into `capacity` records' room at `room`, in `block` (which the records hold).
    init(room: UnsafeMutablePointer<LineRecord>, capacity: Int, in block: AnyObject) {
        (start, self.capacity, self.block) = (room, capacity, block)
    }

    /// Makes room for `count` records in all.
    mutating func reserveCapacity(_ count: Int) {
        if count > capacity { move(toRoomFor: count) }
    }

    /// Appends `record`; the first gets room for a few, when ``reserveCapacity(_:)`` made none: a block grown one
    /// by one from empty is copied at each doubling.
    @inline(__always)
    mutating func append(_ record: consuming LineRecord) {
        if used == capacity { move(toRoomFor: Swift.max(4, 2 * capacity)) }
        guard let start else { return }  // not reached: there is room now
        (start + used).initialize(to: record)
        used += 1
    }

    /// The records moved into a block of their own with room for at least `capacity`, and for as many as the
    /// block the allocator gives holds (the records are bytes: copied, and the old block left to its owner).
    private mutating func move(toRoomFor capacity: Int) {
        let owned = ManagedBuffer<Void, LineRecord>.create(minimumCapacity: capacity) { _ in }
        let room = owned.withUnsafeMutablePointerToElements { $0 }
        if let start { room.initialize(from: start, count: used) }
        (start, self.capacity, block) = (room, owned.capacity, owned)
    }

    /// Calls `body` with the records as a buffer, read one after another.
    func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<LineRecord>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: start, count: used))
    }
}

extension LineRecords: RandomAccessCollection, MutableCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { used }

    /// The record at `i`, which must be a valid index (as for an array).
    @inline(__always)
    subscript(i: Int) -> LineRecord {
        get {
            guard let start, i >= 0, i < used else { preconditionFailure("a record's index past the records' end") }
            return start[i]
        }
        _modify {
            guard let start, i >= 0, i < used else { preconditionFailure("a record's index past the records' end") }
            yield &start[i]
        }
    }
}
