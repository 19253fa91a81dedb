import Foundation
import ScanLog
import Synchronization

/// Time for the simulation: it moves only when the runner says so, so a minute of door plays in
/// a second and every timestamp, relay pulse and backoff in it is reproducible. Sleepers (a relay
/// holding the door open, a sync backoff) wake when time reaches their deadline.
///
/// It is both a Swift `Clock` (for hardware pulses and waits) and a `ScanClock` (for records), so
/// one value drives everything that asks "what time is it" during a run.
public final class VirtualClock: Clock, ScanClock, Sendable {
    public struct Instant: InstantProtocol {
        /// Time since the clock's origin.
        public var offset: Duration
        public init(offset: Duration) { self.offset = offset }
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private struct Sleeper {
        var id: UInt64
        var deadline: Duration
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Duration = .zero
        var nextID: UInt64 = 0
        var sleepers: [Sleeper] = []
        /// Sleeps cancelled before they were registered.
        var cancelledEarly: Set<UInt64> = []
    }

    private let state = Mutex(State())
    /// Wall-clock time at offset zero.
    public let origin: Date

    public init(origin: Date) { self.origin = origin }

    public var now: Instant { Instant(offset: state.withLock { $0.now }) }
    public var minimumResolution: Duration { .nanoseconds(1) }

    /// The wall-clock date now.
    public var date: Date { origin.addingTimeInterval(Self.seconds(now.offset)) }

    /// Moves time forward to `offset` (never backwards) and wakes every sleeper that is due.
    public func advance(to offset: Duration) {
        let due: [Sleeper] = state.withLock { s in
            if offset > s.now { s.now = offset }
            let now = s.now
            let due = s.sleepers.filter { $0.deadline <= now }
            s.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due.sorted(by: { $0.deadline < $1.deadline }) { sleeper.continuation.resume() }
    }

    public func advance(by duration: Duration) { advance(to: now.offset + duration) }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id: UInt64 = state.withLock { s in
            defer { s.nextID += 1 }
            return s.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Action { case wait, resume, cancel }
                let action: Action = state.withLock { s in
                    if s.cancelledEarly.remove(id) != nil { return .cancel }
                    if deadline.offset <= s.now { return .resume }
                    s.sleepers.append(Sleeper(id: id, deadline: deadline.offset, continuation: continuation))
                    return .wait
                }
                switch action {
                case .wait: break
                case .resume: continuation.resume()
                case .cancel: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let sleeper: Sleeper? = state.withLock { s in
                guard let index = s.sleepers.firstIndex(where: { $0.id == id }) else {
                    s.cancelledEarly.insert(id)
                    return nil
                }
                return s.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Sleepers still waiting (tests: "the relay is still holding the door").
    public var pendingSleepers: Int { state.withLock { $0.sleepers.count } }

    // MARK: ScanClock

    public var wallMillis: Int64 {
        Int64((origin.timeIntervalSince1970 * 1000).rounded(.down)) + Int64((Self.seconds(now.offset) * 1000).rounded(.down))
    }

    public var monotonicNanos: UInt64 {
        let c = now.offset.components
        return UInt64(max(0, c.seconds)) * 1_000_000_000 + UInt64(max(0, c.attoseconds / 1_000_000_000))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

extension ScanClock {
    /// The wall-clock time as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(wallMillis) / 1000) }
}
