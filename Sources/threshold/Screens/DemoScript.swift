import Passes

/// A scripted door for `threshold screens demo`: one step per line.
///
/// ```
/// # pass      status  name  id-tail
/// scan valid   green   张*    3721
/// scan forged  green   李*    0042     # signed by a key the kiosk does not trust
/// scan expired green   赵*    5150
/// wait 400                           # milliseconds
/// exit                               # someone left (occupancy − 1)
/// ```
struct DemoScript: Sendable, Hashable {
    enum PassKind: String, Sendable, CaseIterable { case valid, forged, expired, notYetValid = "not-yet-valid" }

    enum Step: Sendable, Hashable {
        case scan(kind: PassKind, status: HealthStatus, name: String, idTail: String)
        case wait(milliseconds: Int)
        case exit
    }

    /// A line the script reader does not understand, with its number.
    struct LineError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    var steps: [Step]

    init(parsing text: String) throws(LineError) {
        steps = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let verb = words.first else { continue }
            switch verb {
            case "scan":
                guard words.count == 5 else { throw LineError(line: line, message: "expected: scan KIND STATUS NAME ID-TAIL") }
                guard let kind = PassKind(rawValue: words[1]) else {
                    throw LineError(line: line, message: "pass kind \"\(words[1])\" is not one of \(PassKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let status = HealthStatus(rawValue: words[2]) else {
                    throw LineError(line: line, message: "status \"\(words[2])\" is not green, yellow or red")
                }
                steps.append(.scan(kind: kind, status: status, name: words[3], idTail: words[4]))
            case "wait":
                guard words.count == 2, let ms = Int(words[1]), (0...600_000).contains(ms) else {
                    throw LineError(line: line, message: "expected: wait MILLISECONDS (0 to 600000)")
                }
                steps.append(.wait(milliseconds: ms))
            case "exit":
                guard words.count == 1 else { throw LineError(line: line, message: "exit takes no arguments") }
                steps.append(.exit)
            default:
                throw LineError(line: line, message: "unknown step \"\(verb)\": use scan, wait or exit")
            }
        }
    }
}
