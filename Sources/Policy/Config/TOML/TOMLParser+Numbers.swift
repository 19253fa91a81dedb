extension TOMLParser {
    /// Integers (decimal, `0x`/`0o`/`0b`), floats (`1.5`, `1e3`, `inf`, `nan`), local dates
    /// (`2026-11-21`) and local times (`09:00`, `09:00:30`). Offset date-times are refused.
    mutating func parseNumberOrDateTime() throws(TOMLError) -> TOMLValue {
        let line = scanner.line
        let word = scanWord()
        if word.isEmpty { throw scanner.unexpected("a value") }
        // A local date-time has a space or T between date and time: refuse it explicitly.
        if isDate(word), scanner.peek == " ", let next = scanner.peek(1), ("0"..."9").contains(next) {
            throw TOMLError(line: line, .invalidDateTime(word + " …"))
        }
        if word.contains(":") || isDate(word) { return try dateOrTime(word, line: line) }
        return try number(word, line: line)
    }

    private func isDate(_ w: String) -> Bool {
        let s = Array(w.utf8)
        return s.count >= 10 && s[4] == UInt8(ascii: "-") && s[7] == UInt8(ascii: "-") && s[0...3].allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    private func dateOrTime(_ w: String, line: Int) throws(TOMLError) -> TOMLValue {
        let bad = TOMLError(line: line, .invalidDateTime(w))
        if isDate(w) {
            let parts = w.split(separator: "-", omittingEmptySubsequences: false)
            guard w.count == 10, parts.count == 3, parts[1].count == 2, parts[2].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                  (1...12).contains(m), (1...Self.daysIn(month: m, year: y)).contains(d) else { throw bad }
            return .localDate(year: y, month: m, day: d)
        }
        guard let seconds = Self.timeOfDay(w) else { throw bad }
        return .localTime(seconds)
    }

    /// `HH:MM` or `HH:MM:SS` (optional fraction ignored) → seconds since midnight.
    static func timeOfDay(_ w: String) -> Int? {
        let main = w.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let head = main.first else { return nil }
        let parts = head.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        var s = 0
        if parts.count == 3 { guard let sec = Int(parts[2]), (0...60).contains(sec) else { return nil }; s = sec }
        if main.count == 2, main[1].isEmpty || !main[1].allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        return h * 3600 + m * 60 + min(s, 59)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private func number(_ w: String, line: Int) throws(TOMLError) -> TOMLValue {
        let bad = TOMLError(line: line, .invalidNumber(w))
        switch w {
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        var body = Substring(w)
        var negative = false
        if body.first == "+" || body.first == "-" { negative = body.first == "-"; body = body.dropFirst() }
        // Underscores only between digits.
        let chars = Array(body)
        for (i, c) in chars.enumerated() where c == "_" {
            guard i > 0, i < chars.count - 1, chars[i - 1].isHexDigit, chars[i + 1].isHexDigit else { throw bad }
        }
        let digits = body.replacingOccurrences(of: "_")
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            guard w.first != "+", w.first != "-", let v = Int64(digits.dropFirst(2), radix: radix) else { throw bad }
            return .integer(v)
        }
        let isFloat = digits.contains(".") || digits.contains("e") || digits.contains("E")
        // No leading zeros ("01"), and a dot needs digits on both sides.
        let intPart = digits.prefix { $0.isNumber }
        guard !intPart.isEmpty, intPart == "0" || !intPart.hasPrefix("0") else { throw bad }
        if isFloat {
            if let dot = digits.firstIndex(of: ".") {
                let after = digits[digits.index(after: dot)...]
                guard after.first?.isNumber == true else { throw bad }
            }
            guard digits.allSatisfy({ $0.isNumber || "eE.+-".contains($0) }), let v = Double(digits), v.isFinite else { throw bad }
            return .float(negative ? -v : v)
        }
        guard digits.allSatisfy(\.isNumber), let v = Int64((negative ? "-" : "") + digits) else { throw bad }
        return .integer(v)
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of c: Character) -> String { String(filter { $0 != c }) }
}
