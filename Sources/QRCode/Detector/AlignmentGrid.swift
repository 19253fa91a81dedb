import Imaging

/// A map from symbol (module) coordinates to image pixels, one row of sample points at a time:
/// what the grid samplers need. A single homography is one; ``AlignmentGrid`` is another.
protocol ModuleMapping {
    func applyRow(y: Double, x0: Double, dx: Double, count: Int, into out: UnsafeMutablePointer<Point>)
}

extension PerspectiveTransform: ModuleMapping {}

/// Piecewise sampling of a large symbol (version ≥ 7) through all of its alignment patterns.
///
/// Why: one homography fixed by three finder centres and one alignment pattern is exact only
/// for a flat symbol and a pinhole camera. A version-25+ symbol spans 117+ modules; lens
/// distortion, a slightly bent page or a few tenths of a pixel of error in the finder centres
/// move the far modules by more than half a module, and the symbol fails although every module
/// is sharp. Its alignment patterns (a grid of up to 7×7) are exactly the fix points needed:
/// each is searched a few modules around where the homography (corrected by the shift seen at
/// the nearest pattern already found) puts it, and each cell between four neighbouring
/// patterns gets its own homography. Patterns not found, and the three corners under the finder
/// patterns, keep their predicted position.
struct AlignmentGrid: ModuleMapping {
    /// Module coordinates of the anchor rows and columns (alignment centres + 0.5), ascending.
    let cuts: [Double]
    /// One homography per cell, row-major: cell (i, j) spans cuts[i]…cuts[i+1] in x and
    /// cuts[j]…cuts[j+1] in y; modules outside the outer anchors use the outer cells.
    let cells: [PerspectiveTransform]
    /// Alignment patterns actually found (for the caller's acceptance test).
    let found: Int

    /// Builds the grid for `version` around the global transform `global`, or nil when the
    /// version has fewer than 3×3 alignment positions (versions 2–6 have one pattern: nothing
    /// to refine beyond the global homography).
    init?(_ view: BinaryView, global: PerspectiveTransform, version: Version, moduleSize: Double) {
        let centres = version.alignmentCenters
        let n = centres.count
        guard n >= 3 else { return nil }
        let cuts = centres.map { Double($0) + 0.5 }
        var anchors = [Point?](repeating: nil, count: n * n)
        var shifts = [(at: Point, shift: Point)]()
        var found = 0
        // One module along each symbol axis, measured on the global map at the symbol centre.
        let mid = Double(version.dimension) / 2
        let o = global.apply(Point(mid, mid))
        let ux = global.apply(Point(mid + 1, mid)) - o, uy = global.apply(Point(mid, mid + 1)) - o
        // Outward from the top-left, so each prediction can borrow the shift of a found
        // neighbour nearer the finder patterns.
        let order = (0..<(n * n)).sorted { a, b in (a % n + a / n, a) < (b % n + b / n, b) }
        for index in order {
            let i = index % n, j = index / n
            let module = Point(cuts[i], cuts[j])
            var predicted = global.apply(module)
            guard predicted.x.isFinite, predicted.y.isFinite else { return nil }
            let isFinderCorner = (i == 0 && j == 0) || (i == n - 1 && j == 0) || (i == 0 && j == n - 1)
            if isFinderCorner { anchors[index] = predicted; continue }
            if let nearest = shifts.min(by: { $0.at.distance(to: module) < $1.at.distance(to: module) }) {
                predicted = predicted + nearest.shift
            }
            if let a = AlignmentPatternFinder.find(view, near: predicted, moduleSize: moduleSize, allowance: 2.5, ux: ux, uy: uy) {
                anchors[index] = a
                shifts.append((module, a - global.apply(module)))
                found += 1
            } else {
                anchors[index] = predicted
            }
        }
        var cells = [PerspectiveTransform]()
        cells.reserveCapacity((n - 1) * (n - 1))
        for j in 0..<(n - 1) {
            for i in 0..<(n - 1) {
                guard let tl = anchors[j * n + i], let tr = anchors[j * n + i + 1],
                      let br = anchors[(j + 1) * n + i + 1], let bl = anchors[(j + 1) * n + i] else { return nil }
                let from = Quad(topLeft: Point(cuts[i], cuts[j]), topRight: Point(cuts[i + 1], cuts[j]),
                                bottomRight: Point(cuts[i + 1], cuts[j + 1]), bottomLeft: Point(cuts[i], cuts[j + 1]))
                cells.append(.quadToQuad(from: from, to: Quad(topLeft: tl, topRight: tr, bottomRight: br, bottomLeft: bl)))
            }
        }
        self.cuts = cuts
        self.cells = cells
        self.found = found
    }

    /// Index of the cell interval holding `v` (the outer intervals extend to the symbol edge).
    @inline(__always)
    func interval(_ v: Double) -> Int {
        var k = 0
        while k < cuts.count - 2 && v >= cuts[k + 1] { k += 1 }
        return k
    }

    func applyRow(y: Double, x0: Double, dx: Double, count: Int, into out: UnsafeMutablePointer<Point>) {
        let row = interval(y) * (cuts.count - 1)
        var x = x0
        for k in 0..<count {
            out[k] = cells[row + interval(x)].apply(Point(x, y))
            x += dx
        }
    }
}
