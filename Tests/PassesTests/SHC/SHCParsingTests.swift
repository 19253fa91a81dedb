import Crypto
import XCTest
@testable import Passes

final class SHCParsingTests: XCTestCase {
    func testNumericDecoding() throws {
        // "X" = 88 → 43; "-" = 45 → 00; "z" = 122 → 77.
        XCTAssertEqual(try SHCNumeric.jws(fromQR: "shc:/430077"), "X-z")
        XCTAssertEqual(SHCNumeric.encode(jws: "X-z"), "shc:/430077")
        let cases: [(String, DenyReason)] = [
            ("shc:/43007", .malformed),      // odd length
            ("shc:/4378", .malformed),       // 78 + 45 = 123 is beyond 'z'
            ("shc:/43a0", .malformed),       // not a digit
            ("shc:/0/3/4300", .malformed),   // chunk index 0
            ("shc:/4/3/4300", .malformed),   // index beyond count
            ("shc:/1/x/4300", .malformed),   // count not a number
            ("shc:/1/2/3/4300", .malformed), // too many separators
            ("shc:/+1/3/4300", .malformed),  // sign in the chunk index
            ("SHC:/4300", .unknownFormat),
            ("HC1:4300", .unknownFormat),
        ]
        for (text, reason) in cases {
            XCTAssertThrowsError(try SHCNumeric.jws(fromQR: text), text) {
                XCTAssertEqual(($0 as? PassError)?.reason, reason, text)
            }
        }
        XCTAssertThrowsError(try SHCNumeric.jws(fromQR: "shc:/" + String(repeating: "10", count: 20_000))) {
            XCTAssertEqual(($0 as? PassError)?.reason, .oversized)
        }
        XCTAssertThrowsError(try SHCNumeric.jws(fromChunks: ["shc:/1/2/10", "shc:/2/3/10"]))
        XCTAssertThrowsError(try SHCNumeric.jws(fromChunks: ["shc:/1/2/10", "shc:/1/2/11"]))
        XCTAssertThrowsError(try SHCNumeric.jws(fromChunks: []))
    }

    func testBase64URLStrictness() throws {
        for (bytes, text) in [([UInt8](), ""), ([0xFF], "_w"), ([0xFB, 0xFF], "-_8"), ([1, 2, 3], "AQID")] {
            XCTAssertEqual(Base64URL.encode(bytes), text)
            XCTAssertEqual(try Base64URL.decode(text), bytes)
        }
        for bad in ["A", "AQ==", "A+8", "A/8", "AQ I", "_x"] {
            XCTAssertThrowsError(try Base64URL.decode(bad), bad)
        }
    }

    func testJWSRefusesOtherAlgorithms() throws {
        func jws(_ header: String, payload: String = "{}", signature: String = "AAAA") -> String {
            Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "." + signature
        }
        for header in [#"{"alg":"none"}"#, #"{"alg":"HS256","kid":"k"}"#, #"{"alg":"RS256"}"#, #"{"alg":"es256"}"#] {
            XCTAssertThrowsError(try CompactJWS(jws(header)), header) {
                XCTAssertEqual(($0 as? PassError)?.reason, .badSignature, header)
            }
        }
        let malformed = [jws(#"{"alg":"ES256","zip":"GZIP"}"#), jws("not json"), "a.b", "a.b.c.d", jws(#"{"kid":"k"}"#)]
        for text in malformed {
            XCTAssertThrowsError(try CompactJWS(text), text) {
                XCTAssertEqual(($0 as? PassError)?.reason, .malformed, text)
            }
        }
        // alg none with an empty signature is refused before any payload is read.
        XCTAssertThrowsError(try SHCPass(jws: jws(#"{"alg":"none"}"#, signature: ""))) {
            XCTAssertEqual(($0 as? PassError)?.reason, .badSignature)
        }
    }

    func testDeflateBombInJWSPayloadIsOversized() throws {
        let signer = SigningKey.p256(P256.Signing.PrivateKey())
        let huge = [UInt8](repeating: 0x20, count: 2_000_000)
        let token = try CompactJWS.sign(payload: huge, kid: "k", compress: true, signer: signer)
        XCTAssertThrowsError(try SHCPass(jws: token)) {
            XCTAssertEqual(($0 as? PassError)?.reason, .oversized)
        }
    }

    func testDeeplyNestedPayloadIsRefusedNotACrash() throws {
        let signer = SigningKey.p256(P256.Signing.PrivateKey())
        for nesting in [String(repeating: "[", count: 60_000), String(repeating: "{\"a\":", count: 10_000)] {
            let token = try CompactJWS.sign(payload: Array(nesting.utf8), kid: "k", compress: true, signer: signer)
            XCTAssertThrowsError(try SHCPass(jws: token)) {
                XCTAssertEqual(($0 as? PassError)?.reason, .malformed)
            }
        }
    }

    func testRFC7638ThumbprintVector() throws {
        // RFC 7638 §3.1 uses an RSA key; the EC form follows the same rule. The SMART example
        // issuer keys are published with kid = thumbprint, which the JWKS test checks; here a
        // hand-computed value guards the canonical member order.
        let jwk = JWK(kty: "EC", kid: nil, use: nil, alg: nil, crv: "P-256",
                      x: "11XvRWy1I2S0EyJlyf_bWfw_TQ5CJJNLw78bHXNxcgw", y: "eZXwxvO1hvCY0KucrPfKo7yAyMT6Ajc3N7OkAB6VYy8",
                      crlVersion: nil)
        XCTAssertEqual(try jwk.thumbprint(), "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s")
        var notOnCurve = jwk
        notOnCurve.y = "eZXwxvO1hvCY0KucrPfKo7yAyMT6Ajc3N7OkAB6VYy9"
        XCTAssertThrowsError(try notOnCurve.verificationKey())
    }
}
