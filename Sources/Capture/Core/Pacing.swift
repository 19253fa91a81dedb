/// How fast a recorded source hands out frames.
///
/// Why injected: a simulation replays a 10-minute clip in a second on a virtual clock, the kiosk
/// replays it at camera speed on the real one, and tests check the schedule without sleeping.
public struct Pacing: Sendable {
    let makeWaiter: @Sendable () -> any FrameWaiter

    /// Every frame as soon as it is read (tests, benchmarks, batch decoding).
    public static let asFastAsPossible = Pacing { ImmediateWaiter() }

    /// Frame `i` is handed out no earlier than `i × frame duration` after the first one, on `clock`.
    public static func realTime<C: Clock>(_ clock: C) -> Pacing where C.Duration == Duration {
        Pacing { ClockWaiter(clock: clock) }
    }
}

/// Waits until a frame's presentation time (relative to the first frame) has come.
protocol FrameWaiter: AnyObject {
    nonisolated(nonsending) func wait(until offset: Duration) async throws(CaptureError)
}

final class ImmediateWaiter: FrameWaiter {
    nonisolated(nonsending) func wait(until offset: Duration) async throws(CaptureError) {}
}

final class ClockWaiter<C: Clock>: FrameWaiter where C.Duration == Duration {
    let clock: C
    private var start: C.Instant?

    init(clock: C) { self.clock = clock }

    nonisolated(nonsending) func wait(until offset: Duration) async throws(CaptureError) {
        guard let start else {
            start = clock.now
            return
        }
        do {
            try await clock.sleep(until: start.advanced(by: offset), tolerance: nil)
        } catch {
            throw CaptureError.cancelled
        }
    }
}
