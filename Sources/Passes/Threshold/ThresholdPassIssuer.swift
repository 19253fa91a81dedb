import Foundation

/// Issues our passes: claims → CWT → COSE_Sign1 (Ed25519 or ES256) → zlib → base45 → `TH1:`.
/// Used by the CLI (`threshold pass issue`), the simulator and tests.
public struct ThresholdPassIssuer: Sendable {
    public let key: SigningKey
    public let issuer: String
    /// First 8 bytes of SHA-256 over the public key (`TrustedKey.kid(for:)`).
    public let kid: [UInt8]

    public init(key: SigningKey, issuer: String) {
        self.key = key
        self.issuer = issuer
        self.kid = TrustedKey.kid(for: key.publicKey)
    }

    /// The trust entry a kiosk needs to accept this issuer's passes.
    public func trustedKey(validFrom: Date? = nil, validUntil: Date? = nil) -> TrustedKey {
        TrustedKey(format: .threshold, kid: kid, key: key.publicKey, issuer: issuer,
                   validFrom: validFrom, validUntil: validUntil, usages: [.thresholdPass])
    }

    /// Signs `pass` (its `issuer` is overwritten with ours) and returns the `TH1:` text.
    public func issue(_ pass: ThresholdPass) throws -> String {
        guard ThresholdPass.checkDisplay(pass.display) else {
            throw PassError.malformed("display must be one character and '*', and an id tail of 1–6 letters or digits")
        }
        var pass = pass
        pass.issuer = issuer
        let cose = try COSESign1.sign(payload: CBOREncoder.encode(pass.claims()), algorithm: key.algorithm, kid: kid, signer: key)
        return ThresholdWire.credentialPrefix + Base45.encode(Zlib.deflate(cose, format: .zlib, level: 9))
    }

    /// A fresh random credential id (16 bytes).
    public static func newCredentialID() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
