/// Names of the form `base[i]` (`care[0]`, `earnings[2]`), built once for the
/// first positions: building one from its index cost more than the arithmetic
/// of the line that carries it.
struct IndexedName: Sendable {
    /// The part before the brackets.
    let base: String
    /// `base[0]`, `base[1]`, … for the positions built once.
    private let built: [String]

    /// Names for `base`, built once for positions below `count`.
    init(_ base: String, count: Int = 64) {
        self.base = base
        built = (0..<count).map { "\(base)[\($0)]" }
    }

    /// `base[i]`.
    subscript(_ i: Int) -> String {
        built.indices.contains(i) ? built[i] : "\(base)[\(i)]"
    }
}
