import Foundation
import ImageFiles
import Imaging
import Markup
import Policy
import QRCode
import VenuePoster
import XCTest

/// The poster made from real venue files: the PNG, written and read back through libpng, decodes
/// with our own reader to the venue code at level H; the quiet zone is clear; the SVG is
/// well-formed XML whose path redraws exactly the symbol's modules and whose texts are the venue's.
final class VenuePosterTests: XCTestCase {
    func testPNGDecodesToTheVenueCodeAtLevelH() throws {
        for name in ["hospital", "mall", "metro", "government"] {
            let venue = try PosterFixtures.bundled(name)
            let poster = try VenuePoster(venue: venue)
            let raster = poster.raster()
            XCTAssertEqual(raster.omitted, [], name)
            let png = try ImageFile.encode(raster.image, as: .png)
            let decoded = try ImageFile.decode(png)
            XCTAssertEqual(decoded, raster.image)
            let results = decoded.withImage { QRDecoder().read($0) }
            XCTAssertEqual(results.map(\.text), [poster.code.text], name)
            XCTAssertEqual(results.first?.ecLevel, .H, name)
            XCTAssertEqual(try VenueCode.parse(XCTUnwrap(results.first?.text)), VenueCode(id: venue.id, name: venue.name))
        }
    }

    func testQuietZoneIsBackgroundAndModulesAreAtLeastEightPixels() throws {
        let poster = try VenuePoster(venue: PosterFixtures.bundled("hospital"), moduleSize: 8)
        let image = poster.raster().image
        let l = poster.layout, m = l.moduleSize, side = l.modules * m, q = l.quietZone * m
        XCTAssertGreaterThanOrEqual(m, 8)
        XCTAssertGreaterThanOrEqual(l.quietZone, 4)
        var dark = 0
        for y in (l.symbolY - q)..<(l.symbolY + side + q) {
            for x in (l.symbolX - q)..<(l.symbolX + side + q) {
                let inside = x >= l.symbolX && x < l.symbolX + side && y >= l.symbolY && y < l.symbolY + side
                if inside {
                    let module = poster.symbol.modules[(x - l.symbolX) / m, (y - l.symbolY) / m]
                    XCTAssertEqual(image[x, y], module ? 0 : 255)
                    if module { dark += 1 }
                } else if image[x, y] != 255 {
                    return XCTFail("quiet zone pixel (\(x), \(y)) is \(image[x, y])")
                }
            }
        }
        XCTAssertGreaterThan(dark, 0)
        XCTAssertThrowsError(try VenuePoster(venue: PosterFixtures.bundled("hospital"), moduleSize: 7)) {
            XCTAssertEqual($0 as? PosterError, .moduleSize(7))
        }
    }

    func testSVGIsWellFormedAndItsPathIsTheMatrix() throws {
        let venue = try PosterFixtures.chinese()
        let poster = try VenuePoster(venue: venue, colors: PosterColors(foreground: XCTUnwrap(PosterColor(hex: "#1a237e")), background: .white))
        let svg = poster.svg
        let elements = try SVGCollector.parse(svg)
        let paths = elements.filter { $0.name == "path" }
        XCTAssertEqual(paths.count, 1, "one path for all dark modules")
        XCTAssertEqual(elements.filter { $0.name == "rect" }.count, 1, "only the background rectangle")
        XCTAssertEqual(paths[0].attributes["fill"], "#1a237e")
        XCTAssertEqual(paths[0].attributes["transform"],
                       "translate(\(poster.layout.symbolX) \(poster.layout.symbolY)) scale(\(poster.layout.moduleSize))")
        XCTAssertEqual(try rasterise(XCTUnwrap(paths[0].attributes["d"]), size: poster.symbol.modules.width), poster.symbol.modules)
        let texts = elements.filter { $0.name == "text" }.map(\.text)
        XCTAssertEqual(texts, [venue.name, venue.address, "Venue code: xuhui-library"])
        XCTAssertEqual(elements.first { $0.name == "title" }?.text, venue.name)
        // The PNG cannot draw the Chinese lines and says so; its code still reads.
        let raster = poster.raster()
        XCTAssertEqual(raster.omitted, [venue.name, venue.address])
        XCTAssertEqual(raster.image.withImage { QRDecoder().read($0) }.map(\.text), [poster.code.text])
    }

    /// The PNG holds exactly two greys — the colours' luminance equivalents — and their own
    /// contrast (what the printed page shows) is at least 4.5:1; the code still reads.
    func testPNGGreysKeepTheContrast() throws {
        let navy = try XCTUnwrap(PosterColor(hex: "#1a237e")), cream = try XCTUnwrap(PosterColor(hex: "#fff8e1"))
        let poster = try VenuePoster(venue: PosterFixtures.bundled("metro"), colors: PosterColors(foreground: navy, background: cream))
        let image = poster.raster().image
        let greys = Set(image.pixels)
        XCTAssertEqual(greys, [navy.greyEquivalent, cream.greyEquivalent])
        let ratio = contrastRatio(PosterColor(grey: navy.greyEquivalent), PosterColor(grey: cream.greyEquivalent))
        XCTAssertGreaterThanOrEqual(ratio, 4.5)
        XCTAssertEqual(ratio, contrastRatio(navy, cream), accuracy: 0.1)
        XCTAssertEqual(image.withImage { QRDecoder().read($0) }.map(\.text), [poster.code.text])
        XCTAssertTrue(poster.svg.contains("fill=\"#fff8e1\""))
    }

    func testEscapingKeepsAnyNameWellFormed() throws {
        let escaped = Markup.escape("a<b>&\"c\"'\u{01}徐")
        XCTAssertEqual(escaped, "a&lt;b&gt;&amp;&quot;c&quot;&#39;\u{FFFD}徐")
        _ = try SVGCollector.parse("<t>\(escaped)</t>")
    }

    /// Redraws `M x,y h n v1 h-n z` runs into a matrix; any other command fails the test.
    private func rasterise(_ d: String, size: Int) throws -> BitMatrix {
        var matrix = BitMatrix(dimension: size)
        let runs = d.split(separator: "M")
        for run in runs {
            let parts = run.split(whereSeparator: { ",hvz".contains($0) })
            guard parts.count == 5, let x = Int(parts[0]), let y = Int(parts[1]), let n = Int(parts[2]),
                  parts[3] == "1", Int(parts[4]) == -n, run.hasSuffix("z") else {
                struct BadRun: Error { let run: Substring }; throw BadRun(run: run)
            }
            for i in x..<(x + n) {
                XCTAssertFalse(matrix[i, y], "module (\(i), \(y)) drawn twice")
                matrix[i, y] = true
            }
        }
        return matrix
    }
}
