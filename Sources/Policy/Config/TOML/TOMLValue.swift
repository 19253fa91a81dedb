/// A TOML value with the line it started on, so that config validation can point at the line.
public struct TOMLNode: Sendable, Hashable {
    public var value: TOMLValue
    /// 1-based line of the value (for a table: of its header or first key).
    public var line: Int
    public init(_ value: TOMLValue, line: Int) { self.value = value; self.line = line }
}

/// The TOML values our venue files use. Offset date-times are refused (a venue's hours are local).
public indirect enum TOMLValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    /// `HH:MM[:SS]`, seconds since local midnight.
    case localTime(Int)
    /// `YYYY-MM-DD`.
    case localDate(year: Int, month: Int, day: Int)
    case array([TOMLNode])
    case table(TOMLTable)

    /// A short name for error messages ("a string", "an integer" …).
    public var kindName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .localTime: "a local time"
        case .localDate: "a local date"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A table: keys in the order the file wrote them.
public struct TOMLTable: Sendable, Hashable {
    public var entries: [String: TOMLNode] = [:]
    public var order: [String] = []
    public init() {}

    public subscript(key: String) -> TOMLNode? { entries[key] }

    mutating func set(_ key: String, _ node: TOMLNode) {
        if entries.updateValue(node, forKey: key) == nil { order.append(key) }
    }
}

/// A TOML syntax error: where, and what, in a sentence.
public struct TOMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A character that cannot start or continue what was expected here.
        case unexpected(found: String, expected: String)
        /// A string that runs into the end of the line or file.
        case unterminatedString
        /// A backslash escape TOML does not define, or a `\u` that is not a scalar value.
        case invalidEscape(String)
        /// A number with bad digits, underscores, a leading zero or out of 64-bit range.
        case invalidNumber(String)
        /// A date or time with out-of-range fields, or an offset date-time (not accepted here).
        case invalidDateTime(String)
        /// The same key given twice in one table.
        case duplicateKey(String)
        /// `[table]` declared twice, or a key that is a value in one place and a table in another.
        case tableRedefined(String)
        /// An inline table or a value extended later by a header or dotted key.
        case immutableValue(String)
        /// Something after a complete statement on the same line.
        case trailingContent(String)
        /// A control character or NUL in the document.
        case controlCharacter
    }

    public var line: Int
    public var kind: Kind
    public init(line: Int, _ kind: Kind) { self.line = line; self.kind = kind }

    public var message: String {
        switch kind {
        case .unexpected(let found, let expected): "found \(found) where \(expected) was expected"
        case .unterminatedString: "the string is not closed on this line"
        case .invalidEscape(let e): "\\\(e) is not a valid escape"
        case .invalidNumber(let n): "\"\(n)\" is not a valid number"
        case .invalidDateTime(let d): "\"\(d)\" is not a valid local date or time"
        case .duplicateKey(let k): "key \"\(k)\" is defined twice"
        case .tableRedefined(let k): "\"\(k)\" is already defined as a different table or value"
        case .immutableValue(let k): "\"\(k)\" is an inline table or value and cannot be extended"
        case .trailingContent(let c): "unexpected \(c) after the value; put one statement per line"
        case .controlCharacter: "control characters are not allowed in TOML"
        }
    }

    public var description: String { "line \(line): \(message)" }
}
