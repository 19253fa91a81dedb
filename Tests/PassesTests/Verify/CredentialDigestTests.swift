import Crypto
import Foundation
import TestSupport
import XCTest
@testable import Passes

/// `Verdict.credentialDigest`: one value per credential, whatever rolling proof or encoding the
/// scanned text carries, so the kiosk can debounce and rate-limit per credential.
final class CredentialDigestTests: XCTestCase {
    private func sha256Hex(_ bytes: some Sequence<UInt8>) -> String { Hex.encode(Array(SHA256.hash(data: Array(bytes)))) }

    func testTwoProofsOfOneThresholdCredentialShareItAndDifferInTokenDigest() throws {
        let issuer = PassFixtures.edIssuer
        let credential = try issuer.issue(PassFixtures.pass(serial: 7))
        let step = Date(timeIntervalSince1970: Double(HolderProof.step(at: PassFixtures.now) * 30))
        let first = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: step)
        let second = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: step.addingTimeInterval(30))
        XCTAssertNotEqual(first, second)

        let verifier = Verifier(trust: PassFixtures.store())
        let context = VerificationContext()
        let a = verifier.verify(first, at: step, context: context)
        let b = verifier.verify(second, at: step.addingTimeInterval(30), context: context)
        let bare = verifier.verify(credential, at: step)
        for verdict in [a, b, bare] { XCTAssertEqual(verdict.outcome, .accept, "\(verdict)") }
        XCTAssertNotEqual(a.tokenDigest, b.tokenDigest)
        XCTAssertNotEqual(a.tokenDigest, bare.tokenDigest)
        XCTAssertEqual(a.credentialDigest, b.credentialDigest)
        XCTAssertEqual(a.credentialDigest, bare.credentialDigest)
        // It is the SHA-256 of the cti, the identifier revocation lists carry.
        XCTAssertEqual(a.credentialDigest, sha256Hex(Array("cred-7".utf8)))

        // Another credential of the same holder is another credential.
        let other = verifier.verify(try issuer.issue(PassFixtures.pass(serial: 8)), at: step)
        XCTAssertEqual(other.outcome, .accept)
        XCTAssertNotEqual(other.credentialDigest, a.credentialDigest)

        // Denied after the credential was read (expired, revoked): still named, so a kiosk can
        // count a visitor retrying the same dead pass. Unreadable text names nothing.
        XCTAssertEqual(verifier.verify(second, at: step.addingTimeInterval(3 * 86400), context: context).credentialDigest,
                       a.credentialDigest)
        let revoked = Verifier(trust: PassFixtures.store(revoked: [Array("cred-7".utf8)]))
        let denied = revoked.verify(first, at: step, context: context)
        XCTAssertEqual(denied.reason, .revoked)
        XCTAssertEqual(denied.credentialDigest, a.credentialDigest)
        XCTAssertNil(verifier.verify("TH1:NOT-BASE45!", at: step).credentialDigest)
    }

    func testTheVerdictStillDecodesWithoutTheField() throws {
        let verdict = Verdict(outcome: .accept, tokenDigest: "ab", credentialDigest: "cd")
        let encoded = try JSONEncoder().encode(verdict)
        XCTAssertEqual(try JSONDecoder().decode(Verdict.self, from: encoded), verdict)
        let older = Data(#"{"outcome":"deny","tokenDigest":"ab","warnings":[]}"#.utf8)
        XCTAssertNil(try JSONDecoder().decode(Verdict.self, from: older).credentialDigest)
    }

    func testDCCIsNamedByItsUCI() throws {
        let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: Corpora.url("dcc/AT/2DCode/raw/1.json"))) as? [String: Any]
        let c = DCCTestCase(path: "AT/1", raw: raw ?? [:])
        let text = try XCTUnwrap(c.string("PREFIX"))
        let signer = try SignerCertificate(der: XCTUnwrap(c.certificateDER))
        let verifier = Verifier(trust: InMemoryTrustStore(keys: [TrustedKey(dccSigner: signer)]))
        let verdict = verifier.verify(text, at: try XCTUnwrap(c.validationClock))
        XCTAssertEqual(verdict.outcome, .accept, "\(verdict)")
        let uci = try XCTUnwrap(DCCPass(qrText: text).certificate.entries.first?.uci)
        XCTAssertEqual(verdict.credentialDigest, sha256Hex(uci.utf8))
        XCTAssertNotEqual(verdict.credentialDigest, verdict.tokenDigest)
    }

    func testSHCIsNamedByKidAndRidOrElseBySignatureR() throws {
        let examples = try Corpora.url("shc/examples")
        let jwks = try JWKSet(json: Array(Data(contentsOf: examples.appendingPathComponent("issuer/.well-known/jwks.json"))))
        let verifier = Verifier(trust: InMemoryTrustStore(keys: TrustedKey.shcKeys(jwks, issuer: "spec.smarthealth.cards")))
        for n in ["00", "01"] {
            let text = try String(contentsOf: examples.appendingPathComponent("example-\(n)-f-qr-code-numeric-value-0.txt"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let pass = try SHCPass(qrText: text)
            let verdict = verifier.verify(text, at: pass.claims.issuedAt.addingTimeInterval(86400))
            XCTAssertEqual(verdict.outcome, .accept, "example \(n): \(verdict)")
            let kid = try XCTUnwrap(pass.kid)
            if let rid = pass.claims.rid {
                XCTAssertEqual(n, "00", "example 00 carries a rid, 01 does not")
                XCTAssertEqual(verdict.credentialDigest, sha256Hex("\(kid).\(rid)".utf8))
            } else {
                XCTAssertEqual(verdict.credentialDigest, sha256Hex(pass.jws.signature.prefix(32)))
            }
        }
    }
}
