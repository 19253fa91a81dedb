import Foundation
import GRDB

/// What `threshold log status` and the kiosk's staff screen show.
public struct LogStatus: Sendable, Hashable, Codable {
    public var total: Int
    public var unsynced: Int
    /// Records the upstream refused as conflicting with a different record of the same id.
    public var conflicted: Int
    /// Records the upstream refused one by one (a field it would not take): kept here, not
    /// re-sent. Non-zero is an alarm: those records are not upstream.
    public var rejected: Int = 0
    /// Age of the oldest unsynced record, in seconds; nil when everything is synced.
    public var oldestUnsyncedAgeSeconds: Double?
    /// Bytes on disk: the database file plus its WAL.
    public var databaseBytes: UInt64
    /// Records waiting in memory because the disk refused them (non-zero is an alarm).
    public var heldInMemory: Int
    public var disk: DiskSpaceStatus

    /// True when staff should look: low disk, or records not yet on disk.
    public var isAlarm: Bool { disk.isAlarm || heldInMemory > 0 }

    /// True when the upstream refused records that are therefore only on this kiosk.
    public var isUploadAlarm: Bool { rejected > 0 }
}

extension ScanLogStore {
    /// Counts and sizes; uses indexes, never reads every row into memory.
    public func status(nowMillis: Int64) throws -> LogStatus {
        let (total, unsynced, conflicted, rejected, oldest) = try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scan") ?? 0
            let unsynced = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scan WHERE sync_state = 0") ?? 0
            let conflicted = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scan WHERE sync_state = 2") ?? 0
            let rejected = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scan WHERE sync_state = 3") ?? 0
            let oldest = try Int64.fetchOne(
                db, sql: "SELECT MIN(wall_ms) FROM (SELECT wall_ms FROM scan WHERE sync_state = 0 ORDER BY id LIMIT 64)")
            return (total, unsynced, conflicted, rejected, oldest)
        }
        let directory = (path as NSString).deletingLastPathComponent
        return LogStatus(
            total: total, unsynced: unsynced, conflicted: conflicted, rejected: rejected,
            oldestUnsyncedAgeSeconds: oldest.map { Double(max(0, nowMillis - $0)) / 1000 },
            databaseBytes: fileSize(path) + fileSize(path + "-wal"),
            heldInMemory: heldInMemory,
            disk: DiskSpaceStatus.measure(
                path: directory.isEmpty ? "." : directory, thresholds: configuration.diskThresholds))
    }

    /// Free space on the log's file system, classified against the configured thresholds.
    public func diskSpace() -> DiskSpaceStatus {
        let directory = (path as NSString).deletingLastPathComponent
        return DiskSpaceStatus.measure(path: directory.isEmpty ? "." : directory, thresholds: configuration.diskThresholds)
    }

    private func fileSize(_ path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.uint64Value ?? 0
    }
}

extension ScanLogStore {
    /// Moves the WAL into the database file and truncates it, so the file size is the data's size
    /// (benchmarks measure bytes per record this way; SQLite also checkpoints on its own).
    public func checkpointForMeasurement() throws {
        do { _ = try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) } } catch { throw ScanLogError.wrap(error, path: path) }
    }
}
