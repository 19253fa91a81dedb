/// Builds the Prometheus text exposition format (version 0.0.4): a `# HELP` and `# TYPE` line
/// per metric family, then its samples. Label values are escaped (`\\`, `\"`, `\n`), numbers are
/// written so Prometheus parses them back exactly.
struct PrometheusWriter {
    enum Kind: String { case counter, gauge, histogram }

    private(set) var text = ""

    mutating func family(_ name: String, _ kind: Kind, help: String) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
    }

    mutating func sample(_ name: String, _ value: Double) { sample(name, [], value) }

    mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
        }
        text += " " + Self.number(value) + "\n"
    }

    /// A family with a single sample; skipped entirely when the value is unknown (nil).
    mutating func single(_ name: String, _ kind: Kind, help: String, _ value: Double?) {
        guard let value else { return }
        family(name, kind, help: help)
        sample(name, value)
    }

    static func escapeLabel(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func escapeHelp(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
