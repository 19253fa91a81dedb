import Foundation

/// A value behind a lock, for the little shared state a verifier has (cache, proof ledger, the
/// current trust snapshot). `NSLock` rather than `Synchronization.Mutex` so the package keeps its
/// macOS 14 floor.
final class Locked<State>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    init(_ state: State) { self.state = state }

    func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
