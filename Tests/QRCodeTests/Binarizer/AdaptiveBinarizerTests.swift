import XCTest
import Imaging
@testable import QRCode

final class AdaptiveBinarizerTests: XCTestCase {
    /// Binarizes `image` and returns the 0/1 bit image (1 = dark).
    func bits(_ image: GrayBuffer, _ b: AdaptiveBinarizer = .init(), inverted: Bool = false) -> [UInt8] {
        image.withImage { img in
            var grid = ThresholdGrid()
            b.binarize(img, into: &grid)
            return grid.thresholds.withUnsafeBufferPointer { t in
                BinaryView(image: img, thresholds: t.baseAddress!, blocksWide: grid.blocksWide, inverted: inverted).materialize()
            }
        }
    }

    /// A checkerboard of 6-px squares whose light and dark levels both drift across the frame
    /// (uneven light): every square must come out right although no global threshold exists.
    func testSurvivesUnevenLightWhereGlobalThresholdFails() {
        let w = 240, h = 120
        var image = GrayBuffer(width: w, height: h)
        for y in 0..<h {
            for x in 0..<w {
                let light = 90 + 160 * x / w, dark = 10 + 120 * x / w  // dark on the right > light on the left
                image[x, y] = ((x / 6 + y / 6) & 1) == 0 ? UInt8(dark) : UInt8(light)
            }
        }
        let out = bits(image)
        var wrong = 0
        for y in 0..<h {
            for x in 0..<w where x % 6 != 0 && x % 6 != 5 && y % 6 != 0 && y % 6 != 5 {  // square interiors
                let dark = ((x / 6 + y / 6) & 1) == 0
                if (out[y * w + x] == 1) != dark { wrong += 1 }
            }
        }
        XCTAssertEqual(wrong, 0)
        XCTAssertLessThan(Int(image[w - 1, 0]), 255)
        XCTAssertGreaterThan(Int(image[w - 3, 0]), Int(image[2, 1]), "the test scene has no global threshold")
    }

    func testFlatNoisyAreasStayLightAndInversionFlips() {
        let noisy = Synthesis.addNoise(GrayBuffer(width: 160, height: 96, fill: 180), sigma: 5, seed: 9)
        let out = bits(noisy)
        XCTAssertEqual(out.reduce(0) { $0 + Int($1) }, 0, "sensor noise on a flat area must not become speckle")
        let inv = bits(noisy, inverted: true)
        XCTAssertEqual(inv.reduce(0) { $0 + Int($1) }, inv.count)
    }

    func testInsideOfLargeDarkAreaStaysDark() {
        // A 48×48 dark square: its inner blocks are flat but lie inside a dark area.
        var image = GrayBuffer(width: 128, height: 128, fill: 230)
        for y in 40..<88 { for x in 40..<88 { image[x, y] = 20 } }
        let out = bits(image)
        XCTAssertEqual(out[64 * 128 + 64], 1)
        XCTAssertEqual(out[10 * 128 + 10], 0)
    }

    func testTinyImagesUseOneThreshold() {
        var image = GrayBuffer(width: 5, height: 4, fill: 200)
        image[2, 2] = 10
        let out = bits(image)
        XCTAssertEqual(out[2 * 5 + 2], 1)
        XCTAssertEqual(out.reduce(0) { $0 + Int($1) }, 1)
    }

    func testOddSizesAndPaddedRows() {
        // 37×29 inside rows of stride 40: the last partial blocks reuse clamped windows.
        var memory = [UInt8](repeating: 99, count: 40 * 29)
        for y in 0..<29 { for x in 0..<37 { memory[y * 40 + x] = (x / 5 + y / 5) & 1 == 0 ? 30 : 220 } }
        memory.withUnsafeBufferPointer { buf in
            let img = GrayImage(base: buf.baseAddress!, width: 37, height: 29, stride: 40)
            var grid = ThresholdGrid()
            AdaptiveBinarizer().binarize(img, into: &grid)
            XCTAssertEqual(grid.blocksWide, 5)
            XCTAssertEqual(grid.blocksHigh, 4)
            grid.thresholds.withUnsafeBufferPointer { t in
                let view = BinaryView(image: img, thresholds: t.baseAddress!, blocksWide: grid.blocksWide, inverted: false)
                XCTAssertTrue(view.isDark(36, 28) == ((36 / 5 + 28 / 5) & 1 == 0))
                XCTAssertTrue(view.isDark(1, 1))
                XCTAssertFalse(view.isDark(6, 1))
            }
        }
    }
}
