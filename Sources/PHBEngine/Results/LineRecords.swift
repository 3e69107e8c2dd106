/// A breakdown's line records, in order: in a list of their own, or in room
/// a calculation made for them in a block it allocates anyway (an explained
/// bottom-up breakdown's held workings, ``BottomUpWorkings``), so that the
/// records and the workings are one allocation.
///
/// Each of the two is a block past the allocator's thread cache, whose slower
/// path an allocation and a free took each time; one block of both costs that
/// path once.
///
/// Records hold no reference (``LineRecord``), so room in a block needs no
/// deinitialising. Records in a block are written only by the builder that
/// holds them, before its lines are finished and moved into a result; from then
/// on they are only read. A copy shares the block: the builder's lines are
/// moved, never copied, while they are written.
struct LineRecords: @unchecked Sendable {
    /// The records, when they are a list of their own.
    private var list: ContiguousArray<LineRecord> = []
    /// The room in a block, when the records are there (`nil` for a list).
    private var room: UnsafeMutablePointer<LineRecord>?
    /// How many records the room holds, and has room for.
    private var roomCount = 0
    private var roomCapacity = 0
    /// The block the room is in, held so that the room lives as long as the records do.
    private var block: AnyObject?

    /// No records, in a list of their own.
    init() {}

    /// No records yet, written into `capacity` records' room at `room`, in `block` (which the records hold).
    init(room: UnsafeMutablePointer<LineRecord>, capacity: Int, in block: AnyObject) {
        (self.room, roomCapacity, self.block) = (room, capacity, block)
    }

    /// Room for how many records in all.
    var capacity: Int { room == nil ? list.capacity : roomCapacity }

    /// Makes room for `count` records in all.
    mutating func reserveCapacity(_ count: Int) {
        if room == nil { list.reserveCapacity(count) } else if count > roomCapacity { moveToList(capacity: count) }
    }

    /// Appends `record`. The first in a list of their own gets room for a few, when ``reserveCapacity(_:)`` made
    /// none: a list grown one by one from empty is copied at each doubling.
    @inline(__always)
    mutating func append(_ record: consuming LineRecord) {
        if let room {
            if roomCount < roomCapacity {
                (room + roomCount).initialize(to: record)
                roomCount += 1
                return
            }
            moveToList(capacity: 2 * roomCapacity)  // not reached: a calculation makes room for every line
        }
        if list.capacity == 0 { list.reserveCapacity(4) }
        list.append(record)
    }

    /// Calls `body` with the records as a buffer: read one after another, with no test of where each is.
    func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<LineRecord>) throws(E) -> R) throws(E) -> R {
        guard let room else { return try list.withUnsafeBufferPointer { buffer throws(E) in try body(buffer) } }
        return try body(UnsafeBufferPointer(start: room, count: roomCount))
    }

    /// The records moved from the room into a list of their own with room for `capacity`.
    private mutating func moveToList(capacity: Int) {
        guard let room else { return }
        list = ContiguousArray(UnsafeBufferPointer(start: room, count: roomCount))
        list.reserveCapacity(capacity)
        (self.room, roomCount, roomCapacity, block) = (nil, 0, 0, nil)
    }
}

extension LineRecords: RandomAccessCollection, MutableCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { room == nil ? list.count : roomCount }

    /// The record at `i`, which must be a valid index (as for an array).
    @inline(__always)
    subscript(i: Int) -> LineRecord {
        get {
            guard let room else { return list[i] }
            precondition(i >= 0 && i < roomCount, "a record's index is in range")
            return room[i]
        }
        _modify {
            if let room {
                precondition(i >= 0 && i < roomCount, "a record's index is in range")
                yield &room[i]
            } else {
                yield &list[i]
            }
        }
    }
}
