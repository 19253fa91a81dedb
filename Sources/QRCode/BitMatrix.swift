/// A square or rectangular grid of bits: a binarized image, or the modules of a QR symbol.
///
/// Shared by the detector (which samples modules out of an image into a BitMatrix) and the
/// symbol decoder/encoder (which read and write modules), so the two halves of the reader meet
/// at one plain value type that tests can build by hand. `true` means dark.
public struct BitMatrix: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major, one byte per module: simple, fast to index, and small for QR sizes (≤ 177²).
    @usableFromInline internal var bits: [Bool]

    public init(width: Int, height: Int) {
        precondition(width >= 0 && height >= 0)
        self.width = width
        self.height = height
        self.bits = [Bool](repeating: false, count: width * height)
    }

    public init(dimension: Int) { self.init(width: dimension, height: dimension) }

    @inlinable
    public subscript(x: Int, y: Int) -> Bool {
        get { bits[y * width + x] }
        set { bits[y * width + x] = newValue }
    }

    /// Flips the module at (x, y).
    public mutating func flip(x: Int, y: Int) { bits[y * width + x].toggle() }

    /// Sets every module in the rectangle to `value`.
    public mutating func setRegion(x: Int, y: Int, width w: Int, height h: Int, to value: Bool = true) {
        for yy in y..<(y + h) { for xx in x..<(x + w) { self[xx, yy] = value } }
    }

    /// The matrix mirrored about its main diagonal: how a mirrored (back-lit or selfie-camera)
    /// symbol is read.
    public func transposed() -> BitMatrix {
        var t = BitMatrix(width: height, height: width)
        for y in 0..<height { for x in 0..<width { t[y, x] = self[x, y] } }
        return t
    }
}
