import Foundation
import TestSupport
import XCTest
@testable import Passes

/// The verifier on the real DCC and SMART Health Card corpora: recognise by prefix, find the key
/// in the trust store, verify, revoke.
final class VerifierFormatsTests: XCTestCase {
    func testDCCThroughTheVerifier() throws {
        let url = try Corpora.url("dcc/AT/2DCode/raw/1.json")
        let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        let c = DCCTestCase(path: "AT/1", raw: raw)
        let text = try XCTUnwrap(c.string("PREFIX"))
        let signer = try SignerCertificate(der: XCTUnwrap(c.certificateDER))
        let clock = try XCTUnwrap(c.validationClock)
        let trusted = TrustedKey(dccSigner: signer)
        let verifier = Verifier(trust: InMemoryTrustStore(keys: [trusted]))

        let verdict = verifier.verify(text, at: clock)
        XCTAssertEqual(verdict.outcome, .accept, "\(verdict)")
        XCTAssertEqual(verdict.format, .dcc)
        XCTAssertEqual(verdict.display?.name, "M*")
        XCTAssertEqual(verdict.kid, Data(signer.kid).base64EncodedString())
        XCTAssertEqual(verdict.status, .green)

        // Revoked by UCI hash, and by the r half of the ECDSA signature.
        let pass = try DCCPass(qrText: text)
        let uci = try XCTUnwrap(pass.certificate.entries.first?.uci)
        verifier.install(InMemoryTrustStore(keys: [trusted], revocations: RevocationList(entries: [(.uci, RevocationHash(identifier: Array(uci.utf8)))])))
        XCTAssertEqual(verifier.verify(text, at: clock).reason, .revoked)
        let r = Array(pass.message.signature.prefix(32))
        verifier.install(InMemoryTrustStore(keys: [trusted], revocations: RevocationList(entries: [(.signature, RevocationHash(identifier: r))])))
        XCTAssertEqual(verifier.verify(text, at: clock).reason, .revoked)

        // Key usage: a signer restricted to test certificates may not sign this vaccination.
        var testOnly = trusted
        testOnly.usages = [.dccTest]
        verifier.install(InMemoryTrustStore(keys: [testOnly]))
        XCTAssertEqual(verifier.verify(text, at: clock).reason, .keyUsage)

        // Unknown signer, and a signer outside its certificate validity.
        verifier.install(InMemoryTrustStore())
        XCTAssertEqual(verifier.verify(text, at: clock).reason, .unknownKey)
        verifier.install(InMemoryTrustStore(keys: [trusted]))
        XCTAssertEqual(verifier.verify(text, at: signer.notAfter.addingTimeInterval(86400)).outcome, .deny)
    }

    func testSHCExamplesThroughTheVerifier() throws {
        let examples = try Corpora.url("shc/examples")
        let jwks = try JWKSet(json: Array(Data(contentsOf: examples.appendingPathComponent("issuer/.well-known/jwks.json"))))
        let crlDirectory = examples.appendingPathComponent("issuer/.well-known/crl")
        var revoked: [(RevocationKind, RevocationHash)] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: crlDirectory.path) where file.hasSuffix(".json") {
            revoked += RevocationList.entries(from: try SHCRevocationList(json: Array(Data(contentsOf: crlDirectory.appendingPathComponent(file)))))
        }
        XCTAssertFalse(revoked.isEmpty)
        let verifier = Verifier(trust: InMemoryTrustStore(keys: TrustedKey.shcKeys(jwks, issuer: "spec.smarthealth.cards"),
                                                          revocations: RevocationList(entries: revoked)))
        func qr(_ n: String, _ chunk: Int = 0) throws -> String {
            try String(contentsOf: examples.appendingPathComponent("example-\(n)-f-qr-code-numeric-value-\(chunk).txt"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for n in ["00", "01"] {
            let text = try qr(n)
            let issued = try XCTUnwrap(SHCPass(qrText: text).claims.issuedAt)
            let verdict = verifier.verify(text, at: issued.addingTimeInterval(86400))
            XCTAssertEqual(verdict.outcome, .accept, "example \(n): \(verdict)")
            XCTAssertEqual(verdict.format, .shc)
        }
        let revokedText = try qr("03")
        let issued = try SHCPass(qrText: revokedText).claims.issuedAt
        XCTAssertEqual(verifier.verify(revokedText, at: issued.addingTimeInterval(86400)).reason, .revoked)
        // One chunk of the three-chunk example is rejected with a reason, never accepted.
        let chunk = verifier.verify(try qr("02", 0), at: issued.addingTimeInterval(86400))
        XCTAssertEqual(chunk.outcome, .deny)
        XCTAssertEqual(chunk.reason, .malformed)
    }
}
