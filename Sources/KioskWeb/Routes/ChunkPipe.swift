import Foundation

/// Carries text chunks from a blocking producer (the scan-log export walks a GRDB cursor on its
/// own thread) to an async consumer (the HTTP response writer), at most `capacity` chunks ahead.
///
/// Why bounded: a 90-day export of a busy door is tens of megabytes; a slow browser must hold
/// back the cursor, not make the kiosk buffer the whole file. Why a condition variable: the
/// producer is a plain thread that may block, never a task of the cooperative pool. (Not a
/// `DispatchSemaphore`: libdispatch traps when one is released below its initial value, which is
/// exactly the state a pipe is left in when the browser disconnects mid-file.)
final class ChunkPipe: Sendable {
    let chunks: AsyncThrowingStream<String, any Error>
    private let input: AsyncThrowingStream<String, any Error>.Continuation
    private let condition = NSCondition()
    /// Chunks handed over and not yet written; guarded by `condition`.
    private nonisolated(unsafe) var inFlight = 0
    /// Set once the consumer is gone; guarded by `condition`.
    private nonisolated(unsafe) var cancelled = false
    private let capacity: Int

    /// Thrown into the producer when the consumer has gone away.
    struct ConsumerGone: Error {}

    init(capacity: Int = 4) {
        (chunks, input) = AsyncThrowingStream.makeStream(of: String.self, bufferingPolicy: .unbounded)
        self.capacity = max(1, capacity)
    }

    /// Producer: blocks while `capacity` chunks wait; throws once the consumer is gone.
    func put(_ chunk: String) throws {
        condition.lock()
        defer { condition.unlock() }
        while inFlight >= capacity, !cancelled { condition.wait() }
        if cancelled { throw ConsumerGone() }
        inFlight += 1
        input.yield(chunk)
    }

    /// Producer: no more chunks (or the failure that stopped them).
    func finish(throwing error: (any Error)? = nil) { input.finish(throwing: error) }

    /// Consumer: one chunk written, room for another.
    func taken() {
        condition.lock()
        inFlight -= 1
        condition.signal()
        condition.unlock()
    }

    /// Consumer: stop the producer (the client disconnected).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
