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
