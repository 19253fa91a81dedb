import Foundation

/// Time for the sync loop: now, and waiting. Injected so tests and the simulation run backoff
/// schedules without sleeping on the wall clock.
public protocol SyncClock: Sendable {
    var nowMillis: Int64 { get }
    func sleep(for duration: Duration) async throws
}

public struct SystemSyncClock: SyncClock {
    public init() {}
    public var nowMillis: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}
