/// An owned 8-bit luminance image: what file decoders, renderers and tests produce.
///
/// A value type with copy-on-write storage so it can cross actor boundaries freely; the decoder
/// still sees it through a ``GrayImage`` view (``withImage(_:)``), exactly as it sees a camera
/// buffer, so there is one decode path for every source.
public struct GrayBuffer: Sendable, Equatable {
    public var pixels: [UInt8] { didSet { precondition(pixels.count == width * height, "GrayBuffer: size changed") } }
    public let width: Int
    public let height: Int

    /// A `width × height` image filled with `fill` (white by default: paper and phone screens).
    public init(width: Int, height: Int, fill: UInt8 = 255) {
        precondition(width >= 0 && height >= 0)
        self.width = width
        self.height = height
        self.pixels = [UInt8](repeating: fill, count: width * height)
    }

    /// Takes ownership of tightly packed rows (`pixels.count == width * height`).
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "GrayBuffer: size mismatch")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Copies the pixels of a view (the one place a copy is intended: keeping a frame).
    public init(copying image: GrayImage) {
        var pixels = [UInt8]()
        pixels.reserveCapacity(image.width * image.height)
        for y in 0..<image.height { pixels.append(contentsOf: image.row(y)) }
        self.init(width: image.width, height: image.height, pixels: pixels)
    }

    @inlinable
    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Lends a non-owning view of the pixels for the duration of `body`.
    public func withImage<R>(_ body: (GrayImage) throws -> R) rethrows -> R {
        try pixels.withUnsafeBufferPointer { buf in
            // An empty array may have a nil base; give the view a valid dangling-free pointer.
            guard let base = buf.baseAddress else {
                var zero: UInt8 = 0
                return try withUnsafePointer(to: &zero) {
                    try body(GrayImage(base: $0, width: 0, height: 0, stride: 0))
                }
            }
            return try body(GrayImage(base: base, width: width, height: height, stride: width))
        }
    }

    /// Mutable access to the packed pixel rows, for renderers and filters.
    public mutating func withMutablePixels<R>(_ body: (inout [UInt8]) throws -> R) rethrows -> R {
        try body(&pixels)
    }
}
