import XCTest
import Imaging
import QRCode
@testable import ZBarReader

/// zbar on codes made by our encoder: the wrapper must hand back exactly what was encoded, with
/// corners where the symbol really is, across versions, levels and poses.
final class RenderedCodeTests: XCTestCase {
    func testReadsEveryLevelAcrossVersions() throws {
        let reader = ZBarReader()
        for version in [1, 2, 5, 7, 10, 15, 25] {
            for level in ErrorCorrectionLevel.allCases {
                let text = "v\(version)-\(level.rawValue) " + String(repeating: "0123456789ABCDEF", count: version)
                let symbol = try QREncoder.encode(text, ecLevel: level, minVersion: version)
                XCTAssertGreaterThanOrEqual(symbol.version, version)
                let image = symbol.render(moduleSize: 4, quietZone: 4)
                let results = image.withImage { reader.read($0) }
                XCTAssertEqual(results.map(\.text), [text], "version \(symbol.version) \(level)")
            }
        }
    }

    /// An upright render: the corners are the symbol's own corners, TL, TR, BR, BL.
    func testCornersOfAnUprightCodeAreTheSymbolCorners() throws {
        let symbol = try QREncoder.encode("corner check", ecLevel: .M)
        let module = 8, quiet = 4
        let image = symbol.render(moduleSize: module, quietZone: quiet)
        let result = try XCTUnwrap(image.withImage { ZBarReader().read($0) }.first)
        let lo = Double(quiet * module), hi = Double((quiet + symbol.modules.width) * module)
        let truth = [Point(lo, lo), Point(hi, lo), Point(hi, hi), Point(lo, hi)]
        for (corner, expected) in zip(result.corners, truth) {
            XCTAssertLessThan(corner.distance(to: expected), Double(module), "\(corner) vs \(expected)")
        }
    }

    /// Placed at an angle in a camera-sized frame, the reading-order top-left corner is where the
    /// symbol's top-left went.
    func testRotatedPlacementKeepsReadingOrder() throws {
        let symbol = try QREncoder.encode("turned pass", ecLevel: .Q)
        let code = symbol.render(moduleSize: 6, quietZone: 0)
        for degrees in [0.0, 30, 90, 160, 250] {
            var frame = GrayBuffer(width: 640, height: 480)
            let quad = Synthesis.quad(center: Point(320, 240), width: 200, height: 200, degrees: degrees)
            Synthesis.place(code, into: &frame, quad: quad)
            let result = try XCTUnwrap(frame.withImage { ZBarReader().read($0) }.first, "\(degrees)°")
            XCTAssertEqual(result.text, "turned pass")
            for (corner, expected) in zip(result.corners, quad.corners) {
                XCTAssertLessThan(corner.distance(to: expected), 10, "\(degrees)°: \(corner) vs \(expected)")
            }
        }
    }

    func testInvertedCodeNeedsTestInverted() throws {
        let code = Synthesis.invert(try QREncoder.encode("dark mode", ecLevel: .M).render(moduleSize: 5))
        XCTAssertEqual(code.withImage { ZBarReader().read($0) }, [])
        XCTAssertEqual(code.withImage { ZBarReader(testInverted: true).read($0) }.map(\.text), ["dark mode"])
    }

    /// Our decoder and zbar on the same rendered frame agree code for code.
    func testCrossCheckAgreesWithOurDecoderOnRenderedFrames() throws {
        var frame = GrayBuffer(width: 640, height: 480, fill: 200)
        for (i, x) in [160.0, 470].enumerated() {
            let code = try QREncoder.encode("door \(i)", ecLevel: .M).render(moduleSize: 6, quietZone: 4)
            Synthesis.place(code, into: &frame, quad: Synthesis.quad(center: Point(x, 240), width: 220, height: 220, degrees: Double(i) * 20))
        }
        let report = frame.withImage { CrossCheck(ours: QRDecoder()).run($0) }
        XCTAssertEqual(report.agree, 2, "\(report.outcomes)")
        XCTAssertEqual(report.outcomes.count, 2)
    }
}
