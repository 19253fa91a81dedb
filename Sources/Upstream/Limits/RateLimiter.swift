import NIOConcurrencyHelpers

/// A token bucket per device. Why per device: one misbehaving kiosk must not starve the fleet.
final class RateLimiter: Sendable {
    private struct Bucket { var tokens: Double; var lastMillis: Int64 }
    private let buckets = NIOLockedValueBox([String: Bucket]())
    let rate: Double
    let burst: Double
    let clock: any UpstreamClock

    init(rate: Double, burst: Double, clock: any UpstreamClock) {
        self.rate = rate; self.burst = max(1, burst); self.clock = clock
    }

    /// Takes one token for `key`; nil when allowed, else whole seconds until a token is available.
    func acquire(_ key: String) -> Int? {
        let now = clock.nowMillis
        return buckets.withLockedValue { all in
            var bucket = all[key] ?? Bucket(tokens: burst, lastMillis: now)
            let elapsed = Double(max(0, now - bucket.lastMillis)) / 1000
            bucket.tokens = min(burst, bucket.tokens + elapsed * rate)
            bucket.lastMillis = now
            defer { all[key] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            let wait = (1 - bucket.tokens) / max(rate, 1e-9)
            return max(1, Int(wait.rounded(.up)))
        }
    }
}
