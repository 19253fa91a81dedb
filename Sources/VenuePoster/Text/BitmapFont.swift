public import Imaging

/// A 5×7 pixel font for printable ASCII, drawn scaled into a ``GrayBuffer``.
///
/// Why built in: the PNG poster has no font rasteriser to call (no FreeType/CoreText on the
/// kiosk image), and an ASCII name, address and caption need only these 95 glyphs. Text with any
/// other character is left to the SVG, which names its font and lets the viewer draw it.
public enum BitmapFont {
    public static let glyphWidth = 5
    public static let glyphHeight = 7
    /// Advance per character in font pixels (one blank column between glyphs).
    public static let advance = 6

    /// True when every character has a glyph here.
    public static func canDraw(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    }

    /// Width in pixels of `text` at `scale` (no trailing blank column).
    public static func width(of text: String, scale: Int) -> Int {
        let count = text.unicodeScalars.count
        return count == 0 ? 0 : (count * advance - 1) * scale
    }

    /// Draws `text` with its top-left corner at (x, y), each font pixel a `scale`×`scale` square of
    /// `value`. Characters without a glyph are skipped (callers check ``canDraw(_:)`` first);
    /// pixels outside the buffer are clipped, so no input can write out of bounds.
    public static func draw(_ text: String, x: Int, y: Int, scale: Int, value: UInt8, into buffer: inout GrayBuffer) {
        let width = buffer.width, height = buffer.height
        let s = max(1, scale)
        buffer.withMutablePixels { pixels in
            for (i, scalar) in text.unicodeScalars.enumerated() where (0x20...0x7E).contains(scalar.value) {
                let base = Int(scalar.value - 0x20) * glyphHeight
                let left = x + i * advance * s
                for row in 0..<glyphHeight {
                    let bits = glyphRows[base + row]
                    for column in 0..<glyphWidth where bits & (0x10 >> UInt8(column)) != 0 {
                        for py in (y + row * s)..<(y + (row + 1) * s) where py >= 0 && py < height {
                            for px in (left + column * s)..<(left + (column + 1) * s) where px >= 0 && px < width {
                                pixels[py * width + px] = value
                            }
                        }
                    }
                }
            }
        }
    }
}
