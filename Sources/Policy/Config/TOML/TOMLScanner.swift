/// Character-level cursor over a TOML document that tracks the current line.
struct TOMLScanner {
    let chars: [Unicode.Scalar]
    var index = 0
    var line = 1

    init(_ text: String) { chars = Array(text.unicodeScalars) }

    var atEnd: Bool { index >= chars.count }
    var peek: Unicode.Scalar? { index < chars.count ? chars[index] : nil }
    func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < chars.count ? chars[index + offset] : nil }

    mutating func advance() {
        guard index < chars.count else { return }
        if chars[index] == "\n" { line += 1 }
        index += 1
    }

    /// Skips spaces and tabs (not newlines).
    mutating func skipBlanks() {
        while let c = peek, c == " " || c == "\t" { advance() }
    }

    /// Skips a `#` comment up to (not including) the newline, refusing control characters.
    mutating func skipComment() throws(TOMLError) {
        guard peek == "#" else { return }
        while let c = peek, c != "\n" {
            if c != "\t", c.value < 0x20 || c.value == 0x7F, !(c == "\r" && peek(1) == "\n") {
                throw TOMLError(line: line, .controlCharacter)
            }
            advance()
        }
    }

    /// Skips blanks, comments and newlines (inside arrays).
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLError) {
        while true {
            skipBlanks()
            try skipComment()
            if peek == "\n" { advance() } else if peek == "\r", peek(1) == "\n" { advance(); advance() } else { return }
        }
    }

    /// Consumes the end of a statement: blanks, an optional comment, then a newline or the end.
    mutating func expectEndOfLine() throws(TOMLError) {
        skipBlanks()
        try skipComment()
        if atEnd { return }
        if peek == "\n" { advance(); return }
        if peek == "\r", peek(1) == "\n" { advance(); advance(); return }
        throw TOMLError(line: line, .trailingContent(describe(peek)))
    }

    func describe(_ c: Unicode.Scalar?) -> String {
        guard let c else { return "the end of the file" }
        switch c {
        case "\n": return "the end of the line"
        case "\r": return "a carriage return"
        default: return c.value < 0x20 ? "a control character" : "\"\(Character(c))\""
        }
    }

    func unexpected(_ expected: String) -> TOMLError {
        TOMLError(line: line, .unexpected(found: describe(peek), expected: expected))
    }

    static func isBareKey(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }
}
