import XCTest
@testable import QRCode

final class EncodingGuesserTests: XCTestCase {
    func testGuesses() {
        XCTAssertEqual(EncodingGuesser.guess(Array("plain ascii".utf8)), .iso8859_1)
        XCTAssertEqual(EncodingGuesser.guess(Array("測試 UTF-8".utf8)), .utf8)
        XCTAssertEqual(EncodingGuesser.guess([0x63, 0x61, 0x66, 0xE9]), .iso8859_1)  // "café" in Latin-1
        // "ﾃﾞｻﾞｲﾝQR" in Shift_JIS half-width katakana (a corpus payload): a run of ≥ 3 katakana.
        XCTAssertEqual(EncodingGuesser.guess([0xC3, 0xDE, 0xBB, 0xDE, 0xB2, 0xDD, 0x51, 0x52]), .shiftJIS)
        // "モバイル" in Shift_JIS: a run of double-byte characters.
        XCTAssertEqual(EncodingGuesser.guess([0x83, 0x82, 0x83, 0x6F, 0x83, 0x43, 0x83, 0x8B]), .shiftJIS)
        XCTAssertEqual(EncodingGuesser.guess([0xEF, 0xBB, 0xBF, 0x41]), .utf8)
    }

    func testShiftJISDecodesBackslashAndTildeAsASCII() {
        XCTAssertEqual(QRCharset.shiftJIS.decode(Array("a\\b~c".utf8) + [0x83, 0x65]), "a\\b~cテ")
    }
}

final class QRCharsetTests: XCTestCase {
    /// Every charset we map an ECI to converts in both directions on this system (iconv modules
    /// present), and the ECI numbers map back to the same charset.
    func testEveryCharsetConvertsAndMapsBack() throws {
        for cs in QRCharset.allCases {
            let bytes = try XCTUnwrap(cs.encode("Ab1"), "\(cs) cannot encode")
            XCTAssertEqual(cs.decode(bytes), "Ab1", "\(cs)")
            XCTAssertEqual(QRCharset(eci: cs.eci), cs)
        }
        XCTAssertNil(QRCharset(eci: 14))
        XCTAssertNil(QRCharset(eci: 19))
        XCTAssertEqual(QRCharset(eci: 29), .gb18030)
        XCTAssertEqual(QRCharset(eci: 0), .cp437)
        XCTAssertEqual(QRCharset.cp437.decode([0x82, 0xE1]), "éß")
        XCTAssertNil(QRCharset.utf8.decode([0xC3]))
        XCTAssertNil(QRCharset.shiftJIS.decode([0x81]))
    }
}
