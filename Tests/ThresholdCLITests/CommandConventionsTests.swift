import Foundation
import TestSupport
import XCTest
@testable import threshold

/// How every command fails, run as the built binary: usage text (status 64) only for a command
/// line that is wrong; a runtime failure is one line on standard error with its own sysexits
/// status; missing files are named as missing; read-only commands create nothing.
final class CommandConventionsTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("conventions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func assertRuntimeFailure(_ r: ThresholdProcess.Output, status: Int32, mentions: String,
                                      file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertFalse(r.stderr.contains("Usage:"), "a runtime failure is not a usage error: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains(mentions), r.stderr, file: file, line: line)
    }

    func testMistypedCommandLineStillGetsUsage() throws {
        let r = try ThresholdProcess.run(["verify", "--no-such-option", "x"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("Usage:"), r.stderr)
    }

    func testVerifyNamesAMissingFileAndKeepsGoingWithOneJSONLinePerInput() throws {
        let junk = path("junk.bin")
        var generator = SystemRandomNumberGenerator()
        try Data((0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]).write(to: URL(fileURLWithPath: junk))
        let notAnImage = path("photo.png")
        try Data("not a png at all".utf8).write(to: URL(fileURLWithPath: notAnImage))
        let r = try ThresholdProcess.run(["verify", "--json", path("nonexistent.png"), notAnImage, junk, "TH1:NOTAPASS"])
        XCTAssertEqual(r.status, 66, "a missing input file: EX_NOINPUT")
        let lines = r.stdoutLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(lines.count, 4, r.stdout)
        XCTAssertEqual(lines.map { $0["input"] as? String }, ["nonexistent.png", "photo.png", "junk.bin", "TH1:NOTAPASS"])
        XCTAssertEqual(lines.map { $0["verdict"] as? String }, ["error", "error", "error", "deny"])
        XCTAssertEqual(lines[0]["error"] as? String, "no such file")
        XCTAssertTrue((lines[1]["error"] as? String ?? "").contains("not a PNG, JPEG, PGM or PPM image"), "\(lines[1])")
        XCTAssertEqual(lines[2]["error"] as? String, "neither a pass text nor an image (binary data)")
        XCTAssertFalse(r.stdout.contains("correct format"), "no Foundation wording: \(r.stdout)")

        let text = try ThresholdProcess.run(["verify", path("nonexistent.png")])
        XCTAssertEqual(text.status, 66)
        XCTAssertEqual(text.stdoutLines, ["nonexistent.png: error (no such file)"])
    }

    func testDamagedTrustBundleAndWrongRootAreRuntimeFailures() throws {
        XCTAssertEqual(try ThresholdProcess.run(["keys", "new", "--out", path("root")]).status, 0)
        try Data("garbage bundle".utf8).write(to: URL(fileURLWithPath: path("trust.bundle")))
        let damaged = try ThresholdProcess.run(["verify", "--trust", path("trust.bundle"), "--root", path("root/public.pem"), "TH1:X"])
        assertRuntimeFailure(damaged, status: 65, mentions: "trust.bundle")
        XCTAssertEqual(damaged.stderrLines.count, 1, damaged.stderr)
        let missingRoot = try ThresholdProcess.run(["verify", "--trust", path("trust.bundle"), "--root", path("nope.pem"), "TH1:X"])
        assertRuntimeFailure(missingRoot, status: 66, mentions: "nope.pem: no such file")
    }

    func testBadVenueFileIsAConfigurationFailure() throws {
        try "[venue]\nid = \"x\"\nname = \"A venue name far longer than twenty\"\n".write(toFile: path("bad.toml"), atomically: true, encoding: .utf8)
        assertRuntimeFailure(try ThresholdProcess.run(["venue", "poster", path("bad.toml"), "--out", path("poster")]),
                             status: 78, mentions: "bad.toml:3")
        assertRuntimeFailure(try ThresholdProcess.run(["venue", "poster", path("nope.toml"), "--out", path("poster")]),
                             status: 66, mentions: "nope.toml: no such file")
        let check = try ThresholdProcess.run(["config", "check", path("nope.toml")])
        XCTAssertEqual(check.status, 66)
        XCTAssertEqual(check.stdoutLines, ["\(path("nope.toml")): no such file"])
    }

    func testReadingALogThatIsNotThereCreatesNothing() throws {
        for option in ["--log", "--db"] {
            let r = try ThresholdProcess.run(["log", "status", option, path("nope.sqlite")])
            assertRuntimeFailure(r, status: 66, mentions: "nope.sqlite: no such file")
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("nope.sqlite")), "log status created the file (\(option))")
            let export = try ThresholdProcess.run(["log", "export", option, path("nope.sqlite"), "--from", "2026-11-01", "--to", "2026-11-02"])
            assertRuntimeFailure(export, status: 66, mentions: "no such file")
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("nope.sqlite")))
        }
    }

    func testLogPathIsOneOptionWithOneDefault() throws {
        let run = try RunCommand.parse(["--source", "x.y4m", "--venue", "v.toml"])
        let status = try LogStatusCommand.parse([])
        XCTAssertEqual(run.log.path, LogPathOption.defaultPath)
        XCTAssertEqual(status.options.db, LogPathOption.defaultPath)
        XCTAssertEqual(try LogStatusCommand.parse(["--db", "a.sqlite"]).options.db, "a.sqlite", "the old name still works")
        XCTAssertEqual(try RunCommand.parse(["--source", "x", "--venue", "v", "--log", "b.sqlite"]).log.path, "b.sqlite")
        let help = LogStatusCommand.helpMessage()
        XCTAssertTrue(help.contains("--log"), help)
        XCTAssertFalse(help.contains("--db"), "the alias is hidden: \(help)")
    }

    func testExportAcceptsADate() throws {
        XCTAssertEqual(try parseTime("2026-11-01", option: "--from"), 1_793_491_200_000)
        XCTAssertEqual(try parseTime("2026-11-01T00:00:00Z", option: "--from"), 1_793_491_200_000)
        XCTAssertEqual(try parseTime("1793491200000", option: "--from"), 1_793_491_200_000)
        XCTAssertThrowsError(try parseTime("November", option: "--from"))
    }

    func testSimRunNamesAMissingScenario() throws {
        let r = try ThresholdProcess.run(["sim", "run", path("nope.json")])
        assertRuntimeFailure(r, status: 66, mentions: "nope.json: no such file")
        XCTAssertFalse(r.stderr.contains(".."), r.stderr)
    }

    func testHelpListsScreensAndPrintsEachDefaultOnce() throws {
        XCTAssertTrue(try ThresholdProcess.run(["--help"]).stdout.contains("screens"))
        let poster = try ThresholdProcess.run(["venue", "poster", "--help"]).stdout
        XCTAssertEqual(poster.components(separatedBy: "#000000").count - 1, 1, poster)
        XCTAssertEqual(poster.components(separatedBy: "#ffffff").count - 1, 1, poster)
    }

    func testDecodeTextKeepsBackslashesAsTheyAre() {
        XCTAssertEqual(DecodeOutcome.quoted(#"C:\path "x""#), #""C:\path "x"""#)
        XCTAssertEqual(DecodeOutcome.quoted("a\nb\t\u{1B}"), #""a\nb\t\u{1B}""#)
    }
}
