import XCTest
import Imaging
@testable import QRCode

final class AlignmentGridTests: XCTestCase {
    /// A version-25 symbol seen through a barrel-distorting lens: no single homography samples
    /// it (the far modules drift by more than half a module), the grid through its alignment
    /// patterns does.
    func testBarrelDistortedLargeSymbolReads() throws {
        let text = String(repeating: "ALIGNMENT GRID 0123456789 ", count: 20)
        let symbol = try QREncoder.encode(text, ecLevel: .L, minVersion: 25, maxVersion: 25)
        let flat = symbol.render(moduleSize: 4, quietZone: 4)
        let side = 760
        var frame = GrayBuffer(width: side, height: side, fill: 230)
        let c = Double(side) / 2, half = Double(flat.width) / 2
        // Output pixel at radius r (normalised) shows the flat picture at r · (1 + k·r²).
        let k = 0.06
        for y in 0..<side {
            for x in 0..<side {
                let nx = (Double(x) + 0.5 - c) / c, ny = (Double(y) + 0.5 - c) / c
                let f = 1 + k * (nx * nx + ny * ny)
                let sx = Int((nx * f * c * 1.02 + half).rounded(.down)), sy = Int((ny * f * c * 1.02 + half).rounded(.down))
                if sx >= 0, sy >= 0, sx < flat.width, sy < flat.height { frame[x, y] = flat[sx, sy] }
            }
        }
        let results = frame.withImage { QRDecoder().read($0) }
        XCTAssertEqual(results.map(\.text), [text])
        XCTAssertEqual(results.first?.version, 25)
    }
}
