import Foundation
import GRDB
import Hummingbird
import PostgresNIO
import HummingbirdTesting
import XCTest
@testable import Upstream

/// The same behaviour from both stores: SQLite (embedded) and PostgreSQL (a real cluster).
final class RecordStoreContractTests: XCTestCase {
    func testSQLiteStore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteRecordStore(path: StoreLocation.sqlitePath(directory))
        // An acknowledged batch must survive a power cut: GRDB's WAL default (NORMAL) is not enough.
        let synchronous = try await store.pool.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        XCTAssertEqual(synchronous, 2)
        try await exercise(store)
    }

    func testPostgreSQLStoreAndRoutes() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        // A database made before records were keyed by (device, id) is re-keyed when opened.
        let older = try await PostgresRecordStore(url: cluster.url)
        for statement in ["ALTER TABLE record DROP CONSTRAINT record_pkey", "ALTER TABLE record ADD PRIMARY KEY (id)"] {
            try await older.client.query(PostgresQuery(unsafeSQL: statement), logger: older.logger)
        }
        await older.shutdown()
        let store = try await PostgresRecordStore(url: cluster.url)
        let key = try await store.client.query(
            """
            SELECT array_length(conkey, 1) FROM pg_constraint WHERE conrelid = 'record'::regclass AND contype = 'p'
            """, logger: store.logger)
        for try await columns in key.decode(Int.self) { XCTAssertEqual(columns, 2, "primary key (device_id, id)") }
        try await exercise(store)
        // The HTTP ingest path over PostgreSQL.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: store)
        let app = Application(router: UpstreamServer(store: store, dataDirectory: directory).router())
        let batch = try batchBody((500..<520).map { recordJSON($0) })
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(token), body: batch) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(try json(r.body)["accepted"] as? Int, 20)
            }
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(token), body: batch) { r in
                XCTAssertEqual(try json(r.body)["duplicates"] as? Int, 20)
            }
        }
        await store.shutdown()
    }

    func incoming(_ n: Int, issuer: String = "did:web:health.example") throws -> (record: IncomingRecord, json: String) {
        let data = try JSONSerialization.data(withJSONObject: recordJSON(n, issuer: issuer))
        let record = try JSONDecoder().decode(IncomingRecord.self, from: data)
        return (record, try record.canonicalJSON())
    }

    func exercise(_ store: any RecordStore) async throws {
        // Devices: only the digest finds them; revocation sticks; ids are unique.
        try await store.addDevice(id: "k", role: .device, tokenSHA256: DeviceToken.sha256("secret"), createdMillis: 1)
        let found = try await store.device(tokenSHA256: DeviceToken.sha256("secret"))
        XCTAssertEqual(found, Device(id: "k", role: .device, revoked: false))
        let unknown = try await store.device(tokenSHA256: DeviceToken.sha256("other"))
        XCTAssertNil(unknown)
        let revoked = try await store.revokeDevice(id: "k")
        XCTAssertTrue(revoked)
        let missing = try await store.revokeDevice(id: "nobody")
        XCTAssertFalse(missing)
        let after = try await store.device(tokenSHA256: DeviceToken.sha256("secret"))
        XCTAssertEqual(after?.revoked, true)
        do {
            try await store.addDevice(id: "k", role: .admin, tokenSHA256: "x", createdMillis: 2)
            XCTFail("duplicate device accepted")
        } catch let error as UpstreamError { XCTAssertEqual(error, .deviceExists("k")) }

        // Ingest: new, retry, conflict (never overwritten), the same id twice in one batch.
        let three = try (1...3).map { try incoming($0) }
        var result = try await store.ingest(three, receivedMillis: 10)
        XCTAssertEqual(result, IngestResult(accepted: 3, duplicates: 0, conflicts: []))
        result = try await store.ingest(three, receivedMillis: 11)
        XCTAssertEqual(result, IngestResult(accepted: 0, duplicates: 3, conflicts: []))
        let forged = try incoming(2, issuer: "did:web:evil.example")
        result = try await store.ingest([forged, try incoming(4)], receivedMillis: 12)
        XCTAssertEqual(result, IngestResult(accepted: 1, duplicates: 0, conflicts: [forged.record.id]))
        let five = try incoming(5)
        result = try await store.ingest([five, five], receivedMillis: 13)
        XCTAssertEqual(result, IngestResult(accepted: 1, duplicates: 1, conflicts: []))
        var conflicts = try await store.conflictCount()
        XCTAssertEqual(conflicts, 1)
        // Several conflicts in one batch, beside a retry: all refused and kept, in one go.
        let forgedAgain = try [1, 3].map { try incoming($0, issuer: "did:web:evil.example") }
        result = try await store.ingest(forgedAgain + [three[0]], receivedMillis: 13)
        XCTAssertEqual(result, IngestResult(accepted: 0, duplicates: 1, conflicts: forgedAgain.map(\.record.id)))
        conflicts = try await store.conflictCount()
        XCTAssertEqual(conflicts, 3)
        let kept = try await store.records(venue: "venue-1", fromMillis: 0, toMillis: .max, after: nil, limit: 10)
        XCTAssertEqual(kept.first { $0.id == forged.record.id }?.json, three[1].json)

        // Keyset paging walks a range in order without gaps or repeats.
        _ = try await store.ingest(try (100..<350).map { try incoming($0) }, receivedMillis: 14)
        var seen = [String]()
        var cursor: (Int64, String, String)?
        while true {
            let page = try await store.records(venue: "venue-1", fromMillis: 0, toMillis: .max, after: cursor, limit: 100)
            seen += page.map(\.id)
            guard page.count == 100, let last = page.last else { break }
            cursor = (last.wallMillis, last.deviceID, last.id)
        }
        XCTAssertEqual(seen.count, 255)
        XCTAssertEqual(Set(seen).count, 255)
        let counts = try await store.counts()
        XCTAssertEqual(counts.rows, 255)
        XCTAssertEqual(counts.distinctIDs, 255)
        let none = try await store.records(venue: "venue-9", fromMillis: 0, toMillis: .max, after: nil, limit: 10)
        XCTAssertTrue(none.isEmpty)

        // Finding 5 of issue 13 (records keyed by id alone): another device's record with the same
        // id is its own record — neither a duplicate nor a conflict — and paging sees both.
        try await theUpstreamKeysRecordsByIdAlone(store)

        // Venue bindings: per device, idempotent, only for registered devices.
        let unbound = try await store.venues(deviceID: "k")
        XCTAssertEqual(unbound, [])
        for venue in ["venue-1", "venue-2", "venue-1"] {
            let bound = try await store.bindVenue(deviceID: "k", venueID: venue)
            XCTAssertTrue(bound)
        }
        let nobody = try await store.bindVenue(deviceID: "nobody", venueID: "venue-1")
        XCTAssertFalse(nobody)
        let venues = try await store.venues(deviceID: "k")
        XCTAssertEqual(venues, ["venue-1", "venue-2"])
        let others = try await store.venues(deviceID: "nobody")
        XCTAssertEqual(others, [])
    }

    func theUpstreamKeysRecordsByIdAlone(_ store: any RecordStore) async throws {
        let mine = try incoming(100)
        var theirs = mine
        theirs.record.deviceID = "kiosk-9"
        theirs.json = try theirs.record.canonicalJSON()
        let first = try await store.ingest([theirs], receivedMillis: 15)
        XCTAssertEqual(first, IngestResult(accepted: 1, duplicates: 0, conflicts: []))
        let again = try await store.ingest([theirs, mine], receivedMillis: 16)
        XCTAssertEqual(again, IngestResult(accepted: 0, duplicates: 2, conflicts: []))
        var changed = theirs
        changed.record.kid = "k2"
        changed.json = try changed.record.canonicalJSON()
        let conflict = try await store.ingest([changed], receivedMillis: 17)
        XCTAssertEqual(conflict, IngestResult(accepted: 0, duplicates: 0, conflicts: [mine.record.id]), "same device, same id, other content")
        let counts = try await store.counts()
        XCTAssertEqual(counts.rows, 256)
        XCTAssertEqual(counts.distinctIDs, 256)
        var keys = [String]()
        var cursor: (Int64, String, String)?
        while true {
            let page = try await store.records(venue: "venue-1", fromMillis: 0, toMillis: .max, after: cursor, limit: 7)
            keys += page.map { $0.deviceID + "/" + $0.id }
            guard page.count == 7, let last = page.last else { break }
            cursor = (last.wallMillis, last.deviceID, last.id)
        }
        XCTAssertEqual(keys.count, 256)
        XCTAssertEqual(Set(keys).count, 256)
        XCTAssertTrue(keys.contains("kiosk-9/" + mine.record.id) && keys.contains("kiosk-1/" + mine.record.id))
    }

    /// A store made before records were keyed by (device, id) is migrated with its records.
    func testTheUpstreamKeysRecordsByIdAloneAfterAnUpgrade() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = StoreLocation.sqlitePath(directory)
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteRecordStore.migrator.migrate(queue, upTo: "v1")
            let old = try incoming(1)
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO record (id, device_id, venue_id, wall_ms, body, received_ms) VALUES (?, ?, ?, ?, ?, 1)",
                               arguments: [old.record.id, old.record.deviceID, old.record.venueID, old.record.wallMillis, old.json])
            }
        }
        let store = try SQLiteRecordStore(path: path)
        var theirs = try incoming(1)
        theirs.record.deviceID = "kiosk-9"
        theirs.json = try theirs.record.canonicalJSON()
        let result = try await store.ingest([try incoming(1), theirs], receivedMillis: 2)
        XCTAssertEqual(result, IngestResult(accepted: 1, duplicates: 1, conflicts: []))
        let counts = try await store.counts()
        XCTAssertEqual(counts.rows, 2)
    }
}
