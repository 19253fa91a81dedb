public import Policy
public import QRCode

/// A venue's door poster: its own code (``VenueCode``) as a QR symbol at error-correction level H
/// — a poster gets scratched, faded and stuck over, and H survives ~30 % damage — with at least
/// four modules of quiet zone, the venue's name, address and a caption, in colours that keep
/// 4.5:1 contrast. Renders to SVG (any name, any script) and to grey pixels for a PNG.
public struct VenuePoster: Sendable {
    public let code: VenueCode
    public let symbol: QRSymbol
    public let layout: PosterLayout
    public let colors: PosterColors
    public let title: String
    public let address: String
    public let caption: String

    public static let defaultModuleSize = 10
    public static let moduleSizes = 8...64

    public init(venue: VenueConfig, colors: PosterColors = .blackOnWhite, moduleSize: Int = VenuePoster.defaultModuleSize,
                quietZone: Int = PosterLayout.minimumQuietZone) throws(PosterError) {
        guard Self.moduleSizes.contains(moduleSize) else { throw .moduleSize(moduleSize) }
        code = VenueCode(venue)
        do {
            symbol = try QREncoder.encode(code.text, ecLevel: .H)
        } catch {
            throw .encoding("\(error)")
        }
        layout = PosterLayout(modules: symbol.modules.width, moduleSize: moduleSize, quietZone: quietZone)
        self.colors = colors
        title = venue.name
        address = venue.address
        caption = "Venue code: \(venue.id)"
    }

    public var svg: String {
        SVGPoster.render(symbol: symbol, layout: layout, colors: colors, title: title, address: address, caption: caption)
    }

    public func raster() -> RasterPoster.Output {
        RasterPoster.render(symbol: symbol, layout: layout, colors: colors, title: title, address: address, caption: caption)
    }
}
