/// Ends another source after a number of frames — how an installer's check or a test rig runs
/// the kiosk on a camera, which never ends by itself, for a bounded time.
public final class LimitedSource: FrameSource {
    let base: any FrameSource
    let limit: Int
    private var delivered = 0

    public init(_ base: any FrameSource, frames limit: Int) {
        self.base = base
        self.limit = limit
    }

    public var size: FrameSize { base.size }

    nonisolated(nonsending) public func nextFrame() async throws(CaptureError) -> Frame? {
        guard delivered < limit else { return nil }
        delivered += 1
        return try await base.nextFrame()
    }

    nonisolated(nonsending) public func close() async { await base.close() }
}
