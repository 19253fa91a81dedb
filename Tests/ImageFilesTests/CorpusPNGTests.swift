import Foundation
import XCTest
import Imaging
import TestSupport
@testable import ImageFiles

/// The PNG reader against the reference PGMs, which were made from the same PNGs with BT.601 luma
/// and alpha over white: the decoder must see the same pixels whichever file it is given.
final class CorpusPNGTests: XCTestCase {
    func testEveryCorpusPNGDecodesToItsReferencePGM() throws {
        let pngRoot = try Corpora.url("qr/zxing")
        let pgmRoot = try Corpora.url("qr/pgm/zxing")
        let fm = FileManager.default
        var compared = 0, exact = 0, worst = 0
        for folder in try fm.contentsOfDirectory(atPath: pngRoot.path).sorted() where !folder.hasPrefix(".") {
            let dir = pngRoot.appendingPathComponent(folder)
            guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".png") {
                let stem = String(name.dropLast(4))
                let png = try ImageFile.load(path: dir.appendingPathComponent(name).path)
                let reference = try ImageFile.load(path: pgmRoot.appendingPathComponent("\(folder)/\(stem).pgm").path)
                XCTAssertEqual(png.width, reference.width, "\(folder)/\(name) width")
                XCTAssertEqual(png.height, reference.height, "\(folder)/\(name) height")
                guard png.width == reference.width, png.height == reference.height else { continue }
                var fileWorst = 0
                for i in png.pixels.indices {
                    fileWorst = max(fileWorst, abs(Int(png.pixels[i]) - Int(reference.pixels[i])))
                }
                XCTAssertLessThanOrEqual(fileWorst, 1, "\(folder)/\(name) differs from its PGM by up to \(fileWorst)")
                worst = max(worst, fileWorst)
                if fileWorst == 0 { exact += 1 }
                compared += 1
            }
        }
        print("PNG vs reference PGM: \(compared) images, \(exact) pixel-identical, worst difference \(worst)")
        XCTAssertEqual(compared, 180, "expected the 180 zxing PNGs (179 + multi-qrcode-1)")
    }
}
