/// One problem in a venue file: where (line, key path) and what, in a sentence for the person
/// editing the file. `VenueConfig.parse` collects all of them, not just the first.
public struct VenueConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The file is not valid TOML (the parser stops at the first syntax error).
        case syntax(TOMLError.Kind)
        /// A key the schema does not know (often a typo: it would silently weaken a rule).
        case unknownKey
        /// A required key is absent.
        case missing
        /// The value has the wrong TOML type.
        case wrongType(expected: String, found: String)
        /// A number outside its allowed range.
        case outOfRange(String)
        /// A string that is not one of the allowed words.
        case notOneOf([String])
        /// A value of the right type that still cannot be used (explained).
        case invalid(String)
    }

    /// 1-based line; 0 when the problem is the absence of something (reported at the table's line).
    public var line: Int
    /// Dotted key path, e.g. `rules.rate_limit.max_scans`.
    public var key: String
    public var kind: Kind

    public init(line: Int, key: String, _ kind: Kind) { self.line = line; self.key = key; self.kind = kind }

    public var message: String {
        switch kind {
        case .syntax(let kind): TOMLError(line: line, kind).message
        case .unknownKey: "unknown key (check the spelling; unknown keys are refused so a typo cannot weaken a rule)"
        case .missing: "required key is missing"
        case .wrongType(let expected, let found): "expected \(expected), found \(found)"
        case .outOfRange(let range): "value must be \(range)"
        case .notOneOf(let words): "must be one of: \(words.joined(separator: ", "))"
        case .invalid(let why): why
        }
    }

    /// `LINE: key: message`, the CLI prefixes the file name.
    public var description: String { "\(line): \(key.isEmpty ? "(file)" : key): \(message)" }
}

/// All the problems found in one venue file.
public struct VenueConfigErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [VenueConfigError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
