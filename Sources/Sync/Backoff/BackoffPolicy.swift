/// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
/// wait a uniform random time in `[0, min(cap, base·2^attempt)]`. Why full jitter: a venue's kiosks
/// that lost the same uplink must not retry in lock-step when it returns.
public struct BackoffPolicy: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration
    /// Upper bound on a server's `Retry-After`, so a bad header cannot park a kiosk for days.
    public var maxRetryAfter: Duration

    public init(base: Duration = .milliseconds(500), cap: Duration = .seconds(60), maxRetryAfter: Duration = .seconds(3600)) {
        self.base = base; self.cap = cap; self.maxRetryAfter = maxRetryAfter
    }

    /// The wait before retry number `attempt` (0 for the first retry).
    public func delay(attempt: Int, using rng: inout some RandomNumberGenerator) -> Duration {
        let baseMs = Double(base.components.seconds) * 1000 + Double(base.components.attoseconds) / 1e15
        let capMs = Double(cap.components.seconds) * 1000 + Double(cap.components.attoseconds) / 1e15
        let ceiling = min(capMs, baseMs * Double(1 << min(max(attempt, 0), 30)))
        return .milliseconds(Int64(Double.random(in: 0...max(ceiling, 0), using: &rng)))
    }

    /// The wait a server asked for, bounded.
    public func delay(retryAfter: Duration) -> Duration {
        min(max(retryAfter, .zero), maxRetryAfter)
    }
}
