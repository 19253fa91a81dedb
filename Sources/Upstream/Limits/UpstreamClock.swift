import Foundation

/// The server's notion of now, injected so rate limits and timestamps are testable without sleeping.
public protocol UpstreamClock: Sendable {
    var nowMillis: Int64 { get }
}

public struct SystemUpstreamClock: UpstreamClock {
    public init() {}
    public var nowMillis: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
