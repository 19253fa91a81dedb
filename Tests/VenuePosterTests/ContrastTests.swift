import VenuePoster
import XCTest

/// WCAG contrast on known values, and the poster refusing a pair below 4.5:1.
final class ContrastTests: XCTestCase {
    func testKnownRatios() throws {
        XCTAssertEqual(contrastRatio(.black, .white), 21, accuracy: 1e-9)
        XCTAssertEqual(contrastRatio(.white, .black), 21, accuracy: 1e-9)
        XCTAssertEqual(contrastRatio(.white, .white), 1, accuracy: 1e-9)
        let grey77 = try XCTUnwrap(PosterColor(hex: "#777"))
        XCTAssertEqual(contrastRatio(grey77, .white), 4.48, accuracy: 0.005)
        // #767676 is the lightest grey that passes on white (4.54:1).
        XCTAssertEqual(contrastRatio(try XCTUnwrap(PosterColor(hex: "767676")), .white), 4.54, accuracy: 0.005)
        XCTAssertEqual(PosterColor(hex: "#1a2B3c"), PosterColor(red: 0x1A, green: 0x2B, blue: 0x3C))
        XCTAssertNil(PosterColor(hex: "#12345"))
        XCTAssertNil(PosterColor(hex: "#gg0000"))
        XCTAssertNil(PosterColor(hex: "+1234567"))
    }

    func testLowContrastAndLightOnDarkAreRefused() throws {
        let grey77 = try XCTUnwrap(PosterColor(hex: "#777777"))
        XCTAssertThrowsError(try PosterColors(foreground: grey77, background: .white)) { error in
            guard case PosterError.insufficientContrast(let ratio, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ratio, 4.48, accuracy: 0.01)
            XCTAssertTrue("\(error)".contains("4.47:1") || "\(error)".contains("4.48:1"), "\(error)")
        }
        XCTAssertThrowsError(try PosterColors(foreground: .white, background: .black)) { error in
            guard case PosterError.lightOnDark = error else { return XCTFail("\(error)") }
        }
        let navy = try PosterColors(foreground: XCTUnwrap(PosterColor(hex: "#1a237e")), background: .white)
        XCTAssertGreaterThan(navy.contrast, 4.5)
    }

    /// The PNG draws greys with the colours' luminance, so its contrast matches the SVG's.
    func testGreyEquivalentKeepsContrast() throws {
        for hex in ["#1a237e", "#b71c1c", "#2e7d32", "#767676"] {
            let colour = try XCTUnwrap(PosterColor(hex: hex))
            let grey = PosterColor(grey: colour.greyEquivalent)
            XCTAssertEqual(contrastRatio(grey, .white), contrastRatio(colour, .white), accuracy: 0.05, hex)
        }
        XCTAssertEqual(PosterColor.black.greyEquivalent, 0)
        XCTAssertEqual(PosterColor.white.greyEquivalent, 255)
    }
}
