/// Writes JSON text byte by byte, the way `JSONEncoder` (`.sortedKeys`, `.withoutEscapingSlashes`)
/// does: the stored form of a record must stay byte-identical to what earlier versions stored, or a
/// re-sent record would look like a conflict. `IncomingRecordJSONTests` holds the two side by side.
///
/// Why not `JSONEncoder`: one encoder per record was the largest cost of ingesting a batch.
struct CanonicalJSON {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"key":` for a static ASCII key.
    mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00xx`, the rest as UTF-8.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (i, c) in utf8.enumerated() where c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                escape(c)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ c: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(c)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let digits = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), digits[Int(c >> 4)], digits[Int(c & 0x0F)]])
        }
    }

    mutating func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Swift's shortest round-trip form without a trailing `.0`, as `JSONEncoder` writes a Double.
    mutating func number(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }
}

extension IncomingRecord {
    /// The stored form: the record with its keys sorted, so the same record always has the same
    /// bytes and "same id, different content" is a plain comparison.
    /// - Throws: `UpstreamError.badRequest` for a non-finite temperature (JSON cannot hold it).
    public func canonicalJSON() throws -> String {
        var json = CanonicalJSON(capacity: 512)
        json.raw("{"); json.key("decode_us"); json.integer(decodeMicros)
        json.raw(","); json.key("device_id"); json.string(deviceID)
        if let display {
            json.raw(","); json.key("display")
            json.raw("{"); json.key("idTail"); json.string(display.idTail)
            json.raw(","); json.key("name"); json.string(display.name); json.raw("}")
        }
        if let format { json.raw(","); json.key("format"); json.string(format) }
        json.raw(","); json.key("id"); json.string(id)
        if let issuer { json.raw(","); json.key("issuer"); json.string(issuer) }
        if let kid { json.raw(","); json.key("kid"); json.string(kid) }
        json.raw(","); json.key("mono_ns"); json.integer(monotonicNanos)
        json.raw(","); json.key("outcome"); json.string(outcome)
        if let reason { json.raw(","); json.key("reason"); json.string(reason) }
        if let rule { json.raw(","); json.key("rule"); json.string(rule) }
        if let status { json.raw(","); json.key("status"); json.string(status) }
        if let temperature {
            guard temperature.isFinite else { throw UpstreamError.badRequest("temperature is not a number") }
            json.raw(","); json.key("temperature"); json.number(temperature)
        }
        json.raw(","); json.key("token_digest"); json.string(tokenDigest)
        json.raw(","); json.key("venue_id"); json.string(venueID)
        json.raw(","); json.key("verify_us"); json.integer(verifyMicros)
        json.raw(","); json.key("wall_ms"); json.integer(wallMillis)
        json.raw("}")
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
