import Foundation

extension Verifier {
    /// The time-independent checks of an EU DCC (`HC1:`): decode, signer by kid, algorithm,
    /// signature, extended key usage, and the three DCC revocation hashes.
    static func assessDCC(_ text: String, token: TokenDigest, store: any TrustStore, generation: UInt64) -> Assessment {
        var kidText: String?
        do throws(PassError) {
            let pass = try DCCPass(qrText: text)
            guard let kid = pass.kid, !kid.isEmpty else { throw PassError(.unknownKey, "DCC carries no kid") }
            // DCC trust lists write kids in base64.
            kidText = Data(kid).base64EncodedString()
            guard let key = store.key(format: .dcc, kid: kid) else { throw PassError(.unknownKey, "no trusted DCC signer with this kid") }
            guard let algorithm = pass.message.algorithm else { throw PassError(.badSignature, "alg missing or not allowed") }
            guard algorithm == key.key.algorithm else { throw PassError(.badSignature, "alg does not match the signer key") }
            guard pass.verifySignature(with: key.key) else { throw PassError(.badSignature, "signature does not verify") }
            // A DCC states exactly one vaccination, test or recovery: none is no evidence, two
            // are a document that says different things to different readers.
            guard pass.certificate.entries.count == 1 else {
                throw .malformed("DCC has \(pass.certificate.entries.count) v/t/r entries, not exactly one")
            }
            for kind in pass.certificate.kinds where !key.usages.contains(kind.keyUsage) {
                throw PassError(.keyUsage, "signer may not sign \(kind) certificates")
            }
            guard let expires = pass.claims.expires else { throw .malformed("DCC has no exp claim") }
            let positive = pass.certificate.entries.contains { $0.test?.result == HealthCertificate.Test.detected }
            var assessment = Assessment(generation: generation, token: token, verdict: Verdict(
                outcome: .accept, format: .dcc, issuer: key.issuer, kid: kidText, status: positive ? .red : .green,
                display: pass.certificate.display, issuedAt: pass.claims.issuedAt, expires: expires, tokenDigest: "",
                facts: HealthFacts(pass.certificate)), credential: credentialDigest(pass))
            assessment.expires = expires.timeIntervalSince1970
            assessment.notBefore = max(pass.claims.issuedAt?.timeIntervalSince1970 ?? -.infinity,
                                       pass.claims.notBefore?.timeIntervalSince1970 ?? -.infinity)
            assessment.keyValidFrom = key.validFrom?.timeIntervalSince1970 ?? -.infinity
            assessment.keyValidUntil = key.validUntil?.timeIntervalSince1970 ?? .infinity
            if isRevoked(pass, in: store.revocations) {
                assessment.verdict.outcome = .deny
                assessment.verdict.reason = .revoked
                assessment.verdict.detail = "DCC is on the revocation list"
            }
            return assessment
        } catch {
            return .deny(error.reason, error.detail, token: token, generation: generation, format: .dcc, kid: kidText)
        }
    }

    /// What names a DCC across re-encodings: its UCI, else the signature's stable part.
    static func credentialDigest(_ pass: DCCPass) -> TokenDigest {
        if let uci = pass.certificate.entries.lazy.compactMap(\.uci).first { return TokenDigest(bytes: uci.utf8) }
        return TokenDigest(bytes: stableSignaturePart(pass.message.signature, algorithm: pass.message.algorithm))
    }

    /// The part of a signature a holder cannot rewrite: for ECDSA only `r` (`s` ↔ n − `s` gives
    /// a second valid signature), as the DCC revocation rules hash it.
    static func stableSignaturePart(_ signature: [UInt8], algorithm: COSEAlgorithm?) -> ArraySlice<UInt8> {
        algorithm == .es256 ? signature.prefix(signature.count / 2) : signature[...]
    }

    /// DCC revocation: SHA-256 of the UCI, of country code + UCI, and of the signature (for
    /// ECDSA only its `r` half), each cut to 128 bits (`RevocationHash`).
    static func isRevoked(_ pass: DCCPass, in list: RevocationList) -> Bool {
        guard list.count > 0 else { return false }
        for entry in pass.certificate.entries {
            guard let uci = entry.uci else { continue }
            if list.isRevoked(.uci, identifier: Array(uci.utf8)) { return true }
            if let country = entry.country, list.isRevoked(.countryCodeUCI, identifier: Array((country + uci).utf8)) { return true }
        }
        return list.isRevoked(.signature, identifier: stableSignaturePart(pass.message.signature, algorithm: pass.message.algorithm))
    }
}

extension HealthCertificate.Kind {
    /// The key usage a signer needs for this kind.
    var keyUsage: KeyUsage {
        switch self {
        case .test: .dccTest
        case .vaccination: .dccVaccination
        case .recovery: .dccRecovery
        }
    }
}
