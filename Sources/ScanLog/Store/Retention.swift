import GRDB

/// What one retention pass did.
public struct RetentionReport: Sendable, Hashable, Codable {
    /// Synced records deleted because they were past their venue's retention period.
    public var purged: Int
    /// Records past that period that were kept because the upstream does not hold them (pending
    /// or in conflict). Non-zero means sync has been failing for a very long time: worth an alarm.
    public var keptUnsynced: Int
    /// The wall-clock time the cutoffs were computed from.
    public var nowMillis: Int64
}

extension ScanLogStore {
    /// Deletes synced records older than the retention period of their venue. Records not yet
    /// synced (or in conflict) are never deleted, however old: the upstream has not got them.
    /// - Returns: the number of records deleted.
    @discardableResult
    public func purgeExpired(nowMillis: Int64) throws -> Int {
        try purge(nowMillis: nowMillis).purged
    }

    /// `purgeExpired`, also counting the expired records kept because they are not synced — in one
    /// transaction, so the two numbers describe the same moment.
    public func purge(nowMillis: Int64) throws -> RetentionReport {
        let policy = configuration.retention
        let day: Int64 = 86_400_000
        let standardCutoff = nowMillis - Int64(policy.standardDays) * day
        let governmentCutoff = nowMillis - Int64(policy.governmentDays) * day
        let venues = Array(policy.governmentVenues)
        // SQLite accepts an empty `IN ()` list (false; `NOT IN ()` is true).
        let placeholders = venues.map { _ in "?" }.joined(separator: ",")
        let expired = """
            ((wall_ms < ? AND venue_id IN (\(placeholders))) OR (wall_ms < ? AND venue_id NOT IN (\(placeholders))))
            """
        let venueValues: [(any DatabaseValueConvertible)?] = venues
        let cutoffs: [(any DatabaseValueConvertible)?] = [governmentCutoff] + venueValues + [standardCutoff] + venueValues
        return try write { db in
            try db.execute(
                sql: "DELETE FROM scan WHERE sync_state = ? AND \(expired)",
                arguments: StatementArguments([SyncState.synced.rawValue] + cutoffs))
            let purged = db.changesCount
            let kept = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM scan WHERE sync_state != ? AND \(expired)",
                arguments: StatementArguments([SyncState.synced.rawValue] + cutoffs)) ?? 0
            return RetentionReport(purged: purged, keptUnsynced: kept, nowMillis: nowMillis)
        }
    }
}
