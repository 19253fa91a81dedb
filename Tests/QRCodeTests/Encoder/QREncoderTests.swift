import TestSupport
import XCTest
@testable import QRCode

final class QREncoderTests: XCTestCase {
    private func modes(_ text: String, version: Int = 1) throws -> [Mode] {
        SegmentOptimizer.segments(try SegmentOptimizer.characters(text, charset: nil, allowKanji: true), version: version).map(\.mode)
    }

    func testModeChoice() throws {
        XCTAssertEqual(try modes("0123456789"), [.numeric])
        XCTAssertEqual(try modes("HELLO WORLD"), [.alphanumeric])
        XCTAssertEqual(try modes("hello"), [.byte])
        XCTAssertEqual(try modes("日本語"), [.kanji])
        // A long digit run inside a URL gets its own numeric segment; a short one does not.
        XCTAssertEqual(try modes("https://example.org/p/123456789012345678901234"), [.byte, .numeric])
        XCTAssertEqual(try modes("a1b"), [.byte])
        // " " alone is cheaper as alphanumeric (19 bits) than as byte (20 bits).
        XCTAssertEqual(try modes("Tel 0312345678 日本"), [.byte, .numeric, .alphanumeric, .kanji])
    }

    /// The optimum is never worse than any single-mode encoding that can hold the text.
    func testOptimalNeverWorseThanSingleMode() throws {
        var rng = SeededRNG(seed: 8)
        let pieces = ["0", "7", "A", "Z", ":", "a", "é", "字", "テ", " ", "€", "12345", "HTTP"]
        for round in 0..<150 {
            let text = (0..<(1 + Int(rng.next() % 30))).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            for v in [1, 10, 27] {
                let chars = try SegmentOptimizer.characters(text, charset: nil, allowKanji: true)
                let best = try XCTUnwrap(QREncoder.totalBits(SegmentOptimizer.segments(chars, version: v), version: v))
                let asBytes = try XCTUnwrap(QRSegment.bytes(Array(text.utf8)).bitLength(version: v))
                XCTAssertLessThanOrEqual(best, asBytes, text)
                if let alnum = try? QRSegment.alphanumeric(text) { XCTAssertLessThanOrEqual(best, alnum.bitLength(version: v)!, text) }
                // And the chosen segments decode back to the text (sampled: encoding is slow in debug).
                if round % 10 == 0 || v == 1 {
                    let symbol = try QREncoder.encode(text, ecLevel: .L, minVersion: v)
                    XCTAssertEqual(try SymbolDecoder.decode(symbol.modules).text, text)
                }
            }
        }
    }

    func testSmallestVersionAndCapacityLimits() throws {
        XCTAssertEqual(try QREncoder.encode("HELLO WORLD", ecLevel: .Q).version, 1)
        // 1-L holds 41 digits, 1-H 17 digits (ISO Table 7).
        XCTAssertEqual(try QREncoder.encode(String(repeating: "1", count: 41), ecLevel: .L).version, 1)
        XCTAssertEqual(try QREncoder.encode(String(repeating: "1", count: 42), ecLevel: .L).version, 2)
        XCTAssertEqual(try QREncoder.encode(String(repeating: "1", count: 17), ecLevel: .H).version, 1)
        // 40-L holds 7089 digits and 2953 bytes.
        XCTAssertEqual(try QREncoder.encode(String(repeating: "9", count: 7089), ecLevel: .L).version, 40)
        XCTAssertThrowsError(try QREncoder.encode(String(repeating: "9", count: 7090), ecLevel: .L))
        XCTAssertEqual(try QREncoder.encode(bytes: [UInt8](repeating: 0xAB, count: 2953), ecLevel: .L).version, 40)
        XCTAssertThrowsError(try QREncoder.encode(bytes: [UInt8](repeating: 0xAB, count: 2954), ecLevel: .L)) {
            guard case .dataTooLong = $0 as? QREncodeError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try QREncoder.encode("x", minVersion: 0))
        XCTAssertThrowsError(try QREncoder.encode("x", minVersion: 5, maxVersion: 4))
        XCTAssertThrowsError(try QREncoder.encode("x", mask: 8))
        XCTAssertEqual(try QREncoder.encode("x", minVersion: 7).version, 7)
    }

    func testECIEncodingRoundTrips() throws {
        let cases: [(QRCharset, String)] = [
            (.utf8, "Grüße 🎫"), (.iso8859_7, "Καλημέρα 2026"), (.shiftJIS, "入場券ﾃｽﾄ"), (.gb18030, "门票测试 A1"),
            (.iso8859_1, "Café"), (.big5, "測試"),
        ]
        for (charset, text) in cases {
            let symbol = try QREncoder.encode(text, eci: charset, allowKanji: false)
            let decoded = try SymbolDecoder.decode(symbol.modules)
            XCTAssertEqual(decoded.text, text, "\(charset)")
            XCTAssertEqual(decoded.symbologyIdentifier, "]Q2")
        }
        XCTAssertThrowsError(try QREncoder.encode("Ω", eci: .iso8859_1)) {
            XCTAssertEqual($0 as? QREncodeError, .unrepresentable(.iso8859_1))
        }
    }

    func testExplicitSegmentsGS1() throws {
        let symbol = try QREncoder.encode(segments: [.gs1, try .numeric("01095011010209"), try .alphanumeric("10ABC%17")])
        let decoded = try SymbolDecoder.decode(symbol.modules)
        XCTAssertEqual(decoded.text, "0109501101020910ABC\u{1D}17")
        XCTAssertEqual(decoded.symbologyIdentifier, "]Q3")
        XCTAssertThrowsError(try QRSegment.numeric("12a"))
        XCTAssertThrowsError(try QRSegment.alphanumeric("abc"))
        XCTAssertThrowsError(try QRSegment.kanji("abc"))
        XCTAssertThrowsError(try QRSegment.eci(1_000_000))
    }

    func testRender() throws {
        let symbol = try QREncoder.encode("RENDER", ecLevel: .M)
        let image = symbol.render(moduleSize: 3, quietZone: 4)
        XCTAssertEqual(image.width, (21 + 8) * 3)
        XCTAssertEqual(image.height, image.width)
        XCTAssertEqual(image[0, 0], 255)  // quiet zone
        XCTAssertEqual(image[12, 12], 0)  // finder corner module (4,4)·3
        XCTAssertEqual(image[12 + 3 + 1, 12 + 3 + 1], 255)  // the finder's light ring
        let dark = image.pixels.filter { $0 == 0 }.count
        XCTAssertEqual(dark, (0..<21).flatMap { y in (0..<21).map { (x: $0, y: y) } }.filter { symbol.modules[$0.x, $0.y] }.count * 9)
    }
}
