extension VenueConfig {
    /// One line for `threshold config check`: who the venue is and what its door asks.
    public var summary: String {
        let r = rules
        var parts = ["\(id) \"\(name)\" (\(type.rawValue))"]
        parts.append("formats \(r.formats.map(\.rawValue).sorted().joined(separator: "/"))")
        parts.append("status \(r.statuses.map(\.rawValue).sorted().joined(separator: "/"))")
        if let v = r.vaccination { parts.append("≥\(v.minDoses) doses, ≥\(v.minDaysSinceLastDose) d" + (v.maxDaysSinceLastDose.map { "/≤\($0) d" } ?? "")) }
        if let t = r.test { parts.append("test ≤\(t.maxAgeHours) h") }
        if let t = r.temperature { parts.append("temp <\(t.thresholdCelsius) °C (\(t.whenMissing.rawValue) when missing)") }
        if let c = r.capacity { parts.append("capacity \(c.maximum)\(c.countExits ? " with exits" : "")") }
        parts.append(r.requireProof ? "live proof required" : "proof optional")
        if !r.requireVenueBinding { parts.append("unbound proofs accepted") }
        parts.append(r.antiPassbackMinutes > 0 ? "anti-passback \(r.antiPassbackMinutes) min" : "anti-passback off")
        parts.append("same code in view \(r.debounceSeconds) s")
        parts.append("rate \(r.rateLimit.maxScans)/\(r.rateLimit.windowSeconds) s → lock \(r.rateLimit.lockMinutes) min"
                     + (r.rateLimit.dailyCap.map { ", \($0)/day" } ?? ""))
        parts.append("stale trust \(r.staleTrust.rawValue)")
        parts.append("door \(doorPulseMilliseconds) ms")
        return parts.joined(separator: ", ")
    }
}
