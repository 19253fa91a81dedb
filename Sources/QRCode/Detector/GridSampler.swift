import Imaging

/// Samples the module centres of a symbol into a ``BitMatrix`` through a perspective transform
/// from module coordinates (0…dimension) to image coordinates.
enum GridSampler {
    /// Samples `dimension²` modules, the module (x, y) at symbol point (x + 0.5 + dx, y + 0.5 + dy).
    /// Nil when the grid falls outside the image by more than a pixel (a wrong transform; a real
    /// symbol in view is inside the image).
    static func sample(_ view: BinaryView, transform: PerspectiveTransform, dimension: Int,
                       offset: (dx: Double, dy: Double) = (0, 0)) -> BitMatrix? {
        var matrix = BitMatrix(dimension: dimension)
        let w = view.width, h = view.height
        let points = UnsafeMutablePointer<Point>.allocate(capacity: dimension)
        defer { points.deallocate() }
        for y in 0..<dimension {
            transform.applyRow(y: Double(y) + 0.5 + offset.dy, x0: 0.5 + offset.dx, dx: 1, count: dimension, into: points)
            for x in 0..<dimension {
                let p = points[x]
                guard p.x.isFinite, p.y.isFinite, p.x > -1, p.y > -1, p.x < Double(w + 1), p.y < Double(h + 1) else { return nil }
                let px = min(w - 1, max(0, Int(p.x))), py = min(h - 1, max(0, Int(p.y)))
                if view.isDark(px, py) { matrix[x, y] = true }
            }
        }
        return matrix
    }

    /// Reads the 18 version-information bits of the block beside the top-right finder pattern
    /// (or, `bottomLeft`, beside the bottom-left one), most significant bit first as in
    /// ISO/IEC 18004 §7.10.
    static func versionBits(_ view: BinaryView, dimension: Int, bottomLeft: Bool, map: (Point) -> Point) -> Int? {
        var bits = 0
        for a in stride(from: 5, through: 0, by: -1) {
            for b in stride(from: dimension - 9, through: dimension - 11, by: -1) {
                let (mx, my) = bottomLeft ? (a, b) : (b, a)
                let p = map(Point(Double(mx) + 0.5, Double(my) + 0.5))
                guard p.x.isFinite, p.y.isFinite else { return nil }
                let px = Int(p.x.rounded(.down)), py = Int(p.y.rounded(.down))
                guard view.image.contains(x: px, y: py) else { return nil }
                bits = bits << 1 | (view.isDark(px, py) ? 1 : 0)
            }
        }
        return bits
    }
}
