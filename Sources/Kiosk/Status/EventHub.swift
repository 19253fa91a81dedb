import Synchronization

/// Hands each door event to every open screen at once. Why per-subscriber streams keeping only
/// the newest few: a stalled browser must never slow the door, and an old result is worthless.
public final class EventHub: Sendable {
    private struct State {
        var nextID = 0
        var subscribers: [Int: AsyncStream<DoorEvent>.Continuation] = [:]
        var latest: DoorEvent?
    }

    private let state = Mutex(State())

    public init() {}

    /// Events from now on (the latest one first, if any, so a screen that just opened is not blank).
    public func subscribe() -> AsyncStream<DoorEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: DoorEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id: Int = state.withLock { s in
            defer { s.nextID += 1 }
            s.subscribers[s.nextID] = continuation
            if let latest = s.latest { continuation.yield(latest) }
            return s.nextID
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    public func publish(_ event: DoorEvent) {
        let subscribers = state.withLock { s in
            s.latest = event
            return Array(s.subscribers.values)
        }
        for continuation in subscribers { continuation.yield(event) }
    }

    public var latest: DoorEvent? { state.withLock { $0.latest } }
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Ends every stream (shutdown).
    public func finish() {
        let subscribers = state.withLock { s in
            defer { s.subscribers.removeAll() }
            return Array(s.subscribers.values)
        }
        for continuation in subscribers { continuation.finish() }
    }
}
