/// Escaping for text placed into HTML. Everything the server writes into a page goes through
/// here (the venue name is operator-supplied and may be Chinese or contain `<`, `&`, quotes);
/// the pages' scripts only ever set `textContent`, never markup.
public enum HTML {
    /// Escapes `& < > " '` for element content and quoted attribute values alike.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
