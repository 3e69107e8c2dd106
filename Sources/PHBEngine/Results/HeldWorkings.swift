/// The values some of a breakdown's workings show, held as they were worked
/// out, with the workings' nodes written only when a line's working is read.
///
/// A working written node by node as the breakdown is made costs some 45
/// instructions a node, and a bottom-up breakdown's workings take over a
/// hundred nodes: held as the values they show, they cost a few stores a line,
/// and a reader who reads a working pays for writing it. The values are those
/// the breakdown worked out: nothing is worked out again when a working is
/// read.
///
/// Such an object may be filled as a breakdown's lines are added, by the calculation that holds its one reference;
/// once a breakdown holds it (``HeldWorkingsReference``), it is only read.
protocol HeldWorkings: AnyObject {
    /// Writes `formula` of the line whose working is `part` with `w`.
    func write(_ formula: HeldFormula, of part: Int32, _ w: inout FormulaWriter)

    /// Holds shares of several ways lines are held, returning their part (their words are made when read); `nil`
    /// when there is no room, and the lines hold the shares' words.
    func hold(shares: DeploymentShares) -> Int32?

    /// The shares at `part`.
    func shares(at part: Int32) -> DeploymentShares?
}

/// Held workings as a breakdown holds them: shared between threads, read only.
///
/// Unchecked: held workings are changed only before a breakdown holds them, by the one calculation that holds a
/// reference to them (a type that fills a buffer in place, like ``BottomUpWorkings``, cannot be `Sendable` itself).
@usableFromInline struct HeldWorkingsReference: @unchecked Sendable {
    let workings: any HeldWorkings
}

/// Which of a line's formulas ``HeldWorkings`` write.
enum HeldFormula {
    /// How the line was worked out.
    case working
    /// Its quantity (`20 h × 1`).
    case quantity
    /// Its unit rate, one value.
    case unitRate
}

/// A line whose working is held (``HeldWorkings``): its part, and whether the part has a quantity and a unit rate.
struct HeldLine {
    let part: Int32
    var hasQuantity = false
    var hasUnitRate = false
}
