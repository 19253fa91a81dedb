import Foundation
import GRDB

/// The signed bundles a kiosk pulls from upstream, stored as received.
public enum TrustBundleKind: String, Sendable, CaseIterable, Codable {
    case trustList = "trust-list"
    case revocationList = "revocation-list"
    case venueConfig = "venue-config"
}

/// The latest copy of one bundle. The bytes are unverified here: `Passes` verifies signatures.
public struct TrustBundle: Sendable, Hashable {
    public var kind: TrustBundleKind
    public var bytes: Data
    /// The bundle's own version number when the caller knows it (after verification).
    public var version: Int?
    /// The server's ETag, sent back as `If-None-Match`.
    public var etag: String?
    public var fetchedMillis: Int64

    public init(kind: TrustBundleKind, bytes: Data, version: Int? = nil, etag: String? = nil, fetchedMillis: Int64) {
        self.kind = kind; self.bytes = bytes; self.version = version; self.etag = etag
        self.fetchedMillis = fetchedMillis
    }
}

/// Persists trust bundles in the scan log's database, so a rebooted kiosk decides with the last
/// list it had even when offline.
public struct TrustBundleStore: Sendable {
    let store: ScanLogStore

    /// Replaces the bundle of that kind in one transaction: readers see the old or the new, never a mix.
    ///
    /// The kept version is the kiosk's durable high-water mark: a bundle with a lower version is
    /// refused (`ScanLogError.rollback`) whoever offers it — a pull, `run --trust FILE`, a restart
    /// with an old file — unless `allowingRollback` (an operator's explicit, logged choice).
    /// A bundle of unknown version (nil) cannot be compared and is kept as given.
    public func save(_ bundle: TrustBundle, allowingRollback: Bool = false) throws {
        try store.write { db in
            if !allowingRollback, let offered = bundle.version,
               let stored = try Int.fetchOne(db, sql: "SELECT version FROM trust_bundle WHERE kind = ?", arguments: [bundle.kind.rawValue]),
               offered < stored {
                throw ScanLogError.rollback(kind: bundle.kind.rawValue, stored: stored, offered: offered)
            }
            try db.execute(
                sql: """
                    INSERT INTO trust_bundle (kind, version, bytes, etag, fetched_ms) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(kind) DO UPDATE SET version = excluded.version, bytes = excluded.bytes,
                        etag = excluded.etag, fetched_ms = excluded.fetched_ms
                    """,
                arguments: [bundle.kind.rawValue, bundle.version, bundle.bytes, bundle.etag, bundle.fetchedMillis])
        }
    }

    public func latest(_ kind: TrustBundleKind) throws -> TrustBundle? {
        try store.read { db in
            try Row.fetchOne(
                db, sql: "SELECT version, bytes, etag, fetched_ms FROM trust_bundle WHERE kind = ?",
                arguments: [kind.rawValue]
            ).map { TrustBundle(kind: kind, bytes: $0[1], version: $0[0], etag: $0[2], fetchedMillis: $0[3]) }
        }
    }

    /// Marks the stored bundle as confirmed current (a 304 from upstream) without rewriting its bytes.
    public func touch(_ kind: TrustBundleKind, fetchedMillis: Int64) throws {
        try store.write { db in
            try db.execute(sql: "UPDATE trust_bundle SET fetched_ms = ? WHERE kind = ?", arguments: [fetchedMillis, kind.rawValue])
        }
    }
}

extension ScanLogStore {
    public var trustBundles: TrustBundleStore { TrustBundleStore(store: self) }
}
