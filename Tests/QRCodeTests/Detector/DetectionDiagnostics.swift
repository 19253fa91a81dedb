import XCTest
import Foundation
import Imaging
import TestSupport
@testable import QRCode

/// Detection-only statistics on the corpus (prints; asserts only that most images yield a triple).
final class DetectionDiagnosticsTests: XCTestCase {
    func testFinderTriplesOnCorpus() throws {
        let root = try Corpora.url("qr/pgm/zxing")
        var withTriple = 0, total = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let dir = root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where file.hasSuffix(".pgm") {
                let image = try PNM.decode(Array(try Data(contentsOf: dir.appendingPathComponent(file))))
                var grid = ThresholdGrid()
                let found: (Int, [FinderPatternTriple], [Int]) = image.withImage { img in
                    AdaptiveBinarizer().binarize(img, into: &grid)
                    return grid.thresholds.withUnsafeBufferPointer { t in
                        let view = BinaryView(image: img, thresholds: t.baseAddress!, blocksWide: grid.blocksWide, inverted: false)
                        var row = [UInt8](repeating: 0, count: img.width)
                        return row.withUnsafeMutableBufferPointer { rb in
                            var finder = FinderPatternFinder(view: view)
                            let c = finder.find(rowBuffer: rb.baseAddress!)
                            let triples = FinderPatternSelector.triples(from: c)
                            let dims = triples.prefix(1).flatMap { Detector.geometries(view, $0).map(\.dimension) }
                            return (c.count, triples, dims)
                        }
                    }
                }
                total += 1
                if !found.1.isEmpty { withTriple += 1 }
                if ProcessInfo.processInfo.environment["QR_DIAG"] != nil {
                    print("\(folder)/\(file): candidates \(found.0) triples \(found.1.count) dims \(found.2)")
                }
            }
        }
        print("images with a triple: \(withTriple)/\(total)")
        XCTAssertGreaterThan(withTriple, total * 3 / 4)
    }
}
