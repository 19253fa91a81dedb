import TestSupport
import XCTest
import GRDB
@testable import ScanLog

final class MigrationTests: XCTestCase {
    /// A log written by version 1 (no status column) opens, migrates to v2 and keeps its rows.
    func testUpgradesAVersion1Log() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("v1.sqlite").path
        let r = RecordFactory().make(visitor: 5)
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                XCTAssertFalse(try db.columns(in: "scan").contains { $0.name == "status" })
                try db.execute(
                    sql: """
                        INSERT INTO scan (id, device_id, venue_id, wall_ms, mono_ns, outcome, token_digest, decode_us, verify_us)
                        VALUES (?, ?, ?, ?, ?, 'accept', ?, 10, 20)
                        """,
                    arguments: [r.id.data, r.deviceID, r.venueID, r.wallMillis, 5, Data(r.digestBytes ?? [])])
            }
        }
        let store = try ScanLogStore(path: path)
        let applied = try store.pool.read { try Schema.migrator.appliedIdentifiers($0) }
        XCTAssertEqual(applied, Set(Schema.versions))
        let back = try XCTUnwrap(try store.record(id: r.id))
        XCTAssertEqual(back.tokenDigest, r.tokenDigest)
        XCTAssertNil(back.status)
        XCTAssertEqual(back.decodeMicros, 10)
        // And the new column works for new rows.
        try store.append(r.withNewID(RecordIDGenerator(rng: SeededRNG(seed: 77)).next(millis: r.wallMillis + 1)))
        XCTAssertEqual(try store.nonGreenRatio(fromMillis: 0, toMillis: .max), 0)
    }

    func testRefusesALogFromANewerVersion() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("future.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            var future = Schema.migrator
            future.registerMigration("v99") { db in try db.execute(sql: "CREATE TABLE later (x)") }
            try future.migrate(queue)
        }
        XCTAssertThrowsError(try ScanLogStore(path: path)) { error in
            XCTAssertEqual(error as? ScanLogError, .newerSchema(path: path))
        }
    }
}

extension ScanRecord {
    func withNewID(_ id: RecordID) -> ScanRecord {
        var copy = self
        copy.id = id
        return copy
    }
}
