import Crypto
import Foundation
import Passes

/// Keys and ids derived from the scenario seed, so a clip and its expected verdicts can be
/// reproduced without key files: SHA-256 of a label and the seed gives each Ed25519 private
/// key (Ed25519 signing is deterministic, so the tokens repeat byte for byte too).
public struct SimulationKeys: Sendable {
    public let seed: UInt64
    /// The issuer the kiosk trusts.
    public let issuer: SigningKey
    /// A key nobody trusts, for forged passes.
    public let forger: SigningKey

    public init(seed: UInt64) {
        self.seed = seed
        issuer = Self.key(seed: seed, label: "issuer")
        forger = Self.key(seed: seed, label: "forger")
    }

    /// The phone's holder key of one visitor.
    public func holder(_ visitorID: String) -> SigningKey { Self.key(seed: seed, label: "holder/\(visitorID)") }

    /// The 16-byte credential id (`cti`) of one visitor's pass.
    public func credentialID(_ visitorID: String) -> [UInt8] {
        Array(Self.digest(seed: seed, label: "cti/\(visitorID)").prefix(16))
    }

    static func key(seed: UInt64, label: String) -> SigningKey {
        // A 32-byte seed is always a valid Ed25519 private key, so this cannot fail.
        let raw = digest(seed: seed, label: label)
        return (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)).map(SigningKey.ed25519)
            ?? .ed25519(Curve25519.Signing.PrivateKey())
    }

    static func digest(seed: UInt64, label: String) -> [UInt8] {
        Array(SHA256.hash(data: Array("threshold-sim/\(label)/\(seed)".utf8)))
    }
}
