import Crypto
import Foundation
import SwiftASN1
import X509
import XCTest
@testable import Passes

/// Issue 13 §6, one regression test per finding: each failed on the code before the fix.
final class StandardsFindingsTests: XCTestCase {
    let now = PassFixtures.now

    // MARK: Critical headers

    /// A Threshold COSE message signed by the trusted issuer with `extra` protected headers.
    private func thresholdText(protectedExtra: [CBORPair], unprotected: [CBORPair] = []) throws -> String {
        let issuer = PassFixtures.edIssuer
        var headers = [CBORPair(key: CBOR(COSESign1.Label.algorithm), value: CBOR(issuer.key.algorithm.rawValue)),
                       CBORPair(key: CBOR(COSESign1.Label.kid), value: .bytes(issuer.kid))]
        headers += protectedExtra
        var message = COSESign1(protectedBytes: CBOREncoder.encode(.map(headers)), protected: .map(headers),
                                unprotected: .map(unprotected), payload: CBOREncoder.encode(PassFixtures.pass(serial: 61).claims()),
                                signature: [])
        message.signature = try issuer.key.sign(message.signatureStructure())
        return AdversarialTokens.text(cose: message.encoded())
    }

    func testFinding6UnknownCOSECriticalHeaderIsRefused() throws {
        let verifier = Verifier(trust: PassFixtures.store())
        let crit = CBOR(COSESign1.Label.critical)
        let unknown = try thresholdText(protectedExtra: [CBORPair(key: crit, value: .array([CBOR(99)])), CBORPair(key: CBOR(99), value: .text("x"))])
        XCTAssertEqual(verifier.verify(unknown, at: now).reason, .malformed, "a critical header we do not understand")
        let unprotectedCrit = try thresholdText(protectedExtra: [], unprotected: [CBORPair(key: crit, value: .array([CBOR(4)]))])
        XCTAssertEqual(verifier.verify(unprotectedCrit, at: now).reason, .malformed, "crit outside the protected bucket")
        let empty = try thresholdText(protectedExtra: [CBORPair(key: crit, value: .array([]))])
        XCTAssertEqual(verifier.verify(empty, at: now).reason, .malformed, "an empty crit")
        // Naming a header we do understand is fine, and so is no crit at all.
        let known = try thresholdText(protectedExtra: [CBORPair(key: crit, value: .array([CBOR(COSESign1.Label.kid)]))])
        XCTAssertEqual(verifier.verify(known, at: now).outcome, .accept)
        XCTAssertEqual(verifier.verify(try thresholdText(protectedExtra: []), at: now).outcome, .accept)
    }

    func testFinding6UnknownJWSCriticalHeaderIsRefused() throws {
        let key = SigningKey.p256(PassFixtures.p256(7))
        func jws(_ header: String) throws -> String {
            let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array("{}".utf8))
            return input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
        }
        XCTAssertNoThrow(try CompactJWS(jws(#"{"alg":"ES256","kid":"k"}"#)))
        XCTAssertThrowsError(try CompactJWS(jws(#"{"alg":"ES256","kid":"k","crit":["exp"],"exp":1}"#))) { error in
            XCTAssertEqual((error as? PassError)?.reason, .malformed)
        }
    }

    // MARK: Issue time

    func testFinding6FutureIssuedAtIsRefusedEvenWithNotBefore() throws {
        var pass = PassFixtures.pass(issuedAt: now.addingTimeInterval(3600), serial: 62)
        pass.notBefore = now.addingTimeInterval(-3600)
        let text = try PassFixtures.edIssuer.issue(pass)
        XCTAssertEqual(Verifier(trust: PassFixtures.store()).verify(text, at: now).reason, .notYetValid)
        // Within the clock skew it still verifies.
        XCTAssertEqual(Verifier(trust: PassFixtures.store()).verify(text, at: now.addingTimeInterval(3500)).outcome, .accept)
    }

    // MARK: DCC

    /// A DCC signed by `key` (kid `kid`) whose eu_dgc_v1 document has `entries` (key → value).
    private func dcc(_ entries: [(String, CBOR)], key: SigningKey, kid: [UInt8]) throws -> String {
        let vaccination = CBOR.map([
            CBORPair(key: .text("tg"), value: .text("840539006")), CBORPair(key: .text("mp"), value: .text("EU/1/20/1528")),
            CBORPair(key: .text("dn"), value: CBOR(2)), CBORPair(key: .text("sd"), value: CBOR(2)),
            CBORPair(key: .text("dt"), value: .text("2021-06-01")), CBORPair(key: .text("co"), value: .text("BG")),
            CBORPair(key: .text("ci"), value: .text("URN:UVCI:01:BG:TEST0001")),
        ])
        var dgc = [CBORPair(key: .text("ver"), value: .text("1.3.0")),
                   CBORPair(key: .text("nam"), value: .map([CBORPair(key: .text("fnt"), value: .text("IVANOV"))])),
                   CBORPair(key: .text("dob"), value: .text("1990-01-01"))]
        dgc += entries.map { CBORPair(key: .text($0.0), value: $0.1.isPlaceholder ? .array([vaccination]) : $0.1) }
        let claims = CBOR.map([
            CBORPair(key: CBOR(CWTClaims.Key.issuer), value: .text("BG")),
            CBORPair(key: CBOR(CWTClaims.Key.expires), value: CBOR(Int(now.timeIntervalSince1970) + 86_400)),
            CBORPair(key: CBOR(CWTClaims.Key.issuedAt), value: CBOR(Int(now.timeIntervalSince1970) - 86_400)),
            CBORPair(key: CBOR(CWTClaims.Key.healthCertificate),
                     value: .map([CBORPair(key: CBOR(CWTClaims.Key.euDGCv1), value: .map(dgc))])),
        ])
        let cose = try COSESign1.sign(payload: CBOREncoder.encode(claims), algorithm: .es256, kid: kid, signer: key)
        return DCCPass.prefix + Base45.encode(Zlib.deflate(cose, format: .zlib))
    }

    private func dccStore(_ key: SigningKey, kid: [UInt8]) -> InMemoryTrustStore {
        InMemoryTrustStore(keys: [TrustedKey(format: .dcc, kid: kid, key: key.publicKey, issuer: "BG")])
    }

    func testFinding6DCCWithoutExactlyOneEntryIsRefused() throws {
        let key = SigningKey.p256(PassFixtures.p256(8)), kid: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let verifier = Verifier(trust: dccStore(key, kid: kid))
        let test = CBOR.array([.map([CBORPair(key: .text("tg"), value: .text("840539006")),
                                     CBORPair(key: .text("tr"), value: .text(HealthCertificate.Test.notDetected)),
                                     CBORPair(key: .text("sc"), value: .text("2021-06-01T10:00:00Z")),
                                     CBORPair(key: .text("ci"), value: .text("URN:UVCI:01:BG:TEST0002"))])])
        XCTAssertEqual(verifier.verify(try dcc([], key: key, kid: kid), at: now).reason, .malformed, "no v, t or r: no evidence")
        XCTAssertEqual(verifier.verify(try dcc([("v", .placeholder), ("t", test)], key: key, kid: kid), at: now).reason, .malformed,
                       "a vaccination and a test at once")
        XCTAssertEqual(verifier.verify(try dcc([("v", .placeholder)], key: key, kid: kid), at: now).outcome, .accept)
    }

    /// Bulgarian certificates write the unused arrays as `null`: read as absent.
    func testFinding6NullEntryArraysAreReadAsAbsent() throws {
        let key = SigningKey.p256(PassFixtures.p256(9)), kid: [UInt8] = [8, 7, 6, 5, 4, 3, 2, 1]
        let text = try dcc([("v", .placeholder), ("t", .null), ("r", .null)], key: key, kid: kid)
        let verdict = Verifier(trust: dccStore(key, kid: kid)).verify(text, at: now)
        XCTAssertEqual(verdict.outcome, .accept, "\(verdict)")
        XCTAssertEqual(verdict.facts?.doses, 2)
    }

    func testFinding6DCCSignerWithoutDigitalSignatureKeyUsageIsRefused() throws {
        let signing = P256.Signing.PrivateKey()
        func certificate(_ usage: X509.KeyUsage) throws -> SignerCertificate {
            let name = try DistinguishedName { CountryName("BG"); CommonName("DSC test") }
            let cert = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(signing.publicKey),
                notValidBefore: now.addingTimeInterval(-86_400 * 30), notValidAfter: now.addingTimeInterval(86_400 * 30),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions { usage }, issuerPrivateKey: .init(signing))
            var serializer = DER.Serializer()
            try serializer.serialize(cert)
            return try SignerCertificate(der: serializer.serializedBytes)
        }
        let key = SigningKey.p256(signing)
        for (usage, allowed) in [(X509.KeyUsage(digitalSignature: true), true), (X509.KeyUsage(keyCertSign: true), false)] {
            let signer = try certificate(usage)
            XCTAssertEqual(signer.mayDigitallySign, allowed)
            let text = try dcc([("v", .placeholder)], key: key, kid: signer.kid)
            let verdict = Verifier(trust: InMemoryTrustStore(keys: [TrustedKey(dccSigner: signer)])).verify(text, at: now)
            XCTAssertEqual(verdict.outcome, allowed ? .accept : .deny, "\(verdict)")
            if !allowed { XCTAssertEqual(verdict.reason, .keyUsage) }
            let pass = try DCCPass(qrText: text)
            if allowed { XCTAssertNoThrow(try pass.verify(with: signer, at: now)) } else {
                XCTAssertThrowsError(try pass.verify(with: signer, at: now))
            }
        }
    }

    // MARK: RFC 3339

    func testFinding6RFC3339InstantsAreReadInFullOrRefused() {
        XCTAssertEqual(ISODate.parseInstant("2021-06-02T13:34:13.635560Z")?.timeIntervalSince1970 ?? 0, 1_622_640_853.63556, accuracy: 1e-6)
        XCTAssertEqual(ISODate.parseInstant("2021-06-02T15:34:13.5+02:00")?.timeIntervalSince1970 ?? 0, 1_622_640_853.5, accuracy: 1e-6)
        XCTAssertEqual(ISODate.parseInstant("2021-06-02")?.timeIntervalSince1970, 1_622_592_000)
        XCTAssertNil(ISODate.parseInstant("2021-06-02T13:34:13"), "a date-time without a zone names no instant")
        XCTAssertNil(ISODate.parseInstant("2021-06-02T13:34:13.Z"))
        XCTAssertNil(ISODate.parseInstant("2021-06-02T25:00:00Z"))
    }
}

private extension CBOR {
    /// Stands for "the standard vaccination entry" in `dcc(_:key:kid:)`.
    static let placeholder = CBOR.simple(250)
    var isPlaceholder: Bool { self == .placeholder }
}
