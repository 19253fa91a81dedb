import TestSupport
import XCTest
@testable import QRCode

final class FormatInformationTests: XCTestCase {
    func testPublishedWords() {
        XCTAssertEqual(FormatInformation(ecLevel: .L, mask: 0).bits, 0b111011111000100)
        XCTAssertEqual(FormatInformation(ecLevel: .M, mask: 0).bits, 0b101010000010010)
        XCTAssertEqual(FormatInformation(ecLevel: .Q, mask: 0).bits, 0b011010101011111)
        XCTAssertEqual(FormatInformation(ecLevel: .H, mask: 0).bits, 0b001011010001001)
        XCTAssertEqual(FormatInformation(ecLevel: .H, mask: 7).bits, 0b000100000111011)
    }

    func testAll32WithUpToThreeErrorsInEitherCopy() {
        var rng = SeededRNG(seed: 11)
        // A 15-bit word at distance ≥ 4 from all 32 code words (exists: the code has covering radius > 3).
        let far = (0..<0x8000).first { w in FormatInformation.table.allSatisfy { ($0 ^ w).nonzeroBitCount >= 4 } } ?? 0
        XCTAssertNil(FormatInformation.decode(far, far))
        for level in ErrorCorrectionLevel.allCases {
            for mask in 0..<8 {
                let f = FormatInformation(ecLevel: level, mask: mask)
                XCTAssertEqual(FormatInformation.decode(f.bits, f.bits)?.format, f)
                for errors in 1...3 {
                    var bad = f.bits
                    var bits = Set<Int>()
                    while bits.count < errors { bits.insert(Int(rng.next() % 15)) }
                    for b in bits { bad ^= 1 << b }
                    XCTAssertEqual(FormatInformation.decode(bad, bad)?.format, f)
                    // The other copy unreadable (far from every code word): the damaged one still wins.
                    XCTAssertEqual(FormatInformation.decode(bad, far)?.format, f)
                    XCTAssertEqual(FormatInformation.decode(far, bad)?.format, f)
                }
            }
        }
        XCTAssertEqual(Set(FormatInformation.table).count, 32)
    }
}
