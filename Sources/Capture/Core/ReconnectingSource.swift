/// Keeps a camera going through unplugs: on a recoverable error (``CaptureError/isRecoverable``:
/// unplug, I/O error, timeout) it closes the source and reopens it with exponential backoff on an
/// injected clock; other errors (permission, unsupported format) are passed on at once.
///
/// Why a wrapper and not logic inside ``V4L2Camera``: the policy is the same for any source and
/// is tested with scripted sources and a manual clock, without a device.
public final class ReconnectingSource<C: Clock>: FrameSource where C.Duration == Duration {
    public typealias Opener = () throws(CaptureError) -> any FrameSource

    public struct Backoff: Sendable, Equatable {
        public var initial: Duration
        public var maximum: Duration
        /// Give up after this many failed reopen attempts in a row (`nil`: never, as a kiosk wants).
        public var maxAttempts: Int?

        public init(initial: Duration = .milliseconds(250), maximum: Duration = .seconds(8), maxAttempts: Int? = nil) {
            self.initial = initial; self.maximum = maximum; self.maxAttempts = maxAttempts
        }

        /// Delay before attempt `n` (0-based): initial × 2ⁿ, capped.
        public func delay(attempt n: Int) -> Duration {
            var d = initial
            for _ in 0..<min(n, 30) where d < maximum { d = d * 2 }
            return min(d, maximum)
        }
    }

    private let open: Opener
    private let clock: C
    private let backoff: Backoff
    private var current: (any FrameSource)?
    private var droppedBefore = 0
    private var lastDropped = 0
    private var isClosed = false
    /// How many times the source was reopened after a failure.
    public private(set) var reconnects = 0
    /// The errors that caused reopening, oldest first (for logs and tests).
    public private(set) var failures: [CaptureError] = []
    public private(set) var size: FrameSize

    /// Opens the source once, immediately, so that a misconfiguration fails at startup.
    public init(clock: C, backoff: Backoff = Backoff(), open: @escaping Opener) throws(CaptureError) {
        let first = try open()
        self.open = open
        self.clock = clock
        self.backoff = backoff
        self.current = first
        self.size = first.size
    }

    nonisolated(nonsending) public func nextFrame() async throws(CaptureError) -> Frame? {
        while true {
            guard !isClosed else { throw .closed(source: "reconnecting source") }
            let source: any FrameSource
            if let current { source = current } else { source = try await reopen() }
            do {
                guard let frame = try await source.nextFrame() else { return nil }
                lastDropped = frame.dropped
                return Frame(image: frame.image, sequence: frame.sequence, timestamp: frame.timestamp,
                             dropped: droppedBefore + frame.dropped)
            } catch where error.isRecoverable {
                failures.append(error)
                await source.close()
                current = nil
                droppedBefore += lastDropped
                lastDropped = 0
            }
        }
    }

    nonisolated(nonsending) private func reopen() async throws(CaptureError) -> any FrameSource {
        var attempt = 0
        while true {
            do {
                try await clock.sleep(for: backoff.delay(attempt: attempt))
            } catch {
                throw .cancelled
            }
            do throws(CaptureError) {
                let source = try open()
                current = source
                size = source.size
                reconnects += 1
                return source
            } catch where error.isRecoverable {
                failures.append(error)
                attempt += 1
                if let max = backoff.maxAttempts, attempt >= max { throw error }
            }
        }
    }

    nonisolated(nonsending) public func close() async {
        isClosed = true
        await current?.close()
        current = nil
    }
}
