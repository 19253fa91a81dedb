import Imaging

/// Samples the module centres of a symbol into a ``BitMatrix`` through a perspective transform
/// from module coordinates (0…dimension) to image coordinates.
enum GridSampler {
    /// Samples `dimension²` modules, the module (x, y) at symbol point (x + 0.5 + dx, y + 0.5 + dy).
    /// Nil when the grid falls outside the image by more than a pixel (a wrong transform; a real
    /// symbol in view is inside the image).
    static func sample(_ view: BinaryView, transform: some ModuleMapping, dimension: Int,
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
    static func sampleVoting(_ view: BinaryView, transform: some ModuleMapping, dimension: Int,
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

    /// Samples the luminance at module centres (bilinear) and thresholds the symbol as a whole
    /// with Otsu's method over those samples.
    ///
    /// Why: on a small, blurred or bent symbol the 8×8-block thresholds vary inside the symbol
    /// and flip isolated modules; the symbol's own two grey populations (dark and light
    /// modules) separate better. Modules within 10 % of the contrast of the threshold are marked
    /// unreliable.
    static func sampleOtsu(_ view: BinaryView, transform: some ModuleMapping, dimension: Int,
                           offset: (dx: Double, dy: Double) = (0, 0)) -> (modules: BitMatrix, unreliable: BitMatrix)? {
        let n = dimension
        let img = view.image
        let w = img.width, h = img.height
        var values = [UInt8](repeating: 0, count: n * n)
        var histogram = [Int](repeating: 0, count: 256)
        let row = UnsafeMutablePointer<Point>.allocate(capacity: n)
        defer { row.deallocate() }
        for y in 0..<n {
            transform.applyRow(y: Double(y) + 0.5 + offset.dy, x0: 0.5 + offset.dx, dx: 1, count: n, into: row)
            for x in 0..<n {
                let p = row[x]
                guard p.x.isFinite, p.y.isFinite, p.x > -1, p.y > -1, p.x < Double(w + 1), p.y < Double(h + 1) else { return nil }
                // Bilinear between the four pixel centres around p.
                let u = min(Double(w) - 1, max(0, p.x - 0.5)), v = min(Double(h) - 1, max(0, p.y - 0.5))
                let x0 = Int(u), y0 = Int(v), x1 = min(w - 1, x0 + 1), y1 = min(h - 1, y0 + 1)
                let fx = u - Double(x0), fy = v - Double(y0)
                let top = Double(img[x0, y0]) * (1 - fx) + Double(img[x1, y0]) * fx
                let bottom = Double(img[x0, y1]) * (1 - fx) + Double(img[x1, y1]) * fx
                let value = UInt8(max(0, min(255, (top * (1 - fy) + bottom * fy).rounded())))
                values[y * n + x] = value
                histogram[Int(value)] += 1
            }
        }
        // Otsu: the threshold maximising the between-class variance.
        let total = n * n
        var sumAll = 0
        for i in 0..<256 { sumAll += i * histogram[i] }
        var weightB = 0, sumB = 0, best = 0.0, threshold = 127
        var lo = 255, hi = 0
        for i in 0..<256 where histogram[i] > 0 { lo = min(lo, i); hi = max(hi, i) }
        for t in 0..<256 {
            weightB += histogram[t]
            if weightB == 0 { continue }
            let weightF = total - weightB
            if weightF == 0 { break }
            sumB += t * histogram[t]
            let mB = Double(sumB) / Double(weightB), mF = Double(sumAll - sumB) / Double(weightF)
            let between = Double(weightB) * Double(weightF) * (mB - mF) * (mB - mF)
            if between > best { best = between; threshold = t }
        }
        guard hi - lo >= 16 else { return nil }
        let margin = (hi - lo) / 10
        var modules = BitMatrix(dimension: n), unreliable = BitMatrix(dimension: n)
        for y in 0..<n {
            for x in 0..<n {
                let v = Int(values[y * n + x])
                modules[x, y] = (v <= threshold) != view.inverted
                if abs(v - threshold) <= margin { unreliable[x, y] = true }
            }
        }
        return (modules, unreliable)
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
