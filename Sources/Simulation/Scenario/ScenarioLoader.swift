import Foundation

/// Reads and checks scenario files. Pure over bytes; `load(path:)` is the one I/O entry point.
public enum ScenarioLoader {
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let data: Data
        guard FileManager.default.fileExists(atPath: path) else { throw .unreadable(path: path, detail: "no such file") }
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            var detail = error.localizedDescription
            while detail.hasSuffix(".") { detail.removeLast() }
            throw .unreadable(path: path, detail: detail)
        }
        return try decode(data)
    }

    public static func decode(_ data: Data) throws(ScenarioError) -> Scenario {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let scenario: Scenario
        do { scenario = try decoder.decode(Scenario.self, from: data) } catch let error as DecodingError {
            throw translate(error)
        } catch {
            throw .malformed(field: "(root)", detail: "\(error)")
        }
        try validate(scenario)
        return scenario
    }

    /// The JSON form, keys sorted, as the bundled files are written.
    public static func encode(_ scenario: Scenario) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(scenario)
    }

    /// Range and consistency checks that JSON types cannot express.
    public static func validate(_ s: Scenario) throws(ScenarioError) {
        guard (16...4096).contains(s.frame.width), s.frame.width % 2 == 0 else {
            throw .invalid(field: "frame.width", detail: "must be an even number of pixels from 16 to 4096")
        }
        guard (16...4096).contains(s.frame.height), s.frame.height % 2 == 0 else {
            throw .invalid(field: "frame.height", detail: "must be an even number of lines from 16 to 4096")
        }
        guard (1...120).contains(s.frame.fps) else { throw .invalid(field: "frame.fps", detail: "must be 1–120") }
        for (name, value, range) in s.frame.optics.checked where !(value.isFinite && range.contains(value)) {
            throw .invalid(field: "frame.lens.\(name)", detail: "must be \(range.lowerBound)–\(range.upperBound)")
        }
        guard !s.venue.id.isEmpty else { throw .invalid(field: "venue.id", detail: "must not be empty") }
        guard !s.venue.acceptedStatuses.isEmpty else {
            throw .invalid(field: "venue.acceptedStatuses", detail: "must name at least one colour")
        }
        guard (35...42).contains(s.venue.temperatureThreshold) else {
            throw .invalid(field: "venue.temperatureThreshold", detail: "must be 35–42 °C")
        }
        guard !s.issuer.name.isEmpty else { throw .invalid(field: "issuer.name", detail: "must not be empty") }
        guard !s.visitors.isEmpty else { throw .invalid(field: "visitors", detail: "must list at least one visitor") }
        var seen = Set<String>()
        var previousEnd = -Double.infinity
        for (i, v) in s.visitors.enumerated() {
            let at = "visitors[\(i)]"
            guard !v.id.isEmpty, seen.insert(v.id).inserted else { throw .invalid(field: "\(at).id", detail: "must be unique and non-empty") }
            guard v.arrival.isFinite, v.arrival >= 0, v.arrival <= 3600 else { throw .invalid(field: "\(at).arrival", detail: "must be 0–3600 s") }
            guard v.dwell.isFinite, v.dwell >= 0.2, v.dwell <= 60 else { throw .invalid(field: "\(at).dwell", detail: "must be 0.2–60 s") }
            guard v.arrival >= previousEnd else {
                throw .invalid(field: "\(at).arrival", detail: "overlaps the previous visitor (one phone in view at a time)")
            }
            previousEnd = v.arrival + v.dwell
            guard (30...45).contains(v.temperature) else { throw .invalid(field: "\(at).temperature", detail: "must be 30–45 °C") }
            for (name, value, range) in v.camera.checked where !(value.isFinite && range.contains(value)) {
                throw .invalid(field: "\(at).camera.\(name)", detail: "must be \(range.lowerBound)–\(range.upperBound)")
            }
            if v.pass.attack == .replayedScreenshot {
                guard let age = v.pass.screenshotAge, age >= 90, age <= 86_400 else {
                    throw .invalid(field: "\(at).pass.screenshotAge",
                                   detail: "a replayed screenshot needs an age of 90 s–1 day (older than the proof window)")
                }
            }
        }
    }

    /// A decoding error as the field path it happened at.
    static func translate(_ error: DecodingError) -> ScenarioError {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let all = keys + (last.map { [$0] } ?? [])
            guard !all.isEmpty else { return "(root)" }
            return all.reduce(into: "") { out, key in
                if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .malformed(field: path(context.codingPath, key), detail: "missing")
        case .typeMismatch(let type, let context):
            return .malformed(field: path(context.codingPath), detail: "expected \(type)")
        case .valueNotFound(let type, let context):
            return .malformed(field: path(context.codingPath), detail: "expected \(type), found null")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.hasSuffix("pass.kind") {
                return .unsupported(field: field, detail: "only \"threshold\" passes are simulated (DCC/SHC need national keys)")
            }
            return .malformed(field: field, detail: context.debugDescription)
        @unknown default:
            return .malformed(field: "(root)", detail: "\(error)")
        }
    }
}
