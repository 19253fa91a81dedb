#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Image synthesis for tests, benchmarks and the kiosk simulation: put a rendered code into a
/// camera-like frame and degrade it the way phones, screens and lenses do.
///
/// Each operation is a plain function on ``GrayBuffer`` values, seeded where random, so a test
/// can name exactly the frame it checks.
public enum Synthesis {
    /// Draws `source` into `frame` so that its corners land on `quad` (TL, TR, BR, BL), with
    /// bilinear interpolation. Pixels of the frame outside the quad are left untouched.
    public static func place(_ source: GrayBuffer, into frame: inout GrayBuffer, quad: Quad) {
        let sw = Double(source.width), sh = Double(source.height)
        guard source.width > 0, source.height > 0 else { return }
        let toSource = PerspectiveTransform.quadToQuad(from: quad, to: Quad(x: 0, y: 0, width: sw, height: sh))
        let xs = quad.corners.map(\.x), ys = quad.corners.map(\.y)
        let x0 = max(0, Int((xs.min() ?? 0).rounded(.down))), x1 = min(frame.width - 1, Int((xs.max() ?? 0).rounded(.up)))
        let y0 = max(0, Int((ys.min() ?? 0).rounded(.down))), y1 = min(frame.height - 1, Int((ys.max() ?? 0).rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        let fw = frame.width
        source.pixels.withUnsafeBufferPointer { src in
            frame.withMutablePixels { dst in
                for y in y0...y1 {
                    for x in x0...x1 {
                        let p = toSource.apply(Point(Double(x) + 0.5, Double(y) + 0.5))
                        // Continuous source coordinates → sample between pixel centres.
                        let u = p.x - 0.5, v = p.y - 0.5
                        guard u >= -0.5, v >= -0.5, u <= sw - 0.5, v <= sh - 0.5 else { continue }
                        let ix = Int(u.rounded(.down)), iy = Int(v.rounded(.down))
                        let fx = u - Double(ix), fy = v - Double(iy)
                        func at(_ a: Int, _ b: Int) -> Double {
                            Double(src[min(source.height - 1, max(0, b)) * source.width + min(source.width - 1, max(0, a))])
                        }
                        let top = at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx
                        let bottom = at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx
                        dst[y * fw + x] = UInt8(max(0, min(255, (top * (1 - fy) + bottom * fy).rounded())))
                    }
                }
            }
        }
    }

    /// The quad of a `width × height` rectangle centred at `center`, rotated by `degrees`
    /// (clockwise on screen) and optionally tilted: `tilt` shrinks the right edge (0 = none,
    /// 0.3 = right edge 30 % shorter), as when a phone is turned about its vertical axis.
    public static func quad(center: Point, width: Double, height: Double, degrees: Double, tilt: Double = 0) -> Quad {
        let a = degrees * Double.pi / 180
        let c = cos(a), s = sin(a)
        let hw = width / 2, hh = height / 2
        let right = 1 - tilt
        let local = [Point(-hw, -hh), Point(hw, -hh * right), Point(hw, hh * right), Point(-hw, hh)]
        let p = local.map { Point(center.x + $0.x * c - $0.y * s, center.y + $0.x * s + $0.y * c) }
        return Quad(topLeft: p[0], topRight: p[1], bottomRight: p[2], bottomLeft: p[3])
    }

    /// A copy of `image` rotated by `degrees` about its centre, on a frame just large enough.
    public static func rotate(_ image: GrayBuffer, degrees: Double, background: UInt8 = 255) -> GrayBuffer {
        let a = degrees * Double.pi / 180
        let w = Double(image.width), h = Double(image.height)
        let nw = Int((abs(w * cos(a)) + abs(h * sin(a)) - 1e-9).rounded(.up))
        let nh = Int((abs(w * sin(a)) + abs(h * cos(a)) - 1e-9).rounded(.up))
        var out = GrayBuffer(width: nw, height: nh, fill: background)
        place(image, into: &out, quad: quad(center: Point(Double(nw) / 2, Double(nh) / 2), width: w, height: h, degrees: degrees))
        return out
    }

    /// Box blur with a (2r+1)² window, edges clamped.
    public static func boxBlur(_ image: GrayBuffer, radius r: Int) -> GrayBuffer {
        guard r > 0 else { return image }
        return separable(image, kernel: [Double](repeating: 1, count: 2 * r + 1))
    }

    /// Gaussian blur with standard deviation `sigma` pixels (kernel ±3σ), edges clamped.
    public static func gaussianBlur(_ image: GrayBuffer, sigma: Double) -> GrayBuffer {
        guard sigma > 0 else { return image }
        let r = max(1, Int((3 * sigma).rounded(.up)))
        let kernel = (-r...r).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        return separable(image, kernel: kernel)
    }

    static func separable(_ image: GrayBuffer, kernel: [Double]) -> GrayBuffer {
        let w = image.width, h = image.height, r = kernel.count / 2
        let norm = kernel.reduce(0, +)
        var tmp = [Double](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var s = 0.0
                for k in 0..<kernel.count { s += kernel[k] * Double(image.pixels[y * w + min(w - 1, max(0, x + k - r))]) }
                tmp[y * w + x] = s / norm
            }
        }
        var out = image
        for y in 0..<h {
            for x in 0..<w {
                var s = 0.0
                for k in 0..<kernel.count { s += kernel[k] * tmp[min(h - 1, max(0, y + k - r)) * w + x] }
                out.pixels[y * w + x] = UInt8(max(0, min(255, (s / norm).rounded())))
            }
        }
        return out
    }

    /// Adds Gaussian noise of standard deviation `sigma` grey levels, from `seed`.
    public static func addNoise(_ image: GrayBuffer, sigma: Double, seed: UInt64) -> GrayBuffer {
        var rng = SeededRandom(seed: seed)
        var out = image
        for i in out.pixels.indices {
            out.pixels[i] = UInt8(max(0, min(255, (Double(out.pixels[i]) + sigma * rng.gaussian()).rounded())))
        }
        return out
    }

    /// Maps 0…255 linearly onto `low…high`: a washed-out screen or a dim room.
    public static func reduceContrast(_ image: GrayBuffer, low: UInt8, high: UInt8) -> GrayBuffer {
        var out = image
        let lo = Int(low), span = Int(high) - Int(low)
        for i in out.pixels.indices { out.pixels[i] = UInt8(lo + (Int(out.pixels[i]) * span + 127) / 255) }
        return out
    }

    /// Adds a radial glare: `strength` grey levels at `center`, fading to 0 at `radius`.
    /// Light is added towards white, as reflected light washes out a screen.
    public static func glare(_ image: GrayBuffer, center: Point, radius: Double, strength: Double) -> GrayBuffer {
        var out = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                let d = Point(Double(x) + 0.5, Double(y) + 0.5).distance(to: center)
                guard d < radius else { continue }
                let g = strength * (1 - d / radius)
                let v = Double(out.pixels[y * image.width + x])
                out.pixels[y * image.width + x] = UInt8(min(255, (v + g * (255 - v) / 255).rounded()))
            }
        }
        return out
    }

    /// Multiplies by a sinusoidal interference pattern (a camera filming a screen): period in
    /// pixels, amplitude 0…1, direction in degrees.
    public static func moire(_ image: GrayBuffer, period: Double, amplitude: Double, degrees: Double) -> GrayBuffer {
        var out = image
        let a = degrees * Double.pi / 180
        let kx = cos(a) * 2 * Double.pi / period, ky = sin(a) * 2 * Double.pi / period
        for y in 0..<image.height {
            for x in 0..<image.width {
                let f = 1 - amplitude * 0.5 * (1 + sin(kx * Double(x) + ky * Double(y)))
                let i = y * image.width + x
                out.pixels[i] = UInt8(max(0, min(255, (Double(out.pixels[i]) * f).rounded())))
            }
        }
        return out
    }

    /// Left for right: a code seen through the back of a window or a selfie camera.
    public static func mirror(_ image: GrayBuffer) -> GrayBuffer {
        var out = image
        for y in 0..<image.height {
            for x in 0..<image.width { out.pixels[y * image.width + x] = image.pixels[y * image.width + image.width - 1 - x] }
        }
        return out
    }

    /// Light for dark: a dark-mode screen.
    public static func invert(_ image: GrayBuffer) -> GrayBuffer {
        var out = image
        for i in out.pixels.indices { out.pixels[i] = 255 - out.pixels[i] }
        return out
    }

    /// Renders a module matrix (`true` = dark) at `moduleSize` px with a `quietZone` of light
    /// modules: a stand-in for any 2-D code when only the grid is at hand.
    public static func render(modules: [[Bool]], moduleSize: Int, quietZone: Int = 4) -> GrayBuffer {
        let n = modules.count
        let side = (n + 2 * quietZone) * moduleSize
        var out = GrayBuffer(width: side, height: side, fill: 255)
        for (my, row) in modules.enumerated() {
            for (mx, dark) in row.enumerated() where dark {
                for dy in 0..<moduleSize {
                    for dx in 0..<moduleSize {
                        out[(mx + quietZone) * moduleSize + dx, (my + quietZone) * moduleSize + dy] = 0
                    }
                }
            }
        }
        return out
    }
}
