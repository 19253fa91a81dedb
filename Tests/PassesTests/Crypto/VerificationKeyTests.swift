import Crypto
import _CryptoExtras
import XCTest
@testable import Passes

final class VerificationKeyTests: XCTestCase {
    let message = Array("Signature1 over something".utf8)

    func testAlgorithmMustMatchKey() throws {
        let p256 = SigningKey.p256(P256.Signing.PrivateKey())
        let ed = SigningKey.ed25519(Curve25519.Signing.PrivateKey())
        let p256Sig = try p256.sign(message)
        XCTAssertEqual(p256Sig.count, 64)
        XCTAssertTrue(p256.publicKey.verify(signature: p256Sig, message: message, algorithm: .es256))
        XCTAssertFalse(p256.publicKey.verify(signature: p256Sig, message: message, algorithm: .edDSA))
        XCTAssertFalse(p256.publicKey.verify(signature: p256Sig, message: message, algorithm: .ps256))
        XCTAssertFalse(p256.publicKey.verify(signature: Array(p256Sig.dropLast()), message: message, algorithm: .es256))
        let edSig = try ed.sign(message)
        XCTAssertTrue(ed.publicKey.verify(signature: edSig, message: message, algorithm: .edDSA))
        XCTAssertFalse(ed.publicKey.verify(signature: edSig, message: message, algorithm: .es256))
        XCTAssertFalse(ed.publicKey.verify(signature: edSig, message: message + [0], algorithm: .edDSA))
    }

    func testRSAPSSWithDigestLengthSalt() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let signature = try key.signature(for: SHA256.hash(data: message), padding: .PSS)
        let verifier = VerificationKey.rsa(key.publicKey)
        XCTAssertTrue(verifier.verify(signature: Array(signature.rawRepresentation), message: message, algorithm: .ps256))
        XCTAssertFalse(verifier.verify(signature: Array(signature.rawRepresentation), message: message, algorithm: .es256))
        XCTAssertFalse(verifier.verify(signature: Array(signature.rawRepresentation), message: message + [1], algorithm: .ps256))
    }
}
