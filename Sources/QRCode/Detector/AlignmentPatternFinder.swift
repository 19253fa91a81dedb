import Imaging

/// Finds the alignment pattern (a 5×5 concentric square: dark dot, light ring, dark ring) near
/// where the three finder patterns predict it, for versions ≥ 2.
///
/// Why it matters: three finder centres fix only an affine map; the fourth point is what lets
/// the perspective transform follow a tilted phone. Rows are scanned from the predicted row
/// outwards for light:dark:light runs of ≈ 1:1:1 modules, each hit is confirmed down the column,
/// and the confirmed centre closest to the prediction wins.
enum AlignmentPatternFinder {
    /// - Parameters:
    ///   - ux, uy: one module along the symbol's x and y axes (from the finder patterns), used to
    ///     verify the whole 5×5 pattern: data modules often form a light:dark:light run in a row
    ///     and a column, but almost never the two rings around it.
    static func find(_ view: BinaryView, near estimate: Point, moduleSize: Double, allowance: Double, ux: Point, uy: Point) -> Point? {
        let reach = max(3, Int(allowance * moduleSize))
        let cx = Int(estimate.x), cy = Int(estimate.y)
        let x0 = max(0, cx - reach), x1 = min(view.width - 1, cx + reach)
        let y0 = max(0, cy - reach), y1 = min(view.height - 1, cy + reach)
        guard x1 - x0 >= Int(3 * moduleSize), y1 - y0 >= Int(3 * moduleSize) else { return nil }
        var found: [(p: Point, count: Int)] = []
        let rows = y1 - y0 + 1
        for k in 0..<rows {
            // Middle-out: predicted row first, then alternately below and above.
            let y = cy + ((k & 1) == 0 ? (k + 1) / 2 : -((k + 1) / 2))
            guard y >= y0, y <= y1 else { continue }
            var x = x0
            // Skip to the first dark pixel so the first light run is a whole run.
            while x <= x1, !view.isDark(x, y) { x += 1 }
            var s0 = 0, s1 = 0, s2 = 0  // light, dark, light
            var state = 0  // 0: in leading dark, 1: light, 2: dark, 3: light
            while x <= x1 {
                let dark = view.isDark(x, y)
                switch (state, dark) {
                case (0, true): break
                case (0, false): state = 1; s0 = 1
                case (1, false): s0 += 1
                case (1, true): state = 2; s1 = 1
                case (2, true): s1 += 1
                case (2, false): state = 3; s2 = 1
                case (3, false): s2 += 1
                default:  // (3, true): a light:dark:light triple just ended
                    if matches(s0, s1, s2, moduleSize) {
                        let centerX = Double(x - s2) - Double(s1) / 2
                        if let centerY = crossCheckVertical(view, x: Int(centerX), y: y, maxCount: Int(2 * moduleSize) + 1, moduleSize: moduleSize) {
                            let p = Point(centerX, centerY)
                            if let i = found.firstIndex(where: { $0.p.distance(to: p) <= moduleSize }) {
                                let n = Double(found[i].count)
                                found[i] = (Point((found[i].p.x * n + p.x) / (n + 1), (found[i].p.y * n + p.y) / (n + 1)), found[i].count + 1)
                            } else {
                                found.append((p, 1))
                            }
                        }
                    }
                    s0 = s2; s1 = 1; s2 = 0; state = 2
                }
                x += 1
            }
        }
        // Keep centres whose rings check out; prefer the best ring score, then the nearest.
        var best: (p: Point, score: Int, distance: Double)? = nil
        for f in found {
            let score = ringScore(view, f.p, ux: ux, uy: uy)
            guard score >= 19 else { continue }
            let d = f.p.distance(to: estimate)
            // Scores ≥ 23 count as equal: the rest is noise and perspective on the outer ring.
            let capped = min(score, 23)
            if let b = best, b.score > capped || (b.score == capped && b.distance <= d) { continue }
            best = (f.p, capped, d)
        }
        return best?.p
    }

    /// How many of the 25 modules of an alignment pattern centred at `c` have the expected
    /// colour (dark centre, light ring, dark ring).
    static func ringScore(_ view: BinaryView, _ c: Point, ux: Point, uy: Point) -> Int {
        var score = 0
        for j in -2...2 {
            for i in -2...2 {
                let p = c + ux * Double(i) + uy * Double(j)
                let px = Int(p.x.rounded(.down)), py = Int(p.y.rounded(.down))
                let expectDark = max(abs(i), abs(j)) != 1
                if view.isDarkClipped(px, py) == expectDark { score += 1 }
            }
        }
        return score
    }

    @inline(__always)
    static func matches(_ a: Int, _ b: Int, _ c: Int, _ m: Double) -> Bool {
        // Up to √2 longer than a module when the code is rotated 45°.
        let lo = m * 0.5, hi = m * 1.7
        return Double(a) > lo && Double(a) < hi && Double(b) > lo && Double(b) < hi
            && Double(c) > lo && Double(c) < hi
    }

    /// Confirms light:dark:light down the column through (x, y); returns the dot's centre row.
    static func crossCheckVertical(_ view: BinaryView, x: Int, y: Int, maxCount: Int, moduleSize: Double) -> Double? {
        guard view.isDarkClipped(x, y) else { return nil }
        var up = 0
        while view.isDarkClipped(x, y - up - 1), up <= maxCount { up += 1 }
        var light0 = 0
        while view.image.contains(x: x, y: y - up - 1 - light0), !view.isDark(x, y - up - 1 - light0), light0 <= maxCount { light0 += 1 }
        guard view.image.contains(x: x, y: y - up - 1 - light0), light0 <= maxCount else { return nil }
        var down = 0
        while view.isDarkClipped(x, y + down + 1), down <= maxCount { down += 1 }
        var light1 = 0
        while view.image.contains(x: x, y: y + down + 1 + light1), !view.isDark(x, y + down + 1 + light1), light1 <= maxCount { light1 += 1 }
        guard view.image.contains(x: x, y: y + down + 1 + light1), light1 <= maxCount else { return nil }
        let dark = up + down + 1
        guard matches(light0, dark, light1, moduleSize) else { return nil }
        return Double(y - up) + Double(dark) / 2
    }
}
