/// The values some of a breakdown's workings show, held as they were worked
/// out, with the workings' nodes written only when a line's working is read.
///
/// A working written node by node as the breakdown is made costs some 45
/// instructions a node, and the PA on-costs' workings take about 60 nodes: held
/// as the dozen values they show, in one object, they cost one allocation, and a
/// reader who reads a working pays for writing it. The values are those the
/// breakdown worked out: nothing is worked out again when a working is read.
protocol HeldWorkings: AnyObject, Sendable {
    /// Writes working `part` (one of the several lines' workings the object holds) with `w`.
    func write(part: Int32, _ w: inout FormulaWriter)
}
