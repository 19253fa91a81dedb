public import Imaging

/// Our QR reader: binarizer → finder patterns → triples → geometry → sampled modules →
/// ``SymbolDecoder``.
///
/// Scale: every pass runs on the frame and on up to four halved copies of it (``ImagePyramid``),
/// finest first, results mapped back to frame coordinates; a triple lying inside a symbol
/// already read at a finer level is skipped. On the BoofCV real photos (default setting) this
/// took 180 → 253 of 653 codes (close 3 → 16 of 20, monitor 1 → 9 of 9, rotations 52 → 59),
/// and the zxing set 171 → 172. On the halved copies only finder patterns with modules of
/// ≥ 2 px are looked at (`coarseMinTotal`): smaller ones are ≥ 4 px a level finer and sampled
/// better there; reading them at 1.5 px (256 codes instead of 253) also read one artistic
/// zxing symbol to a text that differs from the expected one. Coarsest-first found the same
/// codes with corners only as precise as the coarse pixels. A fifth level or stopping at three
/// changes nothing on the corpus. Cost: the halving is 0.08 ms on a 1280×720 frame and the
/// halved levels add about a third to binarizer and finder scan (1280×720 without a code:
/// 0.92 → 1.63 ms CPU, the inverted scan running on every level too).
///
/// Many codes: no fixed cap on codes, candidates or triples (see ``FinderPatternSelector``);
/// BoofCV `lots` 14 → 237 of 240. Large symbols: versions ≥ 7 that fail through one homography
/// are sampled through all alignment patterns (``AlignmentGrid``); `high_version` 1 → 14 of 21.
///
/// Strategy, cheapest first, stopping as soon as a pass reads something:
/// 1. adaptive thresholds, rows scanned with the normal skip; a grid that fails but whose format
///    information reads within one bit (a real symbol) is retried nudged by 0.2 module, with
///    five-sample voting and with one Otsu threshold for the whole symbol (corpus, default
///    setting: 162 → 169 → 171 codes; no cost on frames without a symbol);
/// 2. the same thresholds inverted (light-on-dark / dark-mode screens) — no new pass over the
///    pixels, only a second finder scan;
/// 3. with `tryHarder`: every row scanned, a second binarizer setting (flat limit 12, 7×7
///    blocks) for washed-out or unevenly lit frames, retries without the format gate and with
///    erasures (174 codes).
/// Each pass tries every dimension estimate (version info, ±4) and, where an alignment pattern
/// was used, the extrapolated fourth corner too.
///
/// The budget is a number of triples tried per pass and level (`maxAttemptsPerPass` plus one per
/// finder candidate), not wall-clock time,
/// so one frame always gives the same answer (tests and the simulation are reproducible); the
/// benchmark shows what that costs per frame.
///
/// Memory: the camera view is never copied; per call the reader allocates the halved copies
/// (1/3 of the frame in all), a threshold grid per level (1/64 of its pixels) and one row
/// buffer.
public struct QRDecoder: QRReader {
    public struct Options: Sendable {
        /// Spend more work on frames where the fast passes found nothing.
        public var tryHarder: Bool
        /// Also look for light-on-dark codes.
        public var tryInverted: Bool
        /// Stop after this many codes (no limit by default: every code in the frame).
        public var maxCodes: Int
        /// Triples tried per pass and level beyond one per finder candidate (each costs an
        /// alignment search and a few samplings). The budget grows with the candidates so that
        /// a frame with 60 codes reads them all, and stays bounded on busy textures because the
        /// candidates are (see ``FinderPatternFinder/maxCandidates(width:height:)``).
        public var maxAttemptsPerPass: Int

        /// Halved copies of the frame searched besides the frame itself (see ``ImagePyramid``).
        public var scaleLevels: Int

        /// Smallest finder row pattern, in pixels, looked at on the halved levels (14: modules
        /// of 2 px). A symbol whose modules are smaller there has ≥ 4 px ones a level finer,
        /// where it is sampled better.
        public var coarseMinTotal: Int

        public init(tryHarder: Bool = false, tryInverted: Bool = true, maxCodes: Int = .max, maxAttemptsPerPass: Int = 12,
                    scaleLevels: Int = 4, coarseMinTotal: Int = 14) {
            self.coarseMinTotal = coarseMinTotal
            self.tryHarder = tryHarder
            self.tryInverted = tryInverted
            self.maxCodes = maxCodes
            self.maxAttemptsPerPass = maxAttemptsPerPass
            self.scaleLevels = scaleLevels
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
        /// Also try five-sample majority sampling with erasures (costs a second sampling).
        var voting = false
        /// Retry (nudges, voting) only grids whose format information reads within 1 bit: a
        /// real symbol that failed later. Random clutter passes that test ~2 % of the time
        /// (the 3-bit tolerance of the format BCH accepts over half of random words).
        var gated = false
    }

    var passes: [Pass] {
        let fast = AdaptiveBinarizer()
        let nudges: [(dx: Double, dy: Double)] = [(0, 0), (0.2, 0.2), (-0.2, -0.2), (0.2, -0.2), (-0.2, 0.2)]
        // Nudged grids and voting cost nothing on frames without finder triples (the kiosk's
        // usual frame); they only run when a plausible symbol failed to decode.
        var out = [Pass(binarizer: fast, inverted: false, rowSkip: 0, offsets: nudges, voting: true, gated: true)]
        if options.tryInverted { out.append(Pass(binarizer: fast, inverted: true, rowSkip: 0, offsets: nudges, voting: true, gated: true)) }
        if options.tryHarder {
            let wide = AdaptiveBinarizer(minDynamicRange: 12, radius: 3)
            out.append(Pass(binarizer: fast, inverted: false, rowSkip: 1, offsets: nudges, voting: true))
            out.append(Pass(binarizer: wide, inverted: false, rowSkip: 1, offsets: nudges, voting: true))
            if options.tryInverted { out.append(Pass(binarizer: fast, inverted: true, rowSkip: 1, offsets: nudges)) }
        }
        return out
    }

    public func read(_ image: GrayImage) -> [QRResult] {
        guard image.width >= 21, image.height >= 21 else { return [] }
        var found = [QRResult]()
        let pyramid = ImagePyramid(image, maxLevels: options.scaleLevels, minSide: Self.minLevelSide)
        let levels = pyramid.levels
        var grids = [ThresholdGrid](repeating: ThresholdGrid(), count: levels.count)
        var gridSettings = [(Int, Int)?](repeating: nil, count: levels.count)
        let rowBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: image.width)
        defer { rowBuffer.deallocate() }
        for pass in passes {
            // Fine to coarse: a symbol is sampled at the finest level that reads it (corners
            // to the pixel), and its finder patterns are skipped at the coarser ones.
            for level in levels.indices {
                let settings = (pass.binarizer.minDynamicRange, pass.binarizer.radius)
                if gridSettings[level].map({ $0 != settings }) ?? true {
                    pass.binarizer.binarize(levels[level], into: &grids[level])
                    gridSettings[level] = settings
                }
                let blocksWide = grids[level].blocksWide
                var levelPass = pass
                if level > 0 { levelPass.minTotal = max(pass.minTotal, options.coarseMinTotal) }
                grids[level].thresholds.withUnsafeBufferPointer { t in
                    guard let base = t.baseAddress else { return }
                    let view = BinaryView(image: levels[level], thresholds: base, blocksWide: blocksWide, inverted: pass.inverted)
                    run(levelPass, view: view, scale: Double(1 << level), rowBuffer: rowBuffer, into: &found)
                }
            }
            if !found.isEmpty { break }
        }
        return found
    }

    /// Smallest side of a halved level worth searching (a version-1 symbol with 3 px modules).
    static let minLevelSide = 64

    /// Finds, selects and decodes within one binarization.
    /// `scale` maps the view's coordinates to the frame's; `found` holds frame coordinates.
    func run(_ pass: Pass, view: BinaryView, scale: Double, rowBuffer: UnsafeMutablePointer<UInt8>, into found: inout [QRResult]) {
        let cap = FinderPatternFinder.maxCandidates(width: view.width, height: view.height)
        var finder = FinderPatternFinder(view: view, options: .init(rowSkip: pass.rowSkip, maxCandidates: cap, minTotal: pass.minTotal))
        let candidates = finder.find(rowBuffer: rowBuffer)
        guard candidates.count >= 3 else { return }
        var used = Set<Int>()
        var attempts = 0
        let budget = options.maxAttemptsPerPass + candidates.count
        for triple in FinderPatternSelector.triples(from: candidates) {
            if found.count >= options.maxCodes || attempts >= budget { return }
            if triple.indices.contains(where: used.contains) { continue }
            // A triple whose patterns lie inside a symbol already read is that symbol's data.
            if found.contains(where: { r in inside(r.corners, triple, scale: scale) }) { continue }
            attempts += 1
            if var result = decode(triple, view: view, pass: pass) {
                result.corners = result.corners.map { $0 * scale }
                used.formUnion(triple.indices)
                if !found.contains(where: { isDuplicate($0, result) }) { found.append(result) }
            }
        }
    }

    /// Tries the triple's candidate geometries and sampling offsets until one decodes.
    func decode(_ triple: FinderPatternTriple, view: BinaryView, pass: Pass) -> QRResult? {
        guard let (moduleSize, dims) = Detector.dimensions(view, triple) else { return nil }
        let offsets = pass.offsets, voting = pass.voting
        // Each dimension with the alignment pattern first, then with the extrapolated corner in
        // case that pattern was a look-alike.
        for d in dims {
            guard let g = Detector.geometry(view, triple, dimension: d, moduleSize: moduleSize) else { continue }
            if let r = decode(g, map: g.transform, view: view, offsets: offsets, voting: voting, gated: pass.gated) { return r }
            if let r = decodePiecewise(g, view: view, moduleSize: moduleSize, pass: pass) { return r }
            if g.usedAlignment, let plain = Detector.geometry(view, triple, dimension: d, moduleSize: moduleSize, useAlignment: false),
               let r = decode(plain, map: plain.transform, view: view, offsets: offsets, voting: voting, gated: pass.gated) { return r }
        }
        return nil
    }

    /// Versions ≥ 7 whose format information reads cleanly through the one homography (so a
    /// symbol is there) but whose data did not decode: sampled again through all alignment
    /// patterns (``AlignmentGrid``). BoofCV `high_version` (versions 25–40): 1 → 14 of 21.
    func decodePiecewise(_ g: SymbolGeometry, view: BinaryView, moduleSize: Double, pass: Pass) -> QRResult? {
        guard let version = Version.forDimension(g.dimension), version.number >= 7,
              let modules = GridSampler.sample(view, transform: g.transform, dimension: g.dimension),
              formatReadsCleanly(modules),
              let grid = AlignmentGrid(view, global: g.transform, version: version, moduleSize: moduleSize)
        else { return nil }
        return decode(g, map: grid, view: view, offsets: pass.offsets, voting: pass.voting, gated: false)
    }

    func decode(_ g: SymbolGeometry, map: some ModuleMapping, view: BinaryView, offsets: [(dx: Double, dy: Double)], voting: Bool, gated: Bool) -> QRResult? {
        for (k, offset) in offsets.enumerated() {
            guard let modules = GridSampler.sample(view, transform: map, dimension: g.dimension, offset: offset) else { break }
            var decoded = try? SymbolDecoder.decode(modules)
            if decoded == nil, k == 0, gated, !formatReadsCleanly(modules) { return nil }
            if decoded == nil, voting, let v = GridSampler.sampleVoting(view, transform: map, dimension: g.dimension, offset: offset) {
                // Majority of five samples per module; split votes offered as erasures.
                decoded = try? SymbolDecoder.decode(v.modules)
                if decoded == nil, let e = try? SymbolDecoder.decode(v.modules, unreliable: v.unreliable) {
                    // Erasures spend the redundancy that would expose a wrong correction (with as
                    // many erasures as EC codewords any block "decodes"). Accept only a non-empty
                    // payload whose blocks had at most half their EC codewords erased.
                    if !e.bytes.isEmpty, erasuresLeaveMargin(v.unreliable, e) { decoded = e }
                }
            }
            if decoded == nil, voting, let o = GridSampler.sampleOtsu(view, transform: map, dimension: g.dimension, offset: offset) {
                // One threshold for the whole symbol, from its own module samples.
                decoded = try? SymbolDecoder.decode(o.modules)
                if decoded == nil, let e = try? SymbolDecoder.decode(o.modules, unreliable: o.unreliable),
                   !e.bytes.isEmpty, erasuresLeaveMargin(o.unreliable, e) {
                    decoded = e
                }
            }
            guard let symbol = decoded else { continue }
            var corners = g.corners
            // Corners as the symbol reads: a mirrored symbol's top-right lies where we assumed
            // its bottom-left.
            if symbol.mirrored { corners = [corners[0], corners[3], corners[2], corners[1]] }
            return symbol.result(corners: corners)
        }
        return nil
    }

    /// Whether either format-information copy reads within one bit (straight or mirrored).
    func formatReadsCleanly(_ modules: BitMatrix) -> Bool {
        if let (_, d) = SymbolDecoder.readFormat(modules), d <= 1 { return true }
        if let (_, d) = SymbolDecoder.readFormat(modules.transposed()), d <= 1 { return true }
        return false
    }

    /// Whether every block of `symbol` had at most half of its EC codewords marked as erasures.
    func erasuresLeaveMargin(_ unreliable: BitMatrix, _ symbol: DecodedSymbol) -> Bool {
        guard let version = Version.forNumber(symbol.version) else { return false }
        let blocks = version.ecBlocks(symbol.ecLevel)
        let lists = SymbolDecoder.erasureLists(symbol.mirrored ? unreliable.transposed() : unreliable, version: version,
                                               level: symbol.ecLevel, blockCount: blocks.blockCount)
        return lists.allSatisfy { $0.count * 2 <= blocks.ecCodewordsPerBlock }
    }

    /// Whether the triple (in a level `scale` times smaller than the frame) lies inside `corners`.
    func inside(_ corners: [Point], _ t: FinderPatternTriple, scale: Double) -> Bool {
        guard corners.count == 4 else { return false }
        let q = Quad(topLeft: corners[0], topRight: corners[1], bottomRight: corners[2], bottomLeft: corners[3])
        return q.contains(t.topLeft.point * scale) && q.contains(t.topRight.point * scale) && q.contains(t.bottomLeft.point * scale)
    }

    func isDuplicate(_ a: QRResult, _ b: QRResult) -> Bool {
        guard a.bytes == b.bytes, a.corners.count == 4, b.corners.count == 4 else { return false }
        let qa = Quad(topLeft: a.corners[0], topRight: a.corners[1], bottomRight: a.corners[2], bottomLeft: a.corners[3])
        let qb = Quad(topLeft: b.corners[0], topRight: b.corners[1], bottomRight: b.corners[2], bottomLeft: b.corners[3])
        return qa.contains(qb.center) || qb.contains(qa.center)
    }
}
