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

    /// Samples each module at its centre and at four points 0.3 module away along the symbol's
    /// axes, and takes the majority of the five. Modules whose five samples split 3:2 are marked
    /// unreliable: blur, a curved page or a module edge under them; the symbol decoder may then
    /// treat their codewords as erasures (half the cost of an unknown error).
    static func sampleVoting(_ view: BinaryView, transform: PerspectiveTransform, dimension: Int,
                             offset: (dx: Double, dy: Double) = (0, 0)) -> (modules: BitMatrix, unreliable: BitMatrix, unreliableCount: Int)? {
        var matrix = BitMatrix(dimension: dimension)
        var unreliable = BitMatrix(dimension: dimension)
        var count = 0
        let w = view.width, h = view.height
        let n = dimension
        let rows = UnsafeMutablePointer<Point>.allocate(capacity: 5 * n)
        defer { rows.deallocate() }
        @inline(__always) func dark(_ p: Point) -> Int? {
            guard p.x.isFinite, p.y.isFinite, p.x > -1, p.y > -1, p.x < Double(w + 1), p.y < Double(h + 1) else { return nil }
            return view.isDark(min(w - 1, max(0, Int(p.x))), min(h - 1, max(0, Int(p.y)))) ? 1 : 0
        }
        for y in 0..<n {
            let cy = Double(y) + 0.5 + offset.dy, cx = 0.5 + offset.dx
            transform.applyRow(y: cy, x0: cx, dx: 1, count: n, into: rows)
            transform.applyRow(y: cy, x0: cx - 0.3, dx: 1, count: n, into: rows + n)
            transform.applyRow(y: cy, x0: cx + 0.3, dx: 1, count: n, into: rows + 2 * n)
            transform.applyRow(y: cy - 0.3, x0: cx, dx: 1, count: n, into: rows + 3 * n)
            transform.applyRow(y: cy + 0.3, x0: cx, dx: 1, count: n, into: rows + 4 * n)
            for x in 0..<n {
                guard let c = dark(rows[x]) else { return nil }
                let votes = c + (dark(rows[n + x]) ?? c) + (dark(rows[2 * n + x]) ?? c) + (dark(rows[3 * n + x]) ?? c) + (dark(rows[4 * n + x]) ?? c)
                if votes >= 3 { matrix[x, y] = true }
                if votes == 2 || votes == 3 { unreliable[x, y] = true; count += 1 }
            }
        }
        return (matrix, unreliable, count)
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
