import XCTest
@testable import QRCode

final class QREncoderKnownAnswerTests: XCTestCase {
    /// "HELLO WORLD" at 1-Q as produced by an independent encoder (libqrencode 4.1.1:
    /// `qrencode -v 1 -l Q -m 0 -t ASCII "HELLO WORLD"`, dark = 1); format word Q/mask 0.
    let helloWorld1Q = """
        111111101100001111111
        100000101001001000001
        101110101001101011101
        101110101000001011101
        101110101010001011101
        100000100010001000001
        111111101010101111111
        000000001000000000000
        011010110000101011111
        010000001111000010001
        001101110110001011000
        011011010011010101110
        100010101011101110101
        000000001101001000101
        111111101010000101100
        100000100101101101000
        101110101010001111111
        101110100101010100010
        101110101001011101001
        100000101011110001011
        111111100001011100001
        """

    func testHelloWorld1QCodewordsMatchPublishedValues() throws {
        let segments = SegmentOptimizer.segments(try SegmentOptimizer.characters("HELLO WORLD", charset: nil, allowKanji: true), version: 1)
        XCTAssertEqual(segments.map(\.mode), [.alphanumeric])
        let version = try XCTUnwrap(Version.forNumber(1))
        let data = try QREncoder.dataCodewords(segments, version: version, ecLevel: .Q)
        XCTAssertEqual(data, [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236])
        let all = try QREncoder.codewords(data, version: version, ecLevel: .Q)
        XCTAssertEqual(Array(all[13...]), [168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16])
    }

    func testHelloWorld1QModulesMatchIndependentEncoder() throws {
        let symbol = try QREncoder.encode("HELLO WORLD", ecLevel: .Q, mask: 0)
        XCTAssertEqual(symbol.version, 1)
        let rows = helloWorld1Q.split(separator: "\n")
        for (y, row) in rows.enumerated() {
            for (x, c) in row.enumerated() {
                XCTAssertEqual(symbol.modules[x, y], c == "1", "module (\(x), \(y))")
            }
        }
        // The same mask wins the penalty evaluation in both encoders.
        XCTAssertEqual(try QREncoder.encode("HELLO WORLD", ecLevel: .Q).mask, 0)
    }
}
