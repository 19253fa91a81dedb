public import Imaging

/// A binarized image, computed on demand: a luminance view plus a per-block threshold grid.
///
/// Valid only while the image memory and the grid storage are (the facade creates it inside
/// `withUnsafeBufferPointer`). `inverted` flips dark and light, which is how light-on-dark codes
/// are read without touching the pixels.
public struct BinaryView {
    public let image: GrayImage
    @usableFromInline let thresholds: UnsafePointer<UInt8>
    @usableFromInline let blocksWide: Int
    public let inverted: Bool

    public var width: Int { image.width }
    public var height: Int { image.height }

    public init(image: GrayImage, thresholds: UnsafePointer<UInt8>, blocksWide: Int, inverted: Bool) {
        self.image = image
        self.thresholds = thresholds
        self.blocksWide = blocksWide
        self.inverted = inverted
    }

    /// Whether the pixel at (x, y) is dark. The caller guarantees 0 ≤ x < width, 0 ≤ y < height.
    @inlinable @inline(__always)
    public func isDark(_ x: Int, _ y: Int) -> Bool {
        let v = image.base[y &* image.stride &+ x]
        let t = thresholds[(y >> AdaptiveBinarizer.blockShift) &* blocksWide &+ (x >> AdaptiveBinarizer.blockShift)]
        return (v <= t) != inverted
    }

    /// Whether (x, y) is inside and dark; outside the image counts as light (quiet zone).
    @inlinable @inline(__always)
    public func isDarkClipped(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < image.width && y < image.height && isDark(x, y)
    }

    /// Writes row `y` as 0/1 bytes (1 = dark) into `out` (≥ width bytes): the finder scan's input.
    @inlinable
    public func binarizeRow(_ y: Int, into out: UnsafeMutablePointer<UInt8>) {
        let row = image.base + y &* image.stride
        let trow = thresholds + (y >> AdaptiveBinarizer.blockShift) &* blocksWide
        let bs = AdaptiveBinarizer.blockSize
        let w = image.width
        let flip: UInt8 = inverted ? 1 : 0
        var x = 0
        var b = 0
        while x < w {
            let t = trow[b]
            let end = min(x + bs, w)
            while x < end {
                out[x] = (row[x] <= t ? 1 : 0) ^ flip
                x += 1
            }
            b += 1
        }
    }

    /// Materialises the whole bit image (1 byte per pixel, 1 = dark): for tests and debugging.
    public func materialize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height)
        out.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            for y in 0..<height { binarizeRow(y, into: base + y * width) }
        }
        return out
    }
}
