/// One CSV cell (RFC 4180), safe to open in a spreadsheet. Written here, beside ``JSONBytes``,
/// because both the kiosk's and the upstream's exports use it and the upstream must not link kiosk
/// code.
///
/// Why neutralise: a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return,
/// which some spreadsheets skip before looking) is read as a formula. Record fields carry text a
/// forged QR chooses — an issuer of `=HYPERLINK("https://evil.example",…)` ran as a formula in the
/// operator's spreadsheet. Such a cell gets a leading `'`, which spreadsheets show as text and
/// do not evaluate (OWASP's advice for CSV injection). Plain numbers (`-3`, `-1.5e3`) are left
/// as they are: they are data, not formulas, and the numeric columns must stay numeric.
public enum CSVCell {
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The field neutralised (when it could be read as a formula) and quoted (when it must be).
    public static func text(_ field: String) -> String {
        quote(neutralise(field))
    }

    /// `'` before a field that a spreadsheet would evaluate; anything else unchanged.
    public static func neutralise(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, triggers.contains(first), !isPlainNumber(field) else { return field }
        return "'" + field
    }

    /// RFC 4180: a field with a comma, quote, CR or LF is quoted, with quotes doubled.
    public static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        else { return field }
        var out = "\""
        for character in field {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }

    /// `-?digits(.digits)?([eE][+-]?digits)?` (and the same with a leading `+`): a number, not a formula.
    static func isPlainNumber(_ field: String) -> Bool {
        var bytes = Substring(field).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func digits(_ b: inout Substring.UTF8View.SubSequence) -> Int {
            let n = b.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            b = b.dropFirst(n)
            return n
        }
        guard digits(&bytes) > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits(&bytes) > 0 else { return false }
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits(&bytes) > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
