/// A bounded map from token digest to the time-independent part of a verification.
///
/// Why CLOCK and not a linked LRU: a hit only sets one flag in an array (no list surgery, no
/// allocation), eviction is amortised O(1), and the slots are preallocated, so the hit path is one
/// dictionary lookup. Not thread-safe by itself: the `Verifier` holds it behind a lock.
public struct VerificationCache<Value: Sendable>: Sendable {
    public let capacity: Int
    private var index: [TokenDigest: Int]
    private var keys: [TokenDigest?]
    private var values: [Value?]
    private var referenced: [Bool]
    private var hand = 0

    public init(capacity: Int) {
        let capacity = max(1, capacity)
        self.capacity = capacity
        index = Dictionary(minimumCapacity: capacity)
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        referenced = Array(repeating: false, count: capacity)
    }

    public var count: Int { index.count }

    /// The cached value, marking it recently used.
    public mutating func value(for key: TokenDigest) -> Value? {
        guard let slot = index[key] else { return nil }
        referenced[slot] = true
        return values[slot]
    }

    /// Stores `value`, evicting the first not-recently-used entry when full.
    public mutating func insert(_ value: Value, for key: TokenDigest) {
        if let slot = index[key] {
            values[slot] = value
            referenced[slot] = true
            return
        }
        // Sweep: clear reference bits until an unreferenced (or empty) slot comes up.
        while keys[hand] != nil && referenced[hand] {
            referenced[hand] = false
            hand = (hand + 1) % capacity
        }
        if let old = keys[hand] { index[old] = nil }
        keys[hand] = key
        values[hand] = value
        referenced[hand] = false
        index[key] = hand
        hand = (hand + 1) % capacity
    }

    public mutating func removeAll() {
        index.removeAll(keepingCapacity: true)
        for i in 0..<capacity { keys[i] = nil; values[i] = nil; referenced[i] = false }
        hand = 0
    }
}
