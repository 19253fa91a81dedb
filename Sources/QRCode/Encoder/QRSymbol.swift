public import Imaging

/// An encoded QR symbol: its modules (dark = true) and the parameters chosen for it.
public struct QRSymbol: Sendable, Equatable {
    public let version: Int
    public let ecLevel: ErrorCorrectionLevel
    public let mask: Int
    public let modules: BitMatrix

    /// Renders dark modules as 0 on 255, `moduleSize` pixels per module, with a `quietZone`-module
    /// light margin (the standard asks for 4): for tests, simulated camera frames and posters.
    public func render(moduleSize: Int = 4, quietZone: Int = 4) -> GrayBuffer {
        let scale = max(1, moduleSize)
        let margin = max(0, quietZone)
        let side = (modules.width + 2 * margin) * scale
        var image = GrayBuffer(width: side, height: side, fill: 255)
        image.withMutablePixels { px in
            for y in 0..<modules.height {
                for x in 0..<modules.width where modules[x, y] {
                    let x0 = (x + margin) * scale, y0 = (y + margin) * scale
                    for yy in y0..<(y0 + scale) {
                        let row = yy * side
                        for xx in x0..<(x0 + scale) { px[row + xx] = 0 }
                    }
                }
            }
        }
        return image
    }
}

extension QRSymbol: CustomStringConvertible {
    /// Two characters per module, `██` dark, for debugging and test failure messages.
    public var description: String {
        var s = ""
        for y in 0..<modules.height {
            for x in 0..<modules.width { s += modules[x, y] ? "██" : "  " }
            s += "\n"
        }
        return s
    }
}
