import XCTest
@testable import QRCode

final class SymbolDecoderRoundTripTests: XCTestCase {
    func testHelloWorld() throws {
        let symbol = try QREncoder.encode("HELLO WORLD", ecLevel: .Q)
        let decoded = try SymbolDecoder.decode(symbol.modules)
        XCTAssertEqual(decoded.text, "HELLO WORLD")
        XCTAssertEqual(decoded.version, 1)
        XCTAssertEqual(decoded.ecLevel, .Q)
        XCTAssertEqual(decoded.mask, symbol.mask)
        XCTAssertEqual(decoded.correctedErrors, 0)
        XCTAssertFalse(decoded.mirrored)
        XCTAssertEqual(decoded.symbologyIdentifier, "]Q1")
    }
}
