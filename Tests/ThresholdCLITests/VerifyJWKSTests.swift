import Foundation
import TestSupport
import XCTest

/// `threshold verify --jwks FILE` on the SMART Health Card examples of the spec, with the issuer
/// JWKS the examples were signed under, run as the real binary.
final class VerifyJWKSTests: XCTestCase {
    private let at = "2023-07-01T00:00:00Z"  // the examples' nbf is 2023-06-22

    private func example(_ n: String) throws -> String {
        try Corpora.url("shc/examples/example-\(n)-f-qr-code-numeric-value-0.txt").path
    }

    private func objects(_ output: ThresholdProcess.Output) throws -> [[String: Any]] {
        try output.stdoutLines.map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
        }
    }

    func testIssuerJWKSTrustsTheSpecExamples() throws {
        let jwks = try Corpora.url("shc/examples/issuer/.well-known/jwks.json").path
        let output = try ThresholdProcess.run(["verify", "--json", "--jwks", jwks, "--at", at,
                                               try example("00"), try example("01")])
        XCTAssertEqual(output.status, 0, output.stdout + output.stderr)
        let lines = try objects(output)
        XCTAssertEqual(lines.count, 2)
        for line in lines {
            XCTAssertEqual(line["verdict"] as? String, "accept", "\(line)")
            XCTAssertEqual(line["format"] as? String, "shc")
        }
        // Each kid is the RFC 7638 thumbprint of the JWKS key that signed that example.
        XCTAssertEqual(lines.map { $0["kid"] as? String },
                       ["3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s", "EBKOr72QQDcTBUuVzAzkfBTGew0ZA16GuWty64nS-sw"])
    }

    func testWithoutOrWithTheWrongJWKSTheIssuerIsUnknown() throws {
        let none = try ThresholdProcess.run(["verify", "--json", "--at", at, try example("00")])
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(try objects(none).first?["reason"] as? String, "unknown-key")

        // The same real JWKS minus the key that signed example 00: its other key must not vouch
        // for 00, yet still vouches for 01, which it did sign.
        let jwks = try Corpora.url("shc/examples/issuer/.well-known/jwks.json")
        var document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: jwks)) as? [String: Any])
        let keys = try XCTUnwrap(document["keys"] as? [[String: Any]])
        document["keys"] = keys.filter { $0["kid"] as? String != "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s" }
        XCTAssertEqual((document["keys"] as? [Any])?.count, keys.count - 1)
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("jwks-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: other) }
        try JSONSerialization.data(withJSONObject: document).write(to: other)
        let wrong = try ThresholdProcess.run(["verify", "--json", "--jwks", other.path, "--at", at,
                                              try example("00"), try example("01")])
        XCTAssertEqual(wrong.status, 1)
        let verdicts = try objects(wrong)
        XCTAssertEqual(verdicts.map { $0["verdict"] as? String }, ["deny", "accept"])
        XCTAssertEqual(verdicts.first?["reason"] as? String, "unknown-key")
    }

    func testAJWKSWithoutUsableKeysIsRefusedWithItsReason() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("jwks-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: bad) }
        try Data(#"{"keys":[{"kty":"RSA","kid":"x","n":"AQAB","e":"AQAB"}]}"#.utf8).write(to: bad)
        let output = try ThresholdProcess.run(["verify", "--jwks", bad.path, try example("00")])
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.stderr.contains("no usable P-256 issuer key"), output.stderr)
        XCTAssertTrue(output.stdout.isEmpty, "nothing is verified against an unusable key set")
    }
}
