import Foundation

/// Where `threshold-upstream` keeps records: SQLite in the data directory by default, or a
/// PostgreSQL server when a URL is given.
public enum StoreLocation: Sendable {
    case sqlite(dataDirectory: URL)
    case postgres(url: String)

    /// The SQLite file inside a data directory.
    public static func sqlitePath(_ dataDirectory: URL) -> String {
        dataDirectory.appendingPathComponent("upstream.sqlite").path
    }

    /// Opens the store (for PostgreSQL, connects its pool and creates the tables if needed).
    public func open() async throws -> any RecordStore {
        switch self {
        case .sqlite(let directory):
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return try SQLiteRecordStore(path: Self.sqlitePath(directory))
        case .postgres(let url):
            return try await PostgresRecordStore(url: url)
        }
    }
}
