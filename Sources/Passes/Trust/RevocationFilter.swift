import CHints

/// A register-blocked Bloom filter in front of one kind's sorted revocation table.
///
/// Why: at the door almost every probe is a miss, and on a kiosk the signature check has just
/// pushed the 1.6 MB table for 100,000 revocations (and its bucket index) out of the cache, so an
/// exact probe costs two or three trips to memory. Each hash here maps to ONE 64-bit word in
/// which it sets up to five bits: a probe is one load, and only when all five bits are set (every
/// revoked hash, plus about 0.5 % of the others at 16 bits per entry) does the exact search run.
/// It can only answer "certainly not" or "ask the table": it never decides a revocation itself.
struct RevocationFilter: Sendable {
    /// Power-of-two count, so the word index is a mask.
    private let words: [UInt64]

    /// Lists this short are probed exactly; the table is small enough to stay cached.
    static let minimumEntries = 64

    init?(_ table: [RevocationHash]) {
        guard table.count >= Self.minimumEntries else { return nil }
        // 16 bits per entry, rounded up to a power of two words.
        var count = 1
        while count * 4 < table.count { count <<= 1 }
        var words = [UInt64](repeating: 0, count: count)
        for hash in table { words[Self.slot(hash, count)] |= Self.mask(hash) }
        self.words = words
    }

    /// False only when `hash` is certainly not in the table.
    @inline(__always)
    func mayContain(_ hash: RevocationHash) -> Bool {
        let mask = Self.mask(hash)
        return words.withUnsafeBufferPointer { $0[Self.slot(hash, $0.count)] } & mask == mask
    }

    /// Starts loading the word `mayContain(hash)` will read, without waiting for it. Why: after a
    /// signature check the filter is out of every cache, and that one load cost a fresh ES256
    /// scan almost a microsecond of stall; issued early it arrives while other work runs.
    @inline(__always)
    func prefetch(_ hash: RevocationHash) {
        words.withUnsafeBufferPointer { threshold_prefetch($0.baseAddress! + Self.slot(hash, $0.count)) }
    }

    /// The hash is already uniformly random: the low word picks the slot, the high word the bits
    /// (the exact table's buckets use the TOP bits of the high word, these its bottom 30).
    @inline(__always)
    private static func slot(_ hash: RevocationHash, _ count: Int) -> Int {
        Int(truncatingIfNeeded: hash.low) & (count - 1)
    }

    @inline(__always)
    private static func mask(_ hash: RevocationHash) -> UInt64 {
        let h = hash.high
        let one: UInt64 = 1
        return one &<< (h & 63) | one &<< (h &>> 6 & 63) | one &<< (h &>> 12 & 63) | one &<< (h &>> 18 & 63)
            | one &<< (h &>> 24 & 63)
    }
}
