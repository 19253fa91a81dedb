import Crypto
import Foundation

/// Key files for the CLI and the kiosk config: standard PEM, so `openssl pkey -in … -text` reads
/// them. Private keys are PKCS#8 (`PRIVATE KEY`), public keys SubjectPublicKeyInfo (`PUBLIC KEY`).
/// Ed25519 and P-256 only (what our passes, holder proofs and trust roots use).
public enum KeyPEM {
    // RFC 8410 fixed DER prefixes for Ed25519 (the key is always 32 bytes).
    private static let ed25519PrivatePrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    private static let ed25519PublicPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    public static func encode(_ key: SigningKey) -> String {
        switch key {
        case .ed25519(let k): pem("PRIVATE KEY", ed25519PrivatePrefix + Array(k.rawRepresentation))
        case .p256(let k): k.pemRepresentation + "\n"
        }
    }

    public static func encode(_ key: VerificationKey) -> String {
        switch key {
        case .ed25519(let k): pem("PUBLIC KEY", ed25519PublicPrefix + Array(k.rawRepresentation))
        case .p256(let k): k.pemRepresentation + "\n"
        case .rsa(let k): k.pemRepresentation + "\n"
        }
    }

    /// Reads a private key PEM (Ed25519 or P-256 PKCS#8, or SEC1 `EC PRIVATE KEY`).
    public static func signingKey(_ text: String) throws(PassError) -> SigningKey {
        let der = try body(text)
        if der.count == 48 && Array(der.prefix(16)) == ed25519PrivatePrefix,
           let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32)) {
            return .ed25519(key)
        }
        if let key = try? P256.Signing.PrivateKey(pemRepresentation: text) { return .p256(key) }
        throw .malformed("not an Ed25519 or P-256 private key PEM")
    }

    /// Reads a public key PEM (Ed25519 or P-256 SubjectPublicKeyInfo).
    public static func verificationKey(_ text: String) throws(PassError) -> VerificationKey {
        let der = try body(text)
        if der.count == 44 && Array(der.prefix(12)) == ed25519PublicPrefix,
           let key = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32)) {
            return .ed25519(key)
        }
        if let key = try? P256.Signing.PublicKey(derRepresentation: der) { return .p256(key) }
        throw .malformed("not an Ed25519 or P-256 public key PEM")
    }

    private static func pem(_ label: String, _ der: [UInt8]) -> String {
        "-----BEGIN \(label)-----\n\(Data(der).base64EncodedString())\n-----END \(label)-----\n"
    }

    private static func body(_ text: String) throws(PassError) -> [UInt8] {
        let base64 = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard !base64.isEmpty, let data = Data(base64Encoded: String(base64)) else { throw .malformed("PEM body is not base64") }
        return Array(data)
    }
}
