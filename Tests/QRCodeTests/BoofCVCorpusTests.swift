import XCTest
import Foundation
import ImageFiles
import Imaging
import TestSupport
@testable import QRCode

/// The BoofCV real photos (visible half), in the default (kiosk) setting, scored as the corpus
/// README says: a code counts when the centroid of the corners we report lies inside one of its
/// hand-clicked polygons (each polygon once); a report outside every polygon is a false positive.
///
/// The floors are the counts reached so far, per category: raise them when the reader improves,
/// never lower them. The annotations carry no text, so wrong texts are caught by `CorpusTests`
/// (the zxing set byte for byte and the no-code photos).
final class BoofCVCorpusTests: XCTestCase {
    /// Codes located per category by the default setting (zxing-cpp 3.1.1 in brackets, from the
    /// corpus README).
    static let floors: [String: Int] = [
        "blurred": 14,  // (19 of 31)
        "bright_spots": 21,  // (19 of 48)
        "brightness": 27,  // (33 of 43)
        "close": 16,  // (20 of 20)
        "curved": 16,  // (15 of 30)
        "damaged": 9,  // (9 of 25)
        "glare": 8,  // (14 of 26)
        "high_version": 14,  // (17 of 21)
        "lots": 237,  // (240 of 240)
        "monitor": 9,  // (9 of 9)
        "nominal": 30,  // (36 of 38)
        "noncompliant": 7,  // (10 of 13)
        "pathological": 3,  // (3 of 12)
        "perspective": 8,  // (13 of 18)
        "rotations": 60,  // (66 of 67)
        "shadows": 11,  // (11 of 12)
    ]

    func testBoofCVDefaultSetting() throws {
        let root = try Corpora.url("qr/boofcv/detection")
        let pictures = try BoofCVCorpus.pictures(in: root)
        XCTAssertEqual(pictures.count, 272, "corpus changed")
        XCTAssertEqual(pictures.reduce(0) { $0 + $1.polygons.count }, 653, "corpus changed")
        let decoder = QRDecoder()
        var tallies = [String: (codes: Int, read: Int, falsePositives: Int)]()
        var notes = [String]()
        for picture in pictures {
            let buffer = try ImageFile.load(path: picture.image.path)
            let results = buffer.withImage { decoder.read($0) }
            let score = BoofCVCorpus.score(reported: results.map(\.corners), polygons: picture.polygons)
            var t = tallies[picture.category, default: (0, 0, 0)]
            t.codes += picture.polygons.count
            t.read += score.matched
            t.falsePositives += score.falsePositives
            tallies[picture.category] = t
            if score.falsePositives > 0 {
                notes.append("FALSE POSITIVE \(picture.category)/\(picture.image.lastPathComponent): "
                             + results.map(\.text.debugDescription).joined(separator: ", "))
            }
        }
        print("| category | codes | located (ours) | zxing-cpp | floor | false positives |")
        print("|---|---|---|---|---|---|")
        var total = (codes: 0, read: 0, falsePositives: 0)
        for category in tallies.keys.sorted() {
            guard let t = tallies[category] else { continue }
            let floor = Self.floors[category] ?? 0
            let reference = BoofCVCorpus.zxingCpp[category].map { "\($0.read)" } ?? "–"
            print("| \(category) | \(t.codes) | \(t.read) | \(reference) | \(floor) | \(t.falsePositives) |")
            total.codes += t.codes; total.read += t.read; total.falsePositives += t.falsePositives
            XCTAssertGreaterThanOrEqual(t.read, floor, "\(category): located fewer codes than the floor")
        }
        print("| total | \(total.codes) | \(total.read) | 534 | \(Self.floors.values.reduce(0, +)) | \(total.falsePositives) |")
        for n in notes { print(n) }
        XCTAssertEqual(Set(tallies.keys), Set(Self.floors.keys), "categories changed")
        XCTAssertEqual(total.falsePositives, 0, "codes reported outside every annotated polygon")
    }

    /// The scoring itself: centroid inside, each polygon once, outside = false positive.
    func testScoringRule() throws {
        let square = [Point(0, 0), Point(10, 0), Point(10, 10), Point(0, 10)]
        let other = [Point(20, 0), Point(30, 0), Point(30, 10), Point(20, 10)]
        let inside = [Point(2, 2), Point(8, 2), Point(8, 8), Point(2, 8)]
        let outside = [Point(12, 2), Point(18, 2), Point(18, 8), Point(12, 8)]
        let s = BoofCVCorpus.score(reported: [inside, inside, outside], polygons: [square, other])
        XCTAssertEqual(s, BoofCVCorpus.Score(matched: 1, falsePositives: 1))
        // Clockwise or counter-clockwise outlines score alike.
        XCTAssertTrue(BoofCVCorpus.contains(square.reversed(), Point(5, 5)))
        XCTAssertFalse(BoofCVCorpus.contains(square, Point(-1, 5)))
    }

    func testAnnotationLayouts() throws {
        let single = try BoofCVCorpus.parse("# c\n1 2\n3 4\n5 6\n7 8\n", file: "a")
        XCTAssertEqual(single, [[Point(1, 2), Point(3, 4), Point(5, 6), Point(7, 8)]])
        let sets = try BoofCVCorpus.parse("# c\nSETS\n1 2 3 4 5 6 7 8\n9 10 11 12 13 14 15 16\n", file: "b")
        XCTAssertEqual(sets.count, 2)
        XCTAssertThrowsError(try BoofCVCorpus.parse("# only a comment\n", file: "c"))
        XCTAssertThrowsError(try BoofCVCorpus.parse("1 two\n", file: "d"))
    }
}
