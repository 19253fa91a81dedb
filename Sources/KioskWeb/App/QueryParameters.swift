import Foundation
import Hummingbird

/// Reading the few query parameters the screens take, each with a typed error.
enum QueryParameters {
    /// A time as ISO 8601 (`2026-11-21T09:30:00Z`, fractional seconds allowed) or Unix milliseconds.
    static func time(_ text: String?, name: String) throws(ScreensError) -> Int64? {
        guard let text, !text.isEmpty else { return nil }
        if let millis = Int64(text) { return millis }
        if let date = try? Date(text, strategy: .iso8601) { return Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        }
        throw .badParameter(name: name, value: text, expected: "an ISO 8601 time such as 2026-11-21T09:30:00Z, or Unix milliseconds")
    }

    /// A whole number in `range`, or `default` when absent.
    static func integer(_ text: String?, name: String, in range: ClosedRange<Int>, default value: Int) throws(ScreensError) -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw .badParameter(name: name, value: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
