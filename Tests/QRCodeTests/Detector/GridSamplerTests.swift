import XCTest
import Imaging
@testable import QRCode

final class GridSamplerTests: XCTestCase {
    /// A v2 symbol at 5 px/module, blurred, placed exactly: every sampler must reproduce it.
    func testSamplersReproduceTheModules() throws {
        let symbol = try QREncoder.encode("SAMPLER", ecLevel: .Q, minVersion: 2)
        let n = symbol.modules.width
        var frame = GrayBuffer(width: 200, height: 200, fill: 240)
        let quad = Synthesis.quad(center: Point(100, 100), width: Double((n + 8) * 5), height: Double((n + 8) * 5), degrees: 17)
        Synthesis.place(symbol.render(moduleSize: 5, quietZone: 4), into: &frame, quad: quad)
        frame = Synthesis.gaussianBlur(frame, sigma: 1.0)
        let toImage = PerspectiveTransform.quadToQuad(from: Quad(x: -4, y: -4, width: Double(n + 8), height: Double(n + 8)), to: quad)
        try frame.withImage { img in
            var grid = ThresholdGrid()
            AdaptiveBinarizer().binarize(img, into: &grid)
            try grid.thresholds.withUnsafeBufferPointer { t in
                let view = BinaryView(image: img, thresholds: t.baseAddress!, blocksWide: grid.blocksWide, inverted: false)
                let plain = try XCTUnwrap(GridSampler.sample(view, transform: toImage, dimension: n))
                XCTAssertEqual(plain, symbol.modules)
                let voting = try XCTUnwrap(GridSampler.sampleVoting(view, transform: toImage, dimension: n))
                XCTAssertEqual(voting.modules, symbol.modules)
                XCTAssertLessThan(voting.unreliableCount, n)
                let otsu = try XCTUnwrap(GridSampler.sampleOtsu(view, transform: toImage, dimension: n))
                XCTAssertEqual(otsu.modules, symbol.modules)
                XCTAssertEqual(try SymbolDecoder.decode(otsu.modules).text, "SAMPLER")
                // A grid far outside the image is refused, not clamped into garbage.
                let away = PerspectiveTransform.quadToQuad(from: Quad(x: 0, y: 0, width: Double(n), height: Double(n)),
                                                           to: Quad(x: 500, y: 500, width: 100, height: 100))
                XCTAssertNil(GridSampler.sample(view, transform: away, dimension: n))
                XCTAssertNil(GridSampler.sampleOtsu(view, transform: away, dimension: n))
            }
        }
    }
}
