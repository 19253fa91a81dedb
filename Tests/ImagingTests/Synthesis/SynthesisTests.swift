import XCTest
@testable import Imaging

final class SynthesisTests: XCTestCase {
    func testPlaceMapsCornersAndKeepsOutside() {
        var src = GrayBuffer(width: 10, height: 10, fill: 255)
        for y in 0..<5 { for x in 0..<5 { src[x, y] = 0 } }  // dark top-left quarter
        var frame = GrayBuffer(width: 100, height: 100, fill: 128)
        Synthesis.place(src, into: &frame, quad: Quad(x: 20, y: 30, width: 40, height: 40))
        XCTAssertEqual(frame[25, 35], 0)
        XCTAssertEqual(frame[55, 65], 255)
        XCTAssertEqual(frame[5, 5], 128, "outside the quad is untouched")
        XCTAssertEqual(frame[65, 50], 128)
    }

    func testRotateQuarterTurn() {
        var src = GrayBuffer(width: 20, height: 10, fill: 255)
        src[0, 0] = 0; src[1, 0] = 0; src[0, 1] = 0; src[1, 1] = 0
        let r = Synthesis.rotate(src, degrees: 90)
        XCTAssertEqual(r.width, 10); XCTAssertEqual(r.height, 20)
        // Clockwise on screen: the top-left corner goes to the top-right.
        XCTAssertLessThan(r[9, 0], 64)
        XCTAssertEqual(r[0, 19], 255)
    }

    func testFiltersAreDeterministicAndBounded() {
        var img = GrayBuffer(width: 32, height: 32, fill: 200)
        for y in 12..<20 { for x in 12..<20 { img[x, y] = 10 } }
        XCTAssertEqual(Synthesis.addNoise(img, sigma: 10, seed: 1), Synthesis.addNoise(img, sigma: 10, seed: 1))
        XCTAssertNotEqual(Synthesis.addNoise(img, sigma: 10, seed: 1), Synthesis.addNoise(img, sigma: 10, seed: 2))
        let blurred = Synthesis.gaussianBlur(img, sigma: 1.5)
        XCTAssertGreaterThan(blurred[12, 16], 10); XCTAssertLessThan(blurred[12, 16], 200)
        XCTAssertEqual(Synthesis.boxBlur(img, radius: 1)[2, 2], 200)
        let low = Synthesis.reduceContrast(img, low: 100, high: 150)
        XCTAssertEqual(low.pixels.min(), UInt8(100 + (10 * 50 + 127) / 255))
        XCTAssertLessThanOrEqual(low.pixels.max() ?? 0, 150)
        XCTAssertEqual(Synthesis.invert(img)[0, 0], 55)
        XCTAssertEqual(Synthesis.mirror(img)[31 - 12, 16], 10)
        let glare = Synthesis.glare(img, center: Point(16, 16), radius: 10, strength: 200)
        XCTAssertGreaterThan(glare[16, 16], 10)
        XCTAssertEqual(glare[0, 0], 200)
        let moire = Synthesis.moire(img, period: 4, amplitude: 0.5, degrees: 0)
        XCTAssertNotEqual(moire.pixels, img.pixels)
    }

    /// Motion smears along its direction only: a vertical edge spreads under horizontal motion
    /// and stays sharp under vertical motion.
    func testMotionBlurSmearsAlongItsDirection() {
        var edge = GrayBuffer(width: 40, height: 20, fill: 255)
        edge.withMutablePixels { px in for y in 0..<20 { for x in 0..<20 { px[y * 40 + x] = 0 } } }
        let across = Synthesis.motionBlur(edge, length: 8, degrees: 0)
        let along = Synthesis.motionBlur(edge, length: 8, degrees: 90)
        XCTAssertGreaterThan(across[20, 10], 40)
        XCTAssertLessThan(across[20, 10], 215)
        XCTAssertEqual(along[19, 10], 0)
        XCTAssertEqual(along[20, 10], 255)
        XCTAssertEqual(Synthesis.motionBlur(edge, length: 0.5, degrees: 0).pixels, edge.pixels)
    }

    /// Over-exposure clips the whites and lifts dark pixels next to bright ones more than dark
    /// pixels far from any light.
    func testOverexposureClipsAndBleeds() {
        var img = GrayBuffer(width: 40, height: 20, fill: 200)
        img.withMutablePixels { px in for y in 0..<20 { for x in 0..<30 { px[y * 40 + x] = 20 } } }
        let out = Synthesis.overexpose(img, amount: 0.6, radius: 2)
        XCTAssertEqual(out[35, 10], 255)
        XCTAssertGreaterThan(out[29, 10], out[5, 10])
        XCTAssertGreaterThan(out[5, 10], 20)
    }

    func testSeededRandomIsStable() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42)
        for _ in 0..<100 { XCTAssertEqual(a.next(), b.next()) }
        var g = SeededRandom(seed: 1)
        let xs = (0..<2000).map { _ in g.gaussian() }
        let mean = xs.reduce(0, +) / 2000
        XCTAssertLessThan(abs(mean), 0.1)
    }
}
