import Foundation

/// Parses the ISO 8601 / RFC 3339 forms that passes carry: `YYYY-MM-DD`, optionally followed by
/// `THH:MM[:SS[.fraction]]` and `Z` or `±HH[:]MM`. A date without a zone is read as UTC.
///
/// Why hand-written: it is pure (no formatter objects, no locale), Sendable, fast, and strict
/// about ranges, which matters for fields inside signed certificates read at the door.
public enum ISODate {
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(Cursor(bytes: $0), requireZone: false) }
    }

    /// An instant as RFC 3339 writes it: a date-time with its fraction and zone read in full
    /// (`2021-06-02T13:34:13.635560Z`, `…+02:00`), or a bare date (`2021-06-02`, 00:00 UTC).
    /// Nil for a date-time without a zone — whose instant depends on where it was written —
    /// and for anything else: a clock for verification is never guessed.
    public static func parseInstant(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(Cursor(bytes: $0), requireZone: true) }
    }

    /// A read position in the text. A struct with mutating methods rather than local functions
    /// capturing a `var`: those box the index and pay dynamic exclusivity checks on every digit.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        var atEnd: Bool { i == bytes.count }

        mutating func digits(_ count: Int) -> Int? {
            guard i + count <= bytes.count else { return nil }
            var value = 0
            for k in 0..<count {
                let c = bytes[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            i += count
            return value
        }

        mutating func expect(_ c: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == c else { return false }
            i += 1
            return true
        }
    }

    private static func parse(_ cursor: Cursor, requireZone: Bool) -> Date? {
        var c = cursor
        guard let year = c.digits(4), c.expect(45), let month = c.digits(2), c.expect(45), let day = c.digits(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        guard !c.atEnd else { return Date(timeIntervalSince1970: seconds) }
        guard c.expect(84) || c.expect(116) || c.expect(32), let hour = c.digits(2), c.expect(58), let minute = c.digits(2),
              hour < 24, minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if c.expect(58) {
            guard let second = c.digits(2), second <= 60 else { return nil }
            seconds += Double(second)
            if c.expect(46) {
                var scale = 0.1
                let start = c.i
                while !c.atEnd, c.bytes[c.i] >= 48, c.bytes[c.i] <= 57 {
                    seconds += Double(c.bytes[c.i] - 48) * scale
                    scale /= 10
                    c.i += 1
                }
                guard c.i > start else { return nil }
            }
        }
        if c.atEnd { return requireZone ? nil : Date(timeIntervalSince1970: seconds) }
        if c.expect(90) || c.expect(122) {
            return c.atEnd ? Date(timeIntervalSince1970: seconds) : nil
        }
        guard !c.atEnd, c.bytes[c.i] == 43 || c.bytes[c.i] == 45 else { return nil }
        let sign: Double = c.bytes[c.i] == 43 ? 1 : -1
        c.i += 1
        guard let offsetHours = c.digits(2) else { return nil }
        _ = c.expect(58)
        guard let offsetMinutes = c.digits(2), c.atEnd, offsetHours < 24, offsetMinutes < 60 else { return nil }
        return Date(timeIntervalSince1970: seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
