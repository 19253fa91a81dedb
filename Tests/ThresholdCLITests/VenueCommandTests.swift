import Foundation
import TestSupport
import XCTest

/// `threshold venue poster`, run as the built binary: it writes both files, the PNG reads back
/// through `threshold decode` as the venue code at level H, and a weak colour pair is refused.
final class VenueCommandTests: XCTestCase {
    func testPosterFilesAreWrittenAndThePNGDecodes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("poster-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let venue = Corpora.packageRoot().appendingPathComponent("sim/venues/hospital.toml").path
        let result = try ThresholdProcess.run(["venue", "poster", venue, "--out", dir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let info = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
        XCTAssertEqual(info["code"] as? String, "thv1:venue/city-hospital-opd?name=City%20Hospital%20OPD")
        XCTAssertEqual(info["ec"] as? String, "H")
        XCTAssertEqual(info["png_omitted"] as? [String], [])
        let png = try XCTUnwrap(info["png"] as? String), svg = try XCTUnwrap(info["svg"] as? String)
        XCTAssertTrue(try String(contentsOfFile: svg, encoding: .utf8).contains("City Hospital OPD"))
        let decoded = try ThresholdProcess.run(["decode", "--json", png])
        XCTAssertEqual(decoded.status, 0, decoded.stderr)
        let line = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(decoded.stdout.utf8)) as? [String: Any])
        let codes = try XCTUnwrap(line["codes"] as? [[String: Any]])
        XCTAssertEqual(codes.map { $0["text"] as? String }, [info["code"] as? String])
        XCTAssertEqual(codes.first?["ec"] as? String, "H")
    }

    func testLowContrastColoursAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("poster-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let venue = Corpora.packageRoot().appendingPathComponent("sim/venues/mall.toml").path
        let result = try ThresholdProcess.run(["venue", "poster", venue, "--out", dir.path, "--foreground", "#777777"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("contrast of 4.4"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path), "nothing is written for a refused poster")
    }
}
