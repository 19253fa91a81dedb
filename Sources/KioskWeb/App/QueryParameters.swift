import Foundation
import Hummingbird

/// Reading the few query parameters the screens take, each with bounds and a typed error.
///
/// Why bounds: a value is only useful inside a range the kiosk can compute with; outside it, the
/// arithmetic after parsing overflowed and trapped the door process (`/export?to=-9223372036854775808`
/// computed `to - 24 h`). Every parameter is refused with a 400 before any arithmetic can see it.
enum QueryParameters {
    /// Times from 1970-01-01 to the end of 9999, in Unix milliseconds: far inside Int64, so any sum
    /// or difference of two of them, or one and a day count, cannot overflow.
    static let millisRange: ClosedRange<Int64> = 0...253_402_300_799_999
    /// Longer text is refused before any parser sees it, and never echoed in full.
    static let maxTextBytes = 64

    static let timeExpected = "an ISO 8601 time such as 2026-11-21T09:30:00Z, or Unix milliseconds, between 1970 and 9999"

    /// A time as ISO 8601 (`2026-11-21T09:30:00Z`, fractional seconds allowed) or Unix milliseconds.
    static func time(_ text: String?, name: String) throws(ScreensError) -> Int64? {
        guard let text, !text.isEmpty else { return nil }
        guard text.utf8.count <= maxTextBytes else { throw .badParameter(name: name, value: shown(text), expected: timeExpected) }
        if let millis = Int64(text) {
            guard millisRange.contains(millis) else { throw .badParameter(name: name, value: text, expected: timeExpected) }
            return millis
        }
        let date = (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        guard let seconds = date?.timeIntervalSince1970, seconds.isFinite,
              (Double(millisRange.lowerBound) / 1000...Double(millisRange.upperBound) / 1000).contains(seconds) else {
            throw .badParameter(name: name, value: text, expected: timeExpected)
        }
        return Int64((seconds * 1000).rounded(.down))
    }

    /// A whole number in `range`, or `default` when absent.
    static func integer(_ text: String?, name: String, in range: ClosedRange<Int>, default value: Int) throws(ScreensError) -> Int {
        guard let text, !text.isEmpty else { return value }
        guard text.utf8.count <= maxTextBytes, let number = Int(text), range.contains(number) else {
            throw .badParameter(name: name, value: shown(text), expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// One of `allowed`, or `default` when absent.
    static func choice<T: RawRepresentable<String>>(_ text: String?, name: String, default value: T, expected: String) throws(ScreensError) -> T {
        guard let text, !text.isEmpty else { return value }
        guard let chosen = T(rawValue: text) else { throw .badParameter(name: name, value: shown(text), expected: expected) }
        return chosen
    }

    /// At most `maxTextBytes` of a value, for an error message (a client's megabyte is not echoed).
    static func shown(_ text: String) -> String {
        guard text.utf8.count > maxTextBytes else { return text }
        var out = ""
        for character in text {
            guard out.utf8.count + character.utf8.count <= maxTextBytes else { break }
            out.append(character)
        }
        return out + "…"
    }
}
