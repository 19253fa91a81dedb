import Foundation
import ImageFiles
import TestSupport
import XCTest
@testable import threshold

/// The bundled sample frames (the main job's input) and `threshold encode`, through the binary.
final class SamplesAndEncodeTests: XCTestCase {
    private var samples: URL { Corpora.packageRoot().appendingPathComponent("sim/samples") }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func expectedTexts() throws -> [String: [String]] {
        let data = try Data(contentsOf: samples.appendingPathComponent("expected.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String]])
    }

    /// What `scripts/run-main` does: every bundled frame read by our decoder, every text right.
    func testOurDecoderReadsEveryBundledSampleFrame() throws {
        let expected = try expectedTexts()
        XCTAssertEqual(expected.count, SampleFrames.all.count)
        XCTAssertLessThanOrEqual(expected.count, 10)
        let files = expected.keys.sorted().map { samples.appendingPathComponent($0).path }
        let output = try ThresholdProcess.run(["decode", "--json", "--cross-check"] + files)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stdoutLines.count, files.count)
        var zbarAgreed = 0
        for line in output.stdoutLines {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let name = URL(fileURLWithPath: try XCTUnwrap(object["file"] as? String)).lastPathComponent
            let codes = try XCTUnwrap(object["codes"] as? [[String: Any]])
            XCTAssertEqual(codes.compactMap { $0["text"] as? String }.sorted(), expected[name]?.sorted(), name)
            XCTAssertTrue(codes.allSatisfy { ($0["version"] as? Int) == 4 && ($0["ec"] as? String) == "M" }, name)
            let zbar = try XCTUnwrap(object["zbar"] as? [[String: Any]])
            if zbar.compactMap({ $0["text"] as? String }).sorted() == expected[name]?.sorted() { zbarAgreed += 1 }
        }
        // zbar misses only the dark-mode frame (it does not try inverted codes by default).
        XCTAssertEqual(zbarAgreed, files.count - 1)
    }

    /// The committed frames are exactly what `make-samples` renders today (same pixels).
    func testMakeSamplesReproducesTheBundledFrames() throws {
        let dir = try temporaryDirectory()
        let output = try ThresholdProcess.run(["make-samples", "--out", dir.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        for frame in SampleFrames.all {
            let fresh = try ImageFile.load(path: dir.appendingPathComponent(frame.name).path)
            let bundled = try ImageFile.load(path: samples.appendingPathComponent(frame.name).path)
            XCTAssertEqual(fresh, bundled, "\(frame.name) differs from sim/samples — run scripts/make-samples")
        }
        XCTAssertEqual(
            try String(contentsOf: dir.appendingPathComponent("expected.json"), encoding: .utf8),
            try String(contentsOf: samples.appendingPathComponent("expected.json"), encoding: .utf8))
    }

    func testEncodeWritesACodeThatDecodesBack() throws {
        let dir = try temporaryDirectory()
        let text = "Threshold — Einlass Tür 3 / 入口"
        for (ec, ext) in [("L", "png"), ("Q", "pgm"), ("h", "jpg")] {
            let path = dir.appendingPathComponent("code-\(ec).\(ext)").path
            let made = try ThresholdProcess.run(["encode", text, "--ec", ec, "--module", "5", "--out", path])
            XCTAssertEqual(made.status, 0, made.stderr)
            XCTAssertTrue(made.stdout.contains("EC \(ec.uppercased())"), made.stdout)
            let read = try ThresholdProcess.run(["decode", "--json", path])
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
            let codes = try XCTUnwrap(object["codes"] as? [[String: Any]])
            XCTAssertEqual(codes.first?["text"] as? String, text, ext)
            XCTAssertEqual(codes.first?["ec"] as? String, ec.uppercased(), ext)
        }
        let image = try ImageFile.load(path: dir.appendingPathComponent("code-L.png").path)
        XCTAssertEqual(image.width % 5, 0, "module size 5 px")
    }

    func testEncodeRejectsBadOptionsAndOversizedText() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("x.png").path
        XCTAssertNotEqual(try ThresholdProcess.run(["encode", "hi", "--ec", "Z", "--out", out]).status, 0)
        XCTAssertNotEqual(try ThresholdProcess.run(["encode", "hi", "--out", dir.appendingPathComponent("x.gif").path]).status, 0)
        XCTAssertNotEqual(try ThresholdProcess.run(["encode", "hi", "--module", "0", "--out", out]).status, 0)
        let tooLong = try ThresholdProcess.run(["encode", String(repeating: "x", count: 3000), "--ec", "H", "--out", out])
        XCTAssertEqual(tooLong.status, 1)
        XCTAssertEqual(tooLong.stderrLines.count, 1, tooLong.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertNoThrow(try EncodeCommand.parse(["hi", "--ec", "q", "--out", "a.pgm"]))
    }
}
