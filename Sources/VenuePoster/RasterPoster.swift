public import Imaging
public import QRCode

/// The poster as 8-bit grey pixels (for the PNG): the same layout as the SVG, modules as
/// `moduleSize` squares, and text in ``BitmapFont``. A line the bitmap font cannot draw (any
/// non-ASCII character, e.g. a Chinese venue name) is left out and reported in `omitted`; the SVG
/// carries it.
public enum RasterPoster {
    public struct Output: Sendable {
        public var image: GrayBuffer
        /// Text lines not drawn because the bitmap font has no glyph for them.
        public var omitted: [String]
    }

    public static func render(symbol: QRSymbol, layout: PosterLayout, colors: PosterColors,
                              title: String, address: String, caption: String) -> Output {
        let ink = colors.foreground.greyEquivalent, paper = colors.background.greyEquivalent
        var image = GrayBuffer(width: layout.width, height: layout.height, fill: paper)
        let m = layout.moduleSize, width = layout.width
        image.withMutablePixels { pixels in
            for y in 0..<symbol.modules.height {
                for x in 0..<symbol.modules.width where symbol.modules[x, y] {
                    let x0 = layout.symbolX + x * m, y0 = layout.symbolY + y * m
                    for py in y0..<(y0 + m) {
                        for px in x0..<(x0 + m) { pixels[py * width + px] = ink }
                    }
                }
            }
        }
        var omitted: [String] = []
        for (line, band) in [(title, layout.title), (address, layout.address), (caption, layout.caption)] where !line.isEmpty {
            guard BitmapFont.canDraw(line) else { omitted.append(line); continue }
            // Glyph height about the SVG's font size, shrunk to fit the width; at least 1.
            let byHeight = max(1, layout.fittedFontSize(line, in: band) * 7 / 10 / BitmapFont.glyphHeight)
            let byWidth = max(1, (width - 2 * m) / max(1, BitmapFont.width(of: line, scale: 1)))
            let scale = min(byHeight, byWidth)
            let x = (width - BitmapFont.width(of: line, scale: scale)) / 2
            let y = band.middle - BitmapFont.glyphHeight * scale / 2
            BitmapFont.draw(line, x: x, y: y, scale: scale, value: ink, into: &image)
        }
        return Output(image: image, omitted: omitted)
    }
}
