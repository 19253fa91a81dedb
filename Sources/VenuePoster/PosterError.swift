/// Why a poster cannot be made.
public enum PosterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The colour pair is below WCAG 4.5:1.
    case insufficientContrast(ratio: Double, foreground: String, background: String)
    /// The foreground is lighter than the background.
    case lightOnDark(foreground: String, background: String)
    /// The module size is below 8 px (too small to print and scan reliably) or absurdly large.
    case moduleSize(Int)
    /// The venue code does not fit a QR symbol at error-correction level H.
    case encoding(String)

    public var description: String {
        switch self {
        case .insufficientContrast(let ratio, let fg, let bg):
            "colours \(fg) on \(bg) have a contrast of \((ratio * 100).rounded(.down) / 100):1; at least \(PosterColors.minimumContrast):1 is required"
        case .lightOnDark(let fg, let bg):
            "foreground \(fg) is lighter than background \(bg); the code must be dark on light"
        case .moduleSize(let size): "module size \(size) px is outside 8…64 px"
        case .encoding(let why): "the venue code cannot be encoded: \(why)"
        }
    }
}
