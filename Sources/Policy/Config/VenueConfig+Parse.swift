import Foundation
import Passes

extension VenueConfig {
    /// Parses and validates a venue file. Throws `VenueConfigErrors` with every problem found
    /// (a TOML syntax error is the only one reported alone).
    public static func parse(_ text: String) throws(VenueConfigErrors) -> VenueConfig {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw VenueConfigErrors(errors: [VenueConfigError(line: error.line, key: "", .syntax(error.kind))])
        }
        let sink = ConfigReader.Sink()
        let reader = ConfigReader(root, path: "", line: 1, sink: sink)
        let config = read(reader)
        reader.finish()
        guard sink.errors.isEmpty, let config else {
            if sink.errors.isEmpty { sink.errors.append(VenueConfigError(line: 1, key: "venue", .missing)) }
            throw VenueConfigErrors(errors: sink.errors.sorted { ($0.line, $0.key) < ($1.line, $1.key) })
        }
        return config
    }

    private static func read(_ root: ConfigReader) -> VenueConfig? {
        guard let venue = root.table("venue") else {
            root.report(1, "venue", .missing)
            _ = root.table("hours"); _ = root.tables("contacts"); _ = root.table("rules"); _ = root.table("door")
            return nil
        }
        var config = VenueConfig(id: "", name: "")
        if let (id, line) = venue.string("id", required: true) {
            let ok = !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
            if ok { config.id = id } else { venue.report(line, "id", .invalid("venue id must be 1–64 characters of a–z, 0–9, - or _")) }
        }
        if let (name, line) = venue.string("name", required: true) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                venue.report(line, "name", .invalid("venue name must not be empty"))
            } else if name.count > maxNameLength {
                venue.report(line, "name", .invalid("venue name has \(name.count) characters; the screen shows at most \(maxNameLength)"))
            } else {
                config.name = name
            }
        }
        if let (address, _) = venue.string("address") { config.address = address }
        if let type = venue.word("type", as: VenueType.self) { config.type = type }
        var offset = 0
        if let (text, line) = venue.string("utc_offset") {
            if let seconds = parseOffset(text) { offset = seconds } else {
                venue.report(line, "utc_offset", .invalid("UTC offset must look like +08:00 or -05:30 (between -12:00 and +14:00)"))
            }
        }
        venue.finish()

        config.hours = root.table("hours").map { readHours($0, offset: offset) } ?? WeeklyHours(days: WeeklyHours.alwaysOpen.days, utcOffsetSeconds: offset)
        config.contacts = (root.tables("contacts") ?? []).compactMap(readContact)
        if let rules = root.table("rules") { config.rules = readRules(rules) }
        if let door = root.table("door") {
            if let pulse = door.int("pulse_ms", in: 50...10_000) { config.doorPulseMilliseconds = pulse }
            door.finish()
        }
        return config
    }

    /// `+08:00` → 28800.
    static func parseOffset(_ text: String) -> Int? {
        let chars = Array(text)
        guard chars.count == 6, chars[0] == "+" || chars[0] == "-", chars[3] == ":",
              let h = Int(String(chars[1...2])), let m = Int(String(chars[4...5])), m < 60, chars[1...2].allSatisfy(\.isNumber),
              chars[4...5].allSatisfy(\.isNumber) else { return nil }
        let seconds = (h * 60 + m) * 60 * (chars[0] == "-" ? -1 : 1)
        return (-12 * 3600...14 * 3600).contains(seconds) ? seconds : nil
    }

    private static func readContact(_ reader: ConfigReader) -> Contact? {
        defer { reader.finish() }
        guard let (role, _) = reader.string("role", required: true) else { return nil }
        let contact = Contact(role: role, name: reader.string("name")?.0, phone: reader.string("phone")?.0,
                              email: reader.string("email")?.0)
        if contact.phone == nil && contact.email == nil {
            reader.report(reader.line, "phone", .invalid("a contact needs a phone or an email"))
        }
        return contact
    }

    private static func readRules(_ r: ConfigReader) -> Rules {
        var rules = Rules()
        if let formats = r.words("formats", as: PassFormat.self) {
            if formats.isEmpty { r.report(r.table["formats"]?.line ?? r.line, "formats", .invalid("at least one pass format must be accepted")) }
            rules.formats = formats
        }
        if let issuers = r.strings("issuers") { rules.issuers = Set(issuers) }
        if let statuses = r.words("statuses", as: HealthStatus.self) {
            if statuses.isEmpty { r.report(r.table["statuses"]?.line ?? r.line, "statuses", .invalid("at least one status colour must be allowed")) }
            if statuses.contains(.red) { r.report(r.table["statuses"]?.line ?? r.line, "statuses", .invalid("red may never be allowed to enter")) }
            rules.statuses = statuses
        }
        if let v = r.bool("require_proof") { rules.requireProof = v }
        if let v = r.bool("require_venue_binding") { rules.requireVenueBinding = v }
        if let v = r.word("stale_trust", as: StaleTrustPolicy.self) { rules.staleTrust = v }
        if let v = r.int("max_trust_age_hours", in: 1...720) { rules.maxTrustAgeHours = v }
        if let v = r.bool("accept_recovery") { rules.acceptRecovery = v }
        if let v = r.word("combine", as: Combine.self) { rules.combine = v }
        if let v = r.int("debounce_seconds", in: 0...600) { rules.debounceSeconds = v }
        if let v = r.int("anti_passback_minutes", in: 0...1440) { rules.antiPassbackMinutes = v }
        if let t = r.table("vaccination") {
            var v = Vaccination()
            if let x = t.int("min_doses", in: 1...10) { v.minDoses = x }
            if let x = t.int("min_days_since_last_dose", in: 0...3650) { v.minDaysSinceLastDose = x }
            if let x = t.int("max_days_since_last_dose", in: 1...3650) {
                if x < v.minDaysSinceLastDose {
                    t.report(t.table["max_days_since_last_dose"]?.line ?? t.line, "max_days_since_last_dose",
                             .invalid("maximum days since last dose (\(x)) is below the minimum (\(v.minDaysSinceLastDose))"))
                }
                v.maxDaysSinceLastDose = x
            }
            t.finish()
            rules.vaccination = v
        }
        if let t = r.table("test") {
            var rule = TestRule()
            if let x = t.int("max_age_hours", in: 1...720) { rule.maxAgeHours = x }
            t.finish()
            rules.test = rule
        }
        if let t = r.table("temperature") {
            var rule = Temperature()
            if let x = t.double("threshold_c", in: 35.0...42.0) { rule.thresholdCelsius = x }
            if let x = t.int("max_reading_age_seconds", in: 1...600) { rule.maxReadingAgeSeconds = x }
            if let x = t.word("when_missing", as: MissingReading.self) { rule.whenMissing = x }
            t.finish()
            rules.temperature = rule
        }
        if let t = r.table("capacity") {
            if let max = t.int("max", in: 1...1_000_000) {
                var capacity = Capacity(maximum: max)
                if let x = t.bool("count_exits") { capacity.countExits = x }
                rules.capacity = capacity
            } else {
                if t.table["max"] == nil { t.report(t.line, "max", .missing) }
                _ = t.bool("count_exits")
            }
            t.finish()
        }
        if let t = r.table("rate_limit") {
            var rule = RateLimit()
            if let x = t.int("max_scans", in: 1...1000) { rule.maxScans = x }
            if let x = t.int("window_seconds", in: 1...3600) { rule.windowSeconds = x }
            if let x = t.int("lock_minutes", in: 0...1440) { rule.lockMinutes = x }
            if let x = t.int("daily_cap", in: 0...100_000) { rule.dailyCap = x == 0 ? nil : x }
            t.finish()
            rules.rateLimit = rule
        }
        r.finish()
        return rules
    }
}
