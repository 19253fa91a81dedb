import Foundation

extension Verifier {
    /// Everything about a `TH1` text that does not depend on time: structure, key, signature,
    /// claims, revocation and the holder proof's signature.
    static func assessThreshold(_ text: String, token: TokenDigest, store: any TrustStore, generation: UInt64) -> Assessment {
        var kidHex: String?
        do throws(PassError) {
            let parts = try ThresholdWire.split(text)
            let message = try ThresholdEnvelope(cose: ThresholdWire.inflateCredential(parts.credential))
            guard let kid = message.kid, !kid.isEmpty else { throw PassError(.unknownKey, "COSE header has no kid") }
            guard let key = store.key(format: .threshold, kid: kid) else {
                kidHex = Hex.encode(kid)
                throw PassError(.unknownKey, "no trusted Threshold key with this kid")
            }
            kidHex = key.kidText
            guard key.usages.contains(.thresholdPass) else { throw PassError(.keyUsage, "key may not sign Threshold passes") }
            // `alg: none`, an unknown alg, or an alg that is not the key's own are all refused.
            guard let algorithm = message.algorithm else { throw PassError(.badSignature, "alg missing or not allowed") }
            guard algorithm == key.key.algorithm else { throw PassError(.badSignature, "alg does not match the signer key") }
            guard message.signatureVerifies(with: key.key, algorithm: algorithm) else { throw PassError(.badSignature, "signature does not verify") }
            let pass = try ThresholdPass(claimSlice: message.payload)
            // SHA-256 of the cti, once: it names the credential in the verdict and is the
            // revocation hash (its first 128 bits).
            let credential = pass.credentialID.withUnsafeBytes { sha256($0) }
            // The probe comes last, after the verdict is built: its filter word is cold after the
            // signature check, and the load runs meanwhile.
            let revocations = store.revocations
            let revocationHash = RevocationHash(digest: credential)
            revocations.prefetch(revocationHash, kind: .credentialID)

            var assessment = Assessment(generation: generation, token: token, verdict: Verdict(
                outcome: .accept, format: .threshold, issuer: key.issuer, kid: kidHex, status: pass.status,
                display: MaskedDisplay(name: pass.display.name, idTail: MaskedDisplay.maskID(pass.display.idTail)),
                issuedAt: pass.issuedAt, expires: pass.expires, tokenDigest: "", facts: HealthFacts(pass)),
                credential: TokenDigest(digest: credential))
            // Both bound the start: an `iat` in the future is refused even when `nbf` is present.
            assessment.notBefore = max(pass.notBefore ?? pass.issuedAt, pass.issuedAt).timeIntervalSince1970
            assessment.expires = pass.expires.timeIntervalSince1970
            assessment.keyValidFrom = key.validFrom?.timeIntervalSince1970 ?? -.infinity
            assessment.keyValidUntil = key.validUntil?.timeIntervalSince1970 ?? .infinity

            if revocations.contains(revocationHash, kind: .credentialID) {
                assessment.verdict.outcome = .deny
                assessment.verdict.reason = .revoked
                assessment.verdict.detail = "credential id is on the revocation list"
                return assessment
            }
            if let proofText = parts.proofText {
                let proof = try HolderProof(text: proofText)
                guard let holderKey = try pass.resolvedHolderKey() else { throw PassError(.proofInvalid, "credential carries no holder key") }
                guard proof.verify(credential: parts.credential, holderKey: holderKey) else {
                    throw PassError(.proofInvalid, "holder signature does not verify")
                }
                assessment.proof = .init(step: Int64(proof.step), venueTag: proof.venueTag,
                                         ledgerKey: HolderProof.ledgerKey(credential: parts.credential, step: proof.step,
                                                                          venueTag: proof.venueTag))
            }
            return assessment
        } catch {
            return .deny(error.reason, error.detail, token: token, generation: generation, format: .threshold, kid: kidHex)
        }
    }
}
