/// Escaping for text placed into HTML, SVG or any XML: the kiosk's pages, the venue poster and
/// the simulation report all write operator- or scenario-supplied names (Chinese, or containing
/// `<`, `&`, quotes) into markup, and one rule serves them all.
public enum Markup {
    /// Element content and quoted attribute values alike: `& < > " '` become entities (`&#39;`
    /// rather than `&apos;`, which HTML 4 lacks), and characters XML 1.0 forbids (C0 controls
    /// other than tab/newline/CR, U+FFFE/U+FFFF) become U+FFFD, so any name yields a well-formed
    /// document.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
