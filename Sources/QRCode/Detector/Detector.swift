import Imaging

/// Where a symbol lies in the image: a map from symbol coordinates (modules, 0…dimension, x to
/// the right and y down as the symbol reads) to image pixels.
public struct SymbolGeometry: Sendable, Equatable {
    public var transform: PerspectiveTransform
    public var dimension: Int
    /// Whether the fourth point came from a found alignment pattern (vs. extrapolated).
    public var usedAlignment: Bool

    /// The symbol's corners in the image: TL, TR, BR, BL.
    public var corners: [Point] {
        let d = Double(dimension)
        return [Point(0, 0), Point(d, 0), Point(d, d), Point(0, d)].map(transform.apply)
    }
}

/// Turns a triple of finder patterns into candidate sampling geometries, most likely first.
///
/// Steps (ISO/IEC 18004 §12 reference algorithm, with zxing's refinements):
/// 1. module size measured *through* the finder patterns along the symbol's own axes (not the
///    row estimate, which is √2 off at 45°);
/// 2. dimension = finder distance / module size + 7, snapped to 4k + 1;
/// 3. the alignment pattern searched where an affine extrapolation puts it, in growing windows;
///    it is the fourth point of the homography, else the bottom-right corner is extrapolated;
/// 4. versions ≥ 7: the version block is read through that homography and, when its BCH
///    decodes, overrides the estimated dimension (large symbols are often off by 4 modules);
/// 5. neighbouring dimensions (±4) follow as fallbacks.
public enum Detector {
    /// The measured module size and the dimensions worth trying, most likely first.
    public static func dimensions(_ view: BinaryView, _ t: FinderPatternTriple) -> (moduleSize: Double, dimensions: [Int])? {
        let tl = t.topLeft.point, tr = t.topRight.point, bl = t.bottomLeft.point
        let rowSize = (t.topLeft.moduleSize + t.topRight.moduleSize + t.bottomLeft.moduleSize) / 3
        let moduleSize = RunWalker.moduleSize(view, t) ?? rowSize
        guard moduleSize >= 0.7, moduleSize.isFinite else { return nil }
        let span = (tl.distance(to: tr) + tl.distance(to: bl)) / 2
        var dimension = Int((span / moduleSize).rounded()) + 7
        switch dimension & 3 {
        case 0: dimension += 1
        case 2: dimension -= 1
        case 3: dimension -= 2
        default: break
        }
        var out = [Int]()
        if dimension >= 41, let fixed = versionFromImage(view, t, dimension: dimension, moduleSize: moduleSize) {
            out.append(fixed)
        }
        for d in [dimension, dimension + 4, dimension - 4] where d >= 21 && d <= 177 && !out.contains(d) {
            out.append(d)
        }
        return (moduleSize, out)
    }

    /// All candidate geometries (for tests and diagnostics; the facade builds them lazily).
    public static func geometries(_ view: BinaryView, _ t: FinderPatternTriple) -> [SymbolGeometry] {
        guard let (size, dims) = dimensions(view, t) else { return [] }
        return dims.compactMap { geometry(view, t, dimension: $0, moduleSize: size) }
    }

    /// The homography for one assumed dimension: through the alignment pattern when one is
    /// found (unless `useAlignment` is false), else through the extrapolated fourth corner.
    static func geometry(_ view: BinaryView, _ t: FinderPatternTriple, dimension d: Int, moduleSize: Double, useAlignment: Bool = true) -> SymbolGeometry? {
        let tl = t.topLeft.point, tr = t.topRight.point, bl = t.bottomLeft.point
        let br = tr + bl - tl
        let dd = Double(d)
        if d >= 25 && useAlignment {
            let k = (dd - 10) / (dd - 7)
            let estimate = tl + (br - tl) * k
            // One module along each symbol axis, for checking the pattern's rings.
            let ux = (tr - tl) * (1 / (dd - 7)), uy = (bl - tl) * (1 / (dd - 7))
            for allowance in [4.0, 8.0, 16.0] {
                if let a = AlignmentPatternFinder.find(view, near: estimate, moduleSize: moduleSize, allowance: allowance, ux: ux, uy: uy) {
                    let from = Quad(topLeft: Point(3.5, 3.5), topRight: Point(dd - 3.5, 3.5),
                                    bottomRight: Point(dd - 6.5, dd - 6.5), bottomLeft: Point(3.5, dd - 3.5))
                    let to = Quad(topLeft: tl, topRight: tr, bottomRight: a, bottomLeft: bl)
                    return SymbolGeometry(transform: .quadToQuad(from: from, to: to), dimension: d, usedAlignment: true)
                }
            }
        }
        let from = Quad(topLeft: Point(3.5, 3.5), topRight: Point(dd - 3.5, 3.5),
                        bottomRight: Point(dd - 3.5, dd - 3.5), bottomLeft: Point(3.5, dd - 3.5))
        let to = Quad(topLeft: tl, topRight: tr, bottomRight: br, bottomLeft: bl)
        return SymbolGeometry(transform: .quadToQuad(from: from, to: to), dimension: d, usedAlignment: false)
    }

    /// The dimension given by the version blocks, read through a local affine grid anchored on
    /// the finder pattern next to each block and scaled by that pattern's own module size (so
    /// that neither an error in the estimated dimension nor perspective shifts the block).
    ///
    /// Accepted when one block decodes with ≤ 1 bit error, or both blocks agree: a lone block
    /// read 3 bits off can land on a wrong version (we saw v31 for a tilted v15).
    static func versionFromImage(_ view: BinaryView, _ t: FinderPatternTriple, dimension d: Int, moduleSize: Double) -> Int? {
        let tl = t.topLeft.point, tr = t.topRight.point, bl = t.bottomLeft.point
        let ux = (tr - tl) * (1 / tl.distance(to: tr)), uy = (bl - tl) * (1 / tl.distance(to: bl))
        let dd = Double(d)
        var seen = [(version: Int, distance: Int)]()
        for bottomLeft in [false, true] {
            let anchor = bottomLeft ? bl : tr
            let size = (RunWalker.finderWidth(view, center: anchor, towards: tl)).map { $0 / 7 } ?? moduleSize
            let anchorModule = bottomLeft ? Point(3.5, dd - 3.5) : Point(dd - 3.5, 3.5)
            let map = { (m: Point) -> Point in
                anchor + ux * ((m.x - anchorModule.x) * size) + uy * ((m.y - anchorModule.y) * size)
            }
            if let bits = GridSampler.versionBits(view, dimension: d, bottomLeft: bottomLeft, map: map),
               let v = Version.decodeVersionBits(bits) {
                let distance = (Version.versionBits(v.number) ^ bits).nonzeroBitCount
                if distance <= 1 { return v.dimension }
                seen.append((v.number, distance))
            }
        }
        if seen.count == 2, seen[0].version == seen[1].version, let v = Version.forNumber(seen[0].version) { return v.dimension }
        return nil
    }
}
