import Imaging

/// A candidate finder pattern: the centre of the 7×7 concentric square, its estimated module
/// size (along the image rows, so up to √2 too large for a rotated code) and how many scan rows
/// confirmed it.
public struct FinderPattern: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var moduleSize: Double
    public var count: Int

    public init(x: Double, y: Double, moduleSize: Double, count: Int = 1) {
        self.x = x; self.y = y; self.moduleSize = moduleSize; self.count = count
    }

    public var point: Point { Point(x, y) }

    /// Whether another detection at (x, y) with `size` is the same pattern.
    func isNear(x ox: Double, y oy: Double, size: Double) -> Bool {
        guard abs(oy - y) <= size, abs(ox - x) <= size else { return false }
        let diff = abs(size - moduleSize)
        return diff <= 1 || diff <= moduleSize * 0.5
    }

    /// Weighted average with a new detection.
    func merged(x ox: Double, y oy: Double, size: Double) -> FinderPattern {
        let n = Double(count), m = n + 1
        return FinderPattern(x: (x * n + ox) / m, y: (y * n + oy) / m,
                             moduleSize: (moduleSize * n + size) / m, count: count + 1)
    }
}

/// Run-length ratio tests shared by the finder and alignment scans.
enum RunRatios {
    /// 1:1:3:1:1: each outer run within `tolerance` of a module (0.5 → ±50 %), the core within
    /// `coreTolerance` modules of 3.
    ///
    /// Why a tight core: with ±1.5 modules (zxing's rule) a 1:1:2:1:1 run of data modules passes,
    /// and on a 1280×720 frame with a v4 code that meant ~1900 cross-checks (6 ms). ±0.6 modules (1:1:2:1:1 is 0.67 off)
    /// still accepts blur (dark runs grow) and perspective, and cuts those to a few hundred.
    @inline(__always)
    static func isFinder(_ s: (Int, Int, Int, Int, Int), tolerance: Double = 0.5, coreTolerance: Double = 0.6) -> Bool {
        let total = s.0 + s.1 + s.2 + s.3 + s.4
        guard total >= 7, s.0 > 0, s.1 > 0, s.2 > 0, s.3 > 0, s.4 > 0 else { return false }
        let m = Double(total) / 7
        let v = m * tolerance
        return abs(m - Double(s.0)) < v && abs(m - Double(s.1)) < v && abs(3 * m - Double(s.2)) < m * coreTolerance
            && abs(m - Double(s.3)) < v && abs(m - Double(s.4)) < v
    }
}
