import XCTest
import Foundation
import Imaging
import TestSupport
@testable import QRCode

/// The ZXing blackbox photos, byte for byte, and the false-positive photos.
///
/// A wrong text is worse than a miss: misreads are counted separately and must be 0. The floor
/// is the best total reached so far; raise it when the reader improves.
final class CorpusTests: XCTestCase {
    /// Best count reached (of 183 codes) with try-harder. zxing-cpp 3.1.1 reads 170, zbar 151.
    static let floor = 175
    /// Best count reached by the default (kiosk) setting.
    static let defaultFloor = 172

    static let harder = QRDecoder(options: .init(tryHarder: true))

    struct Tally { var read = 0, misread = 0, missed = 0, codes = 0 }

    func testZXingBlackboxByteForByte() throws {
        try runCorpus(Self.harder, floor: Self.floor)
    }

    func testZXingBlackboxDefaultSetting() throws {
        try runCorpus(QRDecoder(), floor: Self.defaultFloor)
    }

    func runCorpus(_ decoder: QRDecoder, floor: Int) throws {
        let pgmRoot = try Corpora.url("qr/pgm/zxing")
        let expectedRoot = try Corpora.url("qr/zxing")
        let fm = FileManager.default
        var rows: [(String, Tally)] = []
        var failures: [String] = []
        for folder in try fm.contentsOfDirectory(atPath: pgmRoot.path).sorted() where folder.hasPrefix("qrcode-") {
            let dir = pgmRoot.appendingPathComponent(folder)
            var tally = Tally()
            for file in try fm.contentsOfDirectory(atPath: dir.path).sorted() where file.hasSuffix(".pgm") {
                let stem = String(file.dropLast(4))
                let txt = dir.appendingPathComponent(stem + ".txt")
                let expected = Array(try Data(contentsOf: txt))
                let results = try read(dir.appendingPathComponent(file), decoder)
                tally.codes += 1
                if results.contains(where: { Array($0.text.utf8) == expected }) {
                    tally.read += 1
                } else if let wrong = results.first {
                    tally.misread += 1
                    failures.append("MISREAD \(folder)/\(file): \(wrong.text.debugDescription)")
                } else {
                    tally.missed += 1
                    failures.append("missed \(folder)/\(file)")
                }
            }
            rows.append((folder, tally))
        }
        // multi-qrcode-1: four codes in one photo, compared as an unordered set.
        let json = try Data(contentsOf: expectedRoot.appendingPathComponent("multi-qrcode-1/1.expected.json"))
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any],
              let codes = object["codes"] as? [String] else { return XCTFail("bad 1.expected.json") }
        let results = try read(pgmRoot.appendingPathComponent("multi-qrcode-1/1.pgm"), decoder)
        var multi = Tally()
        multi.codes = codes.count
        var remaining = codes.map { Array($0.utf8) }
        for r in results {
            if let i = remaining.firstIndex(of: Array(r.text.utf8)) { remaining.remove(at: i); multi.read += 1 } else {
                multi.misread += 1
                failures.append("MISREAD multi-qrcode-1/1.pgm: \(r.text.debugDescription)")
            }
        }
        multi.missed = codes.count - multi.read
        rows.append(("multi-qrcode-1", multi))

        var total = Tally()
        print("tryHarder: \(decoder.options.tryHarder)")
        print("| folder | codes | read | misread | missed |")
        print("|---|---|---|---|---|")
        for (name, t) in rows {
            print("| \(name) | \(t.codes) | \(t.read) | \(t.misread) | \(t.missed) |")
            total.codes += t.codes; total.read += t.read; total.misread += t.misread; total.missed += t.missed
        }
        print("| total | \(total.codes) | \(total.read) | \(total.misread) | \(total.missed) |")
        for f in failures { print(f) }
        XCTAssertEqual(total.codes, 183, "corpus changed")
        XCTAssertEqual(total.misread, 0, "misreads")
        XCTAssertGreaterThanOrEqual(total.read, floor, "read fewer codes than the floor")
    }

    func testFalsePositivesYieldNothing() throws {
        let dir = try Corpora.url("qr/pgm/falsepositives-1")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pgm") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 21)
        for file in files {
            let results = try read(dir.appendingPathComponent(file), Self.harder)
            XCTAssertTrue(results.isEmpty, "false positive in \(file): \(results.map(\.text))")
        }
    }

    func read(_ url: URL, _ decoder: QRDecoder) throws -> [QRResult] {
        let image = try PNM.decode(Array(try Data(contentsOf: url)))
        return image.withImage { decoder.read($0) }
    }
}
