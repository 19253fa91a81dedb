import Foundation

/// Which family a scanned pass belongs to, recognised by its prefix.
public enum PassFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Our own CWT/COSE pass with a rolling holder proof.
    case threshold
    /// EU Digital COVID Certificate, `HC1:`.
    case dcc
    /// SMART Health Card, `shc:/`.
    case shc
}

/// Why a pass is not a valid pass: facts about the text and its signature, never a venue's
/// choice. Whether the door opens is for `Policy` alone; the sentences people read live in its
/// one reason table (`Policy.ReasonText`), keyed by these cases.
public enum DenyReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The text is not any known pass (no recognised prefix).
    case unknownFormat = "unknown-format"
    /// Recognised prefix, but the encoding, compression or structure is broken.
    case malformed
    /// Larger than any real pass, or decompresses past the cap (zip bomb).
    case oversized
    /// Signed by a key the kiosk does not trust (unknown kid, or kid not valid for this format).
    case unknownKey = "unknown-key"
    /// The signature does not verify, or uses an algorithm we refuse (`alg: none`, mismatch).
    case badSignature = "bad-signature"
    /// Past its expiry at the kiosk's clock.
    case expired
    /// Issued in the future, beyond the allowed clock skew.
    case notYetValid = "not-yet-valid"
    /// On the revocation list.
    case revoked
    /// The holder proof does not verify with the holder key in the credential (or the credential
    /// names none): a forged proof, whatever the venue.
    case proofInvalid = "proof-invalid"
    /// The signer key is not allowed to sign this kind of certificate (DCC extended key usage).
    case keyUsage = "key-usage"
    /// No trust list is installed at all: the kiosk cannot judge any pass (outcome `error`).
    case noTrust = "no-trust"
}

/// Health status colour carried by a pass (or derived from a DCC / SHC).
public enum HealthStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case green, yellow, red
}

/// What a person may see of the holder: surname character + the tail of an ID, never the full
/// name. Produced once, at verification, so no later stage ever holds the full name.
public struct MaskedDisplay: Sendable, Hashable, Codable {
    /// E.g. "张*" or "S*".
    public var name: String
    /// E.g. "***1234".
    public var idTail: String
    public init(name: String, idTail: String) { self.name = name; self.idTail = idTail }

    /// Masks a family name to its first character followed by one asterisk.
    public static func maskName(_ familyName: String) -> String {
        guard let first = familyName.trimmingCharacters(in: .whitespaces).first else { return "*" }
        return "\(first)*"
    }

    /// Keeps the last `keep` characters of an identifier, prefixed by three asterisks.
    public static func maskID(_ id: String, keep: Int = 4) -> String {
        // ASCII ids (every id tail our passes carry): bytes are characters, no grapheme walk.
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return "***" + Substring(id.utf8.suffix(max(0, keep))) }
        return "***" + String(id.suffix(keep))
    }
}

/// The outcome of verifying one scanned text, as everything downstream needs it.
///
/// `tokenDigest` (SHA-256 of the scanned text) is what the scan log stores and what the
/// verification cache is keyed by; the raw token never leaves the verifier.
public struct Verdict: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Signature, key, validity window and revocation all checked and fine: a genuine pass,
        /// valid now. Not an admission: the venue's rules decide that (`Policy.RuleEngine`).
        case accept
        /// A definite no, with a reason.
        case deny
        /// The kiosk could not decide (its own fault, e.g. no trust data at all).
        case error
    }

    public var outcome: Outcome
    /// Nil exactly when `outcome == .accept`.
    public var reason: DenyReason?
    /// Human detail for logs (never shown to the visitor, never contains personal data).
    public var detail: String?
    public var format: PassFormat?
    public var issuer: String?
    /// Key identifier of the signer, hex or base64url as the format writes it.
    public var kid: String?
    public var status: HealthStatus?
    public var display: MaskedDisplay?
    public var issuedAt: Date?
    public var expires: Date?
    /// Lower-case hex SHA-256 of the scanned text.
    public var tokenDigest: String
    /// Lower-case hex SHA-256 of what names the credential itself, the same under every rolling
    /// proof (a live pass's text changes every 30 s, so rate limits and debouncing key on this):
    /// our pass's `cti`, a DCC's UCI, an SHC's `<kid>.<rid>` (each also what revocation hashes);
    /// without a UCI or rid, the signature's `r` half (ECDSA `s` can be flipped, `r` cannot).
    /// Nil when the text never got as far as a credential.
    public var credentialDigest: String?
    /// Issue time of the trust list the pass was checked against (nil: ad hoc trust that never
    /// goes stale). How old is too old is the venue's rule.
    public var trustIssuedAt: Date?
    /// What the holder proof showed (nil when the text carried none: a cut-off live code or a
    /// screenshot of the credential). Whether it is good enough is the venue's rule.
    public var proof: ProofCheck?
    /// Doses, tests and recovery as the pass states them (nil when not read), for venue rules.
    public var facts: HealthFacts?

    public init(
        outcome: Outcome, reason: DenyReason? = nil, detail: String? = nil, format: PassFormat? = nil,
        issuer: String? = nil, kid: String? = nil, status: HealthStatus? = nil,
        display: MaskedDisplay? = nil, issuedAt: Date? = nil, expires: Date? = nil,
        tokenDigest: String, trustIssuedAt: Date? = nil, proof: ProofCheck? = nil, facts: HealthFacts? = nil,
        credentialDigest: String? = nil
    ) {
        self.outcome = outcome; self.reason = reason; self.detail = detail; self.format = format
        self.issuer = issuer; self.kid = kid; self.status = status; self.display = display
        self.issuedAt = issuedAt; self.expires = expires; self.tokenDigest = tokenDigest
        self.trustIssuedAt = trustIssuedAt
        self.proof = proof
        self.facts = facts
        self.credentialDigest = credentialDigest
    }
}
