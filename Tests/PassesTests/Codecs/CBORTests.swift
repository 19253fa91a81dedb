import XCTest
@testable import Passes

func hex(_ string: String) -> [UInt8] {
    var out: [UInt8] = []
    var chars = string.filter { !$0.isWhitespace }.makeIterator()
    while let high = chars.next(), let low = chars.next() {
        out.append(UInt8(String([high, low]), radix: 16)!)
    }
    return out
}

func hexString(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

final class CBORTests: XCTestCase {
    let decoder = CBORDecoder()

    /// RFC 8949 Appendix A: items whose preferred encoding is also the deterministic one.
    func testAppendixARoundTrip() throws {
        let vectors: [(CBOR, String)] = [
            (0, "00"), (23, "17"), (24, "1818"), (100, "1864"), (1000, "1903e8"), (1_000_000, "1a000f4240"),
            (.unsigned(1_000_000_000_000), "1b000000e8d4a51000"), (.unsigned(.max), "1bffffffffffffffff"),
            (.negative(.max), "3bffffffffffffffff"), (-1, "20"), (-100, "3863"), (-1000, "3903e7"),
            (.float(0.0), "f90000"), (.float(-0.0), "f98000"), (.float(1.0), "f93c00"), (.float(1.1), "fb3ff199999999999a"),
            (.float(1.5), "f93e00"), (.float(65504.0), "f97bff"), (.float(100000.0), "fa47c35000"),
            (.float(3.4028234663852886e+38), "fa7f7fffff"), (.float(1.0e+300), "fb7e37e43c8800759c"),
            (.float(5.960464477539063e-8), "f90001"), (.float(0.00006103515625), "f90400"), (.float(-4.0), "f9c400"),
            (.float(-4.1), "fbc010666666666666"), (.float(.infinity), "f97c00"), (.float(-.infinity), "f9fc00"),
            (.bool(false), "f4"), (.bool(true), "f5"), (.null, "f6"), (.undefined, "f7"), (.simple(16), "f0"),
            (.simple(255), "f8ff"), (.tagged(1, 1_363_896_240), "c11a514b67b0"), (.bytes([1, 2, 3, 4]), "4401020304"),
            ("", "60"), ("IETF", "6449455446"), ("\u{00fc}", "62c3bc"), ("\u{6c34}", "63e6b0b4"),
            (.array([]), "80"), (.array([1, .array([2, 3]), .array([4, 5])]), "8301820203820405"),
            (.map([]), "a0"), (.map([CBORPair(key: 1, value: 2), CBORPair(key: 3, value: 4)]), "a201020304"),
            (.map([CBORPair(key: "a", value: 1), CBORPair(key: "b", value: .array([2, 3]))]), "a26161016162820203"),
        ]
        for (value, encoded) in vectors {
            XCTAssertEqual(hexString(CBOREncoder.encode(value)), encoded, "\(value)")
            XCTAssertEqual(try decoder.decode(hex(encoded)), value, encoded)
        }
        if case .float(let nan)? = try? decoder.decode(hex("f97e00")) { XCTAssertTrue(nan.isNaN) } else { XCTFail("NaN") }
        XCTAssertEqual(hexString(CBOREncoder.encode(.float(.nan))), "f97e00")
    }

    func testIndefiniteLengthsDecode() throws {
        XCTAssertEqual(try decoder.decode(hex("5f42010243030405ff")), .bytes([1, 2, 3, 4, 5]))
        XCTAssertEqual(try decoder.decode(hex("7f657374726561646d696e67ff")), "streaming")
        XCTAssertEqual(try decoder.decode(hex("9fff")), .array([]))
        XCTAssertEqual(try decoder.decode(hex("9f018202039f0405ffff")), .array([1, .array([2, 3]), .array([4, 5])]))
        XCTAssertEqual(try decoder.decode(hex("bf61610161629f0203ffff")),
                       .map([CBORPair(key: "a", value: 1), CBORPair(key: "b", value: .array([2, 3]))]))
    }

    func testDeterministicMapOrder() {
        // Keys sort by encoded bytes: 10 (0a) < 100 (1864) < -1 (20) < "z" (617a) < "aa" (626161).
        let map = CBOR.map([CBORPair(key: "aa", value: 0), CBORPair(key: -1, value: 0), CBORPair(key: "z", value: 0),
                            CBORPair(key: 100, value: 0), CBORPair(key: 10, value: 0)])
        XCTAssertEqual(hexString(CBOREncoder.encode(map)), "a50a00186400200061 7a00 62616100".replacingOccurrences(of: " ", with: ""))
    }

    func testAccessors() throws {
        let value = try decoder.decode(hex("a3 01 26 04 42 abcd 6161 83 01 02 03".replacingOccurrences(of: " ", with: "")))
        XCTAssertEqual(value[int: 1]?.int, -7)
        XCTAssertEqual(value[int: 4]?.bytesValue, [0xAB, 0xCD])
        XCTAssertEqual(value[text: "a"]?.arrayValue?.count, 3)
        XCTAssertNil(value[int: 2])
        XCTAssertNil(CBOR.unsigned(.max).int)
        XCTAssertEqual(CBOR.negative(UInt64(Int.max)).int, Int.min)
    }

    func assertMalformed(_ hexText: String, _ decoder: CBORDecoder = CBORDecoder(), reason: DenyReason = .malformed,
                         file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try decoder.decode(hex(hexText)), hexText, file: file, line: line) { error in
            XCTAssertEqual((error as? PassError)?.reason, reason, hexText, file: file, line: line)
        }
    }

    func testRejectsMalformedInput() {
        assertMalformed("")                      // nothing
        assertMalformed("0000")                  // trailing byte
        assertMalformed("a2 0102 0103")          // duplicate key
        assertMalformed("62 c328")               // invalid UTF-8
        assertMalformed("5a ffffffff 00")        // byte string longer than input
        assertMalformed("9b 0000000100000000")   // array count beyond input
        assertMalformed("bb 0000000100000000")   // map count beyond input
        assertMalformed("1c")                    // reserved additional info
        assertMalformed("ff")                    // stray break
        assertMalformed("1f")                    // indefinite integer
        assertMalformed("df")                    // indefinite tag
        assertMalformed("f8 18")                 // two-byte simple < 32
        assertMalformed("5f 6161 ff")            // text chunk in a byte string
        assertMalformed("5f 5f ff ff")           // nested indefinite chunk
        assertMalformed("9f 01")                 // indefinite array without break
        assertMalformed("bf 01 ff")              // key without value
        assertMalformed("19 01")                 // truncated argument
        assertMalformed(String(repeating: "81", count: 17) + "00") // depth 17 > 16
        XCTAssertNoThrow(try CBORDecoder().decode(hex(String(repeating: "81", count: 16) + "00")))
        assertMalformed("83 01 02 03", CBORDecoder(maxItems: 3), reason: .oversized)
        XCTAssertNoThrow(try CBORDecoder(maxItems: 4).decode(hex("83010203")))
    }

    func testDecodePrefixReportsLength() throws {
        let (value, length) = try decoder.decodePrefix(hex("8201020304"))
        XCTAssertEqual(value, .array([1, 2]))
        XCTAssertEqual(length, 3)
    }
}

extension CBORTests {
    /// Duplicate detection switches from scanning to a set at 16 pairs; both sides must catch it.
    func testDuplicateKeysInLargeMaps() {
        for size in [15, 16, 17, 40] {
            var pairs = (0..<size).map { CBORPair(key: CBOR($0), value: .null) }
            XCTAssertNoThrow(try decoder.decode(CBOREncoder.encode(.map(pairs))), "\(size)")
            pairs.append(CBORPair(key: CBOR(size - 1), value: .null))
            // The encoder sorts but keeps duplicates; the decoder must refuse them.
            XCTAssertThrowsError(try decoder.decode(CBOREncoder.encode(.map(pairs))), "\(size)")
        }
    }
}
