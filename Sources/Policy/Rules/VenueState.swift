import Foundation

/// What the rule engine remembers between scans: occupancy, and per code (credential digest, or
/// token digest for a pass that did not verify) its last admission, recent scans, lock and daily
/// count. A plain value: the kiosk keeps one, the simulator and the tests keep as many as they
/// like, and `now` always comes from outside.
///
/// Bounded: codes not seen for longer than every window that could still matter are pruned on
/// each scan, and at most `maxTrackedCodes` are kept (the least recently seen ones that are
/// neither locked nor inside their anti-passback window go first; such a code loses its daily
/// count — the price of a hard memory bound).
public struct VenueState: Sendable, Hashable, Codable {
    public struct CodeRecord: Sendable, Hashable, Codable {
        /// Epoch seconds of the scans inside the rate-limit window (oldest first).
        public var scans: [Double] = []
        public var lockedUntil: Double?
        /// Last time this code was judged.
        public var lastPresented: Double
        /// Last time this code was admitted (anti-passback is measured from here).
        public var admittedAt: Double?
        /// Counted entries on the current local day.
        public var entriesToday = 0
    }

    public var occupancy = 0
    /// Local day (days since 1970-01-01 in venue time) the daily counts belong to.
    public var day: Int?
    public var codes: [String: CodeRecord] = [:]

    public static let maxTrackedCodes = 20_000

    public init(occupancy: Int = 0) { self.occupancy = occupancy }

    /// Starts a new local day: daily counts reset; without exit counting, occupancy too.
    mutating func roll(to today: Int, countExits: Bool) {
        guard day != today else { return }
        if day != nil {
            for key in codes.keys { codes[key]?.entriesToday = 0 }
            if !countExits { occupancy = 0 }
        }
        day = today
    }

    /// Drops codes that no window, lock or daily count needs any more, then enforces the bound.
    mutating func prune(now: Double, horizon: Double, antiPassback: Double) {
        func held(_ record: CodeRecord) -> Bool {
            (record.lockedUntil ?? -.infinity) > now || now - (record.admittedAt ?? -.infinity) < antiPassback
        }
        codes = codes.filter { _, record in record.entriesToday > 0 || held(record) || now - record.lastPresented <= horizon }
        guard codes.count > Self.maxTrackedCodes else { return }
        let evictable = codes.filter { !held($0.value) }.sorted { $0.value.lastPresented < $1.value.lastPresented }
        for (key, _) in evictable.prefix(codes.count - Self.maxTrackedCodes) { codes[key] = nil }
    }
}
