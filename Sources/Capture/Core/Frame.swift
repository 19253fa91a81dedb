public import Imaging

/// One picture from a ``FrameSource``: a luminance view into the source's own memory plus the
/// bookkeeping the kiosk needs (order, time, loss).
///
/// Why not `Sendable`: `image` points into a buffer the source reuses (a V4L2 mmap buffer, a
/// Y4M read buffer) — it is valid only until the next frame is requested from the same source.
/// Keeping `Frame` non-`Sendable` stops it from being handed to another task that could read it
/// after that point; to keep pixels longer, copy them with `GrayBuffer(copying: frame.image)`.
public struct Frame {
    /// Zero-copy luminance view; valid until the source's next `nextFrame()` / `close()`.
    public let image: GrayImage
    /// 0, 1, 2… in the source's own numbering (a camera's driver sequence; a file's frame index).
    /// Gaps mean frames that were never delivered (see ``dropped``).
    public let sequence: UInt64
    /// Monotonic time of capture: for a camera the driver's CLOCK_MONOTONIC timestamp, for a file
    /// the presentation time from the start of the stream.
    public let timestamp: Duration
    /// Frames skipped so far by this source (driver gaps plus latest-frame-wins discards).
    public let dropped: Int

    public init(image: GrayImage, sequence: UInt64, timestamp: Duration, dropped: Int) {
        self.image = image
        self.sequence = sequence
        self.timestamp = timestamp
        self.dropped = dropped
    }
}

/// Width and height of the frames a source produces.
public struct FrameSize: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
    public var description: String { "\(width)x\(height)" }
}
