/// Where everything goes on the poster, in pixels, shared by the SVG and the PNG so both show
/// the same page: a title band (venue name), the code with its quiet zone, then the address and
/// a caption.
public struct PosterLayout: Sendable, Equatable {
    /// A horizontal strip holding one line of text, centred.
    public struct Band: Sendable, Equatable {
        public var top: Int
        public var height: Int
        /// Font size (em) in pixels for the SVG; the PNG fits its bitmap glyphs to the same box.
        public var fontSize: Int
        public var middle: Int { top + height / 2 }
    }

    public let moduleSize: Int
    public let quietZone: Int
    /// Modules per side of the symbol (without the quiet zone).
    public let modules: Int
    public let width: Int
    public let height: Int
    /// Top-left pixel of the symbol's first module (the quiet zone lies around it).
    public let symbolX: Int
    public let symbolY: Int
    public let title: Band
    public let address: Band
    public let caption: Band

    /// The quiet zone the standard asks for (ISO/IEC 18004 §6.3.8).
    public static let minimumQuietZone = 4
    /// Narrowest page, in modules: small symbols still leave room for a 20-character name.
    public static let minimumWidthModules = 36

    public init(modules: Int, moduleSize: Int, quietZone: Int = PosterLayout.minimumQuietZone) {
        let m = moduleSize, q = max(quietZone, Self.minimumQuietZone)
        self.moduleSize = m; self.quietZone = q; self.modules = modules
        let framed = (modules + 2 * q) * m
        width = max(framed, Self.minimumWidthModules * m)
        title = Band(top: m, height: 5 * m, fontSize: 3 * m)
        let frameTop = title.top + title.height
        symbolX = (width - modules * m) / 2
        symbolY = frameTop + q * m
        address = Band(top: frameTop + framed, height: 3 * m, fontSize: 2 * m)
        caption = Band(top: address.top + address.height, height: 3 * m, fontSize: 3 * m / 2)
        height = caption.top + caption.height + m
    }

    /// Font size that keeps `text` within the page's margins: estimated advance 1 em for wide
    /// (CJK, full-width) characters and 0.6 em for the rest, since SVG cannot measure text.
    public func fittedFontSize(_ text: String, in band: Band) -> Int {
        let ems = text.unicodeScalars.reduce(0.0) { $0 + (Self.isWide($1) ? 1.0 : 0.6) }
        guard ems > 0 else { return band.fontSize }
        let available = Double(width - 2 * moduleSize)
        return max(1, min(band.fontSize, Int(available / ems)))
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD: true
        default: false
        }
    }
}
