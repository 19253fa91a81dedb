import XCTest
import Imaging
@testable import QRCode

final class FinderPatternFinderTests: XCTestCase {
    /// Finder candidates and the best triple in `image`.
    func detect(_ image: GrayBuffer) -> (candidates: [FinderPattern], triple: FinderPatternTriple?, geometry: SymbolGeometry?) {
        image.withImage { img in
            var grid = ThresholdGrid()
            AdaptiveBinarizer().binarize(img, into: &grid)
            return grid.thresholds.withUnsafeBufferPointer { t in
                let view = BinaryView(image: img, thresholds: t.baseAddress!, blocksWide: grid.blocksWide, inverted: false)
                var row = [UInt8](repeating: 0, count: img.width)
                return row.withUnsafeMutableBufferPointer { rb in
                    var finder = FinderPatternFinder(view: view)
                    let c = finder.find(rowBuffer: rb.baseAddress!)
                    let triple = FinderPatternSelector.triples(from: c).first
                    return (c, triple, triple.flatMap { Detector.geometries(view, $0).first })
                }
            }
        }
    }

    /// Renders a version-3 symbol (29 modules) into `quad` and returns the image and the map from
    /// symbol modules to image pixels (the quad includes a 4-module quiet zone).
    func scene(_ quad: Quad) throws -> (GrayBuffer, PerspectiveTransform, BitMatrix) {
        let symbol = try QREncoder.encode("FINDER TEST", ecLevel: .H, minVersion: 3)
        XCTAssertEqual(symbol.version, 3)
        var frame = GrayBuffer(width: 480, height: 480, fill: 235)
        Synthesis.place(symbol.render(moduleSize: 5, quietZone: 4), into: &frame, quad: quad)
        let n = Double(symbol.modules.width + 8)
        let t = PerspectiveTransform.quadToQuad(from: Quad(x: -4, y: -4, width: n, height: n), to: quad)
        return (frame, t, symbol.modules)
    }

    func testFindsTheThreeFindersAtAnyRotation() throws {
        for degrees in stride(from: 0.0, to: 360.0, by: 10.0) {
            let quad = Synthesis.quad(center: Point(240, 240), width: 220, height: 220, degrees: degrees)
            let (frame, t, _) = try scene(quad)
            let found = detect(frame)
            let expected = [Point(3.5, 3.5), Point(25.5, 3.5), Point(3.5, 25.5)].map(t.apply)
            guard let triple = found.triple else { XCTFail("no triple at \(degrees)°"); continue }
            let got = [triple.topLeft.point, triple.topRight.point, triple.bottomLeft.point]
            for (g, e) in zip(got, expected) {
                XCTAssertLessThan(g.distance(to: e), 2.5, "finder at \(degrees)°: \(g) vs \(e)")
            }
            XCTAssertEqual(found.geometry?.dimension, 29, "dimension at \(degrees)°")
        }
    }

    func testPerspectiveAndScale() throws {
        for (size, tilt, degrees) in [(120.0, 0.0, 0.0), (200.0, 0.3, 30.0), (400.0, 0.2, 250.0), (160.0, 0.35, 135.0)] {
            let quad = Synthesis.quad(center: Point(240, 240), width: size, height: size, degrees: degrees, tilt: tilt)
            let (frame, t, modules) = try scene(quad)
            let found = detect(frame)
            guard let g = found.geometry else { XCTFail("no geometry for size \(size) tilt \(tilt)"); continue }
            XCTAssertEqual(g.dimension, 29)
            // The sampled grid must reproduce the symbol's modules nearly exactly.
            let sampled = frame.withImage { img -> BitMatrix? in
                var grid = ThresholdGrid()
                AdaptiveBinarizer().binarize(img, into: &grid)
                return grid.thresholds.withUnsafeBufferPointer { tt in
                    GridSampler.sample(BinaryView(image: img, thresholds: tt.baseAddress!, blocksWide: grid.blocksWide, inverted: false),
                                       transform: g.transform, dimension: 29)
                }
            }
            var wrong = 0
            if let s = sampled { for y in 0..<29 { for x in 0..<29 where s[x, y] != modules[x, y] { wrong += 1 } } } else { wrong = 841 }
            XCTAssertLessThan(wrong, 10, "size \(size) tilt \(tilt) rot \(degrees)")
            XCTAssertLessThan(g.corners[0].distance(to: t.apply(Point(0, 0))), 3)
        }
    }

    func testNoFindersInNoiseOrFlatImages() {
        XCTAssertTrue(detect(GrayBuffer(width: 200, height: 200, fill: 128)).candidates.isEmpty)
        XCTAssertNil(detect(Synthesis.addNoise(GrayBuffer(width: 300, height: 200, fill: 128), sigma: 40, seed: 5)).triple)
    }

    func testRunRatios() {
        XCTAssertTrue(RunRatios.isFinder((4, 4, 12, 4, 4)))
        XCTAssertTrue(RunRatios.isFinder((5, 3, 13, 4, 4)))
        XCTAssertFalse(RunRatios.isFinder((4, 4, 8, 4, 4)), "1:1:2:1:1 is data, not a finder")
        XCTAssertFalse(RunRatios.isFinder((4, 0, 12, 4, 4)))
        XCTAssertFalse(RunRatios.isFinder((1, 1, 1, 1, 1)))
    }
}
