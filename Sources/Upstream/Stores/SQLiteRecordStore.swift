import Foundation
import GRDB

/// The embedded store: one SQLite file in the data directory, WAL, `synchronous=FULL` — an
/// acknowledged batch survives a crash of the server, or the kiosk would mark it synced in vain.
public final class SQLiteRecordStore: RecordStore {
    let pool: DatabasePool
    public let path: String

    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)  // WAL recovery after a crash, admin commands beside the server
        do {
            pool = try DatabasePool(path: path, configuration: config)
            // GRDB sets its WAL writer to synchronous=NORMAL after `prepareDatabase`; FULL here.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrator.migrate(pool)
        } catch {
            throw UpstreamError.storage("cannot open \(path): \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE record (
                    id TEXT PRIMARY KEY NOT NULL,
                    device_id TEXT NOT NULL,
                    venue_id TEXT NOT NULL,
                    wall_ms INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    received_ms INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX record_venue_time ON record(venue_id, wall_ms, id);
                CREATE TABLE device (
                    id TEXT PRIMARY KEY NOT NULL,
                    token_sha256 TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL,
                    revoked INTEGER NOT NULL DEFAULT 0,
                    created_ms INTEGER NOT NULL
                );
                CREATE TABLE conflict (
                    seq INTEGER PRIMARY KEY,
                    record_id TEXT NOT NULL,
                    device_id TEXT NOT NULL,
                    received_ms INTEGER NOT NULL,
                    body TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2-device-venue") { db in
            // Which venues each kiosk may upload records for.
            try db.execute(sql: """
                CREATE TABLE device_venue (
                    device_id TEXT NOT NULL,
                    venue_id TEXT NOT NULL,
                    PRIMARY KEY (device_id, venue_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3-device-key") { db in
            // Records keyed by (device, id): one kiosk's ids cannot collide with another's.
            try db.execute(sql: """
                CREATE TABLE record_by_device (
                    id TEXT NOT NULL,
                    device_id TEXT NOT NULL,
                    venue_id TEXT NOT NULL,
                    wall_ms INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    received_ms INTEGER NOT NULL,
                    PRIMARY KEY (device_id, id)
                ) WITHOUT ROWID;
                INSERT INTO record_by_device (id, device_id, venue_id, wall_ms, body, received_ms)
                    SELECT id, device_id, venue_id, wall_ms, body, received_ms FROM record;
                DROP TABLE record;
                ALTER TABLE record_by_device RENAME TO record;
                CREATE INDEX record_venue_time ON record(venue_id, wall_ms, device_id, id);
                """)
        }
        return migrator
    }

    public func ingest(_ records: [(record: IncomingRecord, json: String)], receivedMillis: Int64) async throws -> IngestResult {
        try await storage {
            try await pool.write { db in
                var result = IngestResult(accepted: 0, duplicates: 0, conflicts: [])
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO record (id, device_id, venue_id, wall_ms, body, received_ms) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(device_id, id) DO NOTHING
                    """)
                let existing = try db.cachedStatement(sql: "SELECT body FROM record WHERE device_id = ? AND id = ?")
                let conflict = try db.cachedStatement(
                    sql: "INSERT INTO conflict (record_id, device_id, received_ms, body) VALUES (?, ?, ?, ?)")
                for (r, json) in records {
                    try insert.execute(arguments: [r.id, r.deviceID, r.venueID, r.wallMillis, json, receivedMillis])
                    if db.changesCount == 1 {
                        result.accepted += 1
                    } else if try String.fetchOne(existing, arguments: [r.deviceID, r.id]) == json {
                        result.duplicates += 1
                    } else {
                        try conflict.execute(arguments: [r.id, r.deviceID, receivedMillis, json])
                        result.conflicts.append(r.id)
                    }
                }
                return result
            }
        }
    }

    public func records(venue: String, fromMillis: Int64, toMillis: Int64, after: (Int64, String, String)?, limit: Int) async throws -> [StoredRecord] {
        try await storage {
            try await pool.read { db in
                let (afterMs, afterDevice, afterID) = after ?? (Int64.min, "", "")
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, device_id, venue_id, wall_ms, body FROM record
                        WHERE venue_id = ? AND wall_ms >= ? AND wall_ms < ? AND (wall_ms, device_id, id) > (?, ?, ?)
                        ORDER BY wall_ms, device_id, id LIMIT ?
                        """,
                    arguments: [venue, fromMillis, toMillis, afterMs, afterDevice, afterID, limit]
                ).map { StoredRecord(id: $0[0], deviceID: $0[1], venueID: $0[2], wallMillis: $0[3], json: $0[4]) }
            }
        }
    }

    public func counts() async throws -> (rows: Int, distinctIDs: Int) {
        try await storage {
            try await pool.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), (SELECT COUNT(*) FROM (SELECT DISTINCT device_id, id FROM record)) FROM record")
                return (row?[0] ?? 0, row?[1] ?? 0)
            }
        }
    }

    public func conflictCount() async throws -> Int {
        try await storage { try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM conflict") ?? 0 } }
    }

    public func device(tokenSHA256: String) async throws -> Device? {
        try await storage {
            try await pool.read { db in
                try Row.fetchOne(db, sql: "SELECT id, role, revoked FROM device WHERE token_sha256 = ?", arguments: [tokenSHA256])
                    .map { Device(id: $0[0], role: Device.Role(rawValue: $0[1]) ?? .device, revoked: $0[2]) }
            }
        }
    }

    public func addDevice(id: String, role: Device.Role, tokenSHA256: String, createdMillis: Int64) async throws {
        let inserted = try await storage {
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO device (id, token_sha256, role, created_ms) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                    arguments: [id, tokenSHA256, role.rawValue, createdMillis])
                return db.changesCount == 1
            }
        }
        if !inserted { throw UpstreamError.deviceExists(id) }
    }

    public func revokeDevice(id: String) async throws -> Bool {
        try await storage {
            try await pool.write { db in
                try db.execute(sql: "UPDATE device SET revoked = 1 WHERE id = ?", arguments: [id])
                return db.changesCount == 1
            }
        }
    }

    public func bindVenue(deviceID: String, venueID: String) async throws -> Bool {
        try await storage {
            try await pool.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM device WHERE id = ?)", arguments: [deviceID]) ?? false
                else { return false }
                try db.execute(sql: "INSERT INTO device_venue (device_id, venue_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                               arguments: [deviceID, venueID])
                return true
            }
        }
    }

    public func venues(deviceID: String) async throws -> Set<String> {
        try await storage {
            try await pool.read { db in
                Set(try String.fetchAll(db, sql: "SELECT venue_id FROM device_venue WHERE device_id = ?", arguments: [deviceID]))
            }
        }
    }

    private func storage<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as UpstreamError { throw error } catch {
            throw UpstreamError.storage("the record store failed: \(error)")
        }
    }
}
