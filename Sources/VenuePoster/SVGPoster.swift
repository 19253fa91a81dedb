import Markup
public import QRCode

/// The poster as an SVG document: one `<path>` for all dark modules (runs of a row merged into
/// one rectangle each), and the texts as `<text>` so any viewer draws them in its own fonts —
/// which is how a Chinese venue name reaches paper when the PNG's bitmap font cannot.
public enum SVGPoster {
    public static func render(symbol: QRSymbol, layout: PosterLayout, colors: PosterColors,
                              title: String, address: String, caption: String) -> String {
        let w = layout.width, h = layout.height
        let fg = colors.foreground.description, bg = colors.background.description
        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)">
        <title>\(Markup.escape(title))</title>
        <rect width="\(w)" height="\(h)" fill="\(bg)"/>

        """
        svg += text(title, band: layout.title, layout: layout, fill: fg, bold: true)
        svg += "<path fill=\"\(fg)\" shape-rendering=\"crispEdges\" "
            + "transform=\"translate(\(layout.symbolX) \(layout.symbolY)) scale(\(layout.moduleSize))\" d=\"\(pathData(symbol.modules))\"/>\n"
        svg += text(address, band: layout.address, layout: layout, fill: fg, bold: false)
        svg += text(caption, band: layout.caption, layout: layout, fill: fg, bold: false)
        svg += "</svg>\n"
        return svg
    }

    /// Path data in module units: `M x,y h n v1 h-n z` per run of dark modules in a row.
    public static func pathData(_ modules: BitMatrix) -> String {
        var d = ""
        for y in 0..<modules.height {
            var x = 0
            while x < modules.width {
                guard modules[x, y] else { x += 1; continue }
                let start = x
                while x < modules.width, modules[x, y] { x += 1 }
                d += "M\(start),\(y)h\(x - start)v1h-\(x - start)z"
            }
        }
        return d
    }

    private static func text(_ content: String, band: PosterLayout.Band, layout: PosterLayout, fill: String, bold: Bool) -> String {
        guard !content.isEmpty else { return "" }
        let size = layout.fittedFontSize(content, in: band)
        return "<text x=\"\(layout.width / 2)\" y=\"\(band.middle)\" font-size=\"\(size)\" font-family=\"sans-serif\""
            + (bold ? " font-weight=\"bold\"" : "")
            + " text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"\(fill)\">\(Markup.escape(content))</text>\n"
    }
}
