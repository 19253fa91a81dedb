import Imaging

/// Measures run lengths along arbitrary lines of a binary view (a DDA walk, one pixel per step
/// along the major axis). Used to measure finder patterns along the direction of the symbol's
/// own axes, where the module size is true whatever the rotation.
enum RunWalker {
    /// Distance from `from` (inside a finder's dark core) towards `to` until the walk leaves
    /// the outer dark ring (dark → light → dark → light). Nil if the line leaves the image or
    /// never completes the pattern.
    static func darkLightDarkRun(_ view: BinaryView, from: Point, to: Point) -> Double? {
        let dx = to.x - from.x, dy = to.y - from.y
        let steps = Int(max(abs(dx), abs(dy)).rounded(.up))
        guard steps > 0 else { return nil }
        let sx = dx / Double(steps), sy = dy / Double(steps)
        let stepLength = (sx * sx + sy * sy).squareRoot()
        var state = 0
        var x = from.x, y = from.y
        for i in 0...steps {
            let px = Int(x.rounded(.down)), py = Int(y.rounded(.down))
            guard view.image.contains(x: px, y: py) else { return state == 2 ? Double(i) * stepLength : nil }
            let dark = view.isDark(px, py)
            if (state == 1) == dark {
                state += 1
                if state == 3 { return Double(i) * stepLength }
            }
            x += sx; y += sy
        }
        return state == 2 ? Double(steps) * stepLength : nil
    }

    /// Width of the finder pattern at `center` along the line to `other`, measured both ways
    /// (≈ 7 modules).
    static func finderWidth(_ view: BinaryView, center: Point, towards other: Point) -> Double? {
        let forward = darkLightDarkRun(view, from: center, to: other)
        // The same distance in the opposite direction, clipped to the image.
        var ox = center.x - (other.x - center.x), oy = center.y - (other.y - center.y)
        var scale = 1.0
        let w = Double(view.width), h = Double(view.height)
        if ox < 0 { scale = min(scale, center.x / (center.x - ox)) }
        if ox >= w { scale = min(scale, (w - 1 - center.x) / (ox - center.x)) }
        if oy < 0 { scale = min(scale, center.y / (center.y - oy)) }
        if oy >= h { scale = min(scale, (h - 1 - center.y) / (oy - center.y)) }
        ox = center.x + (ox - center.x) * scale
        oy = center.y + (oy - center.y) * scale
        let backward = darkLightDarkRun(view, from: center, to: Point(ox, oy))
        guard let f = forward, let b = backward else { return nil }
        return f + b
    }

    /// Module size measured across the top-left finder towards the other two (and back).
    static func moduleSize(_ view: BinaryView, _ t: FinderPatternTriple) -> Double? {
        func oneWay(_ a: FinderPattern, _ b: FinderPattern) -> Double? {
            let ab = finderWidth(view, center: a.point, towards: b.point)
            let ba = finderWidth(view, center: b.point, towards: a.point)
            switch (ab, ba) {
            case let (x?, y?): return (x + y) / 14
            case let (x?, nil): return x / 7
            case let (nil, y?): return y / 7
            default: return nil
            }
        }
        switch (oneWay(t.topLeft, t.topRight), oneWay(t.topLeft, t.bottomLeft)) {
        case let (x?, y?): return (x + y) / 2
        case let (x?, nil): return x
        case let (nil, y?): return y
        default: return nil
        }
    }
}
