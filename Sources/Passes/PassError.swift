/// The one error type thrown anywhere in `Passes`.
///
/// Why one type with a `DenyReason` instead of an enum per codec: every failure ends up as a
/// verdict reason, so carrying the reason from the point of failure means no layer has to guess
/// how to translate. `detail` is for logs: it names the stage and the defect, never personal data.
public struct PassError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: DenyReason
    public var detail: String

    public init(_ reason: DenyReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public init(reason: DenyReason, detail: String) {
        self.init(reason, detail)
    }

    public static func malformed(_ detail: String) -> PassError { PassError(.malformed, detail) }
    public static func oversized(_ detail: String) -> PassError { PassError(.oversized, detail) }

    public var description: String { "\(reason.rawValue): \(detail)" }
}
