import XCTest
@testable import QRCode

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
