import Foundation

extension Verifier {
    /// The time-independent checks of a SMART Health Card (`shc:/`): numeric decode, JWS, issuer
    /// key by thumbprint kid (stored under the kid's UTF-8 bytes), ES256 signature, and `rid`
    /// revocation (`RevocationKind.shcRID` over `"<kid>.<rid>"`).
    static func assessSHC(_ text: String, token: TokenDigest, store: any TrustStore, generation: UInt64) -> Assessment {
        var kidText: String?
        do throws(PassError) {
            let pass = try SHCPass(qrText: text)
            guard let kid = pass.kid, !kid.isEmpty else { throw PassError(.unknownKey, "SHC header has no kid") }
            kidText = kid
            guard let key = store.key(format: .shc, kid: Array(kid.utf8)) else {
                throw PassError(.unknownKey, "no trusted SHC issuer key with this kid")
            }
            guard key.usages.contains(.shc) else { throw PassError(.keyUsage, "key may not sign SMART Health Cards") }
            guard pass.jws.header.alg == CompactJWS.supportedAlgorithm, key.key.algorithm == .es256 else {
                throw PassError(.badSignature, "SHC alg must be ES256 with an ES256 key")
            }
            guard pass.verifySignature(with: key.key) else { throw PassError(.badSignature, "signature does not verify") }
            var assessment = Assessment(generation: generation, token: token, verdict: Verdict(
                outcome: .accept, format: .shc, issuer: key.issuer, kid: kid, status: .green, display: pass.display,
                issuedAt: pass.claims.issuedAt, expires: pass.claims.expires, tokenDigest: "", facts: HealthFacts(pass.claims)),
                credential: pass.claims.rid.map { TokenDigest(bytes: "\(kid).\($0)".utf8) }
                    ?? TokenDigest(bytes: stableSignaturePart(pass.jws.signature, algorithm: .es256)))
            assessment.notBefore = pass.claims.issuedAt.timeIntervalSince1970
            assessment.expires = pass.claims.expires?.timeIntervalSince1970 ?? .infinity
            assessment.keyValidFrom = key.validFrom?.timeIntervalSince1970 ?? -.infinity
            assessment.keyValidUntil = key.validUntil?.timeIntervalSince1970 ?? .infinity
            if let rid = pass.claims.rid, store.revocations.isRevoked(.shcRID, identifier: Array("\(kid).\(rid)".utf8)) {
                assessment.verdict.outcome = .deny
                assessment.verdict.reason = .revoked
                assessment.verdict.detail = "SHC rid is on the issuer's revocation list"
            }
            return assessment
        } catch {
            return .deny(error.reason, error.detail, token: token, generation: generation, format: .shc, kid: kidText)
        }
    }
}

extension RevocationList {
    /// The entries of an issuer's SHC CRL in hashed form. A `rid` with a timestamp revokes only
    /// cards issued before it; a hashed list cannot keep that condition, so it is kept
    /// unconditionally — the safe direction (a reissued card is refused until the CRL drops it).
    public static func entries(from crl: SHCRevocationList) -> [(RevocationKind, RevocationHash)] {
        crl.entries.keys.map { (.shcRID, RevocationHash(identifier: Array("\(crl.kid).\($0)".utf8))) }
    }
}

extension TrustedKey {
    /// Every key of an issuer's JWKS, as SHC trust entries.
    public static func shcKeys(_ set: JWKSet, issuer: String) -> [TrustedKey] {
        set.keys.values.map { TrustedKey(format: .shc, kid: Array($0.kid.utf8), key: $0.key, issuer: issuer, usages: [.shc]) }
    }
}
