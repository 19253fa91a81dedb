import Imaging

/// The empty door as the kiosk camera sees it: a lit wall gradient, a darker door frame and a
/// floor band, with a fixed seeded texture. One backdrop per clip, drawn once.
public enum Backdrop {
    public static func make(width: Int, height: Int, seed: UInt64) -> GrayBuffer {
        var rng = SeededRandom(seed: seed ^ 0x6261_636b_6472_6f70)
        let base = 120 + Int(rng.unit() * 50)
        let slope = Int(rng.unit() * 50) - 25
        let jamb = width * (8 + Int(rng.unit() * 6)) / 100
        let lintel = height * (6 + Int(rng.unit() * 6)) / 100
        let floor = height * 85 / 100
        var image = GrayBuffer(width: width, height: height)
        image.withMutablePixels { px in
            for y in 0..<height {
                for x in 0..<width {
                    var v = base + slope * x / max(1, width) - 20 * y / max(1, height)
                    if x < jamb || x >= width - jamb || y < lintel { v = v / 2 + 10 }
                    if y >= floor { v = v * 3 / 4 }
                    px[y * width + x] = UInt8(clamping: v)
                }
            }
        }
        return SensorNoise.add(image, sigma: 3, seed: seed ^ 0x7465_7874)
    }
}
