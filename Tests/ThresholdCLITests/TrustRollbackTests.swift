import Foundation
import TestSupport
import XCTest

/// Finding 5 of issue 13: `run --trust FILE` installed an older trust list over a newer one (a pass
/// revoked since was admitted again). Now it is refused unless the operator says so, and logged.
final class TrustRollbackTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("threshold-rollback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("frames"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testRunTrustInstallsAnOlderTrustListOverANewerOne() throws {
        for name in ["root", "issuer"] { XCTAssertEqual(try ThresholdProcess.run(["keys", "new", "--out", path(name)]).status, 0) }
        for version in ["3", "5"] {
            let sign = try ThresholdProcess.run(["trustlist", "sign", "--root", path("root/private.pem"), "--keys", path("issuer/public.pem"),
                                                 "--version", version, "--out", path("v\(version).bundle")])
            XCTAssertEqual(sign.status, 0, sign.stderr)
        }
        let issue = try ThresholdProcess.run(["pass", "issue", "--key", path("issuer/private.pem"), "--status", "green",
                                              "--name-mask", "Q*", "--id-tail", "9876", "--out", path("frames/a.png")])
        XCTAssertEqual(issue.status, 0, issue.stderr)
        try "[venue]\nid = \"test-door\"\nname = \"Test Door\"\n".write(toFile: path("venue.toml"), atomically: true, encoding: .utf8)
        func run(_ bundle: String, _ extra: [String] = []) throws -> (status: Int32, stderr: String) {
            let r = try ThresholdProcess.run(["run", "--source", path("frames"), "--venue", path("venue.toml"), "--trust", path(bundle),
                                              "--root", path("root/public.pem"), "--log", path("scan.sqlite"), "--no-screens"] + extra)
            return (r.status, r.stderr)
        }
        XCTAssertEqual(try run("v5.bundle").status, 0)
        let older = try run("v3.bundle")
        XCTAssertNotEqual(older.status, 0, "an older list over a newer one is refused")
        XCTAssertTrue(older.stderr.contains("older (version 3)") && older.stderr.contains("--allow-trust-rollback"), older.stderr)
        let forced = try run("v3.bundle", ["--allow-trust-rollback"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stderr.contains("WARNING trust list rolled back from version 5 to 3"), forced.stderr)
    }

    func testListenBeyondLoopbackWithoutACredentialIsRefused() throws {
        try "[venue]\nid = \"test-door\"\nname = \"Test Door\"\n".write(toFile: path("venue.toml"), atomically: true, encoding: .utf8)
        let r = try ThresholdProcess.run(["run", "--source", path("frames"), "--venue", path("venue.toml"), "--listen", "0.0.0.0:0"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("without an operator credential"), r.stderr)
    }
}
