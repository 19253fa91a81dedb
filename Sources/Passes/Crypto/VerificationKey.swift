import Crypto
import _CryptoExtras
import Foundation

/// COSE algorithm identifiers (IANA COSE Algorithms registry) that passes may use.
public enum COSEAlgorithm: Int, Sendable, Hashable, CaseIterable {
    /// ECDSA P-256 with SHA-256; signature is raw r‖s (64 bytes) in COSE and JWS alike.
    case es256 = -7
    /// EdDSA (Ed25519 for us).
    case edDSA = -8
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256, salt length 32 (EU DCC RSA signers).
    case ps256 = -37

    /// The JWS `alg` header value, for the algorithms JWS defines.
    public var jwsName: String {
        switch self {
        case .es256: "ES256"
        case .edDSA: "EdDSA"
        case .ps256: "PS256"
        }
    }
}

/// A public key able to check a pass signature.
///
/// Why an enum over concrete swift-crypto types rather than a protocol: the set of algorithms is
/// closed by the formats, and the algorithm named in a token must match the key's own kind —
/// an ES256 token "verified" with an RSA key is a forgery attempt, answered with `false`.
public enum VerificationKey: Sendable {
    case p256(P256.Signing.PublicKey)
    case ed25519(Curve25519.Signing.PublicKey)
    case rsa(_RSA.Signing.PublicKey)

    /// True only when `algorithm` fits this key and `signature` is valid over `message`.
    public func verify(signature: [UInt8], message: [UInt8], algorithm: COSEAlgorithm) -> Bool {
        verify(signature: signature[...], message: message, algorithm: algorithm)
    }

    /// The same, for a signature still inside the bytes it came in (no copy).
    func verify(signature: ArraySlice<UInt8>, message: [UInt8], algorithm: COSEAlgorithm) -> Bool {
        switch (self, algorithm) {
        case (.p256, .es256):
            return verifyES256(signature: signature, digest: SHA256.hash(data: message))
        case (.ed25519(let key), .edDSA):
            return key.isValidSignature(signature, for: message)
        case (.rsa(let key), .ps256):
            let sig = _RSA.Signing.RSASignature(rawRepresentation: signature)
            // swift-crypto's PSS uses salt length = digest length (32), as RFC 8230 requires.
            return key.isValidSignature(sig, for: SHA256.hash(data: message), padding: .PSS)
        default:
            return false
        }
    }

    /// ES256 over a SHA-256 digest the caller already took (a message hashed in pieces where
    /// it lies); false for any key that is not P-256.
    func verifyES256(signature: ArraySlice<UInt8>, digest: SHA256Digest) -> Bool {
        guard case .p256(let key) = self, let sig = Self.es256Signature(signature) else { return false }
        return key.isValidSignature(sig, for: digest)
    }

    /// An ES256 signature value from raw r‖s, or nil unless it is 64 bytes.
    ///
    /// Why from a template: swift-crypto's initialiser is generic, and called unspecialised from
    /// here it spent more on runtime type checks (a protocol-conformance lookup, a tuple metadata
    /// instantiation, the curve's size fetched from BoringSSL) than on the bytes — about 0.2 µs
    /// per fresh scan. `rawRepresentation` is a plain public stored property; the length it needs
    /// is checked here, and the signature check itself splits and range-checks r and s.
    static func es256Signature(_ raw: ArraySlice<UInt8>) -> P256.Signing.ECDSASignature? {
        guard raw.count == 64 else { return nil }
        guard var signature = es256Template else {
            return raw.withUnsafeBytes { try? P256.Signing.ECDSASignature(rawRepresentation: $0) }
        }
        signature.rawRepresentation = raw.withUnsafeBytes { Data(bytes: $0.baseAddress!, count: 64) }
        return signature
    }

    /// The algorithm this key signs with (PS256 for RSA).
    public var algorithm: COSEAlgorithm {
        switch self {
        case .p256: .es256
        case .ed25519: .edDSA
        case .rsa: .ps256
        }
    }

    /// The key in a stable byte form (SubjectPublicKeyInfo DER for P-256/RSA, raw 32 bytes for
    /// Ed25519), for trust-list storage and comparison.
    public var encoded: [UInt8] {
        switch self {
        case .p256(let key): Array(key.derRepresentation)
        case .ed25519(let key): Array(key.rawRepresentation)
        case .rsa(let key): Array(key.derRepresentation)
        }
    }
}

/// A private key for issuing passes (our own pass, test fixtures, the CLI).
public enum SigningKey: Sendable {
    case p256(P256.Signing.PrivateKey)
    case ed25519(Curve25519.Signing.PrivateKey)

    public var algorithm: COSEAlgorithm {
        switch self {
        case .p256: .es256
        case .ed25519: .edDSA
        }
    }

    public var publicKey: VerificationKey {
        switch self {
        case .p256(let key): .p256(key.publicKey)
        case .ed25519(let key): .ed25519(key.publicKey)
        }
    }

    /// Signs `message`; ES256 signatures come back as raw r‖s (64 bytes).
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        switch self {
        case .p256(let key): Array(try key.signature(for: SHA256.hash(data: message)).rawRepresentation)
        case .ed25519(let key): Array(try key.signature(for: message))
        }
    }
}

/// See `VerificationKey.es256Signature`.
private let es256Template = try? P256.Signing.ECDSASignature(rawRepresentation: Data(count: 64))
