import GRDB

/// Scans in one 5-minute bucket. "Accepted" means the door opened: a valid pass turned away by a
/// venue rule (`rule` set) counts as denied.
public struct ScanBucket: Sendable, Hashable, Codable {
    /// Unix ms of the bucket's start (a multiple of 300 000).
    public var startMillis: Int64
    public var total: Int
    public var accepted: Int
    public var denied: Int
}

/// Totals over a time range.
public struct OutcomeCounts: Sendable, Hashable, Codable {
    public var accepted: Int
    public var denied: Int
    public var errors: Int
    public var total: Int { accepted + denied + errors }
}

/// Visitors seen more than once (same token digest) in a time range.
public struct RepeatVisits: Sendable, Hashable, Codable {
    /// Distinct tokens scanned at least twice.
    public var repeatVisitors: Int
    /// Scans beyond each visitor's first.
    public var repeatScans: Int
    /// Distinct tokens in the range.
    public var distinctVisitors: Int
}

/// Dashboard figures, each one SQL aggregate over the `wall_ms` index: rows are never loaded.
/// Ranges are half-open, `[fromMillis, toMillis)`.
extension ScanLogStore {
    public static let bucketMillis: Int64 = 300_000

    public func scansPerFiveMinutes(fromMillis: Int64, toMillis: Int64) throws -> [ScanBucket] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT (wall_ms / 300000) * 300000 AS bucket, COUNT(*),
                           SUM(outcome = 'accept' AND rule IS NULL), SUM(outcome = 'deny' OR (outcome = 'accept' AND rule IS NOT NULL))
                    FROM scan WHERE wall_ms >= ? AND wall_ms < ? GROUP BY bucket ORDER BY bucket
                    """,
                arguments: [fromMillis, toMillis]
            ).map { ScanBucket(startMillis: $0[0], total: $0[1], accepted: $0[2], denied: $0[3]) }
        }
    }

    public func outcomeCounts(fromMillis: Int64, toMillis: Int64) throws -> OutcomeCounts {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(outcome = 'accept' AND rule IS NULL), 0),
                           COALESCE(SUM(outcome = 'deny' OR (outcome = 'accept' AND rule IS NOT NULL)), 0),
                           COALESCE(SUM(outcome = 'error'), 0)
                    FROM scan WHERE wall_ms >= ? AND wall_ms < ?
                    """,
                arguments: [fromMillis, toMillis])
            return OutcomeCounts(accepted: row?[0] ?? 0, denied: row?[1] ?? 0, errors: row?[2] ?? 0)
        }
    }

    /// Share of scans with a known health status whose status is not green; nil when none had one.
    public func nonGreenRatio(fromMillis: Int64, toMillis: Int64) throws -> Double? {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(status), COALESCE(SUM(status <> 'green'), 0)
                    FROM scan WHERE wall_ms >= ? AND wall_ms < ?
                    """,
                arguments: [fromMillis, toMillis])
            let known: Int = row?[0] ?? 0
            let nonGreen: Int = row?[1] ?? 0
            return known == 0 ? nil : Double(nonGreen) / Double(known)
        }
    }

    public func repeatVisits(fromMillis: Int64, toMillis: Int64) throws -> RepeatVisits {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COALESCE(SUM(n > 1), 0), COALESCE(SUM(n - 1), 0) FROM (
                        SELECT COUNT(*) AS n FROM scan WHERE wall_ms >= ? AND wall_ms < ? GROUP BY token_digest)
                    """,
                arguments: [fromMillis, toMillis])
            return RepeatVisits(repeatVisitors: row?[1] ?? 0, repeatScans: row?[2] ?? 0, distinctVisitors: row?[0] ?? 0)
        }
    }
}
