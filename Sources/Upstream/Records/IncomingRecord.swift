import Foundation

/// A scan record as a kiosk uploads it (the `ScanLog.ScanRecord` JSON form). The server keeps its
/// own copy of the shape because it must not link kiosk code; the keys are the contract.
public struct IncomingRecord: Sendable, Hashable, Codable {
    public var id: String
    public var deviceID: String
    public var venueID: String
    public var wallMillis: Int64
    public var monotonicNanos: UInt64
    public var outcome: String
    public var reason: String?
    public var format: String?
    public var issuer: String?
    public var kid: String?
    public var status: String?
    public var tokenDigest: String
    public var display: Display?
    public var temperature: Double?
    public var decodeMicros: Int
    public var verifyMicros: Int
    /// The venue rule that kept the door shut (schema v3 kiosks; absent from older ones).
    public var rule: String?

    public struct Display: Sendable, Hashable, Codable {
        public var name: String
        public var idTail: String
    }

    enum CodingKeys: String, CodingKey {
        case id, deviceID = "device_id", venueID = "venue_id", wallMillis = "wall_ms"
        case monotonicNanos = "mono_ns", outcome, reason, format, issuer, kid, status
        case tokenDigest = "token_digest", display, temperature
        case decodeMicros = "decode_us", verifyMicros = "verify_us", rule
    }

    /// Checks what JSON types cannot: formats, lengths, allowed values.
    /// - Returns: nil when valid, else the reason (for a 400).
    func problem(at index: Int) -> String? {
        let at = "records[\(index)]"
        switch Self.uuidForm(id) {
        case .valid: break
        case .upperCase: return "\(at).id must be lower-case"
        case .invalid: return "\(at).id is not a UUID"
        }
        guard !deviceID.isEmpty, deviceID.utf8.count <= 128 else { return "\(at).device_id must be 1–128 bytes" }
        guard !venueID.isEmpty, venueID.utf8.count <= 128 else { return "\(at).venue_id must be 1–128 bytes" }
        guard ["accept", "deny", "error"].contains(outcome) else { return "\(at).outcome must be accept, deny or error" }
        guard tokenDigest.utf8.count == 64, tokenDigest.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return "\(at).token_digest must be 64 lower-case hex characters" }
        for (name, value) in [("reason", reason), ("format", format), ("issuer", issuer), ("kid", kid), ("status", status), ("rule", rule)] {
            if let value, value.utf8.count > 256 { return "\(at).\(name) is longer than 256 bytes" }
        }
        if let display, display.name.utf8.count > 64 || display.idTail.utf8.count > 64 {
            return "\(at).display is longer than a masked display can be"
        }
        if let temperature, !temperature.isFinite { return "\(at).temperature is not a number" }
        guard decodeMicros >= 0, verifyMicros >= 0 else { return "\(at) latencies must not be negative" }
        return nil
    }
}

extension IncomingRecord {
    enum UUIDForm { case valid, upperCase, invalid }

    /// `8-4-4-4-12` hexadecimal digits, checked byte by byte (Foundation's parser, with a
    /// lower-cased copy to compare, was a visible part of ingesting a batch).
    static func uuidForm(_ text: String) -> UUIDForm {
        var upper = false
        var count = 0
        for (i, c) in text.utf8.enumerated() {
            count += 1
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if c != UInt8(ascii: "-") { return .invalid }
            } else {
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): break
                case UInt8(ascii: "A")...UInt8(ascii: "F"): upper = true
                default: return .invalid
                }
            }
        }
        guard count == 36 else { return .invalid }
        return upper ? .upperCase : .valid
    }
}

/// The body of `POST /v1/batches`.
public struct IncomingBatch: Sendable, Codable {
    public var records: [IncomingRecord]
}
