import XCTest
@testable import QRCode

final class GaloisFieldTests: XCTestCase {
    func testTablesArePermutationWithKnownPowers() {
        XCTAssertEqual(GaloisField.exp[0], 1)
        XCTAssertEqual(GaloisField.exp[8], 0x1D)  // α⁸ = x⁴+x³+x²+1
        XCTAssertEqual(GaloisField.exp[255], 1)
        XCTAssertEqual(Set(GaloisField.exp[0..<255]).count, 255)
        for a in 1...255 { XCTAssertEqual(GaloisField.exp[Int(GaloisField.log[a])], UInt8(a)) }
    }

    func testMultiplyMatchesCarrylessReference() {
        func slow(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var p = 0, x = Int(a), y = Int(b)
            while y > 0 {
                if y & 1 != 0 { p ^= x }
                x <<= 1
                if x & 0x100 != 0 { x ^= 0x11D }
                y >>= 1
            }
            return UInt8(p)
        }
        for a in stride(from: 0, through: 255, by: 7) {
            for b in 0...255 { XCTAssertEqual(GaloisField.multiply(UInt8(a), UInt8(b)), slow(UInt8(a), UInt8(b))) }
        }
        for a in 1...255 {
            XCTAssertEqual(GaloisField.multiply(UInt8(a), GaloisField.inverse(UInt8(a))), 1)
            XCTAssertEqual(GaloisField.divide(GaloisField.multiply(UInt8(a), 0x53), 0x53), UInt8(a))
        }
    }
}
