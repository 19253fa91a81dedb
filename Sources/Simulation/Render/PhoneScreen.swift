import Imaging
import QRCode

/// The pass app's screen as the phone displays it: a light rounded panel with a header bar,
/// the masked name and id as plain blocks (no legible text — the simulator shows no personal
/// data), and the QR code. Drawn upright at one pixel per screen unit; the renderer places it.
public struct PhoneScreen: Sendable {
    public let image: GrayBuffer
    /// Where the code's symbol (including its quiet zone) sits inside `image`.
    public let codeOrigin: Point
    public let codeSide: Double

    /// Grey of the phone body around the panel; the rounded corners show it.
    static let body: UInt8 = 28

    public init(text: String, ecLevel: ErrorCorrectionLevel = .M, moduleSize: Int = 4) throws {
        let code = try QREncoder.encode(text, ecLevel: ecLevel).render(moduleSize: moduleSize, quietZone: 4)
        let side = code.width
        let width = side * 115 / 100, height = side * 190 / 100
        let radius = Double(side) * 0.08
        let header = side * 12 / 100
        let codeX = (width - side) / 2, codeY = side * 36 / 100
        var screen = GrayBuffer(width: width, height: height, fill: Self.body)
        screen.withMutablePixels { px in
            for y in 0..<height {
                for x in 0..<width where Self.insideRounded(x: x, y: y, width: width, height: height, radius: radius) {
                    px[y * width + x] = y < header ? 70 : 246
                }
            }
            // Masked name and id: two grey blocks under the header.
            Self.fill(&px, width: width, x: side / 10, y: side * 17 / 100, w: side * 45 / 100, h: side * 6 / 100, value: 120)
            Self.fill(&px, width: width, x: side / 10, y: side * 26 / 100, w: side * 30 / 100, h: side * 4 / 100, value: 160)
            // A status line and a button below the code.
            Self.fill(&px, width: width, x: side / 10, y: codeY + side + side / 20, w: side * 60 / 100, h: side * 5 / 100, value: 150)
            Self.fill(&px, width: width, x: side * 25 / 100, y: codeY + side * 125 / 100, w: side * 65 / 100, h: side * 12 / 100, value: 90)
            for y in 0..<side {
                for x in 0..<side { px[(codeY + y) * width + codeX + x] = code[x, y] }
            }
        }
        image = screen
        codeOrigin = Point(Double(codeX), Double(codeY))
        codeSide = Double(side)
    }

    static func insideRounded(x: Int, y: Int, width: Int, height: Int, radius: Double) -> Bool {
        let px = Double(x) + 0.5, py = Double(y) + 0.5
        let cx = min(max(px, radius), Double(width) - radius), cy = min(max(py, radius), Double(height) - radius)
        return (px - cx) * (px - cx) + (py - cy) * (py - cy) <= radius * radius
    }

    static func fill(_ px: inout [UInt8], width: Int, x: Int, y: Int, w: Int, h: Int, value: UInt8) {
        let height = px.count / width
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { px[row * width + col] = value }
        }
    }
}
