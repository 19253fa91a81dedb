import Foundation

/// When the venue is open, per weekday, in the venue's local time (a fixed UTC offset: the pure
/// core reads no time-zone database; a venue in a DST zone updates its offset with its config).
///
/// An interval whose close is not after its open runs overnight into the next day
/// (`22:00-02:00`); `00:00-24:00` is the whole day.
public struct WeeklyHours: Sendable, Hashable {
    public enum Weekday: Int, Sendable, Hashable, CaseIterable {
        case mon, tue, wed, thu, fri, sat, sun
        public var key: String { String(describing: self) }
    }

    /// Seconds since local midnight; `close` may be ≤ `open` (overnight) or 86400 (end of day).
    public struct Interval: Sendable, Hashable {
        public var open: Int
        public var close: Int
        public init(open: Int, close: Int) { self.open = open; self.close = close }
        public var overnight: Bool { close <= open }
    }

    /// Index by `Weekday.rawValue`; an empty list means closed that day.
    public var days: [[Interval]]
    /// Local time minus UTC, in seconds (e.g. +08:00 → 28800).
    public var utcOffsetSeconds: Int

    public init(days: [[Interval]], utcOffsetSeconds: Int = 0) {
        self.days = days.count == 7 ? days : Array(repeating: [], count: 7)
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    public static let alwaysOpen = WeeklyHours(days: Array(repeating: [Interval(open: 0, close: 86_400)], count: 7))

    /// Local day number (days since 1970-01-01 local) and seconds into that day.
    public func localDay(_ now: Date) -> (day: Int, second: Int) {
        let local = Int(now.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (day, local - day * 86_400)
    }

    /// 1970-01-01 was a Thursday.
    static func weekday(ofDay day: Int) -> Int { ((day + 3) % 7 + 7) % 7 }

    public func isOpen(at now: Date) -> Bool {
        let (day, second) = localDay(now)
        let today = Self.weekday(ofDay: day)
        let yesterday = (today + 6) % 7
        for interval in days[today] {
            if interval.overnight ? second >= interval.open : (second >= interval.open && second < interval.close) { return true }
        }
        return days[yesterday].contains { $0.overnight && second < $0.close }
    }
}
