import XCTest
@testable import QRCode

final class StructuredAppendTests: XCTestCase {
    func testSplitEncodeDecodeMerge() throws {
        let message = "Ticket bundle: 3 passes for Gate B — Grüße, 2026-11-21 ✓ " + String(repeating: "0123456789", count: 5)
        let symbols = try QREncoder.encodeStructuredAppend(message, count: 3, ecLevel: .M)
        XCTAssertEqual(symbols.count, 3)
        let decoded = try symbols.map { try SymbolDecoder.decode($0.modules) }
        XCTAssertEqual(decoded.map { $0.structuredAppend?.index }, [0, 1, 2])
        XCTAssertTrue(decoded.allSatisfy { $0.structuredAppend?.count == 3 })
        let merged = try StructuredAppendMerger.merge([decoded[2], decoded[0], decoded[1], decoded[0]])
        XCTAssertEqual(merged.text, message)
        XCTAssertEqual(merged.bytes, Array(message.utf8))
        XCTAssertTrue(merged.parityMatches)
        XCTAssertThrowsError(try StructuredAppendMerger.merge([decoded[0], decoded[2]])) {
            XCTAssertEqual($0 as? StructuredAppendError, .missingPart(index: 1))
        }
        let plain = try SymbolDecoder.decode(try QREncoder.encode("single").modules)
        XCTAssertThrowsError(try StructuredAppendMerger.merge([plain]))
        XCTAssertThrowsError(try QREncoder.encodeStructuredAppend("ab", count: 17))
    }
}
