import XCTest
@testable import Passes

final class Base45Tests: XCTestCase {
    /// Vectors from RFC 9285 §4.
    func testRFCVectors() throws {
        let vectors = [("AB", "BB8"), ("Hello!!", "%69 VD92EX0"), ("base-45", "UJCLQE7W581"), ("ietf!", "QED8WEX0")]
        for (plain, encoded) in vectors {
            XCTAssertEqual(Base45.encode(Array(plain.utf8)), encoded)
            XCTAssertEqual(try Base45.decode(encoded), Array(plain.utf8))
        }
        XCTAssertEqual(Base45.encode([]), "")
        XCTAssertEqual(try Base45.decode(""), [])
    }

    func testRoundTripAllByteValues() throws {
        let bytes = (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        for count in [0, 1, 2, 3, 255, 512] {
            let slice = Array(bytes.prefix(count))
            XCTAssertEqual(try Base45.decode(Base45.encode(slice)), slice)
        }
        XCTAssertEqual(try Base45.decode(Base45.encode([0xFF, 0xFF, 0xFF])), [0xFF, 0xFF, 0xFF])
    }

    func testRejectsInvalidCharacters() {
        for text in ["ab", "QED8WEX0a", "BB\u{00E9}", "BB_"] {
            XCTAssertThrowsError(try Base45.decode(text)) { error in
                XCTAssertEqual((error as? PassError)?.reason, .malformed, text)
            }
        }
    }

    func testRejectsBadLengthAndOverflow() {
        // One trailing character cannot encode a byte.
        XCTAssertThrowsError(try Base45.decode("BB8B"))
        // "GGW" = 16 + 16·45 + 32·45² = 65536 > 65535 (RFC 9285 §4 example).
        XCTAssertThrowsError(try Base45.decode("GGW"))
        // ":;" would be invalid anyway; "::" = 44 + 44·45 = 2024 > 255 for a final pair.
        XCTAssertThrowsError(try Base45.decode("::")) { error in
            XCTAssertEqual((error as? PassError)?.reason, .malformed)
        }
    }
}
