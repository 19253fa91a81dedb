import ArgumentParser
import Foundation
import Passes
import XCTest
@testable import threshold

/// The pass tools end to end through their argument parsers: keys → pass → trust bundle → verify.
final class PassCommandsTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("threshold-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func run(_ arguments: [String]) throws {
        var command = try Threshold.parseAsRoot(arguments)
        try command.run()
    }

    func testIssueSignVerifyRoundTrip() throws {
        try run(["keys", "new", "--alg", "es256", "--out", path("issuer")])
        try run(["keys", "new", "--out", path("root")])
        try run(["keys", "new", "--out", path("holder")])
        XCTAssertThrowsError(try run(["keys", "new", "--out", path("root")]), "a key is never overwritten")

        let at = "2027-01-15T08:00:00Z"
        try run(["pass", "issue", "--key", path("issuer/private.pem"), "--status", "green", "--doses", "3",
                 "--last-dose", "2026-12-01", "--test-time", "2027-01-15T06:00:00Z", "--test-result", "neg",
                 "--valid", "24h", "--name-mask", "Z*", "--id-tail", "1234", "--holder-key", path("holder/public.pem"),
                 "--at", at, "--out", path("pass.txt")])
        let credential = try String(contentsOfFile: path("pass.txt"), encoding: .utf8)
        XCTAssertTrue(credential.hasPrefix("TH1:"))

        try run(["trustlist", "sign", "--root", path("root/private.pem"), "--keys", path("issuer/public.pem"),
                 "--version", "7", "--issued-at", at, "--out", path("bundle.cose")])
        let trust = ["--trust", path("bundle.cose"), "--root", path("root/public.pem")]

        try run(["verify", "--json", "--at", "2027-01-15T09:00:00Z"] + trust + [path("pass.txt")])
        // The same pass as a QR image, read back with our decoder.
        try run(["pass", "issue", "--key", path("issuer/private.pem"), "--status", "yellow", "--name-mask", "Z*",
                 "--id-tail", "1234", "--at", at, "--out", path("pass.png")])
        try run(["verify", "--at", "2027-01-15T09:00:00Z"] + trust + [path("pass.png")])
        // Expired, untrusted, tampered: each exits non-zero.
        XCTAssertThrowsError(try run(["verify", "--at", "2027-01-17T09:00:00Z"] + trust + [path("pass.txt")]))
        XCTAssertThrowsError(try run(["verify", "--at", "2027-01-15T09:00:00Z", path("pass.txt")]))
        var tampered = Array(credential.utf8)
        tampered[40] = tampered[40] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        XCTAssertThrowsError(try run(["verify", "--at", "2027-01-15T09:00:00Z"] + trust + [String(decoding: tampered, as: UTF8.self)]))
        // A bundle checked against the wrong root is refused outright.
        XCTAssertThrowsError(try run(["verify", "--trust", path("bundle.cose"), "--root", path("holder/public.pem"), path("pass.txt")]))

        // Holder proof: accepted where proofs are required, refused at another venue.
        try run(["holder", "proof", "--key", path("holder/private.pem"), "--pass", path("pass.txt"), "--venue", "door-1",
                 "--at", "2027-01-15T09:00:00Z"])
        let shown = try HolderProof.make(credential: credential.trimmingCharacters(in: .whitespacesAndNewlines),
                                         holderKey: KeyPEM.signingKey(String(contentsOfFile: path("holder/private.pem"), encoding: .utf8)),
                                         at: PassArgumentsForTests.date("2027-01-15T09:00:00Z"), venueID: "door-1")
        try run(["verify", "--require-proof", "--venue", "door-1", "--at", "2027-01-15T09:00:10Z"] + trust + [shown])
        XCTAssertThrowsError(try run(["verify", "--require-proof", "--venue", "door-2", "--at", "2027-01-15T09:00:10Z"] + trust + [shown]))
        XCTAssertThrowsError(try run(["verify", "--require-proof", "--at", "2027-01-15T09:00:00Z"] + trust + [path("pass.txt")]))
    }

    /// Finding (issue 13, 6): `--at 2021-06-02T13:34:13.635560Z` (fractional seconds) or a
    /// date-time without a zone was silently read as the start of that day. Now the instant is
    /// read in full, and a zone-less date-time is an error.
    func testFinding6AtIsReadAsAFullRFC3339InstantOrRefused() throws {
        try run(["keys", "new", "--out", path("issuer")])
        try run(["pass", "issue", "--key", path("issuer/private.pem"), "--status", "green", "--valid", "1h",
                 "--name-mask", "Z*", "--id-tail", "1234", "--at", "2027-01-15T08:00:00Z", "--out", path("pass.txt")])
        let trust = ["--key", path("issuer/public.pem")]
        // Valid 08:00–09:00: late in the day with a fraction is expired; read as midnight it was "not yet valid".
        XCTAssertNoThrow(try run(["verify", "--at", "2027-01-15T08:59:59.5Z"] + trust + [path("pass.txt")]))
        XCTAssertNoThrow(try run(["verify", "--at", "2027-01-15T09:59:59.25+01:00"] + trust + [path("pass.txt")]))
        XCTAssertThrowsError(try run(["verify", "--at", "2027-01-15T08:30:00"] + trust + [path("pass.txt")])) { error in
            XCTAssertTrue("\(error)".contains("RFC 3339"), "\(error)")
        }
    }
}

enum PassArgumentsForTests {
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
}
