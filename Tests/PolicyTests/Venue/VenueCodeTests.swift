import Policy
import XCTest

/// The venue code's text: small, reversible, and refusing anything else.
final class VenueCodeTests: XCTestCase {
    func testRoundTripsASCIIAndChineseNames() throws {
        let plain = VenueCode(id: "city-hospital-opd", name: "City Hospital OPD")
        XCTAssertEqual(plain.text, "thv1:venue/city-hospital-opd?name=City%20Hospital%20OPD")
        XCTAssertEqual(try VenueCode.parse(plain.text), plain)
        let chinese = VenueCode(id: "xuhui_library", name: "徐汇图书馆 & 书店?")
        XCTAssertEqual(chinese.text, "thv1:venue/xuhui_library?name=徐汇图书馆%20%26%20书店%3F")
        XCTAssertEqual(try VenueCode.parse(chinese.text), chinese)
    }

    func testOtherTextIsATypedError() {
        XCTAssertThrowsError(try VenueCode.parse("THR1:abc")) { XCTAssertEqual($0 as? VenueCodeError, .notAVenueCode) }
        XCTAssertThrowsError(try VenueCode.parse("thv1:venue/Bad ID?name=x")) { XCTAssertEqual($0 as? VenueCodeError, .invalidID("Bad ID")) }
        XCTAssertThrowsError(try VenueCode.parse("thv1:venue/ok")) { XCTAssertEqual($0 as? VenueCodeError, .missingName) }
        XCTAssertThrowsError(try VenueCode.parse("thv1:venue/ok?name=%E4%B")) { XCTAssertEqual($0 as? VenueCodeError, .invalidName) }
        XCTAssertThrowsError(try VenueCode.parse("thv1:venue/ok?name=%FF")) { XCTAssertEqual($0 as? VenueCodeError, .invalidName) }
        XCTAssertThrowsError(try VenueCode.parse("thv1:venue/ok?name=")) { XCTAssertEqual($0 as? VenueCodeError, .invalidName) }
    }
}
