import Foundation

/// A value behind a lock, for the little shared state a verifier has (cache, proof ledger, the
/// current trust snapshot). `NSLock` rather than `Synchronization.Mutex` so the package keeps its
/// macOS 14 floor.
///
/// The value lives in its own allocation rather than in a stored `var`: the lock already gives
/// exclusive access, and a class `var` would add the runtime's dynamic exclusivity bookkeeping
/// (a thread-local access set) to every scan for nothing.
final class Locked<State>: @unchecked Sendable {
    private let lock = NSLock()
    private let state: UnsafeMutablePointer<State>

    init(_ state: State) {
        self.state = .allocate(capacity: 1)
        self.state.initialize(to: state)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state.pointee)
    }
}
