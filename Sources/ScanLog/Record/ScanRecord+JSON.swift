public import JSONText

extension ScanRecord {
    /// Appends the record's upload form: the same JSON object `JSONEncoder` makes of it (snake_case
    /// keys, absent optionals omitted, the id and digest as lower-case text), written directly —
    /// the sync client encodes every record once, so this is on the backlog-drain hot path.
    /// A non-finite temperature (never measured as such) is omitted, as JSON cannot hold it.
    public func appendJSON(to json: inout JSONBytes) {
        json.raw("{")
        json.key("id"); json.string(id.description)
        json.raw(","); json.key("device_id"); json.string(deviceID)
        json.raw(","); json.key("venue_id"); json.string(venueID)
        json.raw(","); json.key("wall_ms"); json.integer(wallMillis)
        json.raw(","); json.key("mono_ns"); json.integer(monotonicNanos)
        json.raw(","); json.key("outcome"); json.string(outcome.rawValue)
        if let reason { json.raw(","); json.key("reason"); json.string(reason.rawValue) }
        if let format { json.raw(","); json.key("format"); json.string(format.rawValue) }
        if let issuer { json.raw(","); json.key("issuer"); json.string(issuer) }
        if let kid { json.raw(","); json.key("kid"); json.string(kid) }
        if let status { json.raw(","); json.key("status"); json.string(status.rawValue) }
        json.raw(","); json.key("token_digest"); json.string(tokenDigest)
        if let display {
            json.raw(","); json.key("display")
            json.raw("{"); json.key("name"); json.string(display.name)
            json.raw(","); json.key("idTail"); json.string(display.idTail); json.raw("}")
        }
        if let temperature, temperature.isFinite { json.raw(","); json.key("temperature"); json.number(temperature) }
        json.raw(","); json.key("decode_us"); json.integer(decodeMicros)
        json.raw(","); json.key("verify_us"); json.integer(verifyMicros)
        if let rule { json.raw(","); json.key("rule"); json.string(rule) }
        json.raw("}")
    }
}
