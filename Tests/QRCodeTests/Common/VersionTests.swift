import TestSupport
import XCTest
@testable import QRCode

final class VersionTests: XCTestCase {
    func testPublishedTable9Rows() throws {
        let v1 = try XCTUnwrap(Version.forNumber(1))
        XCTAssertEqual(v1.totalCodewords, 26)
        XCTAssertEqual([ErrorCorrectionLevel.L, .M, .Q, .H].map(v1.dataCodewords), [19, 16, 13, 9])
        let v5q = try XCTUnwrap(Version.forNumber(5)).ecBlocks(.Q)
        XCTAssertEqual([v5q.blockCount, v5q.shortBlocks, v5q.shortDataCodewords, v5q.ecCodewordsPerBlock], [4, 2, 15, 18])
        let v7m = try XCTUnwrap(Version.forNumber(7)).ecBlocks(.M)
        XCTAssertEqual([v7m.blockCount, v7m.shortBlocks, v7m.shortDataCodewords, v7m.ecCodewordsPerBlock], [4, 4, 31, 18])
        let v40 = try XCTUnwrap(Version.forNumber(40))
        XCTAssertEqual(v40.totalCodewords, 3706)
        XCTAssertEqual(v40.dataCodewords(.L), 2956)
        XCTAssertEqual(v40.dataCodewords(.H), 1276)
        let v40l = v40.ecBlocks(.L)
        XCTAssertEqual([v40l.blockCount, v40l.shortBlocks, v40l.shortDataCodewords, v40l.ecCodewordsPerBlock], [25, 19, 118, 30])
        let v40h = v40.ecBlocks(.H)
        XCTAssertEqual([v40h.blockCount, v40h.shortBlocks, v40h.shortDataCodewords], [81, 20, 15])
    }

    func testEveryVersionIsConsistent() {
        for v in Version.all {
            XCTAssertEqual(Version.forDimension(v.dimension), v)
            let layout = FunctionPattern.layout(for: v)
            XCTAssertEqual(layout.dataOrder.count / 8, v.totalCodewords, "\(v)")
            XCTAssertLessThan(layout.dataOrder.count - 8 * v.totalCodewords, 8)
            for level in ErrorCorrectionLevel.allCases {
                let b = v.ecBlocks(level)
                XCTAssertEqual(b.totalDataCodewords + b.blockCount * b.ecCodewordsPerBlock, v.totalCodewords)
            }
        }
        XCTAssertNil(Version.forDimension(22))
        XCTAssertNil(Version.forDimension(181))
        XCTAssertNil(Version.forDimension(17))
    }

    func testAlignmentCentres() {
        XCTAssertEqual(Version.forNumber(1)?.alignmentCenters, [])
        XCTAssertEqual(Version.forNumber(2)?.alignmentCenters, [6, 18])
        XCTAssertEqual(Version.forNumber(7)?.alignmentCenters, [6, 22, 38])
        XCTAssertEqual(Version.forNumber(32)?.alignmentCenters, [6, 34, 60, 86, 112, 138])
        XCTAssertEqual(Version.forNumber(36)?.alignmentCenters, [6, 24, 50, 76, 102, 128, 154])
        XCTAssertEqual(Version.forNumber(40)?.alignmentCenters, [6, 30, 58, 86, 114, 142, 170])
    }

    func testVersionBitsWithUpToThreeErrors() {
        XCTAssertEqual(Version.versionBits(7), 0x07C94)
        XCTAssertEqual(Version.versionBits(40), 0x28C69)
        var rng = SeededRNG(seed: 3)
        for n in 7...40 {
            let word = Version.versionBits(n)
            XCTAssertEqual(Version.decodeVersionBits(word)?.number, n)
            for errors in 1...3 {
                var flipped = word
                var bits = Set<Int>()
                while bits.count < errors { bits.insert(Int(rng.next() % 18)) }
                for b in bits { flipped ^= 1 << b }
                XCTAssertEqual(Version.decodeVersionBits(flipped)?.number, n)
            }
        }
        XCTAssertNil(Version.decodeVersionBits(Version.versionBits(7) ^ 0b1111))
    }
}
