import XCTest
import Imaging
@testable import QRCode

/// Encoder → renderer → degradation → ``QRDecoder``: the reader on frames like a kiosk sees.
final class EndToEndTests: XCTestCase {
    let decoder = QRDecoder()

    func symbol(_ text: String, minVersion: Int = 4, ec: ErrorCorrectionLevel = .M) throws -> QRSymbol {
        try QREncoder.encode(text, ecLevel: ec, minVersion: minVersion)
    }

    /// A 640×480 grey frame with `symbol` rendered into `quad`.
    func frame(_ symbol: QRSymbol, quad: Quad, width: Int = 640, height: Int = 480, background: UInt8 = 200) -> GrayBuffer {
        var f = GrayBuffer(width: width, height: height, fill: background)
        Synthesis.place(symbol.render(moduleSize: 4, quietZone: 4), into: &f, quad: quad)
        return f
    }

    func read(_ image: GrayBuffer, _ d: QRDecoder? = nil) -> [QRResult] {
        image.withImage { (d ?? decoder).read($0) }
    }

    func testReadsAtEveryRotation() throws {
        let s = try symbol("THRESHOLD-PASS-0001")
        for degrees in stride(from: 0.0, to: 360.0, by: 15.0) {
            let q = Synthesis.quad(center: Point(320, 240), width: 260, height: 260, degrees: degrees)
            let results = read(frame(s, quad: q))
            XCTAssertEqual(results.map(\.text), ["THRESHOLD-PASS-0001"], "rotation \(degrees)°")
            if let r = results.first {
                XCTAssertEqual(r.version, 4); XCTAssertEqual(r.ecLevel, .M); XCTAssertFalse(r.mirrored)
                // The symbol's own top-left corner (inside the 4-module quiet zone of the render).
                let inner = Synthesis.quad(center: Point(320, 240), width: 260 * 33 / 41, height: 260 * 33 / 41, degrees: degrees)
                XCTAssertLessThan(r.corners[0].distance(to: inner.topLeft), 4, "TL corner at \(degrees)°")
                XCTAssertLessThan(r.corners[2].distance(to: inner.bottomRight), 4, "BR corner at \(degrees)°")
            }
        }
    }

    func testPerspectiveTiltAndScale() throws {
        let s = try symbol("https://example.org/p/42?sig=abcdef", minVersion: 5)
        for (size, tilt, degrees) in [(180.0, 0.25, 10.0), (300.0, 0.3, -30.0), (140.0, 0.15, 100.0), (420.0, 0.2, 200.0)] {
            let q = Synthesis.quad(center: Point(320, 240), width: size, height: size, degrees: degrees, tilt: tilt)
            XCTAssertEqual(read(frame(s, quad: q)).map(\.text), ["https://example.org/p/42?sig=abcdef"], "size \(size) tilt \(tilt) rot \(degrees)")
        }
    }

    func testNoisyBlurredLowContrastGlareMoire() throws {
        let s = try symbol("DEGRADED 123")
        let base = frame(s, quad: Synthesis.quad(center: Point(300, 250), width: 220, height: 220, degrees: 7))
        let cases: [(String, GrayBuffer)] = [
            ("noise", Synthesis.addNoise(base, sigma: 18, seed: 1)),
            ("blur", Synthesis.gaussianBlur(base, sigma: 1.2)),
            ("low contrast", Synthesis.addNoise(Synthesis.reduceContrast(base, low: 70, high: 160), sigma: 4, seed: 2)),
            ("glare", Synthesis.glare(base, center: Point(330, 230), radius: 200, strength: 170)),
            ("moire", Synthesis.moire(base, period: 5.5, amplitude: 0.35, degrees: 20)),
        ]
        for (name, image) in cases {
            XCTAssertEqual(read(image).map(\.text), ["DEGRADED 123"], name)
        }
        // 50 grey levels of contrast: only the try-harder binarizer setting (flat limit 12).
        let dim = Synthesis.addNoise(Synthesis.reduceContrast(base, low: 100, high: 150), sigma: 4, seed: 2)
        XCTAssertEqual(read(dim, QRDecoder(options: .init(tryHarder: true))).map(\.text), ["DEGRADED 123"], "very low contrast")
    }

    func testInvertedAndMirrored() throws {
        let s = try symbol("DARK MODE")
        let base = frame(s, quad: Synthesis.quad(center: Point(320, 240), width: 240, height: 240, degrees: 20))
        XCTAssertEqual(read(Synthesis.invert(base)).map(\.text), ["DARK MODE"])
        XCTAssertTrue(read(Synthesis.invert(base), QRDecoder(options: .init(tryInverted: false))).isEmpty)
        let mirrored = read(Synthesis.mirror(base))
        XCTAssertEqual(mirrored.map(\.text), ["DARK MODE"])
        XCTAssertEqual(mirrored.first?.mirrored, true)
    }

    func testSeveralCodesInOneFrame() throws {
        var f = GrayBuffer(width: 1280, height: 720, fill: 210)
        let texts = ["FIRST", "SECOND", "THIRD", "FOURTH"]
        let centres = [Point(250, 200), Point(900, 180), Point(300, 540), Point(1000, 520)]
        for (i, t) in texts.enumerated() {
            let q = Synthesis.quad(center: centres[i], width: 200, height: 200, degrees: Double(i) * 25)
            Synthesis.place(try symbol(t, minVersion: 2).render(moduleSize: 4, quietZone: 4), into: &f, quad: q)
        }
        XCTAssertEqual(Set(read(f).map(\.text)), Set(texts))
        XCTAssertEqual(read(f, QRDecoder(options: .init(maxCodes: 2))).count, 2)
    }

    /// Sixty codes in one frame (10 × 6, a sheet of tickets): every one is read. The old fixed
    /// caps (8 codes, the 16 most-confirmed finder patterns, 12 attempts) read at most 8.
    func testSixtyCodesInOneFrame() throws {
        var f = GrayBuffer(width: 1600, height: 960, fill: 215)
        var texts = Set<String>()
        for row in 0..<6 {
            for column in 0..<10 {
                let text = "TICKET-\(row)-\(column)"
                texts.insert(text)
                let q = Synthesis.quad(center: Point(80 + Double(column) * 160, 80 + Double(row) * 160), width: 130, height: 130,
                                       degrees: Double((row * 10 + column) % 7) * 4)
                Synthesis.place(try symbol(text, minVersion: 1).render(moduleSize: 4, quietZone: 2), into: &f, quad: q)
            }
        }
        let results = read(f)
        XCTAssertEqual(Set(results.map(\.text)), texts)
        XCTAssertEqual(results.count, 60, "each code once")
    }

    func testLargeVersionsUseVersionInformation() throws {
        let text = String(repeating: "VERSION INFORMATION 0123456789 ", count: 12)
        for v in [7, 10, 15] {
            let s = try QREncoder.encode(text, ecLevel: .L, minVersion: v)
            let side = Double((s.modules.width + 8) * 3)
            var f = GrayBuffer(width: 800, height: 700, fill: 220)
            Synthesis.place(s.render(moduleSize: 3, quietZone: 4), into: &f, quad: Synthesis.quad(center: Point(400, 350), width: side, height: side, degrees: 5, tilt: 0.1))
            let r = read(f)
            XCTAssertEqual(r.map(\.text), [text], "version \(s.version)")
            XCTAssertEqual(r.first?.version, s.version)
        }
    }

    func testNothingOnBlankOrTinyFrames() {
        XCTAssertTrue(read(GrayBuffer(width: 640, height: 480, fill: 128)).isEmpty)
        XCTAssertTrue(read(GrayBuffer(width: 5, height: 3)).isEmpty)
        XCTAssertTrue(read(GrayBuffer(width: 0, height: 0)).isEmpty)
        XCTAssertTrue(read(Synthesis.addNoise(GrayBuffer(width: 320, height: 240, fill: 128), sigma: 60, seed: 3)).isEmpty)
    }
}
