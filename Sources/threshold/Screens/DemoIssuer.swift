import Crypto
import Foundation
import Passes

/// Issues the demo's passes the way a real issuer and phone do: a fresh Ed25519 issuer key the
/// kiosk trusts, a holder key per pass, and the rolling holder proof bound to the venue. A
/// "forged" pass is signed by a second key the kiosk has never seen.
struct DemoIssuer {
    static let issuerName = "Threshold demo issuer"
    let issuer = ThresholdPassIssuer(key: .ed25519(Curve25519.Signing.PrivateKey()), issuer: issuerName)
    let forger = ThresholdPassIssuer(key: .ed25519(Curve25519.Signing.PrivateKey()), issuer: issuerName)

    /// The trust store a kiosk needs: this issuer's key, as a trust list issued `now`.
    func trustStore(now: Date) -> InMemoryTrustStore {
        InMemoryTrustStore(keys: [issuer.trustedKey()], bundleInfo: TrustBundleInfo(version: 1, issuedAt: now))
    }

    /// The QR text the visitor's phone shows at `now` for a pass of `kind`.
    func text(kind: DemoScript.PassKind, status: HealthStatus, name: String, idTail: String, venueID: String, now: Date) throws -> String {
        let holder = SigningKey.ed25519(Curve25519.Signing.PrivateKey())
        let issuedAt: Date, notBefore: Date?, expires: Date
        switch kind {
        case .valid, .forged:
            issuedAt = now.addingTimeInterval(-3600); notBefore = nil; expires = now.addingTimeInterval(ThresholdPass.defaultValidity)
        case .expired:
            issuedAt = now.addingTimeInterval(-2 * ThresholdPass.defaultValidity); notBefore = nil
            expires = now.addingTimeInterval(-ThresholdPass.defaultValidity)
        case .notYetValid:
            issuedAt = now.addingTimeInterval(3600); notBefore = issuedAt; expires = issuedAt.addingTimeInterval(ThresholdPass.defaultValidity)
        }
        let pass = ThresholdPass(
            issuer: Self.issuerName, subject: "demo-\(UUID().uuidString)", credentialID: ThresholdPassIssuer.newCredentialID(),
            issuedAt: issuedAt, notBefore: notBefore, expires: expires, status: status, doses: 2,
            display: MaskedDisplay(name: name, idTail: idTail), holderKey: holder.publicKey)
        let credential = try (kind == .forged ? forger : issuer).issue(pass)
        return try HolderProof.make(credential: credential, holderKey: holder, at: now, venueID: venueID)
    }
}
