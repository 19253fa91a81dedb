import Foundation

/// Where the verifier finds signer keys and revocations. Implementations are immutable snapshots:
/// replacing trust means building a new store and swapping it in whole (see `Verifier.install`),
/// so a verification never sees half an old list and half a new one.
public protocol TrustStore: Sendable {
    /// The key for `(format, kid)`, or nil when the kiosk does not trust that signer.
    func key(format: PassFormat, kid: [UInt8]) -> TrustedKey?
    /// Revoked identifiers, hashed.
    var revocations: RevocationList { get }
    /// Where this trust came from (bundle version and age), nil for ad hoc stores (CLI `--cert`).
    var bundleInfo: TrustBundleInfo? { get }
}

/// The facts about a loaded trust bundle that verification and the kiosk screen need.
public struct TrustBundleInfo: Sendable, Hashable, Codable {
    public var version: UInt64
    public var issuedAt: Date
    /// SHA-256 of the venue configuration this bundle vouches for, when it carries one.
    public var venueConfigDigest: [UInt8]?

    public init(version: UInt64, issuedAt: Date, venueConfigDigest: [UInt8]? = nil) {
        self.version = version; self.issuedAt = issuedAt; self.venueConfigDigest = venueConfigDigest
    }
}

/// Keys in a dictionary by (format, kid), plus a revocation list. Built fully before use.
public struct InMemoryTrustStore: TrustStore {
    struct Slot: Hashable {
        var format: PassFormat
        var kid: [UInt8]

        /// The kid's bytes in one call: `[UInt8]`'s own hashing feeds the hasher byte by byte,
        /// and this lookup runs on every fresh scan.
        func hash(into hasher: inout Hasher) {
            hasher.combine(format)
            kid.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(kid.count)
        }
    }

    private var keys: [Slot: TrustedKey]
    public var revocations: RevocationList
    public var bundleInfo: TrustBundleInfo?

    public init(keys: [TrustedKey] = [], revocations: RevocationList = .empty, bundleInfo: TrustBundleInfo? = nil) {
        var table = [Slot: TrustedKey](minimumCapacity: keys.count)
        // A later duplicate replaces an earlier one: bundles list keys oldest first.
        for key in keys { table[Slot(format: key.format, kid: key.kid)] = key }
        self.keys = table
        self.revocations = revocations
        self.bundleInfo = bundleInfo
    }

    public func key(format: PassFormat, kid: [UInt8]) -> TrustedKey? { keys[Slot(format: format, kid: kid)] }

    /// Every trusted key (order unspecified).
    public var allKeys: [TrustedKey] { Array(keys.values) }

    public mutating func add(_ key: TrustedKey) { keys[Slot(format: key.format, kid: key.kid)] = key }
}
