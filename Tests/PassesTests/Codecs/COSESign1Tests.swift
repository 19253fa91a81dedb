import Crypto
import XCTest
@testable import Passes

final class COSESign1Tests: XCTestCase {
    func testSignAndVerifyBothAlgorithms() throws {
        let payload = CBOREncoder.encode(.map([CBORPair(key: 1, value: "issuer")]))
        for signer in [SigningKey.p256(P256.Signing.PrivateKey()), .ed25519(Curve25519.Signing.PrivateKey())] {
            let bytes = try COSESign1.sign(payload: payload, algorithm: signer.algorithm, kid: [1, 2, 3], signer: signer)
            let message = try COSESign1.decode(bytes)
            XCTAssertEqual(message.algorithm, signer.algorithm)
            XCTAssertEqual(message.kid, [1, 2, 3])
            XCTAssertEqual(message.payload, payload)
            XCTAssertTrue(message.verify(with: signer.publicKey))
            // Tampered payload, other key, other external AAD: all fail.
            var tampered = message
            tampered.payload[tampered.payload.count - 1] ^= 1
            XCTAssertFalse(tampered.verify(with: signer.publicKey))
            XCTAssertFalse(message.verify(with: SigningKey.p256(P256.Signing.PrivateKey()).publicKey))
            XCTAssertFalse(message.verify(with: signer.publicKey, externalAAD: [0]))
            // Round trip through the untagged form too.
            guard case .tagged(18, let untagged) = try CBORDecoder().decode(bytes) else { return XCTFail("tag") }
            XCTAssertEqual(try COSESign1.decode(CBOREncoder.encode(untagged)), message)
        }
    }

    func testSignRefusesAlgorithmMismatch() {
        XCTAssertThrowsError(try COSESign1.sign(payload: [], algorithm: .es256, kid: nil,
                                                signer: .ed25519(Curve25519.Signing.PrivateKey())))
    }

    func testSignatureStructureLayout() {
        let message = COSESign1(protectedBytes: [0xA1, 0x01, 0x26], protected: .map([CBORPair(key: 1, value: -7)]),
                                unprotected: .map([]), payload: [0x01], signature: [])
        // ["Signature1", h'A10126', h'', h'01']
        XCTAssertEqual(hexString(message.signatureStructure()), "846a5369676e61747572653143a101264041" + "01")
    }

    func testKidPrefersProtectedHeader() throws {
        let protected = CBOR.map([CBORPair(key: 4, value: .bytes([1]))])
        let bytes = CBOREncoder.encode(.array([.bytes(CBOREncoder.encode(protected)),
                                               .map([CBORPair(key: 4, value: .bytes([2])), CBORPair(key: 1, value: -7)]),
                                               .bytes([]), .bytes([])]))
        let message = try COSESign1.decode(bytes)
        XCTAssertEqual(message.kid, [1])
        XCTAssertEqual(message.algorithm, .es256)
    }

    func testRejectsBadStructures() {
        let cases: [(String, CBOR)] = [
            ("not an array", .map([])),
            ("three items", .array([.bytes([]), .map([]), .bytes([])])),
            ("protected not bytes", .array([.map([]), .map([]), .bytes([]), .bytes([])])),
            ("protected not a map", .array([.bytes([0x01]), .map([]), .bytes([]), .bytes([])])),
            ("unprotected not a map", .array([.bytes([]), .array([]), .bytes([]), .bytes([])])),
            ("detached payload", .array([.bytes([]), .map([]), .null, .bytes([])])),
            ("signature not bytes", .array([.bytes([]), .map([]), .bytes([]), .text("sig")])),
            ("wrong tag", .tagged(98, .array([.bytes([]), .map([]), .bytes([]), .bytes([])]))),
        ]
        for (name, value) in cases {
            XCTAssertThrowsError(try COSESign1.decode(CBOREncoder.encode(value)), name) { error in
                XCTAssertEqual((error as? PassError)?.reason, .malformed, name)
            }
        }
    }
}
