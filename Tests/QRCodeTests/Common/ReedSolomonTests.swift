import TestSupport
import XCTest
@testable import QRCode

final class ReedSolomonTests: XCTestCase {
    // ISO/IEC 18004 Annex I: "01234567" at 1-M.
    let isoData: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
    let isoEC: [UInt8] = [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]
    // The widely published "HELLO WORLD" 1-M codewords.
    let helloData: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
    let helloEC: [UInt8] = [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]

    func testEncoderKnownVectors() throws {
        let rs = try XCTUnwrap(ReedSolomonEncoder(ecCount: 10))
        XCTAssertNil(ReedSolomonEncoder(ecCount: 0))
        XCTAssertNil(ReedSolomonEncoder(ecCount: 255))
        XCTAssertEqual(rs.ecCodewords(for: isoData), isoEC)
        XCTAssertEqual(rs.ecCodewords(for: helloData), helloEC)
    }

    func testCleanBlockNeedsNoCorrection() throws {
        var block = helloData + helloEC
        XCTAssertEqual(try ReedSolomonDecoder.decode(&block, ecCount: 10), 0)
        XCTAssertEqual(block, helloData + helloEC)
    }

    func testCorrectsUpToHalfTheECCodewords() throws {
        let original = isoData + isoEC
        for positions in [[0], [25], [3, 17], [0, 1, 2, 3, 4], [5, 9, 13, 21, 25]] {
            var block = original
            for p in positions { block[p] ^= UInt8(0x5A &+ UInt8(p)) }
            XCTAssertEqual(try ReedSolomonDecoder.decode(&block, ecCount: 10), positions.count)
            XCTAssertEqual(block, original)
        }
    }

    func testErasuresDoubleTheReach() throws {
        let original = helloData + helloEC
        var block = original
        let erased = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]  // 10 erasures = all EC codewords
        for p in erased { block[p] = 0 }
        XCTAssertNoThrow(try ReedSolomonDecoder.decode(&block, ecCount: 10, erasures: erased))
        XCTAssertEqual(block, original)
        // 6 erasures + 2 errors: 6 + 2·2 = 10.
        block = original
        for p in [1, 3, 5, 7, 9, 11] { block[p] ^= 0xFF }
        block[20] ^= 1; block[24] ^= 0x80
        XCTAssertEqual(try ReedSolomonDecoder.decode(&block, ecCount: 10, erasures: [1, 3, 5, 7, 9, 11]), 8)
        XCTAssertEqual(block, original)
    }

    func testDetectsTooManyErrors() {
        let original = isoData + isoEC
        var detected = 0, wrong = 0
        var rng = SeededRNG(seed: 7)
        for _ in 0..<500 {
            var block = original
            var positions = Set<Int>()
            while positions.count < 6 { positions.insert(Int(rng.next() % 26)) }
            for p in positions { block[p] ^= UInt8(1 + rng.next() % 255) }
            do {
                try ReedSolomonDecoder.decode(&block, ecCount: 10)
                if block != original { wrong += 1 }  // a miscorrection to another codeword
            } catch { detected += 1 }
        }
        // Six errors exceed t = 5; nearly all are detected (miscorrection is possible but rare).
        XCTAssertGreaterThan(detected, 450)
        XCTAssertEqual(detected + wrong, 500)
        var tooMany = original
        XCTAssertThrowsError(try ReedSolomonDecoder.decode(&tooMany, ecCount: 10, erasures: Array(0..<11)))
    }

    func testRandomRoundTripsAcrossBlockShapes() throws {
        var rng = SeededRNG(seed: 42)
        for ec in [7, 10, 13, 18, 22, 26, 30] {
            let rs = try XCTUnwrap(ReedSolomonEncoder(ecCount: ec))
            for dataCount in [1, 15, 60, 122] where dataCount + ec <= 255 {
                let data = (0..<dataCount).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                let original = data + rs.ecCodewords(for: data)
                for _ in 0..<5 {
                    var block = original
                    let erasureCount = Int(rng.next() % UInt64(ec / 2 + 1))
                    let errorCount = (ec - erasureCount) / 2
                    var all = Set<Int>()
                    while all.count < erasureCount + errorCount { all.insert(Int(rng.next() % UInt64(original.count))) }
                    let shuffled = Array(all)
                    let erasures = Array(shuffled.prefix(erasureCount))
                    for p in shuffled { block[p] ^= UInt8(1 + rng.next() % 255) }
                    try ReedSolomonDecoder.decode(&block, ecCount: ec, erasures: erasures)
                    XCTAssertEqual(block, original, "ec \(ec) data \(dataCount)")
                }
            }
        }
    }

    func testInvalidBlockShapes() {
        var tiny: [UInt8] = [1, 2]
        XCTAssertThrowsError(try ReedSolomonDecoder.decode(&tiny, ecCount: 5))
        var big = [UInt8](repeating: 1, count: 300)
        XCTAssertThrowsError(try ReedSolomonDecoder.decode(&big, ecCount: 10))
        var ok = [UInt8](repeating: 1, count: 20)
        XCTAssertThrowsError(try ReedSolomonDecoder.decode(&ok, ecCount: 10, erasures: [25]))
        XCTAssertThrowsError(try ReedSolomonDecoder.decode(&ok, ecCount: 10, erasures: [3, 3]))
    }
}

