import TestSupport
import XCTest
@testable import ScanLog

final class RecordIDTests: XCTestCase {
    func testIdsAreVersion7AndCarryTheirMillisecond() {
        let generator = RecordIDGenerator(rng: SeededRNG(seed: 1))
        let id = generator.next(millis: day0)
        XCTAssertEqual(id.millis, day0)
        let text = id.description
        XCTAssertEqual(Array(text)[14], "7", "version nibble")
        XCTAssertTrue("89ab".contains(Array(text)[19]), "RFC 9562 variant")
        XCTAssertEqual(RecordID(text), id)
        XCTAssertEqual(RecordID(text.uppercased()), id)
        XCTAssertEqual(RecordID(bytes: id.bytes), id)
    }

    func testStrictlyIncreasingWithinOneMillisecondAndWhenTheClockStepsBack() {
        let generator = RecordIDGenerator(rng: SeededRNG(seed: 2))
        var previous = generator.next(millis: day0)
        for i in 0..<10_000 {
            // 10 000 ids in the same ms overflow the 12-bit counter; then the clock goes back 5 s.
            let id = generator.next(millis: i < 9_000 ? day0 : day0 - 5_000)
            XCTAssertLessThan(previous, id)
            previous = id
        }
    }

    func testSameSeedSameIds() {
        let a = RecordIDGenerator(rng: SeededRNG(seed: 9)), b = RecordIDGenerator(rng: SeededRNG(seed: 9))
        XCTAssertEqual((0..<5).map { a.next(millis: day0 + Int64($0)) }, (0..<5).map { b.next(millis: day0 + Int64($0)) })
    }

    func testRejectsMalformedText() {
        XCTAssertNil(RecordID("not-a-uuid"))
        XCTAssertNil(RecordID("0192d1f0-0000-7000-8000-00000000000g"))
        XCTAssertNil(RecordID("0192d1f000007000800000000000000000"))
    }
}
