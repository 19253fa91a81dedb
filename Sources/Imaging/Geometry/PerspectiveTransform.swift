/// Four corners in order: top-left, top-right, bottom-right, bottom-left (clockwise on screen).
public struct Quad: Sendable, Hashable, Codable {
    public var topLeft: Point
    public var topRight: Point
    public var bottomRight: Point
    public var bottomLeft: Point

    public init(topLeft: Point, topRight: Point, bottomRight: Point, bottomLeft: Point) {
        self.topLeft = topLeft; self.topRight = topRight
        self.bottomRight = bottomRight; self.bottomLeft = bottomLeft
    }

    /// The axis-aligned rectangle `x, y, width, height` as a quad.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.init(topLeft: Point(x, y), topRight: Point(x + width, y),
                  bottomRight: Point(x + width, y + height), bottomLeft: Point(x, y + height))
    }

    /// Corners in TL, TR, BR, BL order.
    public var corners: [Point] { [topLeft, topRight, bottomRight, bottomLeft] }

    /// Centroid of the four corners.
    public var center: Point {
        Point((topLeft.x + topRight.x + bottomRight.x + bottomLeft.x) / 4,
              (topLeft.y + topRight.y + bottomRight.y + bottomLeft.y) / 4)
    }

    /// Whether `p` lies inside the quad (convex or not, by winding of the four edges).
    public func contains(_ p: Point) -> Bool {
        let c = corners
        var sign = 0
        for i in 0..<4 {
            let a = c[i], b = c[(i + 1) % 4]
            let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            let s = cross > 0 ? 1 : (cross < 0 ? -1 : 0)
            if s == 0 { continue }
            if sign == 0 { sign = s } else if s != sign { return false }
        }
        return true
    }
}

/// A plane homography: maps (x, y) to ((a·x + b·y + c) / (g·x + h·y + i), (d·x + e·y + f) / (…)).
///
/// Why a homography and not an affine map: a phone held at an angle foreshortens the code, and
/// only a projective map sends the four corners of the symbol to the four corners in the image.
/// Built the classic way (Heckbert): square → quad in closed form, so quad → quad is one inverse
/// (adjoint) and one product, with no linear solver.
public struct PerspectiveTransform: Sendable, Hashable {
    public var a11, a12, a13, a21, a22, a23, a31, a32, a33: Double

    public init(a11: Double, a12: Double, a13: Double, a21: Double, a22: Double, a23: Double,
                a31: Double, a32: Double, a33: Double) {
        self.a11 = a11; self.a12 = a12; self.a13 = a13
        self.a21 = a21; self.a22 = a22; self.a23 = a23
        self.a31 = a31; self.a32 = a32; self.a33 = a33
    }

    /// The map sending the unit square (0,0),(1,0),(1,1),(0,1) to `q`'s TL, TR, BR, BL.
    public static func squareToQuad(_ q: Quad) -> PerspectiveTransform {
        let x0 = q.topLeft.x, y0 = q.topLeft.y, x1 = q.topRight.x, y1 = q.topRight.y
        let x2 = q.bottomRight.x, y2 = q.bottomRight.y, x3 = q.bottomLeft.x, y3 = q.bottomLeft.y
        let dx3 = x0 - x1 + x2 - x3, dy3 = y0 - y1 + y2 - y3
        if dx3 == 0 && dy3 == 0 {
            // Affine: a parallelogram.
            return PerspectiveTransform(a11: x1 - x0, a12: x3 - x0, a13: x0,
                                        a21: y1 - y0, a22: y3 - y0, a23: y0,
                                        a31: 0, a32: 0, a33: 1)
        }
        let dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2
        let den = dx1 * dy2 - dx2 * dy1
        let g = (dx3 * dy2 - dx2 * dy3) / den
        let h = (dx1 * dy3 - dx3 * dy1) / den
        return PerspectiveTransform(a11: x1 - x0 + g * x1, a12: x3 - x0 + h * x3, a13: x0,
                                    a21: y1 - y0 + g * y1, a22: y3 - y0 + h * y3, a23: y0,
                                    a31: g, a32: h, a33: 1)
    }

    /// The map sending quad `from` onto quad `to`, corner by corner.
    public static func quadToQuad(from: Quad, to: Quad) -> PerspectiveTransform {
        squareToQuad(to).times(squareToQuad(from).adjoint())
    }

    /// The adjoint matrix: the inverse up to scale, which is all a homography needs.
    public func adjoint() -> PerspectiveTransform {
        PerspectiveTransform(
            a11: a22 * a33 - a23 * a32, a12: a13 * a32 - a12 * a33, a13: a12 * a23 - a13 * a22,
            a21: a23 * a31 - a21 * a33, a22: a11 * a33 - a13 * a31, a23: a13 * a21 - a11 * a23,
            a31: a21 * a32 - a22 * a31, a32: a12 * a31 - a11 * a32, a33: a11 * a22 - a12 * a21)
    }

    /// Matrix product `self · other` (apply `other` first).
    public func times(_ o: PerspectiveTransform) -> PerspectiveTransform {
        PerspectiveTransform(
            a11: a11 * o.a11 + a12 * o.a21 + a13 * o.a31,
            a12: a11 * o.a12 + a12 * o.a22 + a13 * o.a32,
            a13: a11 * o.a13 + a12 * o.a23 + a13 * o.a33,
            a21: a21 * o.a11 + a22 * o.a21 + a23 * o.a31,
            a22: a21 * o.a12 + a22 * o.a22 + a23 * o.a32,
            a23: a21 * o.a13 + a22 * o.a23 + a23 * o.a33,
            a31: a31 * o.a11 + a32 * o.a21 + a33 * o.a31,
            a32: a31 * o.a12 + a32 * o.a22 + a33 * o.a32,
            a33: a31 * o.a13 + a32 * o.a23 + a33 * o.a33)
    }

    /// Maps one point. Returns a non-finite point when `p` maps to infinity.
    @inlinable
    public func apply(_ p: Point) -> Point {
        let w = a31 * p.x + a32 * p.y + a33
        return Point((a11 * p.x + a12 * p.y + a13) / w, (a21 * p.x + a22 * p.y + a23) / w)
    }

    /// Maps the points `(x0 + i·dx, y)` for `i in 0..<count` into `out` (which must hold `count`
    /// points): one row of a sampling grid with the row terms computed once.
    @inlinable
    public func applyRow(y: Double, x0: Double, dx: Double, count: Int, into out: UnsafeMutablePointer<Point>) {
        let bx = a12 * y + a13, by = a22 * y + a23, bw = a32 * y + a33
        var x = x0
        for i in 0..<count {
            let w = a31 * x + bw
            out[i] = Point((a11 * x + bx) / w, (a21 * x + by) / w)
            x += dx
        }
    }
}
