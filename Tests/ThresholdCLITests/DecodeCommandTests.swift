import Foundation
import TestSupport
import XCTest
@testable import threshold

/// `threshold decode`, run as the built binary on corpus files and on broken ones.
final class DecodeCommandTests: XCTestCase {
    private func corpus(_ relative: String) throws -> String { try Corpora.url(relative).path }

    private func expectedText(_ relative: String) throws -> String {
        try String(contentsOf: Corpora.url(relative), encoding: .utf8)
    }

    private func parseLine(_ line: String, file: StaticString = #filePath, line number: UInt = #line) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try XCTUnwrap(object as? [String: Any], "not a JSON object: \(line)", file: file, line: number)
    }

    private func checkCodeShape(_ code: Any) throws -> String {
        let code = try XCTUnwrap(code as? [String: Any])
        XCTAssertEqual(Set(code.keys), ["text", "corners", "version", "ec"])
        let corners = try XCTUnwrap(code["corners"] as? [[Double]], "corners must be [[x,y]×4]")
        XCTAssertEqual(corners.count, 4)
        XCTAssertTrue(corners.allSatisfy { $0.count == 2 })
        XCTAssertNotNil(code["version"] as? Int)
        XCTAssertTrue(code["ec"] is String || code["ec"] is NSNull)
        return try XCTUnwrap(code["text"] as? String)
    }

    func testJSONHasOneObjectPerFileWithTheAgreedFields() throws {
        let files = [
            try corpus("qr/zxing/qrcode-1/1.png"),
            try corpus("qr/pgm/zxing/qrcode-3/01.pgm"),
            try corpus("qr/zxing/multi-qrcode-1/1.png"),
            try corpus("qr/pgm/falsepositives-1/") + "/" + (try FileManager.default
                .contentsOfDirectory(atPath: corpus("qr/pgm/falsepositives-1")).filter { $0.hasSuffix(".pgm") }.sorted()[0]),
        ]
        let output = try ThresholdProcess.run(["decode", "--json", "--cross-check"] + files)
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = output.stdoutLines
        XCTAssertEqual(lines.count, files.count, output.stdout)
        var texts: [[String]] = []
        for (line, file) in zip(lines, files) {
            let object = try parseLine(line)
            XCTAssertEqual(Set(object.keys), ["file", "ms", "codes", "zbar"], line)
            XCTAssertEqual(object["file"] as? String, file)
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(object["ms"] as? Double), 0)
            let codes = try XCTUnwrap(object["codes"] as? [Any])
            texts.append(try codes.map(checkCodeShape))
            for code in try XCTUnwrap(object["zbar"] as? [Any]) { _ = try checkCodeShape(code) }
        }
        XCTAssertEqual(texts[0], [try expectedText("qr/zxing/qrcode-1/1.txt")])
        XCTAssertEqual(texts[1], [try expectedText("qr/zxing/qrcode-3/01.txt")])
        XCTAssertEqual(texts[2].count, 4)
        XCTAssertEqual(texts[3], [])
    }

    func testWithoutCrossCheckThereIsNoZbarField() throws {
        let output = try ThresholdProcess.run(["decode", "--json", try corpus("qr/zxing/qrcode-1/1.png")])
        XCTAssertEqual(output.status, 0)
        XCTAssertEqual(Set(try parseLine(try XCTUnwrap(output.stdoutLines.first)).keys), ["file", "ms", "codes"])
    }

    /// A corrupt file in the middle: one error line naming it, the other files still decoded, and
    /// a non-zero exit status at the end.
    func testCorruptFileGivesOneErrorLineAndTheRestGoOn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try corpus("qr/zxing/qrcode-1/1.png")
        let png = try Data(contentsOf: URL(fileURLWithPath: good))
        let corrupt = dir.appendingPathComponent("half.png")
        try png.prefix(png.count / 2).write(to: corrupt)
        let missing = dir.appendingPathComponent("missing.jpg").path

        let json = try ThresholdProcess.run(["decode", "--json", good, corrupt.path, missing, good])
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(json.stdoutLines.count, 4)
        let broken = try parseLine(json.stdoutLines[1])
        XCTAssertEqual(Set(broken.keys), ["file", "error"])
        XCTAssertEqual(broken["file"] as? String, corrupt.path)
        XCTAssertTrue((broken["error"] as? String ?? "").contains("truncated"), "\(broken)")
        XCTAssertEqual(Set(try parseLine(json.stdoutLines[2]).keys), ["file", "error"])
        XCTAssertEqual(try parseLine(json.stdoutLines[3])["file"] as? String, good)
        XCTAssertEqual(json.stderrLines.count, 2, json.stderr)
        XCTAssertTrue(json.stderrLines[0].contains(corrupt.path))
        XCTAssertTrue(json.stderrLines[1].contains(missing))

        let text = try ThresholdProcess.run(["decode", corrupt.path, good])
        XCTAssertEqual(text.status, 1)
        XCTAssertEqual(text.stderrLines.count, 1)
        XCTAssertTrue(text.stderrLines[0].contains("half.png"))
        XCTAssertTrue(text.stdout.contains("1 code"), text.stdout)
    }

    func testTextOutputShowsVersionLevelCornersAndCrossCheck() throws {
        let file = try corpus("qr/zxing/qrcode-1/1.png")
        let output = try ThresholdProcess.run(["decode", "--cross-check", file])
        XCTAssertEqual(output.status, 0, output.stderr)
        let expected = try expectedText("qr/zxing/qrcode-1/1.txt")
        XCTAssertTrue(output.stdout.contains(DecodeOutcome.quoted(expected)), output.stdout)
        XCTAssertTrue(output.stdout.contains("corners ("), output.stdout)
        XCTAssertTrue(output.stdout.contains("version"), output.stdout)
        XCTAssertTrue(output.stdout.contains("agree 1"), output.stdout)
    }

    func testArgumentsParse() throws {
        let command = try DecodeCommand.parse(["--json", "--cross-check", "a.png", "b.pgm"])
        XCTAssertTrue(command.json)
        XCTAssertTrue(command.crossCheck)
        XCTAssertEqual(command.files, ["a.png", "b.pgm"])
        XCTAssertThrowsError(try DecodeCommand.parse([]), "at least one file is required")
        XCTAssertThrowsError(try DecodeCommand.parse(["--reader", "nonsense", "a.png"]))
    }
}
