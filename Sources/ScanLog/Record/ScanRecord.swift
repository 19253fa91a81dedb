import Foundation
import Passes

/// One decision at the door, as it is kept and synced.
///
/// Holds only what an audit or contact trace needs: the token's SHA-256 (never the token), the
/// masked display (never the full name). The JSON form (snake_case keys) is the upload wire format.
public struct ScanRecord: Sendable, Hashable, Codable {
    public var id: RecordID
    public var deviceID: String
    public var venueID: String
    /// Unix milliseconds at the decision.
    public var wallMillis: Int64
    /// Monotonic nanoseconds at the decision (orders records even when the wall clock jumps).
    public var monotonicNanos: UInt64
    public var outcome: Verdict.Outcome
    public var reason: DenyReason?
    public var format: PassFormat?
    public var issuer: String?
    public var kid: String?
    /// Health status colour when the pass carried one (v2 of the schema).
    public var status: HealthStatus?
    /// The venue rule that kept the door shut although the pass itself may be fine (a
    /// `Policy.PolicyReason` code such as `fever`, `rate-limited`, `venue-full`; v3 of the schema).
    /// The door opened exactly when `outcome == .accept` and `rule == nil`.
    public var rule: String?
    /// Lower-case hex SHA-256 of the scanned text (64 characters).
    public var tokenDigest: String
    public var display: MaskedDisplay?
    /// Body temperature in °C, when a thermometer measured one.
    public var temperature: Double?
    public var decodeMicros: Int
    public var verifyMicros: Int

    public init(
        id: RecordID, deviceID: String, venueID: String, wallMillis: Int64, monotonicNanos: UInt64,
        outcome: Verdict.Outcome, reason: DenyReason? = nil, format: PassFormat? = nil,
        issuer: String? = nil, kid: String? = nil, status: HealthStatus? = nil, tokenDigest: String,
        display: MaskedDisplay? = nil, temperature: Double? = nil, decodeMicros: Int = 0, verifyMicros: Int = 0,
        rule: String? = nil
    ) {
        self.id = id; self.deviceID = deviceID; self.venueID = venueID; self.wallMillis = wallMillis
        self.monotonicNanos = monotonicNanos; self.outcome = outcome; self.reason = reason
        self.format = format; self.issuer = issuer; self.kid = kid; self.status = status
        self.tokenDigest = tokenDigest; self.display = display; self.temperature = temperature
        self.decodeMicros = decodeMicros; self.verifyMicros = verifyMicros; self.rule = rule
    }

    /// Builds the record for a verdict, stamping id and times from the injected clock and generator.
    /// Text from the token (issuer, kid, display) is bounded here (``RecordBounds``).
    public init(
        verdict: Verdict, deviceID: String, venueID: String, clock: any ScanClock, ids: RecordIDGenerator,
        temperature: Double? = nil, decodeMicros: Int, verifyMicros: Int, rule: String? = nil
    ) {
        let wall = clock.wallMillis
        self.init(
            id: ids.next(millis: wall), deviceID: deviceID, venueID: venueID, wallMillis: wall,
            monotonicNanos: clock.monotonicNanos, outcome: verdict.outcome, reason: verdict.reason,
            format: verdict.format, issuer: verdict.issuer, kid: verdict.kid, status: verdict.status,
            tokenDigest: verdict.tokenDigest, display: verdict.display, temperature: temperature,
            decodeMicros: decodeMicros, verifyMicros: verifyMicros, rule: rule)
        self = bounded()
    }

    /// Whether the door opened for this scan.
    public var admitted: Bool { outcome == .accept && rule == nil }

    public var wallTime: Date { Date(timeIntervalSince1970: Double(wallMillis) / 1000) }

    enum CodingKeys: String, CodingKey {
        case id, deviceID = "device_id", venueID = "venue_id", wallMillis = "wall_ms"
        case monotonicNanos = "mono_ns", outcome, reason, format, issuer, kid, status
        case tokenDigest = "token_digest", display, temperature
        case decodeMicros = "decode_us", verifyMicros = "verify_us", rule
    }
}

extension ScanRecord {
    /// The digest as 32 bytes, or nil when it is not 64 hex characters (then the record is refused:
    /// anything else could be a raw token slipping into the log).
    var digestBytes: [UInt8]? {
        let u = Array(tokenDigest.utf8)
        guard u.count == 64 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(32)
        var i = 0
        while i < 64 {
            guard let hi = hexValue(u[i]), let lo = hexValue(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static func digestHex(_ bytes: some Collection<UInt8>) -> String {
        Hex.encode(bytes)
    }
}

private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    default: nil
    }
}
