import GRDB

extension ScanLogStore {
    /// Deletes synced records older than the retention period of their venue. Records not yet
    /// synced (or in conflict) are never deleted, however old: the upstream has not got them.
    /// - Returns: the number of records deleted.
    @discardableResult
    public func purgeExpired(nowMillis: Int64) throws -> Int {
        let policy = configuration.retention
        let day: Int64 = 86_400_000
        let standardCutoff = nowMillis - Int64(policy.standardDays) * day
        let governmentCutoff = nowMillis - Int64(policy.governmentDays) * day
        let venues = Array(policy.governmentVenues)
        // SQLite accepts an empty `IN ()` list (false; `NOT IN ()` is true).
        let placeholders = venues.map { _ in "?" }.joined(separator: ",")
        let venueValues: [(any DatabaseValueConvertible)?] = venues
        let values: [(any DatabaseValueConvertible)?] = [SyncState.synced.rawValue, governmentCutoff] + venueValues
            + [standardCutoff] + venueValues
        let arguments = StatementArguments(values)
        return try write { db in
            try db.execute(
                sql: """
                    DELETE FROM scan WHERE sync_state = ? AND (
                        (wall_ms < ? AND venue_id IN (\(placeholders)))
                        OR (wall_ms < ? AND venue_id NOT IN (\(placeholders)) ))
                    """,
                arguments: arguments)
            return db.changesCount
        }
    }
}
