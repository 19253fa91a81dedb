import Imaging

/// Finds QR finder patterns (the three 7×7 concentric squares) by scanning rows for dark/light
/// runs in the ratio 1:1:3:1:1 and confirming each hit across the column, the row again and a
/// diagonal.
///
/// Why rows work at any rotation: every straight cut through the centre of concentric squares
/// crosses the rings in the same 1:1:3:1:1 ratio, whatever the angle; only the scale changes.
/// The vertical and horizontal cuts through the centre even have the same length at any angle,
/// which the cross-checks rely on.
public struct FinderPatternFinder {
    public struct Options: Sendable {
        /// Rows skipped between scans before anything is found; 0 = choose from the image height.
        public var rowSkip = 0
        /// Upper bound on the candidate list (protects against busy textures); the facade uses
        /// ``FinderPatternFinder/maxCandidates(width:height:)``.
        public var maxCandidates = 48
        /// Smallest row pattern looked at, in pixels (7 × the smallest module size).
        public var minTotal = 7
        public init(rowSkip: Int = 0, maxCandidates: Int = 48, minTotal: Int = 7) {
            self.rowSkip = rowSkip; self.maxCandidates = maxCandidates; self.minTotal = minTotal
        }
    }

    let view: BinaryView
    let options: Options
    public private(set) var candidates: [FinderPattern] = []

    public init(view: BinaryView, options: Options = .init()) {
        self.view = view
        self.options = options
    }

    /// A bound on candidates far above real frames: one per 32×32 pixels (900 on a 1280×720
    /// frame; the BoofCV `lots` pictures hold ~180 patterns in 12 Mpx, where the bound is
    /// 11 900). It exists so that a hostile texture cannot make the quadratic neighbour search
    /// of ``FinderPatternSelector`` run away.
    public static func maxCandidates(width: Int, height: Int) -> Int {
        max(48, (width * height) >> 10)
    }

    /// Smallest module-row run we look for; below 3 px per module a finder core is 9 px tall, so
    /// a skip of 3 still hits it.
    static let minSkip = 3

    /// Scans the image; `rowBuffer` must hold ≥ width bytes (the facade reuses one).
    public mutating func find(rowBuffer: UnsafeMutablePointer<UInt8>) -> [FinderPattern] {
        let w = view.width, h = view.height
        // zxing's rule: a version-20 code filling 3/4 of the height still has 3 rows in its core.
        var skip = options.rowSkip > 0 ? options.rowSkip : max(Self.minSkip, (3 * h) / (4 * 97))
        var y = skip - 1
        while y < h {
            view.binarizeRow(y, into: rowBuffer)
            var s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0
            var state = 0
            var x = 0
            while x < w {
                if rowBuffer[x] != 0 {
                    if state & 1 == 1 { state += 1 }
                    switch state {
                    case 0: s0 += 1
                    case 2: s2 += 1
                    default: s4 += 1
                    }
                } else {
                    if state & 1 == 0 {
                        if state == 4 {
                            if s0 + s1 + s2 + s3 + s4 >= options.minTotal, RunRatios.isFinder((s0, s1, s2, s3, s4)),
                               handle((s0, s1, s2, s3, s4), x: x, y: y) {
                                // After a hit, look at neighbouring rows more densely so the
                                // pattern is confirmed several times (and its twin patterns too).
                                if options.rowSkip == 0 { skip = 2 }
                                s0 = 0; s1 = 0; s2 = 0; s3 = 0; s4 = 0; state = 0
                            } else {
                                s0 = s2; s1 = s3; s2 = s4; s3 = 1; s4 = 0; state = 3
                            }
                        } else {
                            state += 1
                            if state == 1 { s1 += 1 } else { s3 += 1 }
                        }
                    } else {
                        if state == 1 { s1 += 1 } else { s3 += 1 }
                    }
                }
                x += 1
            }
            if state == 4, RunRatios.isFinder((s0, s1, s2, s3, s4)) {
                _ = handle((s0, s1, s2, s3, s4), x: w, y: y)
            }
            if candidates.count >= options.maxCandidates { break }
            y += skip
        }
        return candidates
    }

    /// Confirms a row hit ending at `x` and records it. Returns whether it was confirmed.
    mutating func handle(_ s: (Int, Int, Int, Int, Int), x: Int, y: Int) -> Bool {
        let total = s.0 + s.1 + s.2 + s.3 + s.4
        let cx = Double(x - s.4 - s.3) - Double(s.2) / 2
        guard let v = crossCheck(Int(cx), y, dx: 0, dy: 1, maxCount: s.2, expectedTotal: total) else { return false }
        let cy = Double(y) + v.center
        guard let hz = crossCheck(Int(cx), Int(cy), dx: 1, dy: 0, maxCount: s.2, expectedTotal: total) else { return false }
        let cx2 = Double(Int(cx)) + hz.center
        guard crossCheck(Int(cx2), Int(cy), dx: 1, dy: 1, maxCount: s.2 * 2, expectedTotal: 0, tolerance: 0.75) != nil
        else { return false }
        let size = Double(hz.total + v.total) / 14
        if let i = candidates.firstIndex(where: { $0.isNear(x: cx2, y: cy, size: size) }) {
            candidates[i] = candidates[i].merged(x: cx2, y: cy, size: size)
        } else {
            candidates.append(FinderPattern(x: cx2, y: cy, moduleSize: size))
        }
        return true
    }

    /// Counts the five runs through (x, y) along (dx, dy), which must start on the dark core.
    /// Returns the core centre as an offset (in steps, continuous coordinates relative to the
    /// pixel's left/top edge) and the total length, or nil when the runs are not 1:1:3:1:1.
    func crossCheck(_ x: Int, _ y: Int, dx: Int, dy: Int, maxCount: Int, expectedTotal: Int,
                    tolerance: Double = 0.5) -> (center: Double, total: Int)? {
        let v = view
        guard v.isDarkClipped(x, y) else { return nil }
        var s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0
        var i = 0
        while v.isDarkClipped(x - i * dx, y - i * dy) { s2 += 1; i += 1 }
        while v.image.contains(x: x - i * dx, y: y - i * dy), !v.isDark(x - i * dx, y - i * dy), s1 <= maxCount { s1 += 1; i += 1 }
        guard v.image.contains(x: x - i * dx, y: y - i * dy), s1 <= maxCount else { return nil }
        while v.isDarkClipped(x - i * dx, y - i * dy), s0 <= maxCount { s0 += 1; i += 1 }
        guard s0 <= maxCount else { return nil }
        var j = 1
        while v.isDarkClipped(x + j * dx, y + j * dy) { s2 += 1; j += 1 }
        while v.image.contains(x: x + j * dx, y: y + j * dy), !v.isDark(x + j * dx, y + j * dy), s3 < maxCount { s3 += 1; j += 1 }
        guard v.image.contains(x: x + j * dx, y: y + j * dy), s3 < maxCount else { return nil }
        while v.isDarkClipped(x + j * dx, y + j * dy), s4 < maxCount { s4 += 1; j += 1 }
        guard s4 < maxCount else { return nil }
        let total = s0 + s1 + s2 + s3 + s4
        if expectedTotal > 0, 5 * abs(total - expectedTotal) >= 2 * expectedTotal { return nil }
        guard RunRatios.isFinder((s0, s1, s2, s3, s4), tolerance: tolerance, coreTolerance: 2 * tolerance) else { return nil }
        return (Double(j - s4 - s3) - Double(s2) / 2, total)
    }
}
