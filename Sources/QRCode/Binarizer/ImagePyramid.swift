public import Imaging

/// The input frame and copies of it halved again and again (2×2 box average): level k is
/// 1/2^k of the frame on each side. A point p at level k is p · 2^k in the frame.
///
/// Why: the binarizer's window (5×5 blocks of 8 px) and the finder scan are tuned for modules
/// of ~1.5–8 px. A phone held close to the lens gives modules of 20–120 px: the finder's 3×3
/// core then covers many flat blocks and turns to noise, and screens add moiré at the pixel
/// scale. Halving brings every symbol into the tuned range at some level and averages moiré
/// away, for a third more pixels in all (1/4 + 1/16 + …).
///
/// All levels live in one allocation made per call; the view of level 0 is the caller's memory
/// (no copy).
public struct ImagePyramid: ~Copyable {
    /// Level 0 is the input; level k has `width >> k` × `height >> k` pixels.
    public let levels: [GrayImage]
    private let storage: UnsafeMutablePointer<UInt8>?

    /// Builds levels while the smaller side stays ≥ `minSide` pixels, at most `maxLevels` beyond
    /// the input.
    public init(_ image: GrayImage, maxLevels: Int, minSide: Int) {
        var sizes = [(Int, Int)]()
        var w = image.width, h = image.height
        while sizes.count < maxLevels, min(w, h) / 2 >= minSide {
            w /= 2; h /= 2
            sizes.append((w, h))
        }
        let total = sizes.reduce(0) { $0 + $1.0 * $1.1 }
        let storage = total > 0 ? UnsafeMutablePointer<UInt8>.allocate(capacity: total) : nil
        var levels = [image]
        var offset = 0
        for (w, h) in sizes {
            guard let storage, let previous = levels.last else { break }
            let out = storage + offset
            Self.halve(previous, into: out, width: w, height: h)
            levels.append(GrayImage(base: out, width: w, height: h, stride: w))
            offset += w * h
        }
        self.levels = levels
        self.storage = storage
    }

    deinit { storage?.deallocate() }

    /// `out[x, y]` = rounded mean of the 2×2 pixels at (2x, 2y) of `src` (an odd last row or
    /// column is dropped). Sixteen output pixels per step with 32-byte loads of two rows.
    static func halve(_ src: GrayImage, into out: UnsafeMutablePointer<UInt8>, width w: Int, height h: Int) {
        let raw = UnsafeRawPointer(src.base)
        for y in 0..<h {
            let r0 = raw + (2 * y) &* src.stride, r1 = r0 + src.stride
            let o = out + y &* w
            var x = 0
            while x + 16 <= w {
                let a = SIMD32<UInt16>(truncatingIfNeeded: (r0 + 2 * x).loadUnaligned(as: SIMD32<UInt8>.self))
                let b = SIMD32<UInt16>(truncatingIfNeeded: (r1 + 2 * x).loadUnaligned(as: SIMD32<UInt8>.self))
                let s = a &+ b
                let q = (s.evenHalf &+ s.oddHalf &+ 2) &>> 2
                UnsafeMutableRawPointer(o + x).storeBytes(of: SIMD16<UInt8>(truncatingIfNeeded: q), as: SIMD16<UInt8>.self)
                x += 16
            }
            let p0 = src.base + (2 * y) &* src.stride, p1 = p0 + src.stride
            while x < w {
                let s = Int(p0[2 * x]) + Int(p0[2 * x + 1]) + Int(p1[2 * x]) + Int(p1[2 * x + 1])
                o[x] = UInt8(truncatingIfNeeded: (s + 2) >> 2)
                x += 1
            }
        }
    }
}
