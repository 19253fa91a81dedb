import Synchronization

/// A clock that never waits: `sleep(until:)` records the deadline and jumps there. Tests read
/// the recorded deadlines instead of sleeping on wall-clock time.
final class ManualClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private let state = Mutex<(now: Duration, sleeps: [Duration])>((.zero, []))
    var minimumResolution: Duration { .nanoseconds(1) }
    var now: Instant { Instant(offset: state.withLock { $0.now }) }
    /// Deadlines asked for, as offsets from the clock's zero.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func advance(by duration: Duration) { state.withLock { $0.now += duration } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        state.withLock { s in
            s.sleeps.append(deadline.offset)
            if deadline.offset > s.now { s.now = deadline.offset }
        }
    }
}
