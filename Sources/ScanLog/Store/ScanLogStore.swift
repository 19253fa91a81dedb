import Foundation
import GRDB

/// The kiosk's durable outbox: every decision is committed here before anything else happens to
/// it, and stays until the upstream has it (and, once synced, for the retention period).
///
/// A GRDB `DatabasePool` in WAL mode with `synchronous=FULL`: a commit returns only after the WAL is
/// on stable storage, so neither `kill -9` nor a power cut loses an acknowledged record. Readers
/// (sync, status, export) never block the writer. Appends are synchronous and local — they never
/// wait on the network; `Sync` reads the outbox from its own task.
public final class ScanLogStore: Sendable {
    public let path: String
    public let configuration: ScanLogConfiguration
    let pool: DatabasePool
    /// Records that could not be written (disk full, I/O error): kept and retried first, never dropped.
    private let held = Locked<[ScanRecord]>([])

    /// Opens (creating if needed) and migrates the log at `path`.
    /// - Throws: `ScanLogError.corrupt` for a damaged file, `.newerSchema`, `.unavailable`.
    public init(path: String, configuration: ScanLogConfiguration = ScanLogConfiguration()) throws {
        self.path = path
        self.configuration = configuration
        var config = Configuration()
        // After a crash the first connection replays the WAL under an exclusive lock; others
        // (GRDB's readers, `threshold log status`) wait for it instead of failing with SQLITE_BUSY.
        config.busyMode = .timeout(10)
        let cap = configuration.maxPageCount
        config.prepareDatabase { db in
            if let cap { try db.execute(sql: "PRAGMA max_page_count = \(cap)") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            // GRDB switches its WAL writer to synchronous=NORMAL after `prepareDatabase` has run,
            // which leaves the last commits to the page cache: a power cut loses them
            // (scripts/powercut-test caught it). FULL again, on the one connection that writes.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            let migrator = Schema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw ScanLogError.newerSchema(path: path)
            }
            try migrator.migrate(pool)
            if configuration.checkIntegrityOnOpen {
                let problems = try pool.read { try String.fetchAll($0, sql: "PRAGMA quick_check(5)") }
                if problems != ["ok"] {
                    throw ScanLogError.corrupt(path: path, detail: problems.joined(separator: "; "))
                }
            }
        } catch {
            throw ScanLogError.wrap(error, path: path)
        }
    }

    /// Opens the log; when it is damaged, moves the file aside (kept for recovery, never deleted)
    /// and starts a fresh one, so a kiosk with a bad file keeps deciding instead of crash-looping.
    /// - Returns: the store and, when a damaged file was moved, where it went.
    public static func openRecovering(
        path: String, configuration: ScanLogConfiguration = ScanLogConfiguration(), nowMillis: Int64
    ) throws -> (store: ScanLogStore, quarantined: String?) {
        do {
            return (try ScanLogStore(path: path, configuration: configuration), nil)
        } catch ScanLogError.corrupt {
            let moved = "\(path).corrupt-\(nowMillis)"
            let fm = FileManager.default
            do {
                for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
                    try fm.moveItem(atPath: path + suffix, toPath: moved + suffix)
                }
            } catch {
                throw ScanLogError.unavailable(path: path, detail: "cannot move the damaged file aside: \(error)")
            }
            return (try ScanLogStore(path: path, configuration: configuration), moved)
        }
    }

    /// Durably appends one record.
    /// - Throws: `.diskFull` (the record is held in memory and retried), `.invalidRecord`.
    public func append(_ record: ScanRecord) throws {
        try append(contentsOf: [record])
    }

    /// Durably appends records in one transaction (one fsync for the lot).
    /// Records already in the log with the same id are left as they are. Every text field is
    /// bounded first (``ScanRecord/bounded()``), whoever built the record.
    public func append(contentsOf records: [ScanRecord]) throws {
        let records = records.map { $0.bounded() }
        var digests = [[UInt8]]()
        digests.reserveCapacity(records.count)
        for r in records {
            guard let d = r.digestBytes else {
                throw ScanLogError.invalidRecord(
                    id: r.id.description, reason: "token digest is not 64 lower-case hex characters")
            }
            digests.append(d)
        }
        let earlier = held.withLock { h in defer { h = [] }; return h }
        do {
            try pool.write { db in
                let statement = try db.cachedStatement(sql: RecordRow.insertSQL)
                for r in earlier {
                    if let d = r.digestBytes { try statement.execute(arguments: RecordRow.arguments(r, digest: d)) }
                }
                for (r, d) in zip(records, digests) {
                    try statement.execute(arguments: RecordRow.arguments(r, digest: d))
                }
            }
        } catch {
            let count = held.withLock { h in h = earlier + records + h; return h.count }
            switch ScanLogError.wrap(error, path: path) {
            case .diskFull: throw ScanLogError.diskFull(path: path, heldInMemory: count)
            case let other: throw other
            }
        }
    }

    /// Writes records held in memory after a failed append (e.g. once disk space was freed).
    /// - Returns: how many were written.
    @discardableResult
    public func retryHeld() throws -> Int {
        let count = heldInMemory
        if count > 0 { try append(contentsOf: []) }
        return count
    }

    /// Records waiting in memory because the disk refused them.
    public var heldInMemory: Int { held.withLock { $0.count } }

    /// The oldest unsynced records, oldest first.
    public func pendingBatch(limit: Int) throws -> [ScanRecord] {
        try read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(RecordRow.columns) FROM scan WHERE sync_state = 0 ORDER BY id LIMIT ?",
                arguments: [max(0, limit)])
            var out = [ScanRecord]()
            while let row = try rows.next() { out.append(try RecordRow.decode(row, path: path)) }
            return out
        }
    }

    /// Marks records as held by the upstream. Idempotent.
    public func markSynced(ids: [RecordID], atMillis: Int64) throws {
        try setState(.synced, ids: ids, atMillis: atMillis)
    }

    /// Marks records the upstream refused because it holds different content under the same id.
    /// They stop being re-sent, stay visible in `status`, and are never purged.
    public func markConflicted(ids: [RecordID], atMillis: Int64) throws {
        try setState(.conflict, ids: ids, atMillis: atMillis)
    }

    /// Marks records the upstream refused one by one, keeping its reason with each. They stop
    /// being re-sent (so one bad record cannot hold back the ones behind it), stay visible in
    /// `status` as an alarm, and are never purged.
    public func markRejected(_ rejections: [(id: RecordID, reason: String)], atMillis: Int64) throws {
        guard !rejections.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(
                sql: "UPDATE scan SET sync_state = ?, synced_ms = ?, sync_note = ? WHERE sync_state = 0 AND id = ?")
            for (id, reason) in rejections {
                try statement.execute(arguments: [SyncState.rejected.rawValue, atMillis, String(reason.prefix(512)), id.data])
            }
        }
    }

    /// Records the upstream refused one by one, with its reason, newest first (for the operator).
    public func rejectedRecords(limit: Int) throws -> [(record: ScanRecord, reason: String)] {
        try read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(RecordRow.columns), sync_note FROM scan WHERE sync_state = 3 ORDER BY id DESC LIMIT ?",
                arguments: [max(0, limit)])
            var out = [(record: ScanRecord, reason: String)]()
            while let row = try rows.next() {
                out.append((try RecordRow.decode(row, path: path), (row[19] as String?) ?? ""))
            }
            return out
        }
    }

    private func setState(_ state: SyncState, ids: [RecordID], atMillis: Int64) throws {
        guard !ids.isEmpty else { return }
        // One statement per 500 ids (well under SQLite's parameter limit), all in one transaction.
        let chunk = 500
        try write { db in
            for start in stride(from: 0, to: ids.count, by: chunk) {
                let part = ids[start..<min(ids.count, start + chunk)]
                let marks = repeatElement("?", count: part.count).joined(separator: ",")
                let statement = try db.cachedStatement(
                    sql: "UPDATE scan SET sync_state = ?, synced_ms = ? WHERE sync_state = 0 AND id IN (\(marks))")
                var values: [(any DatabaseValueConvertible)?] = [state.rawValue, atMillis]
                values.reserveCapacity(part.count + 2)
                for id in part { values.append(id.data) }
                try statement.execute(arguments: StatementArguments(values))
            }
        }
    }

    /// One record by id (for tests, audits and the CLI).
    public func record(id: RecordID) throws -> ScanRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(RecordRow.columns) FROM scan WHERE id = ?", arguments: [id.data])
                .map { try RecordRow.decode($0, path: path) }
        }
    }

    /// The writer's `PRAGMA synchronous` (2 = FULL: every commit waits for the WAL to be on disk).
    func writerSynchronousMode() throws -> Int {
        try write { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// Reads with errors mapped to `ScanLogError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw ScanLogError.wrap(error, path: path) }
    }

    /// Writes with errors mapped to `ScanLogError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw ScanLogError.wrap(error, path: path) }
    }
}
