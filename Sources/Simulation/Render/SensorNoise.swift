import Imaging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The camera's sensor noise on every rendered frame: Gaussian, seeded, the same bytes for the
/// same seed on every machine.
///
/// Why not `Synthesis.addNoise`: that draws one Box–Muller normal per pixel (a logarithm, a
/// square root and a cosine each) and rounds through libm, which made noise 60 % of the main
/// job's time — the simulation ran slower than the video it plays. Marsaglia's polar method gives
/// two normals per logarithm and no trigonometry, and the rounding here is integer arithmetic.
/// Same distribution, different (still deterministic) samples.
enum SensorNoise {
    static func add(_ image: GrayBuffer, sigma: Double, seed: UInt64) -> GrayBuffer {
        var rng = SeededRandom(seed: seed)
        var out = image
        out.pixels.withUnsafeMutableBufferPointer { px in
            var i = 0
            let n = px.count
            while i < n {
                let (a, b) = pair(&rng)
                px[i] = quantise(Double(px[i]) + sigma * a)
                if i + 1 < n { px[i + 1] = quantise(Double(px[i + 1]) + sigma * b) }
                i += 2
            }
        }
        return out
    }

    /// Two independent standard normals (Marsaglia polar method).
    @inline(__always)
    static func pair(_ rng: inout SeededRandom) -> (Double, Double) {
        while true {
            let u = 2 * rng.unit() - 1, v = 2 * rng.unit() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let f = (-2 * log(s) / s).squareRoot()
            return (u * f, v * f)
        }
    }

    /// Nearest grey level, clamped to 0…255 (halves round up).
    @inline(__always)
    static func quantise(_ x: Double) -> UInt8 {
        let clamped = min(max(x, -1), 256)
        return UInt8(clamping: Int(clamped + 1.5) - 1)
    }
}
