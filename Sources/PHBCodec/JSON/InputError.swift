import PHBEngine

/// A problem with an input file or a calculation from it, saying what is
/// wrong and where: file, field path (`input.care[0].hoursPerWeek`), message.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, where the input came from one.
    public var file: String?
    /// The path of the field in the file, where known.
    public var field: String?
    /// What is wrong.
    public var message: String
    /// A short stable code (`syntax`, `unknownKey`, or a ``BudgetError/code``).
    public var code: String

    public init(file: String? = nil, field: String?, message: String, code: String) {
        self.file = file
        self.field = field
        self.message = message
        self.code = code
    }

    /// A calculation error, placed in `file`.
    public init(_ error: BudgetError, file: String? = nil) {
        self.init(file: file, field: error.field, message: error.description, code: error.code)
    }

    /// The same error, placed in `file` (kept if already placed).
    public func inFile(_ file: String) -> InputError {
        var copy = self
        copy.file = copy.file ?? file
        return copy
    }

    /// `file: message` (the message of a calculation error already names the field).
    public var description: String {
        var text = message.safeForDisplay(limit: 300)
        if let field, !message.hasPrefix(field) { text = "\(field.safeForDisplay()): \(text)" }
        return file.map { "\($0.safeForDisplay(limit: 200)): \(text)" } ?? text
    }
}

/// A JSON value with its path in the document, for decoding with precise errors.
struct JSONField {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    func fail(_ message: String, code: String = "invalidValue") -> InputError {
        InputError(field: path.isEmpty ? nil : path, message: message, code: code)
    }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member `key`, or `nil` if absent or null.
    func member(_ key: String) -> JSONField? {
        guard let v = value[key], v != .null else { return nil }
        return JSONField(v, path: childPath(key))
    }

    /// The member `key`; missing is an error.
    func required(_ key: String) throws(InputError) -> JSONField {
        guard let m = member(key) else {
            throw InputError(field: childPath(key), message: "required but missing", code: "missingInput")
        }
        return m
    }

    /// The object's members; fails on keys outside `allowed`.
    func members(allowing allowed: Set<String>? = nil) throws(InputError) -> [(key: String, field: JSONField)] {
        guard case .object(let members) = value else { throw fail("must be an object, not \(value.kindName)") }
        if let allowed {
            for m in members where !allowed.contains(m.key) {
                throw InputError(field: childPath(m.key),
                                 message: "unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))",
                                 code: "unknownKey")
            }
        }
        return members.map { ($0.key, JSONField($0.value, path: childPath($0.key))) }
    }

    /// Checks that the value is an object whose keys are all in `allowed`.
    func checkKeys(_ allowed: Set<String>) throws(InputError) {
        _ = try members(allowing: allowed)
    }

    func array() throws(InputError) -> [JSONField] {
        guard case .array(let items) = value else { throw fail("must be a list, not \(value.kindName)") }
        return items.enumerated().map { JSONField($0.element, path: "\(path)[\($0.offset)]") }
    }

    func string() throws(InputError) -> String {
        guard case .string(let s) = value else { throw fail("must be text in quotes, not \(value.kindName)") }
        return s
    }

    func bool() throws(InputError) -> Bool {
        guard case .bool(let b) = value else { throw fail("must be true or false, not \(value.kindName)") }
        return b
    }

    /// An exact decimal from a JSON number or a string of digits (`13.75`, `"13.75"`).
    func decimal() throws(InputError) -> Rational {
        let text: String
        switch value {
        case .number(let n): text = n
        case .string(let s): text = s.trimmingSpaces
        default: throw fail("must be a number such as 13.75, not \(value.kindName)")
        }
        guard let r = Rational(decimalText: text) else {
            throw fail("'\(text.safeForDisplay(limit: 40))' is not a plain decimal number such as 13.75 (no exponents, commas or £)")
        }
        return r
    }

    /// A whole number.
    func integer() throws(InputError) -> Int {
        let d = try decimal()
        guard d.isInteger, let i = Int(exactly: d.numerator) else { throw fail("must be a whole number") }
        return i
    }

    /// A date `YYYY-MM-DD`.
    func date() throws(InputError) -> CalendarDate {
        let s = try string()
        guard let d = CalendarDate(iso: s) else { throw fail("'\(s.safeForDisplay(limit: 40))' is not a date written YYYY-MM-DD") }
        return d
    }

    /// One of the raw values of `E`.
    func word<E: RawRepresentable & CaseIterable>(_ type: E.Type) throws(InputError) -> E where E.RawValue == String {
        let s = try string()
        guard let e = E(rawValue: s) else {
            throw fail("'\(s.safeForDisplay(limit: 40))' is not one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return e
    }
}

extension String {
    /// The string without leading and trailing spaces (the usual case, none, costs two byte checks).
    var trimmingSpaces: String {
        let bytes = utf8
        guard bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ") else { return self }
        let start = bytes.firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.endIndex
        let end = bytes.lastIndex { $0 != UInt8(ascii: " ") }.map { bytes.index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
