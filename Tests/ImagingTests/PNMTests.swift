import XCTest
import TestSupport
@testable import Imaging

final class PNMTests: XCTestCase {
    func testBinaryGreyRoundTrip() throws {
        var buffer = GrayBuffer(width: 3, height: 2, fill: 7)
        buffer[2, 1] = 250
        let bytes = PNM.encodePGM(buffer)
        XCTAssertEqual(Array(bytes.prefix(11)), Array("P5\n3 2\n255\n".utf8))
        XCTAssertEqual(try PNM.decode(bytes), buffer)
    }

    func testPlainGreyWithCommentsAndMaxval() throws {
        let text = "P2\n# a comment\n2 2 # trailing\n15\n0 15\n# mid\n 5 10\n"
        let image = try PNM.decode(Array(text.utf8))
        XCTAssertEqual(image.pixels, [0, 255, 85, 170])
    }

    func testColourIsLuma601() throws {
        // Pure red, green, blue, white.
        let raw: [UInt8] = Array("P6 4 1 255\n".utf8) + [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]
        XCTAssertEqual(try PNM.decode(raw).pixels, [76, 150, 29, 255])
        let plain = try PNM.decode(Array("P3 1 1 100 100 100 100".utf8))
        XCTAssertEqual(plain.pixels, [255])
    }

    func testSixteenBitSamplesAreScaled() throws {
        let raw: [UInt8] = Array("P5 2 1 65535\n".utf8) + [0xFF, 0xFF, 0x80, 0x00]
        XCTAssertEqual(try PNM.decode(raw).pixels, [255, 128])
    }

    func testMalformedInputGivesTypedErrors() {
        func error(_ bytes: [UInt8]) -> PNMError? {
            do { _ = try PNM.decode(bytes); return nil } catch { return error }
        }
        XCTAssertEqual(error(Array("GIF89a".utf8)), .unsupportedMagic("GI"))
        XCTAssertEqual(error([]), .unsupportedMagic(""))
        XCTAssertEqual(error(Array("P4 1 1\n".utf8)), .unsupportedMagic("P4"))
        XCTAssertEqual(error(Array("P5 x 1 255\n".utf8)), .badHeader("width"))
        XCTAssertEqual(error(Array("P5 0 1 255\n".utf8)), .badHeader("width"))
        XCTAssertEqual(error(Array("P5 99999999 1 255\n".utf8)), .badHeader("width"))
        XCTAssertEqual(error(Array("P5 2 2 0\n".utf8)), .badHeader("maxval"))
        XCTAssertEqual(error(Array("P5 2 2 255\n".utf8) + [1, 2, 3]), .truncated(expected: 4, got: 3))
        XCTAssertEqual(error(Array("P2 2 1 255 1".utf8)), .truncated(expected: 2, got: 1))
        XCTAssertEqual(error(Array("P2 2 1 255 1 x".utf8)), .badSample(index: 1))
        XCTAssertEqual(error(Array("P2 2 1 9 1 10".utf8)), .badSample(index: 1))
        XCTAssertEqual(error(Array("P5 1 1 100\n".utf8) + [101]), .badSample(index: 0))
        XCTAssertFalse(PNMError.badHeader("width").description.isEmpty)
    }

    func testDecodesCorpusImage() throws {
        let url = try Corpora.url("qr/pgm/zxing/qrcode-1/1.pgm")
        let image = try PNM.decode(Array(try Data(contentsOf: url)))
        XCTAssertEqual(image.width, 640)
        XCTAssertEqual(image.height, 480)
    }

    /// A tiny file whose header promises a huge raster is refused before any allocation.
    func testHollowHeaderIsTruncatedNotAllocated() {
        for header in ["P2\n32768 32768\n255\n1 2 3", "P5\n32768 32768\n255\n\u{0}\u{0}"] {
            XCTAssertThrowsError(try PNM.decode(Array(header.utf8))) { error in
                guard case PNMError.truncated = error else { return XCTFail("\(header): \(error)") }
            }
        }
    }
}
