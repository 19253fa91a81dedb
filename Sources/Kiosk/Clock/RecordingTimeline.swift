import Capture

/// A recorded source replayed on its own timeline: each frame read moves `clock` to the frame's
/// timestamp, so decisions are taken at the time the recording was made (`clock.origin` + frame
/// time), not at the time it is replayed. Why: a live pass's holder proof is only valid for the
/// 30-second step it was made in, so a recording judged at today's time can only ever be refused.
public final class RecordingTimeline: FrameSource {
    let base: any FrameSource
    public let clock: VirtualClock

    public init(_ base: any FrameSource, clock: VirtualClock) {
        self.base = base
        self.clock = clock
    }

    public var size: FrameSize { base.size }

    nonisolated(nonsending) public func nextFrame() async throws(CaptureError) -> Frame? {
        guard let frame = try await base.nextFrame() else { return nil }
        clock.advance(to: frame.timestamp)
        return frame
    }

    nonisolated(nonsending) public func close() async { await base.close() }
}
