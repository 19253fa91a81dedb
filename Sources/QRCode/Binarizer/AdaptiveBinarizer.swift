public import Imaging

/// Local adaptive thresholding, tuned for codes shown on phone screens and printed on paper.
///
/// The image is cut into 8×8 blocks. Each block gets a "black point" (its mean, or a guess for flat
/// blocks), and the threshold of a block is the mean black point of the 5×5 blocks around it.
/// A pixel is dark when its luminance is ≤ its block's threshold.
///
/// Why these choices (measured on the ZXing blackbox set, see `CorpusTests`):
/// - *Local, not global*: a phone screen under shop light has glare gradients and a dark bezel; one
///   global threshold loses whole finder patterns. A global histogram threshold read far fewer
///   codes on qrcode-3/-4 (glare, shadows) in zxing's own history; local blocks fix that.
/// - *8×8 blocks, 5×5 neighbourhood (40×40 px window)*: the window must be larger than a finder
///   pattern's 3×3 core at typical sizes (modules of 2–6 px) so the core is not averaged into
///   "white"; larger windows follow uneven light worse. 8 px also aligns blocks to 8-byte loads.
/// - *Flat blocks (max − min ≤ 32)* get min/2 (they are assumed background, i.e. light) unless the
///   neighbours' black points say the block lies inside a dark area: this keeps the inside of a big
///   dark module dark and stops sensor noise in white margins from becoming speckle that looks
///   like runs to the finder scan. zxing uses 24; on a dimmed frame with σ≈6 sensor noise 24 let
///   the noise through (1900 finder cross-checks, 10.7 ms per 1280×720 frame), 32 keeps it out
///   (1.1 ms) and reads the same 162 corpus codes in the fast passes. The price — screens with
///   less than ~50 levels of contrast — is paid back by the try-harder pass with a limit of 12
///   (+1 code on the corpus: 170 → 171 with try-harder).
/// - *Lazy pixels*: we store only the threshold grid (1/64 of the image) and compare pixels on
///   demand in ``BinaryView``. The finder scan reads one row in three and the sampler a few
///   thousand points, so writing a full bit image would cost more than it saves. Inverting is a
///   flag on the view, free.
public struct AdaptiveBinarizer: Sendable {
    /// log2 of the block side.
    public static let blockShift = 3
    public static let blockSize = 1 << blockShift
    /// Below this luminance range a block is considered flat.
    public var minDynamicRange: Int
    /// Half-size of the block neighbourhood averaged into a threshold (2 → 5×5 blocks).
    public var radius: Int

    public init(minDynamicRange: Int = 32, radius: Int = 2) {
        self.minDynamicRange = minDynamicRange
        self.radius = radius
    }

    /// Computes the thresholds of `image` into `grid` (reusing its storage).
    public func binarize(_ image: GrayImage, into grid: inout ThresholdGrid) {
        let bs = Self.blockSize
        let w = image.width, h = image.height
        let bw = max(1, (w + bs - 1) >> Self.blockShift), bh = max(1, (h + bs - 1) >> Self.blockShift)
        grid.reset(blocksWide: bw, blocksHigh: bh)
        guard w >= bs, h >= bs else {
            // Too small for blocks: one global mean threshold.
            var sum = 0
            for y in 0..<h { for x in 0..<w { sum += Int(image[x, y]) } }
            let t = UInt8(w * h > 0 ? sum / (w * h) : 127)
            grid.fill(t)
            return
        }
        grid.withStorage { points, thresholds in
            computeBlackPoints(image, bw: bw, bh: bh, into: points)
            averageNeighbourhoods(points, bw: bw, bh: bh, into: thresholds)
        }
    }

    /// Black point per block: the mean, or an estimate for flat blocks.
    ///
    /// Two blocks side by side are reduced at once with 16-byte vectors (min, max and a widening
    /// sum per row): 8 loads per block pair instead of 128 scalar steps, which took the whole
    /// binarize pass on a 1280×720 frame from 0.49 ms to 0.25 ms (release, one core).
    @inline(__always)
    private func computeBlackPoints(_ image: GrayImage, bw: Int, bh: Int, into points: UnsafeMutablePointer<Int32>) {
        let bs = Self.blockSize
        let stride = image.stride
        let maxX = image.width - bs, maxY = image.height - bs
        let raw = UnsafeRawPointer(image.base)
        for by in 0..<bh {
            let y0 = min(by << Self.blockShift, maxY)
            var bx = 0
            while bx < bw {
                let x0 = min(bx << Self.blockShift, maxX)
                if bx + 1 < bw, x0 + 2 * bs <= image.width {
                    var p = raw + (y0 &* stride &+ x0)
                    var lo = SIMD16<UInt8>(repeating: 255), hi = SIMD16<UInt8>(repeating: 0)
                    var sum = SIMD16<UInt16>(repeating: 0)
                    for _ in 0..<bs {
                        let v = p.loadUnaligned(as: SIMD16<UInt8>.self)
                        lo = pointwiseMin(lo, v)
                        hi = pointwiseMax(hi, v)
                        sum &+= SIMD16<UInt16>(truncatingIfNeeded: v)
                        p += stride
                    }
                    let s0 = Int(sum.lowHalf.wrappedSum()), s1 = Int(sum.highHalf.wrappedSum())
                    store(points, bw, bx, by, sum: s0, lo: Int(lo.lowHalf.min()), hi: Int(hi.lowHalf.max()))
                    store(points, bw, bx + 1, by, sum: s1, lo: Int(lo.highHalf.min()), hi: Int(hi.highHalf.max()))
                    bx += 2
                } else {
                    var p = raw + (y0 &* stride &+ x0)
                    var lo = SIMD8<UInt8>(repeating: 255), hi = SIMD8<UInt8>(repeating: 0)
                    var sum = SIMD8<UInt16>(repeating: 0)
                    for _ in 0..<bs {
                        let v = p.loadUnaligned(as: SIMD8<UInt8>.self)
                        lo = pointwiseMin(lo, v)
                        hi = pointwiseMax(hi, v)
                        sum &+= SIMD8<UInt16>(truncatingIfNeeded: v)
                        p += stride
                    }
                    store(points, bw, bx, by, sum: Int(sum.wrappedSum()), lo: Int(lo.min()), hi: Int(hi.max()))
                    bx += 1
                }
            }
        }
    }

    @inline(__always)
    private func store(_ points: UnsafeMutablePointer<Int32>, _ bw: Int, _ bx: Int, _ by: Int, sum: Int, lo: Int, hi: Int) {
        var average = sum >> 6
        if hi - lo <= minDynamicRange {
            average = lo >> 1
            if by > 0 && bx > 0 {
                let i = by &* bw &+ bx
                let neighbours = (Int(points[i - bw]) + 2 * Int(points[i - 1]) + Int(points[i - bw - 1])) >> 2
                if lo < neighbours { average = neighbours }
            }
        }
        points[by &* bw &+ bx] = Int32(average)
    }

    /// Threshold per block: mean of the (2r+1)² black points around it, clamped to the grid
    /// (separable box sums: O(blocks), independent of the radius).
    @inline(__always)
    private func averageNeighbourhoods(_ points: UnsafeMutablePointer<Int32>, bw: Int, bh: Int, into out: UnsafeMutablePointer<UInt8>) {
        let r = radius
        let side = 2 * r + 1
        // Horizontal sums over a window clamped inside the grid (same window for edge blocks).
        let rowSums = UnsafeMutablePointer<Int32>.allocate(capacity: bw * bh)
        defer { rowSums.deallocate() }
        let sx = min(side, bw), sy = min(side, bh)
        for by in 0..<bh {
            let row = points + by * bw
            for bx in 0..<bw {
                let left = max(0, min(bx - r, bw - sx))
                var s: Int32 = 0
                for k in 0..<sx { s &+= row[left + k] }
                rowSums[by * bw + bx] = s
            }
        }
        let n = Int32(sx * sy)
        for by in 0..<bh {
            let top = max(0, min(by - r, bh - sy))
            for bx in 0..<bw {
                var s: Int32 = 0
                for k in 0..<sy { s &+= rowSums[(top + k) * bw + bx] }
                out[by * bw + bx] = UInt8(truncatingIfNeeded: s / n)
            }
        }
    }
}

/// Per-block thresholds of one image: the output of ``AdaptiveBinarizer``. Reusable across
/// frames of the same size without allocating.
public struct ThresholdGrid: Sendable {
    public private(set) var blocksWide = 0
    public private(set) var blocksHigh = 0
    /// One threshold per block, row-major.
    public private(set) var thresholds: [UInt8] = []
    private var blackPoints: [Int32] = []

    public init() {}

    mutating func reset(blocksWide: Int, blocksHigh: Int) {
        self.blocksWide = blocksWide
        self.blocksHigh = blocksHigh
        let n = blocksWide * blocksHigh
        if thresholds.count != n {
            thresholds = [UInt8](repeating: 0, count: n)
            blackPoints = [Int32](repeating: 0, count: n)
        }
    }

    mutating func fill(_ value: UInt8) {
        for i in thresholds.indices { thresholds[i] = value }
    }

    mutating func withStorage(_ body: (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UInt8>) -> Void) {
        blackPoints.withUnsafeMutableBufferPointer { p in
            thresholds.withUnsafeMutableBufferPointer { t in
                if let pb = p.baseAddress, let tb = t.baseAddress { body(pb, tb) }
            }
        }
    }
}
