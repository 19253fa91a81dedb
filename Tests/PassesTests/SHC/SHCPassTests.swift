import Crypto
import Foundation
import TestSupport
import XCTest
@testable import Passes

final class SHCPassTests: XCTestCase {
    func text(_ name: String) throws -> String {
        try String(contentsOf: Corpora.url("shc/examples/\(name)"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func bytes(_ relative: String) throws -> [UInt8] {
        try Array(Data(contentsOf: Corpora.url("shc/\(relative)")))
    }

    func keys() throws -> JWKSet { try JWKSet(json: bytes("examples/issuer/.well-known/jwks.json")) }

    func crl() throws -> [String: SHCRevocationList] {
        let list = try SHCRevocationList(json: bytes("examples/issuer/.well-known/crl/3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s.json"))
        return [list.kid: list]
    }

    /// After every example's nbf (June 2023), before any exp (June 2024).
    let clock = Date(timeIntervalSince1970: 1_690_000_000)

    func testIssuerKeySetsParseWithThumbprintKids() throws {
        for path in ["examples/issuer/.well-known/jwks.json", "main/issuer-jwks.json"] {
            let set = try JWKSet(json: bytes(path))
            XCTAssertEqual(Set(set.keys.keys), ["3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s",
                                                 "EBKOr72QQDcTBUuVzAzkfBTGew0ZA16GuWty64nS-sw"], path)
            XCTAssertEqual(set.keys["3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s"]?.crlVersion, 1)
            XCTAssertEqual(set.rejected, [])
        }
        // A kid that is not the thumbprint is refused, not trusted under the wrong name.
        let forged = #"{"keys":[{"kty":"EC","crv":"P-256","kid":"not-the-thumbprint","x":"11XvRWy1I2S0EyJlyf_bWfw_TQ5CJJNLw78bHXNxcgw","y":"eZXwxvO1hvCY0KucrPfKo7yAyMT6Ajc3N7OkAB6VYy8"}]}"#
        let set = try JWKSet(json: Array(forged.utf8))
        XCTAssertTrue(set.keys.isEmpty)
        XCTAssertEqual(set.rejected.count, 1)
    }

    func testEverySingleQRExampleVerifies() throws {
        let keys = try keys()
        for number in ["00", "01", "03"] {
            let qr = try text("example-\(number)-f-qr-code-numeric-value-0.txt")
            let pass = try SHCPass(qrText: qr)
            XCTAssertEqual(try SHCNumeric.jws(fromQR: qr), try text("example-\(number)-d-jws.txt"), number)
            XCTAssertNoThrow(try pass.verify(keys: keys, at: clock), number)
            XCTAssertEqual(pass.claims.issuer, "https://spec.smarthealth.cards/examples/issuer")
            XCTAssertNotNil(keys.keys[pass.kid ?? ""], number)
            XCTAssertFalse(pass.claims.immunizations.isEmpty, number)
            XCTAssertEqual(pass.display.name.count, 2, number)
            XCTAssertTrue(pass.display.name.hasSuffix("*"), number)
        }
    }

    func testExample03IsRevokedAndOthersAreNot() throws {
        let keys = try keys(), lists = try crl()
        let revoked = try SHCPass(qrText: text("example-03-f-qr-code-numeric-value-0.txt"))
        XCTAssertEqual(revoked.claims.rid, "vwAjHdarZuc")
        XCTAssertEqual(revoked.display.name, "R*")
        XCTAssertThrowsError(try revoked.verify(keys: keys, revocationLists: lists, at: clock)) {
            XCTAssertEqual(($0 as? PassError)?.reason, .revoked)
        }
        for number in ["00", "01"] {
            let pass = try SHCPass(qrText: text("example-\(number)-f-qr-code-numeric-value-0.txt"))
            XCTAssertNoThrow(try pass.verify(keys: keys, revocationLists: lists, at: clock), number)
        }
    }

    func testRevocationTimestampSemantics() throws {
        let json = #"{"kid":"k","method":"rid","ctr":3,"rids":["AAAA","BBBB.1000","BBBB.2000","CCCC.500","CCCC"]}"#
        let list = try SHCRevocationList(json: Array(json.utf8))
        XCTAssertEqual(list.counter, 3)
        XCTAssertTrue(list.isRevoked(rid: "AAAA", issuedAt: Date(timeIntervalSince1970: 9e9)))
        XCTAssertTrue(list.isRevoked(rid: "BBBB", issuedAt: Date(timeIntervalSince1970: 1999)))
        XCTAssertFalse(list.isRevoked(rid: "BBBB", issuedAt: Date(timeIntervalSince1970: 2000)))
        XCTAssertTrue(list.isRevoked(rid: "CCCC", issuedAt: Date(timeIntervalSince1970: 9e9)))
        XCTAssertFalse(list.isRevoked(rid: "DDDD", issuedAt: Date(timeIntervalSince1970: 0)))
        for bad in [#"{"kid":"k","method":"hash-fhir","ctr":1,"rids":[]}"#, #"{"kid":"k","method":"rid","ctr":1,"rids":["a b"]}"#,
                    #"{"kid":"k","method":"rid","ctr":1,"rids":["AAAA.x"]}"#, #"{"rids":[]}"#] {
            XCTAssertThrowsError(try SHCRevocationList(json: Array(bad.utf8)), bad) {
                XCTAssertEqual(($0 as? PassError)?.reason, .malformed, bad)
            }
        }
    }

    func testChunkedExampleReassemblesInAnyOrder() throws {
        let chunks = try (0..<3).map { try text("example-02-f-qr-code-numeric-value-\($0).txt") }
        let jws = try text("example-02-d-jws.txt")
        XCTAssertEqual(try SHCNumeric.jws(fromChunks: chunks), jws)
        XCTAssertEqual(try SHCNumeric.jws(fromChunks: chunks.reversed()), jws)
        let pass = try SHCPass(chunks: [chunks[2], chunks[0], chunks[1]])
        XCTAssertNoThrow(try pass.verify(keys: keys(), revocationLists: crl(), at: clock))
        // One chunk alone, or a missing one: a clear reason, never a partial decode.
        XCTAssertThrowsError(try SHCPass(qrText: chunks[1])) { error in
            XCTAssertEqual((error as? PassError)?.reason, .malformed)
            XCTAssertEqual((error as? PassError)?.detail, "chunked SHC needs all 3 chunks; this is chunk 2 of 3")
        }
        XCTAssertThrowsError(try SHCPass(chunks: [chunks[0], chunks[2]])) {
            XCTAssertEqual(($0 as? PassError)?.detail, "chunked SHC needs all 3 chunks; missing 2")
        }
    }

    func testTamperedPayloadAndWrongKid() throws {
        let keys = try keys()
        let jws = try text("example-00-d-jws.txt")
        var parts = jws.split(separator: ".").map(String.init)
        // Re-sign nothing: swap in the payload of another example under the same signature.
        parts[1] = String(try text("example-01-d-jws.txt").split(separator: ".")[1])
        XCTAssertThrowsError(try SHCPass(jws: parts.joined(separator: ".")).verify(keys: keys, at: clock)) {
            XCTAssertEqual(($0 as? PassError)?.reason, .badSignature)
        }
        // A valid card from an issuer we do not hold.
        let stranger = P256.Signing.PrivateKey()
        let strangerJWK = JWK(kty: "EC", kid: nil, use: nil, alg: nil, crv: "P-256",
                              x: Base64URL.encode(Array(stranger.publicKey.x963Representation[1...32])),
                              y: Base64URL.encode(Array(stranger.publicKey.x963Representation[33...64])), crlVersion: nil)
        let payload = try SHCPass(jws: jws).jws.payload()
        let foreign = try CompactJWS.sign(payload: payload, kid: strangerJWK.thumbprint(), compress: true, signer: .p256(stranger))
        XCTAssertThrowsError(try SHCPass(jws: foreign).verify(keys: keys, at: clock)) {
            XCTAssertEqual(($0 as? PassError)?.reason, .unknownKey)
        }
        // The same card under a kid we hold but signed by the stranger: bad signature.
        let impostor = try CompactJWS.sign(payload: payload, kid: "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s",
                                           compress: true, signer: .p256(stranger))
        XCTAssertThrowsError(try SHCPass(jws: impostor).verify(keys: keys, at: clock)) {
            XCTAssertEqual(($0 as? PassError)?.reason, .badSignature)
        }
        // Round trip of our own signing, through the numeric QR form.
        var own = try JWKSet(json: Array(#"{"keys":[]}"#.utf8))
        XCTAssertTrue(own.keys.isEmpty)
        own = try JWKSet(json: Array(#"{"keys":[{"kty":"EC","crv":"P-256","x":"\#(strangerJWK.x!)","y":"\#(strangerJWK.y!)"}]}"#.utf8))
        XCTAssertNoThrow(try SHCPass(qrText: SHCNumeric.encode(jws: foreign)).verify(keys: own, at: clock))
    }

    func testValidityWindow() throws {
        XCTAssertNil(try SHCPass(qrText: text("example-00-f-qr-code-numeric-value-0.txt")).claims.expires)
        let pass = try SHCPass(qrText: text("example-03-f-qr-code-numeric-value-0.txt"))
        XCTAssertThrowsError(try pass.checkValidity(at: pass.claims.issuedAt.addingTimeInterval(-1))) {
            XCTAssertEqual(($0 as? PassError)?.reason, .notYetValid)
        }
        let expires = try XCTUnwrap(pass.claims.expires)
        XCTAssertNoThrow(try pass.checkValidity(at: expires))
        XCTAssertThrowsError(try pass.checkValidity(at: expires.addingTimeInterval(1))) {
            XCTAssertEqual(($0 as? PassError)?.reason, .expired)
        }
    }
}
