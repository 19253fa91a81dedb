/// Colour to luminance, the way the corpus PGMs and a camera's Y plane were made.
///
/// Why ITU-R BT.601 with 16-bit fixed-point weights (19595, 38470, 7471 — summing to 65536): it is
/// what camera sensors put in the Y plane the kiosk actually decodes, and what the reference PGMs in
/// `qr/pgm` were converted with, so a PNG decodes to the very pixels the decoder is tuned on.
/// Grey stays exactly grey because the weights sum to one.
enum Luma {
    @inline(__always)
    static func bt601(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        UInt8(truncatingIfNeeded: (19595 &* Int(r) &+ 38470 &* Int(g) &+ 7471 &* Int(b) &+ 0x8000) >> 16)
    }

    /// `value` seen through `alpha` over a white background (transparent pixels are paper).
    @inline(__always)
    static func overWhite(_ value: UInt8, alpha: UInt8) -> UInt8 {
        let a = Int(alpha)
        return UInt8(truncatingIfNeeded: (Int(value) &* a &+ 255 &* (255 &- a) &+ 127) / 255)
    }

    /// Packed RGBA (8 bits each) → grey, compositing each channel over white first.
    static func fromRGBA(_ rgba: UnsafeBufferPointer<UInt8>, into grey: UnsafeMutableBufferPointer<UInt8>) {
        var i = 0
        for p in 0..<grey.count {
            let a = rgba[i + 3]
            if a == 255 {
                grey[p] = bt601(r: rgba[i], g: rgba[i + 1], b: rgba[i + 2])
            } else {
                grey[p] = bt601(
                    r: overWhite(rgba[i], alpha: a), g: overWhite(rgba[i + 1], alpha: a),
                    b: overWhite(rgba[i + 2], alpha: a))
            }
            i += 4
        }
    }
}
