import XCTest
@testable import ScanLog

final class RetentionTests: XCTestCase {
    func testPurgesOnlySyncedRecordsPastTheirVenuesPeriod() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ScanLogStore(
            path: directory.appendingPathComponent("r.sqlite").path,
            configuration: ScanLogConfiguration(retention: RetentionPolicy(governmentVenues: ["city-hall"])))
        let f = RecordFactory(startMillis: day0)
        // Ages in days: 200, 120, 89 for a normal venue and a government venue; synced or not.
        var expectKept = Set<RecordID>(), expectPurged = Set<RecordID>()
        for age in [200, 120, 89] as [Int64] {
            for venue in ["venue-1", "city-hall"] {
                for synced in [true, false] {
                    f.clock.set(wallMillis: day0 - age * dayMillis)
                    let r = f.make(visitor: Int(age), venue: venue)
                    try store.append(r)
                    if synced { try store.markSynced(ids: [r.id], atMillis: r.wallMillis + 1000) }
                    let limit: Int64 = venue == "city-hall" ? 180 : 90
                    if synced && age > limit { expectPurged.insert(r.id) } else { expectKept.insert(r.id) }
                }
            }
        }
        // An unsynced record five years old, and a conflicted one: never purged.
        f.clock.set(wallMillis: day0 - 5 * 365 * dayMillis)
        let ancient = f.make(visitor: 1)
        let conflicted = f.make(visitor: 2)
        try store.append(contentsOf: [ancient, conflicted])
        try store.markConflicted(ids: [conflicted.id], atMillis: day0)
        expectKept.formUnion([ancient.id, conflicted.id])

        XCTAssertEqual(try store.purgeExpired(nowMillis: day0), expectPurged.count)
        XCTAssertEqual(expectPurged.count, 3)  // venue-1 at 200 and 120 days, city-hall at 200
        for id in expectKept { XCTAssertNotNil(try store.record(id: id), "kept \(id)") }
        for id in expectPurged { XCTAssertNil(try store.record(id: id), "purged \(id)") }
        XCTAssertEqual(try store.purgeExpired(nowMillis: day0), 0, "idempotent")
    }

    func testStandardRetentionWithNoGovernmentVenues() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ScanLogStore(path: directory.appendingPathComponent("r.sqlite").path)
        let f = RecordFactory(startMillis: day0 - 91 * dayMillis)
        let old = f.make(visitor: 1)
        f.clock.set(wallMillis: day0 - 89 * dayMillis)
        let recent = f.make(visitor: 2)
        try store.append(contentsOf: [old, recent])
        try store.markSynced(ids: [old.id, recent.id], atMillis: day0)
        XCTAssertEqual(try store.purgeExpired(nowMillis: day0), 1)
        XCTAssertNil(try store.record(id: old.id))
        XCTAssertNotNil(try store.record(id: recent.id))
    }

    /// The scheduler purges on its first call, then only once per interval of the injected clock;
    /// expired records that never synced are reported, not deleted.
    func testSchedulerPurgesOncePerIntervalOnTheInjectedClock() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ScanLogStore(path: directory.appendingPathComponent("r.sqlite").path)
        let f = RecordFactory(startMillis: day0 - 100 * dayMillis)
        let syncedOld = f.make(visitor: 1), pendingOld = f.make(visitor: 2)
        try store.append(contentsOf: [syncedOld, pendingOld])
        try store.markSynced(ids: [syncedOld.id], atMillis: day0 - 99 * dayMillis)

        let clock = ManualClock(wallMillis: day0)
        let scheduler = RetentionScheduler(store: store, clock: clock, interval: .seconds(3_600))
        XCTAssertEqual(try scheduler.runIfDue(), RetentionReport(purged: 1, keptUnsynced: 1, nowMillis: day0))
        XCTAssertNil(try store.record(id: syncedOld.id))
        XCTAssertNotNil(try store.record(id: pendingOld.id))

        // Within the hour: nothing runs, even though a new record has expired meanwhile.
        f.clock.set(wallMillis: day0 - 95 * dayMillis)
        let later = f.make(visitor: 3)
        try store.append(later)
        try store.markSynced(ids: [later.id], atMillis: day0)
        clock.advance(millis: 3_599_000)
        XCTAssertNil(try scheduler.runIfDue())
        XCTAssertNotNil(try store.record(id: later.id))

        // A wall-clock step forward (NTP) does not trigger a pass; the monotonic hour does.
        clock.set(wallMillis: day0 + 3_600_000)
        XCTAssertNil(try scheduler.runIfDue())
        clock.advance(millis: 1_000)
        XCTAssertEqual(try scheduler.runIfDue(), RetentionReport(purged: 1, keptUnsynced: 1, nowMillis: day0 + 3_601_000))
        XCTAssertNil(try store.record(id: later.id))
        XCTAssertNil(try scheduler.runIfDue())
    }
}
