/// Why a scenario file was refused. Each case names the offending field as a path
/// (`visitors[3].camera.distance`) so the author can find it.
public enum ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, detail: String)
    /// Not JSON, or a field is missing or of the wrong type.
    case malformed(field: String, detail: String)
    /// Well-formed, but a value is out of range or inconsistent.
    case invalid(field: String, detail: String)
    /// A pass kind the simulator cannot issue.
    case unsupported(field: String, detail: String)

    public var field: String? {
        switch self {
        case .unreadable: nil
        case .malformed(let field, _), .invalid(let field, _), .unsupported(let field, _): field
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): "Cannot read scenario \(path): \(detail)."
        case .malformed(let field, let detail): "Scenario field \(field) is malformed: \(detail)."
        case .invalid(let field, let detail): "Scenario field \(field) is invalid: \(detail)."
        case .unsupported(let field, let detail): "Scenario field \(field) is not supported: \(detail)."
        }
    }
}
