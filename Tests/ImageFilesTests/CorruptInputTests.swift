import Foundation
import XCTest
import Imaging
import TestSupport
@testable import ImageFiles

/// Bad files of every kind end in a typed error that names the problem — never a crash, never a
/// half-invented image.
final class CorruptInputTests: XCTestCase {
    private func corpusPNG() throws -> [UInt8] {
        try [UInt8](Data(contentsOf: Corpora.url("qr/zxing/qrcode-1/1.png")))
    }

    func expect(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line,
                        _ check: (ImageFileError) -> Bool) {
        do {
            let image = try ImageFile.decode(bytes)
            XCTFail("decoded a \(image.width)×\(image.height) image from bad input", file: file, line: line)
        } catch {
            XCTAssertTrue(check(error), "unexpected error: \(error)", file: file, line: line)
            XCTAssertFalse(error.description.isEmpty, file: file, line: line)
        }
    }

    func testEmptyAndUnknownData() {
        expect([]) { $0 == .empty }
        expect(Array("GIF89a....".utf8)) { if case .unknownFormat(let magic) = $0 { magic.count == 8 } else { false } }
        expect([0x42]) { if case .unknownFormat = $0 { true } else { false } }
    }

    func testTruncatedPNGIsTruncated() throws {
        let png = try corpusPNG()
        for cut in [8, 20, 40, png.count / 2, png.count - 13] {
            expect(Array(png.prefix(cut))) {
                if case .truncated(.png, _) = $0 { true } else if case .corrupt(.png, _) = $0 { cut <= 40 } else { false }
            }
        }
        expect(Array(png.prefix(png.count / 2))) { if case .truncated(.png, _) = $0 { true } else { false } }
    }

    func testPNGWithBadCRCIsCorrupt() throws {
        var png = try corpusPNG()
        png[29] ^= 0xFF // inside the IHDR CRC
        expect(png) { if case .corrupt(.png, let detail) = $0 { !detail.isEmpty } else { false } }
    }

    func testPNGHeaderAskingForHugeImageIsRefusedBeforeAllocating() {
        // A valid header for 60000 × 60000 8-bit grey, an empty IDAT, IEND.
        let png = PNGBuilder.signature + PNGBuilder.ihdr(width: 60000, height: 60000, bitDepth: 8, colorType: 0)
            + PNGBuilder.chunk("IDAT", []) + PNGBuilder.chunk("IEND", [])
        expect(png) { $0 == .tooLarge(.png, width: 60000, height: 60000) }
    }

    func testTruncatedJPEGIsTruncated() throws {
        let jpeg = try ImageFile.encode(CodecRoundTripTests.pattern(width: 160, height: 120), as: .jpeg)
        expect(Array(jpeg.prefix(jpeg.count * 2 / 3))) { if case .truncated(.jpeg, _) = $0 { true } else { false } }
        expect(Array(jpeg.prefix(4))) {
            if case .truncated(.jpeg, _) = $0 { true } else if case .corrupt(.jpeg, _) = $0 { true } else { false }
        }
    }

    func testJPEGWithGarbageIsCorrupt() throws {
        var jpeg = try ImageFile.encode(CodecRoundTripTests.pattern(width: 160, height: 120), as: .jpeg)
        for i in 3..<40 { jpeg[i] = 0x5A } // keeps SOI, destroys the markers after it
        expect(jpeg) { if case .corrupt(.jpeg, _) = $0 { true } else { false } }
    }

    func testTruncatedPGMIsTruncated() {
        let pgm = Array("P5\n4 4\n255\n".utf8) + [UInt8](repeating: 7, count: 10)
        expect(pgm) { if case .truncated(.pnm, _) = $0 { true } else { false } }
        expect(Array("P5\nfoo".utf8)) { if case .corrupt(.pnm, _) = $0 { true } else { false } }
    }

    func testMissingFileAndDirectoryAreUnreadable() {
        XCTAssertThrowsError(try ImageFile.load(path: "/nonexistent/frame.png")) { error in
            XCTAssertEqual(error as? ImageFileError, .unreadable(path: "/nonexistent/frame.png", reason: "no such file"))
        }
        XCTAssertThrowsError(try ImageFile.load(path: NSTemporaryDirectory())) { error in
            guard case .unreadable(_, "is a directory") = error as? ImageFileError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try ImageFile.writePNG(GrayBuffer(width: 2, height: 2), to: "/nonexistent/dir/x.png")) { error in
            guard case .unwritable = error as? ImageFileError else { return XCTFail("\(error)") }
        }
    }

    /// Seeded random damage to real files: every outcome is an image or a typed error.
    func testRandomlyDamagedFilesNeverCrash() throws {
        let originals = [
            try corpusPNG(),
            try ImageFile.encode(CodecRoundTripTests.pattern(width: 96, height: 64), as: .jpeg),
            try ImageFile.encode(CodecRoundTripTests.pattern(width: 96, height: 64), as: .png),
        ]
        var rng = SeededRNG(seed: 0x7E57)
        var decoded = 0, rejected = 0
        for round in 0..<600 {
            var bytes = originals[round % originals.count]
            switch rng.next() % 3 {
            case 0: // flip a few bytes
                for _ in 0..<(1 + Int(rng.next() % 8)) { bytes[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1) }
            case 1: // cut
                bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
            default: // splice random bytes in the middle
                let at = Int(rng.next() % UInt64(bytes.count))
                bytes.insert(contentsOf: (0..<16).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
            }
            do {
                let image = try ImageFile.decode(bytes)
                XCTAssertEqual(image.pixels.count, image.width * image.height)
                decoded += 1
            } catch {
                XCTAssertFalse(error.description.isEmpty)
                rejected += 1
            }
        }
        print("damaged files: \(decoded) still decoded, \(rejected) rejected with a typed error")
        XCTAssertGreaterThan(rejected, 300)
    }
}


extension CorruptInputTests {
    /// A 19-byte plain PGM promising 32768×32768 pixels must be refused, not sized in memory.
    func testHollowPlainPGMIsRefusedWithoutAllocating() {
        expect(Array("P2\n32768 32768\n255\n1 2 3\n".utf8)) { if case .tooLarge(.pnm, 32768, 32768) = $0 { true } else { false } }
        expect(Array("P2\n3000 2000\n255\n1 2 3\n".utf8)) { if case .truncated(.pnm, _) = $0 { true } else { false } }
        expect(Array("P3\n# comment\n2 1\n255\n1 2 3 4 5\n".utf8)) { if case .truncated(.pnm, _) = $0 { true } else { false } }
        XCTAssertEqual(try ImageFile.decode(Array("P2\n# c\n2 1\n255\n0 255\n".utf8)).pixels, [0, 255])
    }
}
