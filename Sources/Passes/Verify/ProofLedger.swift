/// Remembers holder proofs seen for as long as they could still be shown (their ±1 step
/// window), so a second showing is reported with the time of the first.
struct ProofLedger: Sendable {
    enum Seen { case first, again(firstAccepted: Double) }

    /// After this long a proof is outside any window and need not be remembered.
    static let horizon: Double = 150
    let capacity: Int
    private var firstAccepted: [TokenDigest: Double] = [:]
    private var order: [(TokenDigest, Double)] = []
    private var head = 0

    init(capacity: Int = 65_536) { self.capacity = capacity }

    /// Looks the proof up; records it as accepted now when it was not known.
    mutating func record(_ key: TokenDigest, at now: Double) -> Seen {
        if let first = firstAccepted[key] { return .again(firstAccepted: first) }
        prune(now: now)
        firstAccepted[key] = now
        order.append((key, now))
        return .first
    }

    private mutating func prune(now: Double) {
        while head < order.count && (order[head].1 < now - Self.horizon || order.count - head >= capacity) {
            firstAccepted[order[head].0] = nil
            head += 1
        }
        if head > 1024 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
