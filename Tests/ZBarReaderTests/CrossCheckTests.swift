import XCTest
import Imaging
import QRCode
@testable import ZBarReader

final class CrossCheckTests: XCTestCase {
    private func code(_ text: String, at x: Double, _ y: Double, size: Double = 100) -> QRResult {
        QRResult(text: text, bytes: Array(text.utf8), version: 0, ecLevel: nil, mask: nil,
                 corners: [Point(x, y), Point(x + size, y), Point(x + size, y + size), Point(x, y + size)],
                 correctedErrors: nil)
    }

    func testClassifiesAgreeOursOnlyZbarOnlyAndConflicting() {
        let ours = [code("A", at: 0, 0), code("B", at: 300, 0), code("X", at: 0, 300), code("S", at: 600, 600)]
        // zbar: A elsewhere (same text → agree despite other corners), B′ at B's place (conflict),
        // C alone, nothing where our X and S are.
        let zbar = [code("C", at: 900, 900), code("B'", at: 305, 4, size: 96), code("A", at: 2, 2)]
        let report = CrossCheckReport.compare(ours: ours, zbar: zbar)
        XCTAssertEqual(report.agree, 1)
        XCTAssertEqual(report.conflicting, 1)
        XCTAssertEqual(report.oursOnly, 2)
        XCTAssertEqual(report.zbarOnly, 1)
        XCTAssertTrue(report.outcomes.contains(.agree(ours: ours[0], zbar: zbar[2])))
        XCTAssertTrue(report.outcomes.contains(.conflicting(ours: ours[1], zbar: zbar[1])))
        XCTAssertTrue(report.outcomes.contains(.oursOnly(ours[2])))
        XCTAssertTrue(report.outcomes.contains(.zbarOnly(zbar[0])))
        XCTAssertEqual(report.outcomes.count, 5)
    }

    func testSameTextTwiceNeedsTwoMatches() {
        let ours = [code("T", at: 0, 0), code("T", at: 200, 0)]
        let report = CrossCheckReport.compare(ours: ours, zbar: [code("T", at: 200, 0)])
        XCTAssertEqual(report.agree, 1)
        XCTAssertEqual(report.oursOnly, 1)
        XCTAssertEqual(CrossCheckReport.compare(ours: [], zbar: []).outcomes, [])
    }

    func testOverlapHandlesRotatedQuads() {
        let diamond = [Point(50, 0), Point(100, 50), Point(50, 100), Point(0, 50)]
        XCTAssertTrue(Outline.overlap(diamond, [Point(40, 40), Point(60, 40), Point(60, 60), Point(40, 60)]))
        XCTAssertFalse(Outline.overlap(diamond, [Point(200, 200), Point(260, 200), Point(260, 260), Point(200, 260)]))
        XCTAssertFalse(Outline.overlap([], diamond))
    }

    /// Real readers on a real photo: zbar against itself agrees; a reader that sees nothing turns
    /// every code into `zbarOnly`; one that misreads turns it into `conflicting`.
    func testRunsBothReadersOnAFrame() throws {
        let buffer = try ZXingCorpus.load("qr/zxing/multi-qrcode-1/1.png")
        let zbar = ZBarReader()
        let same = buffer.withImage { CrossCheck(ours: ZBarReader(), zbar: zbar).run($0) }
        XCTAssertEqual(same.agree, 4)
        XCTAssertEqual(same.outcomes.count, 4)

        let blind = buffer.withImage { CrossCheck(ours: FixedReader(results: []), zbar: zbar).run($0) }
        XCTAssertEqual(blind.zbarOnly, 4)

        let truth = buffer.withImage { zbar.read($0) }
        var wrong = truth[0]
        wrong.text += "?"
        let misread = buffer.withImage { CrossCheck(ours: FixedReader(results: [wrong]), zbar: zbar).run($0) }
        XCTAssertEqual(misread.conflicting, 1)
        XCTAssertEqual(misread.zbarOnly, 3)
    }
}

/// A test double: a reader that reports a fixed list, whatever the frame.
struct FixedReader: QRReader {
    let results: [QRResult]
    var name: String { "fixed" }
    func read(_ image: GrayImage) -> [QRResult] { results }
}
