import Foundation
import Logging
import PostgresNIO

/// The fleet store: PostgreSQL through PostgresNIO's connection pool. A batch (one device's records)
/// is two round trips (a bulk `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING RETURNING id`,
/// then one lookup of the ids that already existed), plus one bulk insert of refused versions when
/// there are conflicts, inside one transaction. Records are keyed by (device_id, id).
public final class PostgresRecordStore: RecordStore {
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger: Logger

    /// Connects to `postgres://user[:password]@host[:port]/database` and creates the tables if needed.
    public init(url: String, logger: Logger = Logger(label: "upstream.postgres")) async throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, let user = components.user, !user.isEmpty else {
            throw UpstreamError.storage("Not a PostgreSQL URL (postgres://user@host:port/database): \(url)")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        runner = Task { await client.run() }
        do {
            for statement in Self.schema { try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
        } catch {
            runner.cancel()
            throw UpstreamError.storage("PostgreSQL at \(host):\(components.port ?? 5432) is not usable: \(String(reflecting: error))")
        }
    }

    /// Stops the connection pool.
    public func shutdown() async {
        runner.cancel()
        await runner.value
    }

    static let schema = [
        """
        CREATE TABLE IF NOT EXISTS record (
            id TEXT COLLATE "C" NOT NULL, device_id TEXT COLLATE "C" NOT NULL, venue_id TEXT NOT NULL,
            wall_ms BIGINT NOT NULL, body TEXT NOT NULL, received_ms BIGINT NOT NULL, PRIMARY KEY (device_id, id))
        """,
        // A table made before records were keyed by (device, id) is re-keyed once.
        """
        DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'record'::regclass AND contype = 'p'
                       AND array_length(conkey, 1) = 1) THEN
                ALTER TABLE record DROP CONSTRAINT record_pkey;
                ALTER TABLE record ADD PRIMARY KEY (device_id, id);
            END IF;
        END $$
        """,
        "DROP INDEX IF EXISTS record_venue_time",
        "CREATE INDEX IF NOT EXISTS record_venue_device_time ON record (venue_id, wall_ms, device_id, id)",
        """
        CREATE TABLE IF NOT EXISTS device (
            id TEXT PRIMARY KEY, token_sha256 TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
            revoked BOOLEAN NOT NULL DEFAULT FALSE, created_ms BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS device_venue (
            device_id TEXT NOT NULL, venue_id TEXT NOT NULL, PRIMARY KEY (device_id, venue_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS conflict (
            seq BIGSERIAL PRIMARY KEY, record_id TEXT NOT NULL, device_id TEXT NOT NULL,
            received_ms BIGINT NOT NULL, body TEXT NOT NULL)
        """,
    ]

    public func ingest(_ records: [(record: IncomingRecord, json: String)], receivedMillis: Int64) async throws -> IngestResult {
        guard !records.isEmpty else { return IngestResult(accepted: 0, duplicates: 0, conflicts: []) }
        // Records are keyed by (device, id). A batch comes from one device; the store takes any mix.
        var devices = [String]()
        var byDevice = [String: [(record: IncomingRecord, json: String)]]()
        for r in records {
            if byDevice[r.record.deviceID] == nil { devices.append(r.record.deviceID) }
            byDevice[r.record.deviceID, default: []].append(r)
        }
        let logger = self.logger
        let groups = devices.map { ($0, byDevice[$0] ?? []) }
        return try await storage {
            try await client.withTransaction(logger: logger) { connection in
                var result = IngestResult(accepted: 0, duplicates: 0, conflicts: [])
                for (device, part) in groups {
                    let one = try await Self.ingest(part, device: device, receivedMillis: receivedMillis, on: connection, logger: logger)
                    result.accepted += one.accepted
                    result.duplicates += one.duplicates
                    result.conflicts += one.conflicts
                }
                return result
            }
        }
    }

    /// One device's records, inside the caller's transaction: a bulk insert that skips the keys
    /// already held, one lookup of those, and one bulk insert of the refused versions.
    private static func ingest(
        _ records: [(record: IncomingRecord, json: String)], device: String, receivedMillis: Int64,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> IngestResult {
        let ids = records.map(\.record.id), devices = records.map(\.record.deviceID)
        let venues = records.map(\.record.venueID), walls = records.map(\.record.wallMillis), bodies = records.map(\.json)
        var inserted = Set<String>()
        let rows = try await connection.query(
            """
            INSERT INTO record (id, device_id, venue_id, wall_ms, body, received_ms)
            SELECT u.id, u.device_id, u.venue_id, u.wall_ms, u.body, \(receivedMillis)
            FROM unnest(\(ids)::text[], \(devices)::text[], \(venues)::text[], \(walls)::int8[], \(bodies)::text[])
                AS u(id, device_id, venue_id, wall_ms, body)
            ON CONFLICT (device_id, id) DO NOTHING RETURNING id
            """, logger: logger)
        for try await id in rows.decode(String.self) { inserted.insert(id) }
        var existing = [String: String]()
        let others = Array(Set(ids).subtracting(inserted))
        if !others.isEmpty {
            let found = try await connection.query(
                "SELECT id, body FROM record WHERE device_id = \(device) AND id = ANY(\(others))", logger: logger)
            for try await (id, body) in found.decode((String, String).self) { existing[id] = body }
        }
        var result = IngestResult(accepted: 0, duplicates: 0, conflicts: [])
        var counted = Set<String>()
        var conflictDevices = [String](), conflictBodies = [String]()
        for (r, json) in records {
            if inserted.contains(r.id), counted.insert(r.id).inserted {
                result.accepted += 1
                existing[r.id] = json
            } else if existing[r.id] == json {
                result.duplicates += 1
            } else {
                result.conflicts.append(r.id)
                conflictDevices.append(r.deviceID)
                conflictBodies.append(json)
            }
        }
        if !result.conflicts.isEmpty {
            // The refused versions are kept for the operator, in the same transaction, one statement.
            try await connection.query(
                """
                INSERT INTO conflict (record_id, device_id, received_ms, body)
                SELECT u.id, u.device_id, \(receivedMillis), u.body
                FROM unnest(\(result.conflicts)::text[], \(conflictDevices)::text[], \(conflictBodies)::text[])
                    AS u(id, device_id, body)
                """, logger: logger)
        }
        return result
    }

    public func records(venue: String, fromMillis: Int64, toMillis: Int64, after: (Int64, String, String)?, limit: Int) async throws -> [StoredRecord] {
        let (afterMs, afterDevice, afterID) = after ?? (Int64.min, "", "")
        return try await storage {
            let rows = try await client.query(
                """
                SELECT id, device_id, venue_id, wall_ms, body FROM record
                WHERE venue_id = \(venue) AND wall_ms >= \(fromMillis) AND wall_ms < \(toMillis)
                  AND (wall_ms, device_id, id) > (\(afterMs), \(afterDevice), \(afterID))
                ORDER BY wall_ms, device_id, id LIMIT \(limit)
                """, logger: logger)
            var out = [StoredRecord]()
            for try await (id, device, venue, wall, body) in rows.decode((String, String, String, Int64, String).self) {
                out.append(StoredRecord(id: id, deviceID: device, venueID: venue, wallMillis: wall, json: body))
            }
            return out
        }
    }

    public func counts() async throws -> (rows: Int, distinctIDs: Int) {
        try await storage {
            let rows = try await client.query(
                "SELECT COUNT(*), (SELECT COUNT(*) FROM (SELECT DISTINCT device_id, id FROM record) AS k) FROM record", logger: logger)
            for try await (n, d) in rows.decode((Int64, Int64).self) { return (Int(n), Int(d)) }
            return (0, 0)
        }
    }

    public func conflictCount() async throws -> Int {
        try await storage {
            let rows = try await client.query("SELECT COUNT(*) FROM conflict", logger: logger)
            for try await n in rows.decode(Int64.self) { return Int(n) }
            return 0
        }
    }

    public func device(tokenSHA256: String) async throws -> Device? {
        try await storage {
            let rows = try await client.query(
                "SELECT id, role, revoked FROM device WHERE token_sha256 = \(tokenSHA256)", logger: logger)
            for try await (id, role, revoked) in rows.decode((String, String, Bool).self) {
                return Device(id: id, role: Device.Role(rawValue: role) ?? .device, revoked: revoked)
            }
            return nil
        }
    }

    public func addDevice(id: String, role: Device.Role, tokenSHA256: String, createdMillis: Int64) async throws {
        let inserted = try await storage {
            let rows = try await client.query(
                """
                INSERT INTO device (id, token_sha256, role, created_ms) VALUES (\(id), \(tokenSHA256), \(role.rawValue), \(createdMillis))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """, logger: logger)
            for try await _ in rows.decode(String.self) { return true }
            return false
        }
        if !inserted { throw UpstreamError.deviceExists(id) }
    }

    public func revokeDevice(id: String) async throws -> Bool {
        try await storage {
            let rows = try await client.query("UPDATE device SET revoked = TRUE WHERE id = \(id) RETURNING id", logger: logger)
            for try await _ in rows.decode(String.self) { return true }
            return false
        }
    }

    public func bindVenue(deviceID: String, venueID: String) async throws -> Bool {
        let logger = self.logger
        return try await storage {
            let rows = try await client.query(
                """
                INSERT INTO device_venue (device_id, venue_id) SELECT id, \(venueID) FROM device WHERE id = \(deviceID)
                ON CONFLICT DO NOTHING RETURNING device_id
                """, logger: logger)
            var inserted = false
            for try await _ in rows.decode(String.self) { inserted = true }
            if inserted { return true }
            let exists = try await client.query("SELECT id FROM device WHERE id = \(deviceID)", logger: logger)
            for try await _ in exists.decode(String.self) { return true }
            return false
        }
    }

    public func venues(deviceID: String) async throws -> Set<String> {
        let logger = self.logger
        return try await storage {
            let rows = try await client.query("SELECT venue_id FROM device_venue WHERE device_id = \(deviceID)", logger: logger)
            var out = Set<String>()
            for try await venue in rows.decode(String.self) { out.insert(venue) }
            return out
        }
    }

    private func storage<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as UpstreamError { throw error } catch {
            throw UpstreamError.storage("PostgreSQL failed: \(String(reflecting: error))")
        }
    }
}
