import XCTest
import Imaging
import ImageFiles
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

extension CrossCheckTests {
    /// The field use, on real photos: our decoder against zbar on the zxing `qrcode-2` folder
    /// (Japanese payloads). Wherever the two disagree on a code's text, ours must be the one that
    /// matches the expected text — zbar's charset guess turns Shift_JIS half-width katakana into
    /// Chinese, and the cross-check has to surface that as `conflicting`, not hide it.
    func testOnRealPhotosEveryConflictIsResolvedInOurFavour() throws {
        let images = try ZXingCorpus.images().filter { $0.folder == "qrcode-2" }
        XCTAssertEqual(images.count, 35)
        let check = CrossCheck(ours: QRDecoder())
        var totals = (agree: 0, oursOnly: 0, zbarOnly: 0, conflicting: 0)
        var zbarWrong = 0
        for image in images {
            let report = try ImageFile.load(path: image.path).withImage { check.run($0) }
            totals.agree += report.agree
            totals.oursOnly += report.oursOnly
            totals.zbarOnly += report.zbarOnly
            totals.conflicting += report.conflicting
            for outcome in report.outcomes {
                switch outcome {
                case .agree(let ours, _), .oursOnly(let ours):
                    XCTAssertTrue(image.expected.contains(ours.text), "\(image.name): we misread \(ours.text.debugDescription)")
                case .conflicting(let ours, let zbar):
                    XCTAssertTrue(image.expected.contains(ours.text), "\(image.name): conflict where ours is wrong")
                    XCTAssertFalse(image.expected.contains(zbar.text))
                    zbarWrong += 1
                case .zbarOnly(let zbar):
                    if !image.expected.contains(zbar.text) { zbarWrong += 1 }
                    print("qrcode-2/\(image.name): zbar only: \(zbar.text.prefix(40).debugDescription)")
                }
            }
        }
        print("cross-check qrcode-2: agree \(totals.agree), ours only \(totals.oursOnly), zbar only \(totals.zbarOnly), conflicting \(totals.conflicting)")
        // Every wrong zbar text surfaces: as a conflict where we read the code, as zbar-only where not.
        XCTAssertEqual(zbarWrong, ZBarFloor.misreads)
        XCTAssertGreaterThan(totals.conflicting, 0)
    }
}
