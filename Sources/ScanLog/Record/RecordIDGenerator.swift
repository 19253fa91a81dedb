/// Makes UUIDv7 ids that strictly increase even within one millisecond or when the wall clock
/// steps back (RFC 9562 §6.2 method 1: the 12-bit `rand_a` field is a counter seeded randomly).
public final class RecordIDGenerator: Sendable {
    private struct State {
        var rng: any RandomNumberGenerator & Sendable
        var lastMillis: UInt64 = 0
        var counter: UInt64 = 0
    }

    private let state: Locked<State>

    /// - Parameter rng: injected so tests get reproducible ids; production uses the system RNG.
    public init(rng: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()) {
        state = Locked(State(rng: rng))
    }

    /// The next id for a record created at `millis` (Unix ms).
    public func next(millis: Int64) -> RecordID {
        state.withLock { s in
            var ms = UInt64(max(0, millis)) & 0xFFFF_FFFF_FFFF
            if ms > s.lastMillis {
                s.lastMillis = ms
                // Seed with the top bit clear so a burst has room to count before it overflows.
                s.counter = s.rng.next() & 0x7FF
            } else {
                ms = s.lastMillis
                s.counter += 1
                if s.counter > 0xFFF {
                    s.lastMillis += 1
                    ms = s.lastMillis
                    s.counter = s.rng.next() & 0x7FF
                }
            }
            let high = ms << 16 | 0x7000 | s.counter
            let low = (s.rng.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
            return RecordID(high: high, low: low)
        }
    }
}
