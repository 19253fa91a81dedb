import XCTest
@testable import QRCode

/// Each mode through the parser, from bitstreams assembled by hand (so the parser is checked
/// independently of the encoder's segment choice).
final class DecodedBitStreamParserTests: XCTestCase {
    private func stream(_ fields: [(Int, Int)]) -> [UInt8] {
        var b = BitBuffer()
        for (value, width) in fields { b.append(value, bits: width) }
        b.append(0, bits: 4)
        return b.bytes
    }

    func testNumeric() throws {
        // ISO/IEC 18004 §7.4.3 example: "01234567" → 0001 0000001000 0000001100 0101011001 1000011.
        let p = try DecodedBitStreamParser.parse(stream([(1, 4), (8, 10), (12, 10), (345, 10), (67, 7)]), version: 1)
        XCTAssertEqual(p.text, "01234567")
        XCTAssertThrowsError(try DecodedBitStreamParser.parse(stream([(1, 4), (3, 10), (1000, 10)]), version: 1)) {
            XCTAssertEqual($0 as? QRDecodeError, .malformedBitstream(.invalidNumeric))
        }
    }

    func testAlphanumeric() throws {
        // "AC-42" (§7.4.4): 00111001110 11100111001 000010.
        let p = try DecodedBitStreamParser.parse(stream([(2, 4), (5, 9), (0b00111001110, 11), (0b11100111001, 11), (0b000010, 6)]), version: 1)
        XCTAssertEqual(p.text, "AC-42")
        XCTAssertThrowsError(try DecodedBitStreamParser.parse(stream([(2, 4), (1, 9), (45, 6)]), version: 1))
    }

    func testByteWithoutECIGuessesLatin1AndUTF8() throws {
        let latin = try DecodedBitStreamParser.parse(stream([(4, 4), (3, 8), (0x63, 8), (0x61, 8), (0xE9, 8)]), version: 1)
        XCTAssertEqual(latin.text, "caé")
        XCTAssertEqual(latin.bytes, [0x63, 0x61, 0xE9])
        let utf8 = try DecodedBitStreamParser.parse(stream([(4, 4), (3, 8), (0x61, 8), (0xC3, 8), (0xA9, 8)]), version: 1)
        XCTAssertEqual(utf8.text, "aé")
    }

    func testKanji() throws {
        // "点茗" (§7.4.6): 0x935F → 0x0D9F, 0xE4AA → 0x1AAA.
        let p = try DecodedBitStreamParser.parse(stream([(8, 4), (2, 8), (0x0D9F, 13), (0x1AAA, 13)]), version: 1)
        XCTAssertEqual(p.text, "点茗")
        XCTAssertEqual(p.bytes, [0x93, 0x5F, 0xE4, 0xAA])
    }

    func testHanziGB2312() throws {
        // 中 = GB2312 0xD6D0: 0xD6D0 − 0xA6A1 = 0x302F → 0x30·0x60 + 0x2F.
        let p = try DecodedBitStreamParser.parse(stream([(0b1101, 4), (1, 4), (1, 8), (0x30 * 0x60 + 0x2F, 13)]), version: 1)
        XCTAssertEqual(p.text, "中")
        XCTAssertThrowsError(try DecodedBitStreamParser.parse(stream([(0b1101, 4), (2, 4), (1, 8), (0, 13)]), version: 1)) {
            XCTAssertEqual($0 as? QRDecodeError, .unsupportedMode(0b1101_0010))
        }
    }

    func testECICharsets() throws {
        let cases: [(QRCharset, String)] = [
            (.utf8, "Grüße 🎫"), (.iso8859_1, "Café"), (.iso8859_7, "Καλημέρα"), (.iso8859_5, "Привет"),
            (.shiftJIS, "入場券テスト"), (.gb18030, "门票测试"), (.big5, "測試"), (.windows1252, "€uro"),
            (.utf16BE, "pass ✓"),
        ]
        for (charset, text) in cases {
            let encoded = try XCTUnwrap(charset.encode(text), "\(charset)")
            var fields = [(7, 4), (charset.eci, 8), (4, 4), (encoded.count, 8)]
            fields += encoded.map { (Int($0), 8) }
            let p = try DecodedBitStreamParser.parse(stream(fields), version: 1)
            XCTAssertEqual(p.text, text, "\(charset)")
            XCTAssertEqual(p.bytes, encoded)
            XCTAssertTrue(p.hasECI)
        }
        XCTAssertThrowsError(try DecodedBitStreamParser.parse(stream([(7, 4), (14, 8), (4, 4), (0, 8)]), version: 1)) {
            XCTAssertEqual($0 as? QRDecodeError, .unsupportedECI(14))
        }
        // Two- and three-byte ECI designators.
        let two = try DecodedBitStreamParser.parse(stream([(7, 4), (0b10, 2), (899, 14), (4, 4), (1, 8), (0xFF, 8)]), version: 1)
        XCTAssertEqual(two.text, "ÿ")
        XCTAssertThrowsError(try DecodedBitStreamParser.parse(stream([(7, 4), (0xE0, 8)]), version: 1)) {
            XCTAssertEqual($0 as? QRDecodeError, .malformedBitstream(.invalidECI))
        }
        // Invalid UTF-8 under an explicit UTF-8 ECI is a typed error.
        XCTAssertThrowsError(try DecodedBitStreamParser.parse(stream([(7, 4), (26, 8), (4, 4), (1, 8), (0xFF, 8)]), version: 1)) {
            XCTAssertEqual($0 as? QRDecodeError, .charsetConversion(.utf8))
        }
    }

    func testStructuredAppendAndFNC1() throws {
        let sa = try DecodedBitStreamParser.parse(stream([(3, 4), (1, 4), (2, 4), (0x5A, 8), (4, 4), (1, 8), (0x41, 8)]), version: 1)
        XCTAssertEqual(sa.structuredAppend, StructuredAppend(index: 1, count: 3, parity: 0x5A))
        XCTAssertEqual(sa.text, "A")
        // GS1: "01%%9" in alphanumeric under FNC1 first → "01%9"; a lone % is GS.
        let alnum = Array("01%%9%A".utf8).map { Int(Alphanumeric.code[Int($0)]) }
        var fields = [(5, 4), (2, 4), (alnum.count, 9)]
        var i = 0
        while i + 1 < alnum.count { fields.append((alnum[i] * 45 + alnum[i + 1], 11)); i += 2 }
        fields.append((alnum[i], 6))
        let gs1 = try DecodedBitStreamParser.parse(stream(fields), version: 1)
        XCTAssertEqual(gs1.text, "01%9\u{1D}A")
        XCTAssertEqual(gs1.fnc1, .firstPosition)
        let aim = try DecodedBitStreamParser.parse(stream([(9, 4), (37, 8), (4, 4), (1, 8), (0x41, 8)]), version: 1)
        XCTAssertEqual(aim.fnc1, .secondPosition(applicationIndicator: 37))
    }

    func testTruncationAndUnknownModes() {
        XCTAssertThrowsError(try DecodedBitStreamParser.parse([0x40, 0x50, 0x41], version: 1)) {
            XCTAssertEqual($0 as? QRDecodeError, .malformedBitstream(.truncated(.byte)))
        }
        XCTAssertThrowsError(try DecodedBitStreamParser.parse([0x60], version: 1)) {
            XCTAssertEqual($0 as? QRDecodeError, .unsupportedMode(6))
        }
        XCTAssertEqual(try DecodedBitStreamParser.parse([], version: 1).text, "")
        // No terminator when the data fills the symbol exactly: still fine.
        XCTAssertEqual(try DecodedBitStreamParser.parse([0x40, 0x14, 0x10], version: 1).text, "A")
    }

    func testCountFieldWidthsPerVersionGroup() throws {
        for (v, width) in [(9, 8), (10, 16), (27, 16)] {
            let p = try DecodedBitStreamParser.parse(stream([(4, 4), (1, width), (0x7A, 8)]), version: v)
            XCTAssertEqual(p.text, "z")
        }
    }
}
