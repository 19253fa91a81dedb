public import Imaging

/// Our QR reader: binarizer → finder patterns → triples → geometry → sampled modules →
/// ``SymbolDecoder``.
///
/// Strategy, cheapest first, stopping as soon as a pass reads something:
/// 1. adaptive thresholds, rows scanned with the normal skip;
/// 2. the same thresholds inverted (light-on-dark / dark-mode screens) — free, no new pass over
///    the pixels;
/// 3. with `tryHarder`: every row scanned, and a second binarizer setting (smaller flat-block
///    range, larger window) for washed-out or unevenly lit frames; sampling grids nudged by a
///    fraction of a module.
/// Work is bounded by a number of decode attempts rather than by wall-clock time, so that one
/// frame always gives the same answer (tests and the simulation are reproducible).
public struct QRDecoder: QRReader {
    public struct Options: Sendable {
        /// Spend more work on frames where the fast passes found nothing.
        public var tryHarder: Bool
        /// Also look for light-on-dark codes.
        public var tryInverted: Bool
        /// Stop after this many codes.
        public var maxCodes: Int
        /// Triples tried per pass (each costs an alignment search and a few samplings).
        public var maxAttemptsPerPass: Int

        public init(tryHarder: Bool = false, tryInverted: Bool = true, maxCodes: Int = 8, maxAttemptsPerPass: Int = 12) {
            self.tryHarder = tryHarder
            self.tryInverted = tryInverted
            self.maxCodes = maxCodes
            self.maxAttemptsPerPass = maxAttemptsPerPass
        }
    }

    public let name = "threshold"
    public let options: Options

    public init(options: Options = .init()) {
        self.options = options
    }

    /// One pass's settings.
    struct Pass {
        var binarizer: AdaptiveBinarizer
        var inverted: Bool
        var rowSkip: Int
        var offsets: [(dx: Double, dy: Double)]
        var minTotal = 7
    }

    var passes: [Pass] {
        let fast = AdaptiveBinarizer()
        var out = [Pass(binarizer: fast, inverted: false, rowSkip: 0, offsets: [(0, 0)])]
        if options.tryInverted { out.append(Pass(binarizer: fast, inverted: true, rowSkip: 0, offsets: [(0, 0)])) }
        if options.tryHarder {
            let nudges: [(dx: Double, dy: Double)] = [(0, 0), (0.2, 0.2), (-0.2, -0.2), (0.2, -0.2), (-0.2, 0.2)]
            let wide = AdaptiveBinarizer(minDynamicRange: 12, radius: 3)
            out.append(Pass(binarizer: fast, inverted: false, rowSkip: 1, offsets: nudges))
            out.append(Pass(binarizer: wide, inverted: false, rowSkip: 1, offsets: nudges))
            if options.tryInverted { out.append(Pass(binarizer: fast, inverted: true, rowSkip: 1, offsets: nudges)) }
        }
        return out
    }

    public func read(_ image: GrayImage) -> [QRResult] {
        guard image.width >= 21, image.height >= 21 else { return [] }
        var found = [QRResult]()
        var grid = ThresholdGrid()
        var gridSettings: (Int, Int)? = nil
        let rowBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: image.width)
        defer { rowBuffer.deallocate() }
        for pass in passes {
            let settings = (pass.binarizer.minDynamicRange, pass.binarizer.radius)
            if gridSettings.map({ $0 != settings }) ?? true {
                pass.binarizer.binarize(image, into: &grid)
                gridSettings = settings
            }
            let blocksWide = grid.blocksWide
            grid.thresholds.withUnsafeBufferPointer { t in
                guard let base = t.baseAddress else { return }
                let view = BinaryView(image: image, thresholds: base, blocksWide: blocksWide, inverted: pass.inverted)
                run(pass, view: view, rowBuffer: rowBuffer, into: &found)
            }
            if !found.isEmpty { break }
        }
        return found
    }

    /// Finds, selects and decodes within one binarization.
    func run(_ pass: Pass, view: BinaryView, rowBuffer: UnsafeMutablePointer<UInt8>, into found: inout [QRResult]) {
        var finder = FinderPatternFinder(view: view, options: .init(rowSkip: pass.rowSkip, maxCandidates: options.tryHarder ? 64 : 48, minTotal: pass.minTotal))
        let candidates = finder.find(rowBuffer: rowBuffer)
        guard candidates.count >= 3 else { return }
        var used = Set<Int>()
        var attempts = 0
        for triple in FinderPatternSelector.triples(from: candidates) {
            if found.count >= options.maxCodes || attempts >= options.maxAttemptsPerPass { return }
            if triple.indices.contains(where: used.contains) { continue }
            // A triple whose patterns lie inside a symbol already read is that symbol's data.
            if found.contains(where: { r in inside(r.corners, triple) }) { continue }
            attempts += 1
            if let result = decode(triple, view: view, offsets: pass.offsets) {
                used.formUnion(triple.indices)
                if !found.contains(where: { isDuplicate($0, result) }) { found.append(result) }
            }
        }
    }

    /// Tries the triple's candidate geometries and sampling offsets until one decodes.
    func decode(_ triple: FinderPatternTriple, view: BinaryView, offsets: [(dx: Double, dy: Double)]) -> QRResult? {
        guard let (moduleSize, dims) = Detector.dimensions(view, triple) else { return nil }
        // Each dimension with the alignment pattern first, then with the extrapolated corner in
        // case that pattern was a look-alike.
        for d in dims {
            guard let g = Detector.geometry(view, triple, dimension: d, moduleSize: moduleSize) else { continue }
            if let r = decode(g, view: view, offsets: offsets) { return r }
            if g.usedAlignment, let plain = Detector.geometry(view, triple, dimension: d, moduleSize: moduleSize, useAlignment: false),
               let r = decode(plain, view: view, offsets: offsets) { return r }
        }
        return nil
    }

    func decode(_ g: SymbolGeometry, view: BinaryView, offsets: [(dx: Double, dy: Double)]) -> QRResult? {
        for offset in offsets {
            guard let modules = GridSampler.sample(view, transform: g.transform, dimension: g.dimension, offset: offset) else { break }
            guard let symbol = try? SymbolDecoder.decode(modules) else { continue }
            var corners = g.corners
            // Corners as the symbol reads: a mirrored symbol's top-right lies where we assumed
            // its bottom-left.
            if symbol.mirrored { corners = [corners[0], corners[3], corners[2], corners[1]] }
            return symbol.result(corners: corners)
        }
        return nil
    }

    func inside(_ corners: [Point], _ t: FinderPatternTriple) -> Bool {
        guard corners.count == 4 else { return false }
        let q = Quad(topLeft: corners[0], topRight: corners[1], bottomRight: corners[2], bottomLeft: corners[3])
        return q.contains(t.topLeft.point) && q.contains(t.topRight.point) && q.contains(t.bottomLeft.point)
    }

    func isDuplicate(_ a: QRResult, _ b: QRResult) -> Bool {
        guard a.bytes == b.bytes, a.corners.count == 4, b.corners.count == 4 else { return false }
        let qa = Quad(topLeft: a.corners[0], topRight: a.corners[1], bottomRight: a.corners[2], bottomLeft: a.corners[3])
        let qb = Quad(topLeft: b.corners[0], topRight: b.corners[1], bottomRight: b.corners[2], bottomLeft: b.corners[3])
        return qa.contains(qb.center) || qb.contains(qa.center)
    }
}
