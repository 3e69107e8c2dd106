extension String {
    /// The text as it may be shown in a message or a terminal: control
    /// characters and bidirectional overrides escaped as `\u{…}`, and cut to
    /// `limit` characters with `…`, so no input can move the cursor, recolour a
    /// terminal or flood a log.
    public func safeForDisplay(limit: Int = 80) -> String {
        var out = ""
        var count = 0
        for scalar in unicodeScalars {
            if count >= limit {
                out += "…"
                break
            }
            let v = scalar.value
            let isControl = v < 0x20 || (0x7F...0x9F).contains(v)
            let isBidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            if isControl || isBidi {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
