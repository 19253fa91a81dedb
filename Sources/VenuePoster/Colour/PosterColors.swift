/// The poster's two colours, checked: dark modules and text on a light background with a WCAG
/// contrast of at least 4.5:1 (the level for normal text; phone cameras need it for the code too).
public struct PosterColors: Sendable, Hashable {
    public let foreground: PosterColor
    public let background: PosterColor

    public static let minimumContrast = 4.5
    public static let blackOnWhite = PosterColors(checked: .black, .white)

    /// Refuses a pair below 4.5:1 and a light-on-dark pair (many phone readers do not try
    /// inverted codes). The greys the PNG uses are checked too, since rounding them to 8 bits
    /// could push a borderline pair under the limit.
    public init(foreground: PosterColor, background: PosterColor) throws(PosterError) {
        guard foreground.relativeLuminance < background.relativeLuminance else {
            throw .lightOnDark(foreground: foreground.description, background: background.description)
        }
        let ratio = contrastRatio(foreground, background)
        let greyRatio = contrastRatio(PosterColor(grey: foreground.greyEquivalent), PosterColor(grey: background.greyEquivalent))
        guard min(ratio, greyRatio) >= Self.minimumContrast else {
            throw .insufficientContrast(ratio: min(ratio, greyRatio), foreground: foreground.description, background: background.description)
        }
        self.init(checked: foreground, background)
    }

    private init(checked foreground: PosterColor, _ background: PosterColor) {
        self.foreground = foreground; self.background = background
    }

    /// Contrast of the colours the SVG uses.
    public var contrast: Double { contrastRatio(foreground, background) }
}
