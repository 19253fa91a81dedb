/// A bounded map from token digest to the time-independent part of a verification.
///
/// Why CLOCK and not a linked LRU: a hit only sets one flag in an array (no list surgery, no
/// allocation), eviction is amortised O(1), and the slots are preallocated, so the hit path is one
/// index lookup. Not thread-safe by itself: the `Verifier` holds it behind a lock.
///
/// Why its own index rather than a `Dictionary`: on a fresh scan the index is cold (a signature
/// check ran since it was last touched). A dictionary of 4,096 digests spreads over 320 KB, and
/// the lookup, the insert and the eviction each stalled on memory: about 0.6 points of the fresh
/// ES256 rate. Here a bucket is 8 bytes (40 bits of the key's hash and the slot number), at most
/// half the buckets are used, so the whole index is 64 KB and stays in cache; a miss reads one
/// line, and an eviction finds and shifts entries without reading any key. The hash is seeded per
/// cache: digests are public, and without the seed nobody can pick texts that pile into one run
/// of buckets.
public struct VerificationCache<Value: Sendable>: Sendable {
    public let capacity: Int
    public private(set) var count = 0
    /// 0 = empty; otherwise the top 40 bits of the key's hash, then slot + 1 in the low 24 bits.
    private var buckets: [UInt64]
    private let bucketBits: Int
    private let seed: UInt64
    private var keys: [TokenDigest?]
    private var values: [Value?]
    private var referenced: [Bool]
    private var hand = 0

    private static var slotBits: Int { 24 }
    private static var slotMask: UInt64 { (1 << 24) - 1 }

    public init(capacity: Int) {
        // Slot numbers live in 24 bits; no kiosk caches millions of scans.
        let capacity = min(max(1, capacity), 1 << 22)
        self.capacity = capacity
        var bits = 3
        while 1 << bits < 2 * capacity { bits += 1 }
        bucketBits = bits
        buckets = Array(repeating: 0, count: 1 << bits)
        seed = UInt64.random(in: .min ... .max) | 1
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        referenced = Array(repeating: false, count: capacity)
    }

    /// The cached value, marking it recently used.
    public mutating func value(for key: TokenDigest) -> Value? {
        guard let (_, slot) = find(key) else { return nil }
        referenced[slot] = true
        return values[slot]
    }

    /// Stores `value`, evicting the first not-recently-used entry when full.
    public mutating func insert(_ value: Value, for key: TokenDigest) {
        if let (_, slot) = find(key) {
            values[slot] = value
            referenced[slot] = true
            return
        }
        sweep()
        if let old = keys[hand] {
            remove(old, slot: hand)
            count -= 1
        }
        keys[hand] = key
        values[hand] = value
        referenced[hand] = false
        let h = hash(key)
        var bucket = home(h)
        while buckets[bucket] != 0 { bucket = (bucket + 1) & bucketMask }
        buckets[bucket] = (h >> UInt64(Self.slotBits)) << UInt64(Self.slotBits) | UInt64(hand + 1)
        count += 1
        hand = (hand + 1) % capacity
    }

    public mutating func removeAll() {
        for i in buckets.indices { buckets[i] = 0 }
        for i in 0..<capacity { keys[i] = nil; values[i] = nil; referenced[i] = false }
        hand = 0
        count = 0
    }

    // MARK: Index

    private var bucketMask: Int { (1 << bucketBits) - 1 }

    /// Seeded multiply-shift over the digest's first word (already uniform; the seed is what
    /// keeps chosen texts from colliding on purpose).
    private func hash(_ key: TokenDigest) -> UInt64 {
        let x = (key.w0 ^ seed) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    /// The bucket a hash starts probing at: its top bits, so the stored 40 bits determine it.
    private func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - bucketBits)) }

    /// Clears reference bits until the hand rests on an unreferenced (or empty) slot.
    private mutating func sweep() {
        while keys[hand] != nil && referenced[hand] {
            referenced[hand] = false
            hand = (hand + 1) % capacity
        }
    }

    private func find(_ key: TokenDigest) -> (bucket: Int, slot: Int)? {
        let h = hash(key)
        let tag = h >> UInt64(Self.slotBits)
        var bucket = home(h)
        while true {
            let entry = buckets[bucket]
            if entry == 0 { return nil }
            if entry >> UInt64(Self.slotBits) == tag {
                let slot = Int(entry & Self.slotMask) - 1
                if keys[slot] == key { return (bucket, slot) }
            }
            bucket = (bucket + 1) & bucketMask
        }
    }

    /// Deletes the entry for `key` at `slot` and closes the gap (linear probing, backward shift):
    /// later entries of the run move up when their home allows it. Homes come from the stored
    /// bits, so no key is read.
    private mutating func remove(_ key: TokenDigest, slot: Int) {
        let mark = UInt64(slot + 1)
        var hole = home(hash(key))
        while buckets[hole] & Self.slotMask != mark { hole = (hole + 1) & bucketMask }
        buckets[hole] = 0
        var next = hole
        while true {
            next = (next + 1) & bucketMask
            let entry = buckets[next]
            if entry == 0 { return }
            let start = Int(truncatingIfNeeded: entry >> UInt64(64 - bucketBits))
            // The entry may move into the hole unless its home lies cyclically in (hole, next].
            let stays = hole <= next ? (hole < start && start <= next) : (hole < start || start <= next)
            if !stays {
                buckets[hole] = entry
                buckets[next] = 0
                hole = next
            }
        }
    }
}
