import Foundation
import XCTest
import Imaging
@testable import ImageFiles

final class CodecRoundTripTests: XCTestCase {
    /// A gradient with a sharp-edged square: smooth and hard detail, odd sizes (not multiples of 8).
    static func pattern(width: Int = 67, height: Int = 45) -> GrayBuffer {
        var image = GrayBuffer(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width { image[x, y] = UInt8((x * 255) / max(1, width - 1)) }
        }
        for y in 10..<30 { for x in 20..<40 { image[x, y] = 0 } }
        return image
    }

    func testSniffTellsFormatsByMagicBytes() {
        XCTAssertEqual(ImageFormat.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]), .png)
        XCTAssertEqual(ImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0]), .jpeg)
        XCTAssertEqual(ImageFormat.sniff(Array("P5\n".utf8)), .pnm)
        XCTAssertEqual(ImageFormat.sniff(Array("P6\n".utf8)), .pnm)
        XCTAssertNil(ImageFormat.sniff(Array("P7\n".utf8)))
        XCTAssertNil(ImageFormat.sniff(Array("GIF89a".utf8)))
        XCTAssertNil(ImageFormat.sniff([0x89, 0x50]))
        XCTAssertEqual(ImageFormat.forWriting(path: "a/b.PNG"), .png)
        XCTAssertEqual(ImageFormat.forWriting(path: "x.jpeg"), .jpeg)
        XCTAssertEqual(ImageFormat.forWriting(path: "x.pgm"), .pnm)
        XCTAssertNil(ImageFormat.forWriting(path: "x.gif"))
    }

    func testPNGRoundTripIsLossless() throws {
        let image = Self.pattern()
        let bytes = try ImageFile.encode(image, as: .png)
        XCTAssertEqual(ImageFormat.sniff(bytes), .png)
        XCTAssertEqual(try ImageFile.decode(bytes), image)
    }

    func testPGMRoundTripIsLossless() throws {
        let image = Self.pattern()
        let bytes = try ImageFile.encode(image, as: .pnm)
        XCTAssertEqual(ImageFormat.sniff(bytes), .pnm)
        XCTAssertEqual(try ImageFile.decode(bytes), image)
    }

    func testJPEGRoundTripStaysClose() throws {
        let image = Self.pattern()
        let bytes = try ImageFile.encode(image, as: .jpeg, jpegQuality: 95)
        XCTAssertEqual(ImageFormat.sniff(bytes), .jpeg)
        let back = try ImageFile.decode(bytes)
        XCTAssertEqual(back.width, image.width)
        XCTAssertEqual(back.height, image.height)
        var total = 0
        for i in image.pixels.indices { total += abs(Int(back.pixels[i]) - Int(image.pixels[i])) }
        let mean = Double(total) / Double(image.pixels.count)
        XCTAssertLessThan(mean, 3.0, "quality-95 JPEG should be close to the original (mean error \(mean))")
        XCTAssertNotEqual(back, GrayBuffer(width: image.width, height: image.height, fill: back.pixels[0]), "not a flat image")
    }

    func testWritesFilesByExtensionAndReadsThemBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("imagefiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let image = Self.pattern()
        let png = dir.appendingPathComponent("a.png").path
        let pgm = dir.appendingPathComponent("a.pgm").path
        let jpg = dir.appendingPathComponent("a.jpg").path
        try ImageFile.writePNG(image, to: png)
        try ImageFile.writePGM(image, to: pgm)
        try ImageFile.writeJPEG(image, to: jpg, quality: 90)
        XCTAssertEqual(try ImageFile.load(path: png), image)
        XCTAssertEqual(try ImageFile.load(path: pgm), image)
        XCTAssertEqual(try ImageFile.load(path: jpg).width, image.width)
        // A PNG saved under a .jpg name is still read as PNG: the magic decides.
        let misnamed = dir.appendingPathComponent("really-png.jpg").path
        try FileManager.default.copyItem(atPath: png, toPath: misnamed)
        XCTAssertEqual(try ImageFile.load(path: misnamed), image)
        try ImageFile.write(image, to: dir.appendingPathComponent("b.pgm").path)
        XCTAssertEqual(try ImageFile.load(path: dir.appendingPathComponent("b.pgm").path), image)
        XCTAssertThrowsError(try ImageFile.write(image, to: dir.appendingPathComponent("b.gif").path)) { error in
            guard case .unwritable = error as? ImageFileError else { return XCTFail("\(error)") }
        }
    }

    func testEmptyImagesCannotBeEncodedAsPNGOrJPEG() {
        let empty = GrayBuffer(width: 0, height: 0)
        for format in [ImageFormat.png, .jpeg] {
            XCTAssertThrowsError(try ImageFile.encode(empty, as: format)) { error in
                guard case .unsupported(format, _) = error as? ImageFileError else { return XCTFail("\(error)") }
            }
        }
    }
}

extension CodecRoundTripTests {
    /// Hand-made PNGs of the kinds the corpus lacks: 16-bit grey with no gamma chunk (read as
    /// sRGB, like every 8-bit file), 16-bit RGB, and grey + alpha composited over white.
    func testUnusualPNGLayouts() throws {
        let grey16 = PNGBuilder.file(width: 3, height: 1, bitDepth: 16, colorType: 0, rows: [[0x00, 0x00, 0x80, 0x80, 0xFF, 0xFF]])
        XCTAssertEqual(try ImageFile.decode(grey16).pixels, [0, 128, 255])

        let rgb16 = PNGBuilder.file(width: 1, height: 1, bitDepth: 16, colorType: 2, rows: [[0xFF, 0xFF, 0, 0, 0, 0]])
        XCTAssertEqual(try ImageFile.decode(rgb16).pixels, [76], "pure red → BT.601 luma 0.299 × 255")

        // Grey 0 at alpha 0, 128 and 255: white, half-way, black.
        let greyAlpha = PNGBuilder.file(width: 3, height: 1, bitDepth: 8, colorType: 4, rows: [[0, 0, 0, 128, 0, 255]])
        let pixels = try ImageFile.decode(greyAlpha).pixels
        XCTAssertEqual(pixels[0], 255)
        XCTAssertEqual(Int(pixels[1]), 127, accuracy: 1)
        XCTAssertEqual(pixels[2], 0)

        let bits1 = PNGBuilder.file(width: 10, height: 1, bitDepth: 1, colorType: 0, rows: [[0b1010_0000, 0b0100_0000]])
        XCTAssertEqual(try ImageFile.decode(bits1).pixels, [255, 0, 255, 0, 0, 0, 0, 0, 0, 255])
    }
}
