import Crypto

/// What a revocation entry hashes. The DCC revocation specification hashes the UCI, the issuing
/// country followed by the UCI, or the signature (for ECDSA only its `r` half) with SHA-256 and
/// keeps the first 128 bits; we use the same rule for our own credential ids and SHC `rid`s, so
/// one structure serves every format and no raw identifier is ever stored on the kiosk.
public enum RevocationKind: UInt8, Sendable, Hashable, Codable, CaseIterable {
    /// SHA-256 of a Threshold pass `cti` (credential id bytes).
    case credentialID = 1
    /// SHA-256 of the DCC UCI (UTF-8).
    case uci = 2
    /// SHA-256 of issuing country code + UCI (UTF-8), DCC `COUNTRYCODEUCI`.
    case countryCodeUCI = 3
    /// SHA-256 of the signature bytes (ECDSA: `r` only), DCC `SIGNATURE`.
    case signature = 4
    /// SHA-256 of `<issuer kid>.<rid>` from a SMART Health Card CRL.
    case shcRID = 5
}

/// The first 128 bits of a SHA-256 digest, as two big-endian words: cheap to compare and sort.
public struct RevocationHash: Sendable, Hashable, Comparable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) { self.high = high; self.low = low }

    /// Hashes an identifier into its revocation form.
    public init(identifier: some Sequence<UInt8>) {
        let digest = identifier.withContiguousStorageIfAvailable { sha256(UnsafeRawBufferPointer($0)) }
            ?? SHA256.hash(data: Array(identifier))
        self.init(digest: digest)
    }

    /// The first 128 bits of an already computed SHA-256 digest.
    init(digest: SHA256Digest) {
        var words: (UInt64, UInt64) = (0, 0)
        digest.withUnsafeBytes { raw in
            words = (UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                     UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
        self.init(high: words.0, low: words.1)
    }

    /// Takes the first 16 bytes of an already computed hash (at least 16 bytes long).
    init(prefixOf bytes: [UInt8]) {
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<8 { high = high << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { low = low << 8 | UInt64(bytes[i]) }
        self.init(high: high, low: low)
    }

    /// The 16 bytes, big-endian, as they travel in a trust bundle.
    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    public static func < (a: Self, b: Self) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
}

/// Revoked identifiers, hashed, as one sorted array of 128-bit prefixes per kind.
///
/// Why sorted arrays and not a set: 16 bytes per entry with no per-entry overhead (a million
/// revocations fit in 16 MB), the array is built once per trust bundle, and a probe is a few
/// comparisons. A bucket index on the top hash bits (about eight entries per bucket, two cache
/// lines; the index itself stays small — 64 KB for 100,000 entries) narrows the
/// search first, so a probe touches two or three cache lines instead of twenty — on a kiosk the
/// signature check has just flushed the cache. In front of both, a `RevocationFilter` answers
/// most misses (the usual case) with a single load. 128 bits make an accidental collision (a valid
/// pass reported as revoked) practically impossible.
public struct RevocationList: Sendable {
    private var tables: [[RevocationHash]]
    /// Per kind: `starts[b] ..< starts[b + 1]` is the range of entries whose top `bits` bits are `b`.
    private var indexes: [(bits: Int, starts: [UInt32])]
    /// Per kind: a filter that answers most misses with one memory access (nil for short tables).
    private var filters: [RevocationFilter?]

    public static let empty = RevocationList(entries: [])

    public init(entries: some Sequence<(RevocationKind, RevocationHash)>) {
        var tables = [[RevocationHash]](repeating: [], count: Int(RevocationKind.allCases.map(\.rawValue).max() ?? 0) + 1)
        for (kind, hash) in entries { tables[Int(kind.rawValue)].append(hash) }
        for i in tables.indices {
            tables[i].sort()
            // Duplicates carry no information; dropping them keeps the count honest.
            var unique: [RevocationHash] = []
            unique.reserveCapacity(tables[i].count)
            for h in tables[i] where unique.last != h { unique.append(h) }
            tables[i] = unique
        }
        self.tables = tables
        self.indexes = tables.map(Self.index)
        self.filters = tables.map(RevocationFilter.init)
    }

    private static func index(_ table: [RevocationHash]) -> (bits: Int, starts: [UInt32]) {
        guard table.count >= 8 else { return (0, [0, UInt32(table.count)]) }
        let bits = min(20, max(1, Int.bitWidth - (table.count / 8).leadingZeroBitCount))
        var starts = [UInt32](repeating: 0, count: (1 << bits) + 1)
        for hash in table { starts[Int(hash.high >> UInt64(64 - bits)) + 1] += 1 }
        for b in 0..<(1 << bits) { starts[b + 1] += starts[b] }
        return (bits, starts)
    }

    /// Number of distinct revoked hashes over all kinds.
    public var count: Int { tables.reduce(0) { $0 + $1.count } }

    /// All hashes of one kind, sorted.
    public func hashes(of kind: RevocationKind) -> [RevocationHash] { tables[Int(kind.rawValue)] }

    /// Binary search for an already hashed identifier.
    public func contains(_ hash: RevocationHash, kind: RevocationKind) -> Bool {
        if let filter = filters[Int(kind.rawValue)], !filter.mayContain(hash) { return false }
        let (bits, starts) = indexes[Int(kind.rawValue)]
        let bucket = bits == 0 ? 0 : Int(hash.high >> UInt64(64 - bits))
        return tables[Int(kind.rawValue)].withUnsafeBufferPointer { table in
            var low = Int(starts[bucket]), high = Int(starts[bucket + 1])
            while low < high {
                let mid = (low + high) >> 1
                let probe = table[mid]
                if probe == hash { return true }
                if probe < hash { low = mid + 1 } else { high = mid }
            }
            return false
        }
    }

    /// A hint that `contains(hash, kind:)` comes soon: starts loading the filter word it reads
    /// (see `RevocationFilter.prefetch`). Changes nothing else; lists without a filter ignore it.
    public func prefetch(_ hash: RevocationHash, kind: RevocationKind) {
        filters[Int(kind.rawValue)]?.prefetch(hash)
    }

    /// Hashes `identifier` and probes for it.
    public func isRevoked(_ kind: RevocationKind, identifier: some Sequence<UInt8>) -> Bool {
        contains(RevocationHash(identifier: identifier), kind: kind)
    }

    // MARK: Compact wire form (used inside a trust bundle)

    /// All hashes of one kind concatenated, 16 bytes each.
    public func packed(_ kind: RevocationKind) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(hashes(of: kind).count * 16)
        for h in hashes(of: kind) { out += h.bytes }
        return out
    }

    /// Splits a packed run of 16-byte hashes; nil when the length is not a multiple of 16.
    public static func unpack(_ bytes: [UInt8]) -> [RevocationHash]? {
        guard bytes.count % 16 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 16).map { RevocationHash(prefixOf: Array(bytes[$0..<$0 + 16])) }
    }
}
