#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Synthesis {
    /// Linear motion blur: the average of the image shifted along a `length`-pixel path in
    /// direction `degrees` — the phone moving while the shutter is open. Bilinear samples, one per
    /// pixel of path, edges clamped.
    public static func motionBlur(_ image: GrayBuffer, length: Double, degrees: Double) -> GrayBuffer {
        guard length >= 1 else { return image }
        let w = image.width, h = image.height
        let steps = Int(length.rounded(.up)) + 1
        let a = degrees * Double.pi / 180
        let dx = cos(a), dy = sin(a)
        let offsets = (0..<steps).map { i -> (Double, Double) in
            let t = (Double(i) / Double(steps - 1) - 0.5) * length
            return (t * dx, t * dy)
        }
        var out = image
        image.pixels.withUnsafeBufferPointer { src in
            out.withMutablePixels { dst in
                for y in 0..<h {
                    for x in 0..<w {
                        var sum = 0.0
                        for (ox, oy) in offsets {
                            sum += bilinear(src, w, h, Double(x) + ox, Double(y) + oy)
                        }
                        dst[y * w + x] = UInt8(max(0, min(255, (sum / Double(steps)).rounded())))
                    }
                }
            }
        }
        return out
    }

    /// An over-exposed screen: gain `1 + 2·amount` clips the whites, and light bleeds from bright
    /// areas into dark ones (a blurred copy of what clipped, added back) so dark modules turn grey
    /// at their edges first. `radius` is the bleed's reach in pixels.
    public static func overexpose(_ image: GrayBuffer, amount: Double, radius: Double) -> GrayBuffer {
        guard amount > 0 else { return image }
        let gain = 1 + 2 * amount
        var excess = image
        excess.withMutablePixels { px in
            for i in px.indices { px[i] = UInt8(max(0, min(255, Double(px[i]) * gain - 255))) }
        }
        let bleed = gaussianBlur(excess, sigma: max(0.5, radius))
        var out = image
        out.withMutablePixels { px in
            for i in px.indices {
                let v = Double(px[i]) * gain + Double(bleed.pixels[i]) * 1.5 * amount
                px[i] = UInt8(max(0, min(255, v.rounded())))
            }
        }
        return out
    }

    static func bilinear(_ p: UnsafeBufferPointer<UInt8>, _ w: Int, _ h: Int, _ x: Double, _ y: Double) -> Double {
        let cx = min(max(x, 0), Double(w - 1)), cy = min(max(y, 0), Double(h - 1))
        let x0 = Int(cx), y0 = Int(cy)
        let x1 = min(x0 + 1, w - 1), y1 = min(y0 + 1, h - 1)
        let fx = cx - Double(x0), fy = cy - Double(y0)
        let top = Double(p[y0 * w + x0]) * (1 - fx) + Double(p[y0 * w + x1]) * fx
        let bottom = Double(p[y1 * w + x0]) * (1 - fx) + Double(p[y1 * w + x1]) * fx
        return top * (1 - fy) + bottom * fy
    }
}
