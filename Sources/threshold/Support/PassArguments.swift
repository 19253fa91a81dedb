import ArgumentParser
import Foundation
import Passes

/// Argument helpers shared by the pass-related commands (keys, pass, holder, trustlist, verify).
enum PassArguments {
    /// `24h`, `90m`, `3600s`, `2d`, or plain seconds.
    static func duration(_ text: String) throws -> TimeInterval {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        if let unit = text.last, let scale = units[unit], let value = Double(text.dropLast()), value > 0 { return value * scale }
        if let value = Double(text), value > 0 { return value }
        throw ValidationError("'\(text)' is not a duration (e.g. 24h, 90m, 3600s)")
    }

    /// ISO 8601 date-time (`2026-11-21T10:00:00Z`) or a plain date (`2026-11-21`, midnight UTC).
    static func date(_ text: String) throws -> Date {
        // Read in full: a fraction or a zone offset is never dropped (a formatter that failed on
        // `.635560Z` used to fall back to reading the date alone, i.e. midnight).
        if let date = ISODate.parseInstant(text) { return date }
        throw ValidationError("'\(text)' is not an RFC 3339 date (2021-06-02) or date-time with a zone (2021-06-02T13:34:13.5Z, …+02:00)")
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    static func read(_ path: String) throws -> String {
        try FileProblem.text(path)
    }

    static func write(_ text: String, to path: String, private isPrivate: Bool = false) throws {
        let url = URL(fileURLWithPath: path)
        try Data(text.utf8).write(to: url, options: .atomic)
        if isPrivate { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
    }

    static func signingKey(file: String) throws -> SigningKey {
        do { return try KeyPEM.signingKey(read(file)) } catch let error as PassError {
            throw CommandFailure(.badData, "\(file): \(error.detail)")
        }
    }

    static func verificationKey(file: String) throws -> VerificationKey {
        do { return try KeyPEM.verificationKey(read(file)) } catch let error as PassError {
            throw CommandFailure(.badData, "\(file): \(error.detail)")
        }
    }
}

/// A JSON object on one line, keys in the order given (other tools read these lines).
struct JSONLineObject {
    var fields: [(String, String?)]

    var text: String {
        "{" + fields.map { "\"\($0.0)\": " + ($0.1.map(Self.quote) ?? "null") }.joined(separator: ", ") + "}"
    }

    /// The same RFC 8259 escaping as every other JSON line the CLI prints.
    static func quote(_ s: String) -> String { JSON.quote(s) }
}
