import Foundation

/// A registered kiosk (or an operator account, for queries).
public struct Device: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable { case device, admin }
    public var id: String
    public var role: Role
    public var revoked: Bool
}

/// What one ingest did.
public struct IngestResult: Sendable, Hashable, Codable {
    /// Newly stored.
    public var accepted: Int
    /// Already held with identical content (a retry): acknowledged, not stored twice.
    public var duplicates: Int
    /// Ids already held with DIFFERENT content: refused, the stored record untouched.
    public var conflicts: [String]
    /// Records refused one by one (not stored), with the reason for each; the rest of the batch is.
    public var rejected: [RejectedRecord]

    public init(accepted: Int, duplicates: Int, conflicts: [String], rejected: [RejectedRecord] = []) {
        self.accepted = accepted; self.duplicates = duplicates; self.conflicts = conflicts; self.rejected = rejected
    }
}

/// One stored record: its indexed fields and its canonical JSON.
public struct StoredRecord: Sendable, Hashable {
    public var id: String
    public var deviceID: String
    public var venueID: String
    public var wallMillis: Int64
    public var json: String
}

/// Where the upstream keeps records and devices. Two implementations: SQLite (embedded default,
/// one venue or a test bench) and PostgreSQL (a fleet).
public protocol RecordStore: Sendable {
    /// Stores new records, acknowledges identical re-sends, refuses (and counts) conflicting ones —
    /// all in one transaction. A record is identified by (device_id, id): the same id from another
    /// device is another record (one kiosk cannot claim, or block, another's ids); only the same
    /// device's id with different content is a conflict.
    func ingest(_ records: [(record: IncomingRecord, json: String)], receivedMillis: Int64) async throws -> IngestResult
    /// Records of a venue with `fromMillis <= wall_ms < toMillis`, ordered by (wall_ms, device_id,
    /// id), after a cursor position `(wall_ms, device_id, id)` (keyset paging, so an export streams
    /// without holding the range in memory).
    func records(venue: String, fromMillis: Int64, toMillis: Int64, after: (Int64, String, String)?, limit: Int) async throws -> [StoredRecord]
    /// All records' count, and how many distinct (device, id) keys (the two must be equal).
    func counts() async throws -> (rows: Int, distinctIDs: Int)
    /// Conflicts seen so far (the alarm counter).
    func conflictCount() async throws -> Int

    func device(tokenSHA256: String) async throws -> Device?
    /// Registers a device with the SHA-256 of its token. Throws when the id exists.
    func addDevice(id: String, role: Device.Role, tokenSHA256: String, createdMillis: Int64) async throws
    /// Returns false when there is no such device.
    func revokeDevice(id: String) async throws -> Bool
    /// Binds a device to a venue it may upload records for (idempotent). Returns false when there
    /// is no such device.
    func bindVenue(deviceID: String, venueID: String) async throws -> Bool
    /// The venues a device is bound to; empty for a device registered without any (which may then
    /// upload for any venue, as before venues were bound).
    func venues(deviceID: String) async throws -> Set<String>
}
