import Foundation
import TestSupport
import XCTest

/// `threshold run` as a process: real passes in image files, judged, logged; and SIGTERM.
final class RunCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("threshold-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("frames"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func venue() throws -> String {
        try "[venue]\nid = \"test-door\"\nname = \"Test Door\"\n\n[rules]\nstatuses = [\"green\"]\nrequire_proof = false  # bare credentials from image files\n"
            .write(toFile: path("venue.toml"), atomically: true, encoding: .utf8)
        return path("venue.toml")
    }

    func testJudgesRealPassesFromImagesAndLogsEachOnce() throws {
        for name in ["issuer", "forger"] { XCTAssertEqual(try ThresholdProcess.run(["keys", "new", "--out", path(name)]).status, 0) }
        let passes: [(String, String, String)] = [("a", "issuer", "green"), ("b", "issuer", "red"), ("c", "forger", "green")]
        for (file, key, status) in passes {
            let r = try ThresholdProcess.run(["pass", "issue", "--key", path("\(key)/private.pem"), "--status", status,
                                              "--name-mask", "Q*", "--id-tail", "9876", "--out", path("frames/\(file).png")])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let run = try ThresholdProcess.run(["run", "--source", path("frames"), "--venue", try venue(), "--key", path("issuer/public.pem"),
                                            "--log", path("scan.sqlite"), "--json", "--device-id", "cli-test"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let events = try run.stdoutLines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        XCTAssertEqual(events.compactMap { $0["reason"] as? String }, ["welcome", "status-red", "pass.unknown-key"])
        XCTAssertEqual(events.compactMap { $0["outcome"] as? String }, ["allow", "deny", "deny"])
        let status = try ThresholdProcess.run(["log", "status", "--db", path("scan.sqlite"), "--json"])
        XCTAssertEqual(status.status, 0, status.stderr)
        let counts = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(counts?["total"] as? Int, 3)
    }

    func testBrokenVenueConfigIsRefusedWithItsLine() throws {
        try "[venue]\nid = \"x\"\nname = \"A venue name far longer than twenty\"\n".write(toFile: path("bad.toml"), atomically: true, encoding: .utf8)
        let run = try ThresholdProcess.run(["run", "--source", path("frames"), "--venue", path("bad.toml")])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("bad.toml:3"), run.stderr)
    }

    /// The README's recipe on the committed clip, as written: the kiosk on the recording's own
    /// timeline with the trust list, root and venue committed beside it. Every visitor gets the
    /// expected decision, except the fever one, admitted because `run` has no thermometer reading.
    func testReadmeRecipeOnTheCommittedClip() throws {
        let clips = Corpora.packageRoot().appendingPathComponent("sim/clips").path
        let run = try ThresholdProcess.run([
            "run", "--source", "\(clips)/door-basic.mkv", "--real-time", "--recorded-at", "2026-11-21T09:00:00Z",
            "--venue", "\(clips)/door-basic.venue.toml", "--trust", "\(clips)/door-basic.trust", "--root", "\(clips)/door-basic.root.pem",
            "--log", path("clip.sqlite"), "--no-screens", "--json",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let events = try run.stdoutLines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        let firsts = events.filter { $0["repeated"] as? Int == 0 }.map { "\($0["outcome"] ?? "")/\($0["reason"] ?? "")" }
        XCTAssertEqual(firsts, [
            "allow/welcome", "deny/status-not-allowed", "deny/status-red", "deny/pass.expired", "deny/pass.unknown-key",
            "deny/pass.revoked", "deny/proof-expired", "deny/proof-expired", "allow/welcome", "allow/welcome",
        ], run.stdout)
    }

    /// SIGTERM mid-stream: the kiosk finishes, locks the door and exits 0 with its summary.
    func testSIGTERMStopsCleanly() throws {
        let clip = Corpora.packageRoot().appendingPathComponent("sim/clips/door-basic.mkv").path
        let process = Process()
        process.executableURL = try ThresholdProcess.binary()
        process.arguments = ["run", "--source", clip, "--real-time", "--venue", try venue(), "--log", path("scan.sqlite")]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        XCTAssertTrue(process.isRunning, "a 32-second clip in real time is still playing")
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(process.isRunning, "stopped within 10 s of SIGTERM")
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(stderr.contains("run: "), stderr)
    }
}
