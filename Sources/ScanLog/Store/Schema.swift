import GRDB

/// The scan log's schema, one migration per released version. Never edit a shipped migration:
/// kiosks in the field upgrade from whatever version they last ran.
enum Schema {
    /// Identifiers of all migrations, oldest first.
    static let versions = ["v1", "v2", "v3", "v4-rejected"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // WITHOUT ROWID: the UUIDv7 key is the row's address, so no second index for it;
            // rows are ~150 bytes, well under the 1/20-page guideline for such tables.
            try db.execute(sql: """
                CREATE TABLE scan (
                    id BLOB PRIMARY KEY NOT NULL,
                    device_id TEXT NOT NULL,
                    venue_id TEXT NOT NULL,
                    wall_ms INTEGER NOT NULL,
                    mono_ns INTEGER NOT NULL,
                    outcome TEXT NOT NULL,
                    reason TEXT,
                    format TEXT,
                    issuer TEXT,
                    kid TEXT,
                    token_digest BLOB NOT NULL,
                    masked_name TEXT,
                    masked_id TEXT,
                    temperature REAL,
                    decode_us INTEGER NOT NULL,
                    verify_us INTEGER NOT NULL,
                    sync_state INTEGER NOT NULL DEFAULT 0,
                    synced_ms INTEGER
                ) WITHOUT ROWID;
                CREATE INDEX scan_wall ON scan(wall_ms);
                CREATE INDEX scan_pending ON scan(id) WHERE sync_state = 0;
                CREATE TABLE trust_bundle (
                    kind TEXT PRIMARY KEY NOT NULL,
                    version INTEGER,
                    bytes BLOB NOT NULL,
                    etag TEXT,
                    fetched_ms INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2") { db in
            // The dashboard's non-green ratio needs the pass's health colour.
            try db.execute(sql: "ALTER TABLE scan ADD COLUMN status TEXT")
        }
        migrator.registerMigration("v3") { db in
            // A valid pass can still be turned away by a venue rule (fever, capacity, rate limit).
            try db.execute(sql: "ALTER TABLE scan ADD COLUMN rule TEXT")
        }
        migrator.registerMigration("v4-rejected") { db in
            // The upstream refuses a bad record on its own and says why; the reason is kept beside
            // the record (sync_state 3) for the operator.
            try db.execute(sql: "ALTER TABLE scan ADD COLUMN sync_note TEXT")
        }
        return migrator
    }
}

/// Outbox states of a record (`sync_state`).
enum SyncState: Int {
    /// Waiting to be uploaded.
    case pending = 0
    /// The upstream holds it.
    case synced = 1
    /// The upstream holds a DIFFERENT record with this id: kept here for an operator, never purged.
    case conflict = 2
    /// The upstream refused this record on its own (`sync_note` says why): kept here for an
    /// operator, never re-sent, never purged; the rest of the outbox keeps moving.
    case rejected = 3
}
