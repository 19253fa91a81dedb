/// An 8-bit luminance image that does not own its pixels.
///
/// Why a view and not an array: a camera hands us a memory-mapped buffer that is valid only until
/// the next dequeue. Wrapping it in a view lets the decoder read it in place with no copy; the
/// owner (``GrayBuffer``, a V4L2 buffer, a Y4M frame) decides how long the memory lives, and hands
/// the view out only inside a closure so that it cannot escape that lifetime.
///
/// Rows may be padded: `stride` is the distance in bytes between the starts of two rows, which
/// lets a YUYV or NV12 Y plane, or a crop of a larger image, be viewed without repacking.
public struct GrayImage: @unchecked Sendable {
    /// First pixel of the first row.
    public let base: UnsafePointer<UInt8>
    public let width: Int
    public let height: Int
    /// Bytes from one row start to the next (≥ `width`).
    public let stride: Int

    /// Wraps existing memory. The caller guarantees `height * stride` readable bytes for as long
    /// as the view is used.
    @inlinable
    public init(base: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) {
        precondition(width >= 0 && height >= 0 && stride >= width, "GrayImage: bad geometry")
        self.base = base
        self.width = width
        self.height = height
        self.stride = stride
    }

    /// Luminance at column `x`, row `y`. No bounds check in release builds: callers on the hot
    /// path have already clipped their coordinates.
    @inlinable
    public subscript(x: Int, y: Int) -> UInt8 {
        assert(x >= 0 && x < width && y >= 0 && y < height, "GrayImage: (\(x),\(y)) out of bounds")
        return base[y &* stride &+ x]
    }

    /// The pixels of row `y`, without the row padding.
    @inlinable
    public func row(_ y: Int) -> UnsafeBufferPointer<UInt8> {
        assert(y >= 0 && y < height)
        return UnsafeBufferPointer(start: base + y &* stride, count: width)
    }

    /// A view of the rectangle `x..<x+w`, `y..<y+h` sharing the same memory.
    @inlinable
    public func crop(x: Int, y: Int, width w: Int, height h: Int) -> GrayImage {
        precondition(x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= width && y + h <= height)
        return GrayImage(base: base + y * stride + x, width: w, height: h, stride: stride)
    }

    /// Whether `(x, y)` lies inside the image.
    @inlinable
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }
}
