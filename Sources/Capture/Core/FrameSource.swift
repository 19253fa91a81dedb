/// Anything that produces frames: a V4L2 camera, a Y4M file, an ffmpeg pipe, a folder of images.
///
/// Ownership rule (the one that makes zero-copy safe): a frame's memory belongs to the source and
/// is reused by the *next* call to ``nextFrame()``. A camera re-queues the previous buffer to the
/// driver at that moment, a file reader overwrites its read buffer. So callers consume a frame
/// before asking for the next one — the decoder reads the view in place, then the loop moves on:
///
/// ```swift
/// for try await frame in source.frames { results = decoder.read(frame.image) }
/// try await source.withNextFrame { frame in decoder.read(frame.image) }
/// ```
///
/// Why a pull API rather than a callback or an `AsyncStream` of frames: a stream buffers
/// elements, and a buffered frame would outlive the buffer it points into. Pulling keeps exactly
/// one frame alive, and under load the camera simply hands out the newest one (latest wins).
///
/// Sources are classes owned by one task; their methods run on the caller's executor
/// (`nonisolated(nonsending)`), so a kiosk actor can own a source without sending it anywhere.
public protocol FrameSource: AnyObject {
    /// Size of the frames (fixed for the life of the source).
    var size: FrameSize { get }
    /// The next frame, or `nil` at the end of a finite stream. Invalidates the previous frame.
    nonisolated(nonsending) func nextFrame() async throws(CaptureError) -> Frame?
    /// Releases the device or file; the last frame becomes invalid. Safe to call twice.
    nonisolated(nonsending) func close() async
}

extension FrameSource {
    /// Lends the next frame to `body` only — the view cannot outlive the call by accident.
    /// Returns `nil` at the end of the stream.
    nonisolated(nonsending) public func withNextFrame<R>(_ body: (Frame) throws -> R) async throws -> R? {
        guard let frame = try await nextFrame() else { return nil }
        return try body(frame)
    }

    /// The frames as an async sequence for `for try await`; each element is valid for one
    /// iteration of the loop body.
    public var frames: FrameSequence<Self> { FrameSequence(source: self) }
}

/// `for try await frame in source.frames { … }` over any ``FrameSource``.
public struct FrameSequence<Source: FrameSource>: AsyncSequence {
    public typealias Element = Frame
    public typealias Failure = CaptureError
    let source: Source

    public struct AsyncIterator: AsyncIteratorProtocol {
        let source: Source
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(CaptureError) -> Frame? {
            try await source.nextFrame()
        }
        public mutating func next() async throws(CaptureError) -> Frame? {
            try await source.nextFrame()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(source: source) }
}
