/// A small strict TOML reader for venue files: tables, dotted keys, arrays of tables, basic and
/// literal strings with escapes, integers, floats, booleans, local dates and times, arrays and
/// inline tables, comments. Multi-line strings and offset date-times are refused with an error.
///
/// Why our own: a venue file is small and safety-relevant; a strict parser that knows every line
/// number lets `VenueConfig` point at the exact line, and the kiosk carries no extra dependency.
/// Syntax errors stop at the first one (later lines cannot be trusted after a broken statement);
/// validation errors (`VenueConfig`) are all collected.
public struct TOMLParser {
    var scanner: TOMLScanner

    public init(_ text: String) { scanner = TOMLScanner(text) }

    /// Parses a whole document.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(text)
        return try parser.parseDocument()
    }

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        let root = TableBuilder(kind: .header)
        var current = root
        if scanner.peek == "\u{FEFF}" { scanner.advance() }
        while true {
            try scanner.skipWhitespaceCommentsAndNewlines()
            guard let c = scanner.peek else { break }
            let line = scanner.line
            if c == "[" {
                scanner.advance()
                let isArray = scanner.peek == "["
                if isArray { scanner.advance() }
                scanner.skipBlanks()
                let key = try parseKey()
                scanner.skipBlanks()
                guard scanner.peek == "]" else { throw scanner.unexpected("\"]\"") }
                scanner.advance()
                if isArray {
                    guard scanner.peek == "]" else { throw scanner.unexpected("\"]]\"") }
                    scanner.advance()
                }
                current = isArray ? try root.appendArrayTable(key, line: line) : try root.defineTable(key, line: line)
            } else {
                let key = try parseKey()
                scanner.skipBlanks()
                guard scanner.peek == "=" else { throw scanner.unexpected("\"=\" after the key") }
                scanner.advance()
                scanner.skipBlanks()
                let value = try parseValue()
                try current.assign(key, value, line: line, insideInline: false)
            }
            try scanner.expectEndOfLine()
        }
        return root.freeze()
    }

    /// A dotted key: bare or quoted parts separated by dots (blanks around the dots allowed).
    mutating func parseKey() throws(TOMLError) -> [String] {
        var parts: [String] = []
        while true {
            scanner.skipBlanks()
            switch scanner.peek {
            case "\"": parts.append(try parseBasicString())
            case "'": parts.append(try parseLiteralString())
            case let c? where TOMLScanner.isBareKey(c):
                var word = ""
                while let c = scanner.peek, TOMLScanner.isBareKey(c) { word.unicodeScalars.append(c); scanner.advance() }
                parts.append(word)
            default:
                throw scanner.unexpected("a key")
            }
            scanner.skipBlanks()
            guard scanner.peek == "." else { return parts }
            scanner.advance()
        }
    }
}
