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
}
