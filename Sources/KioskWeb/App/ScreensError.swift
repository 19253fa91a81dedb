/// What can go wrong between a browser and the kiosk screens. Each case says, in one sentence,
/// what the caller must change; request errors become a 400 with that sentence.
public enum ScreensError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--listen` is not `HOST:PORT`.
    case badListenAddress(String)
    /// A query parameter is missing its form or out of range.
    case badParameter(name: String, value: String, expected: String)
    /// The time range is empty or reversed.
    case emptyRange(from: String, to: String)
    /// There is no scan log to read (the kiosk runs without one).
    case noScanLog
    /// The scan log could not be read.
    case scanLogUnreadable(String)

    public var description: String {
        switch self {
        case .badListenAddress(let text): "The listen address \"\(text)\" is not HOST:PORT (for example 127.0.0.1:8088)."
        case .badParameter(let name, let value, let expected): "The parameter \(name)=\"\(value)\" is not valid: expected \(expected)."
        case .emptyRange(let from, let to): "The time range from \(from) to \(to) is empty: 'from' must be before 'to'."
        case .noScanLog: "This kiosk runs without a scan log, so there is nothing to export or count."
        case .scanLogUnreadable(let reason): "The scan log could not be read: \(reason)."
        }
    }
}
