import Crypto
import Foundation
@testable import Passes

/// Deterministic keys, passes and stores for the Passes tests (no randomness, fixed clock).
enum PassFixtures {
    /// The tests' "now": 2027-01-15T08:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func ed25519(_ seed: UInt8) -> Curve25519.Signing.PrivateKey {
        // Fixed seeds are fine for tests; production keys come from `threshold keys new`.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: (0..<32).map { UInt8(truncatingIfNeeded: Int($0) * 7 + Int(seed)) })
    }

    static func p256(_ seed: UInt8) -> P256.Signing.PrivateKey {
        try! P256.Signing.PrivateKey(rawRepresentation: [0x01] + (1..<32).map { UInt8(truncatingIfNeeded: Int($0) * 13 + Int(seed)) })
    }

    static let edIssuer = ThresholdPassIssuer(key: .ed25519(ed25519(1)), issuer: "Threshold Test Issuer (Ed25519)")
    static let esIssuer = ThresholdPassIssuer(key: .p256(p256(2)), issuer: "Threshold Test Issuer (ES256)")
    static let edHolder = SigningKey.ed25519(ed25519(3))
    static let esHolder = SigningKey.p256(p256(4))
    static let attacker = SigningKey.ed25519(ed25519(99))
    static let attackerES = SigningKey.p256(p256(98))
    static let root = ed25519(50)

    static func pass(
        issuedAt: Date = now.addingTimeInterval(-3600), validity: TimeInterval = ThresholdPass.defaultValidity,
        status: HealthStatus = .green, holder: SigningKey? = edHolder, credentialID: [UInt8]? = nil, serial: Int = 0
    ) -> ThresholdPass {
        ThresholdPass(
            issuer: "", subject: "pseud-\(serial)",
            credentialID: credentialID ?? Array("cred-\(serial)".utf8), issuedAt: issuedAt,
            expires: issuedAt.addingTimeInterval(validity), status: status, doses: 3, lastDose: "2026-11-02",
            lastTestTime: issuedAt.addingTimeInterval(-7200), lastTestResult: .negative,
            display: MaskedDisplay(name: "Z*", idTail: "1234"), holderKey: holder?.publicKey)
    }

    static func store(revoked: [[UInt8]] = [], bundleIssuedAt: Date? = nil) -> InMemoryTrustStore {
        InMemoryTrustStore(
            keys: [edIssuer.trustedKey(), esIssuer.trustedKey()],
            revocations: RevocationList(entries: revoked.map { (.credentialID, RevocationHash(identifier: $0)) }),
            bundleInfo: bundleIssuedAt.map { TrustBundleInfo(version: 1, issuedAt: $0) })
    }
}
