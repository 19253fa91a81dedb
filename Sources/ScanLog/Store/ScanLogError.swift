import Foundation
import GRDB

/// Everything that can go wrong with the scan log, each with a sentence an operator can act on.
public enum ScanLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not a database, or its pages fail the integrity check (truncated, overwritten).
    case corrupt(path: String, detail: String)
    /// The disk (or the configured page cap) is full. The records were NOT lost: `heldInMemory`
    /// records wait in memory and are written by the next append or `retryHeld()`.
    case diskFull(path: String, heldInMemory: Int)
    /// The file could not be opened or read (permissions, missing directory, I/O error).
    case unavailable(path: String, detail: String)
    /// A record that must not be stored as given (e.g. a digest that is not 64 lower-case hex).
    case invalidRecord(id: String, reason: String)
    /// The database was written by a newer version of this software.
    case newerSchema(path: String)
    /// A bundle older than the one already kept was offered: an older trust list would re-admit
    /// passes revoked since. Refused unless the rollback is explicitly allowed.
    case rollback(kind: String, stored: Int, offered: Int)

    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            "The scan log at \(path) is damaged (\(detail)). Move it aside for recovery; a new log will be started."
        case .diskFull(let path, let held):
            "The disk holding \(path) is full; \(held) record(s) are held in memory until space is freed."
        case .unavailable(let path, let detail):
            "The scan log at \(path) cannot be used: \(detail)."
        case .invalidRecord(let id, let reason):
            "Record \(id) was refused: \(reason)."
        case .newerSchema(let path):
            "The scan log at \(path) was written by a newer version; update this kiosk."
        case .rollback(let kind, let stored, let offered):
            "Refusing to replace the \(kind) version \(stored) with the older version \(offered) (a rollback); "
                + "allow it explicitly if this is intended."
        }
    }

    /// Maps a GRDB/SQLite error to the case an operator needs.
    static func wrap(_ error: any Error, path: String) -> ScanLogError {
        if let own = error as? ScanLogError { return own }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return .corrupt(path: path, detail: db.message ?? "\(db.resultCode)")
            case .SQLITE_FULL:
                return .diskFull(path: path, heldInMemory: 0)
            default:
                if db.extendedResultCode == .SQLITE_IOERR_SHORT_READ {
                    return .corrupt(path: path, detail: "file is shorter than its header says (truncated)")
                }
                return .unavailable(path: path, detail: db.message ?? "\(db.resultCode)")
            }
        }
        return .unavailable(path: path, detail: "\(error)")
    }
}
