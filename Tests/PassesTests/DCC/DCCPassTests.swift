import Foundation
import TestSupport
import XCTest
@testable import Passes

final class DCCPassTests: XCTestCase {
    func load(_ path: String) throws -> DCCTestCase {
        let url = try Corpora.url("dcc/\(path)")
        let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        return DCCTestCase(path: path, raw: raw)
    }

    func signer(_ c: DCCTestCase) throws -> SignerCertificate {
        try SignerCertificate(der: XCTUnwrap(c.certificateDER))
    }

    func testAustrianVaccinationEndToEnd() throws {
        let c = try load("AT/2DCode/raw/1.json")
        let pass = try DCCPass(qrText: XCTUnwrap(c.string("PREFIX")))
        let clock = try XCTUnwrap(c.validationClock)
        XCTAssertNoThrow(try pass.verify(with: signer(c), at: clock))
        XCTAssertEqual(pass.claims.issuer, "AT")
        XCTAssertEqual(pass.certificate.kind, .vaccination)
        let entry = try XCTUnwrap(pass.certificate.entries.first)
        XCTAssertEqual(entry.vaccination?.doseNumber, 1)
        XCTAssertEqual(entry.vaccination?.seriesDoses, 2)
        XCTAssertEqual(entry.vaccination?.date, ISODate.parse("2021-02-18"))
        XCTAssertEqual(pass.certificate.maskedName, "M*")
        XCTAssertEqual(pass.certificate.display.name, "M*")
        XCTAssertTrue(entry.uci?.hasPrefix("URN:UVCI:01:AT:") ?? false)
        XCTAssertEqual(pass.certificate.display.idTail, "***" + String(entry.uci!.suffix(4)))
        XCTAssertEqual(pass.kid, try signer(c).kid)
    }

    func testTestAndRecoveryFields() throws {
        let test = try DCCPass(qrText: XCTUnwrap(load("NL/2DCode/raw/216-NL-test+wrong_key.json").string("PREFIX")))
        XCTAssertEqual(test.certificate.kind, .test)
        XCTAssertEqual(test.certificate.entries.first?.test?.result, HealthCertificate.Test.detected)
        XCTAssertEqual(test.certificate.entries.first?.test?.sampleTime, ISODate.parse("2021-04-25T12:45:31Z"))
        let recovery = try DCCPass(qrText: XCTUnwrap(load("NL/2DCode/raw/144-NL-recovery.json").string("PREFIX")))
        XCTAssertEqual(recovery.certificate.kind, .recovery)
        XCTAssertNotNil(recovery.certificate.entries.first?.recovery?.validUntil)
    }

    func testRSAPS256Signer() throws {
        for path in ["common/2DCode/raw/CO1.json", "common/2DCode/raw/CO2.json", "CH/2DCode/raw/1.json"] {
            let c = try load(path)
            let pass = try DCCPass(qrText: XCTUnwrap(c.string("PREFIX")))
            let signer = try signer(c)
            guard case .rsa = signer.key else { return XCTFail("\(path) should have an RSA signer") }
            XCTAssertEqual(pass.message.algorithm, .ps256, path)
            XCTAssertTrue(pass.verifySignature(with: signer.key), path)
        }
    }

    func testDenialsHaveSpecificReasons() throws {
        let at = try load("AT/2DCode/raw/1.json")
        let clock = try XCTUnwrap(at.validationClock)
        let pass = try DCCPass(qrText: XCTUnwrap(at.string("PREFIX")))
        // Key usage: an NL test certificate signed by a vaccination-only key.
        let wrongUsage = try load("NL/2DCode/raw/216-NL-test+wrong_key.json")
        let wrongPass = try DCCPass(qrText: XCTUnwrap(wrongUsage.string("PREFIX")))
        XCTAssertThrowsError(try wrongPass.verify(with: signer(wrongUsage), at: XCTUnwrap(wrongUsage.validationClock))) {
            XCTAssertEqual(($0 as? PassError)?.reason, .keyUsage)
        }
        // Another signer's certificate: the kid does not match.
        XCTAssertThrowsError(try pass.verify(with: signer(wrongUsage), at: clock)) {
            XCTAssertEqual(($0 as? PassError)?.reason, .unknownKey)
        }
        // Tampered payload.
        var tampered = pass
        tampered.message.payload[tampered.message.payload.count - 3] ^= 0x01
        XCTAssertThrowsError(try tampered.verify(with: signer(at), at: clock)) {
            XCTAssertEqual(($0 as? PassError)?.reason, .badSignature)
        }
        // Expired and not yet valid.
        XCTAssertThrowsError(try pass.checkValidity(at: XCTUnwrap(pass.claims.expires).addingTimeInterval(1))) {
            XCTAssertEqual(($0 as? PassError)?.reason, .expired)
        }
        XCTAssertThrowsError(try pass.checkValidity(at: XCTUnwrap(pass.claims.issuedAt).addingTimeInterval(-1))) {
            XCTAssertEqual(($0 as? PassError)?.reason, .notYetValid)
        }
        XCTAssertNoThrow(try pass.checkValidity(at: XCTUnwrap(pass.claims.issuedAt).addingTimeInterval(-60), skew: 120))
        // Wrong context identifier.
        XCTAssertThrowsError(try DCCPass(qrText: XCTUnwrap(load("common/2DCode/raw/H2.json").string("PREFIX")))) {
            XCTAssertEqual(($0 as? PassError)?.reason, .unknownFormat)
        }
        // Broken compression and base45.
        for path in ["common/2DCode/raw/Z1.json", "common/2DCode/raw/B1.json"] {
            let c = try load(path)
            XCTAssertThrowsError(try DCCPass(qrText: XCTUnwrap(c.string("PREFIX"))), path) {
                XCTAssertEqual(($0 as? PassError)?.reason, .malformed, path)
            }
        }
    }

    func testSignerCertificateFields() throws {
        let nl = try signer(load("NL/2DCode/raw/216-NL-test+wrong_key.json"))
        XCTAssertEqual(nl.kid.count, 8)
        XCTAssertEqual(DCCKeyUsage.allowedKinds(nl.extendedKeyUsages), [.vaccination])
        XCTAssertLessThan(nl.notBefore, nl.notAfter)
        // The German signer is issued under an RSASSA-PSS/SHA-512 CA that swift-certificates
        // refuses; the fallback reader still yields its P-256 key and validity.
        let de = try signer(load("DE/2DCode/raw/1.json"))
        guard case .p256 = de.key else { return XCTFail("DE signer key should be P-256") }
        XCTAssertEqual(de.notBefore, ISODate.parse("2021-04-27T09:31:22Z"))
        XCTAssertThrowsError(try SignerCertificate(der: [0x30, 0x03, 0x02, 0x01, 0x01])) {
            XCTAssertEqual(($0 as? PassError)?.reason, .malformed)
        }
        let pem = "-----BEGIN CERTIFICATE-----\n" + Data(nl.der).base64EncodedString(options: .lineLength64Characters)
            + "\n-----END CERTIFICATE-----\n"
        XCTAssertEqual(try SignerCertificate(pem: pem).kid, nl.kid)
    }

    func testISODateForms() {
        XCTAssertEqual(ISODate.parse("1970-01-02")?.timeIntervalSince1970, 86_400)
        XCTAssertEqual(ISODate.parse("2021-05-03T20:00:00+02:00"), ISODate.parse("2021-05-03T18:00:00Z"))
        XCTAssertEqual(ISODate.parse("2021-05-21T12:26:07.5Z")?.timeIntervalSince1970, 1_621_599_967.5)
        XCTAssertEqual(ISODate.parse("2021-05-30T13:38:51"), ISODate.parse("2021-05-30T13:38:51Z"))
        for bad in ["2021-02-30", "2021-13-01", "21-01-01", "2021-01-01T25:00Z", "2021-01-01T10:00+0", "2021-01-01X"] {
            XCTAssertNil(ISODate.parse(bad), bad)
        }
    }
}

extension DCCPassTests {
    func testRevocationKeys() throws {
        let c = try load("AT/2DCode/raw/1.json")
        let pass = try DCCPass(qrText: XCTUnwrap(c.string("PREFIX")))
        let keys = DCCRevocationKeys(pass)
        XCTAssertEqual(keys.uci?.count, 16)
        XCTAssertEqual(keys.signature.count, 16)
        XCTAssertNotEqual(keys.uci, keys.countryCodeUCI)
        // Negating s (a second valid ECDSA signature) must not change the signature key.
        var other = pass
        other.message.signature.replaceSubrange(32..., with: [UInt8](repeating: 0xAB, count: 32))
        XCTAssertEqual(DCCRevocationKeys(other).signature, keys.signature)
        other.message.signature[0] ^= 1
        XCTAssertNotEqual(DCCRevocationKeys(other).signature, keys.signature)
    }
}
