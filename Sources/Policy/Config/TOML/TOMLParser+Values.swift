extension TOMLParser {
    /// One value at the cursor: string, number, boolean, date/time, array or inline table.
    mutating func parseValue() throws(TOMLError) -> TOMLNode {
        let line = scanner.line
        switch scanner.peek {
        case "\"":
            if scanner.peek(1) == "\"", scanner.peek(2) == "\"" {
                throw TOMLError(line: line, .unexpected(found: "\"\"\"", expected: "a single-line string (multi-line strings are not used in venue files)"))
            }
            return TOMLNode(.string(try parseBasicString()), line: line)
        case "'":
            return TOMLNode(.string(try parseLiteralString()), line: line)
        case "[":
            return TOMLNode(.array(try parseArray()), line: line)
        case "{":
            return TOMLNode(.table(try parseInlineTable()), line: line)
        case "t", "f":
            let word = scanWord()
            switch word {
            case "true": return TOMLNode(.boolean(true), line: line)
            case "false": return TOMLNode(.boolean(false), line: line)
            default: throw TOMLError(line: line, .unexpected(found: "\"\(word)\"", expected: "a value (strings need quotes)"))
            }
        case let c? where ("0"..."9").contains(c) || c == "+" || c == "-" || c == "i" || c == "n":
            return TOMLNode(try parseNumberOrDateTime(), line: line)
        case let c? where c.properties.isAlphabetic:
            let word = scanWord()
            throw TOMLError(line: line, .unexpected(found: "\"\(word)\"", expected: "a value (strings need quotes)"))
        default:
            throw scanner.unexpected("a value")
        }
    }

    /// Letters, digits and the punctuation numbers and times use.
    mutating func scanWord() -> String {
        var word = ""
        while let c = scanner.peek, TOMLScanner.isBareKey(c) || c == "." || c == ":" || c == "+" {
            word.unicodeScalars.append(c)
            scanner.advance()
        }
        return word
    }

    mutating func parseBasicString() throws(TOMLError) -> String {
        scanner.advance()  // opening quote
        var out = String.UnicodeScalarView()
        while true {
            guard let c = scanner.peek, c != "\n" else { throw TOMLError(line: scanner.line, .unterminatedString) }
            scanner.advance()
            if c == "\"" { return String(out) }
            if c == "\\" {
                guard let e = scanner.peek else { throw TOMLError(line: scanner.line, .unterminatedString) }
                scanner.advance()
                switch e {
                case "b": out.append("\u{08}")
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "f": out.append("\u{0C}")
                case "r": out.append("\r")
                case "e": out.append("\u{1B}")
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<count {
                        guard let h = scanner.peek, h.properties.isASCIIHexDigit else {
                            throw TOMLError(line: scanner.line, .invalidEscape(String(Character(e)) + hex))
                        }
                        hex.unicodeScalars.append(h)
                        scanner.advance()
                    }
                    guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw TOMLError(line: scanner.line, .invalidEscape(String(Character(e)) + hex))
                    }
                    out.append(scalar)
                default:
                    throw TOMLError(line: scanner.line, .invalidEscape(String(Character(e))))
                }
                continue
            }
            if c != "\t", c.value < 0x20 || c.value == 0x7F { throw TOMLError(line: scanner.line, .controlCharacter) }
            out.append(c)
        }
    }

    mutating func parseLiteralString() throws(TOMLError) -> String {
        scanner.advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let c = scanner.peek, c != "\n" else { throw TOMLError(line: scanner.line, .unterminatedString) }
            scanner.advance()
            if c == "'" { return String(out) }
            if c != "\t", c.value < 0x20 || c.value == 0x7F { throw TOMLError(line: scanner.line, .controlCharacter) }
            out.append(c)
        }
    }

    mutating func parseArray() throws(TOMLError) -> [TOMLNode] {
        scanner.advance()  // [
        var items: [TOMLNode] = []
        while true {
            try scanner.skipWhitespaceCommentsAndNewlines()
            if scanner.peek == "]" { scanner.advance(); return items }
            items.append(try parseValue())
            try scanner.skipWhitespaceCommentsAndNewlines()
            if scanner.peek == "," { scanner.advance(); continue }
            if scanner.peek == "]" { scanner.advance(); return items }
            throw scanner.unexpected("\",\" or \"]\"")
        }
    }

    mutating func parseInlineTable() throws(TOMLError) -> TOMLTable {
        scanner.advance()  // {
        let root = TableBuilder(kind: .inline)
        scanner.skipBlanks()
        if scanner.peek == "}" { scanner.advance(); return root.freeze() }
        while true {
            scanner.skipBlanks()
            let line = scanner.line
            let key = try parseKey()
            scanner.skipBlanks()
            guard scanner.peek == "=" else { throw scanner.unexpected("\"=\"") }
            scanner.advance()
            scanner.skipBlanks()
            let value = try parseValue()
            try root.assign(key, value, line: line, insideInline: true)
            scanner.skipBlanks()
            if scanner.peek == "," { scanner.advance(); continue }
            if scanner.peek == "}" { scanner.advance(); return root.freeze() }
            throw scanner.unexpected("\",\" or \"}\" (inline tables stay on one line)")
        }
    }
}
