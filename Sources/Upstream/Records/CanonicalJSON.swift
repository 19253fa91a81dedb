import JSONText

/// The stored form is written the way `JSONEncoder` (`.sortedKeys`, `.withoutEscapingSlashes`)
/// writes it: a record's stored form must stay byte-identical to what earlier versions stored, or a
/// re-sent record would look like a conflict. `IncomingRecordJSONTests` holds the two side by side.
extension IncomingRecord {
    /// The stored form: the record with its keys sorted, so the same record always has the same
    /// bytes and "same id, different content" is a plain comparison.
    /// - Throws: `UpstreamError.badRequest` for a non-finite temperature (JSON cannot hold it).
    public func canonicalJSON() throws -> String {
        var json = JSONBytes(capacity: 512)
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
