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

/// Why a pass was not accepted. One value per cause, so the kiosk screen, the scan log and the
/// metrics all name the same thing; the sentence for people lives here and nowhere else.
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
    /// A holder proof seen before outside the debounce window (a screenshot being re-used).
    case replayed
    /// The venue requires a holder proof and the pass carries none.
    case proofMissing = "proof-missing"
    /// The holder proof is outside its ±1 time-step window or for another venue.
    case proofExpired = "proof-expired"
    /// The holder proof does not verify with the holder key in the credential.
    case proofInvalid = "proof-invalid"
    /// The signer key is not allowed to sign this kind of certificate (DCC extended key usage).
    case keyUsage = "key-usage"
    /// The cached trust list is older than allowed and the venue refuses stale data.
    case staleTrust = "stale-trust"
    /// Health status red (or not the colour the venue requires).
    case statusRed = "status-red"

    /// Plain English for the visitor screen and logs.
    public var english: String {
        switch self {
        case .unknownFormat: "This code is not a health pass."
        case .malformed: "The pass could not be read. Please refresh it."
        case .oversized: "The code is too large to be a valid pass."
        case .unknownKey: "The pass was issued by an unknown issuer."
        case .badSignature: "The pass signature is not valid."
        case .expired: "The pass has expired."
        case .notYetValid: "The pass is not valid yet."
        case .revoked: "The pass has been revoked."
        case .replayed: "This code was already used. Please show the live code."
        case .proofMissing: "Please show the live code from the app, not a screenshot."
        case .proofExpired: "The live code has expired. Please refresh it."
        case .proofInvalid: "The live code is not valid for this pass."
        case .keyUsage: "The issuer may not issue this kind of pass."
        case .staleTrust: "The kiosk's issuer list is out of date. Please ask staff."
        case .statusRed: "Health status does not allow entry."
        }
    }

    /// Plain Chinese (simplified) for the visitor screen.
    public var chinese: String {
        switch self {
        case .unknownFormat: "这不是健康通行码。"
        case .malformed: "无法读取通行码，请刷新后重试。"
        case .oversized: "二维码过大，不是有效的通行码。"
        case .unknownKey: "通行码的签发机构未知。"
        case .badSignature: "通行码签名无效。"
        case .expired: "通行码已过期。"
        case .notYetValid: "通行码尚未生效。"
        case .revoked: "通行码已被撤销。"
        case .replayed: "此码已被使用，请出示实时二维码。"
        case .proofMissing: "请出示应用中的实时二维码，不要使用截图。"
        case .proofExpired: "实时二维码已过期，请刷新。"
        case .proofInvalid: "实时二维码与通行码不匹配。"
        case .keyUsage: "签发机构无权签发此类通行码。"
        case .staleTrust: "设备的签发机构列表已过期，请联系工作人员。"
        case .statusRed: "健康状态不允许进入。"
        }
    }
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
        /// Signature, validity and revocation all checked and fine.
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
    /// Set when accepted with stale trust data under an allow-with-warning policy.
    public var warnings: [String]
    /// How the holder proof of a Threshold pass was judged (nil when the pass carried none).
    public var proof: ProofCheck?
    /// Doses, tests and recovery as the pass states them (nil when not read), for venue rules.
    public var facts: HealthFacts?

    public init(
        outcome: Outcome, reason: DenyReason? = nil, detail: String? = nil, format: PassFormat? = nil,
        issuer: String? = nil, kid: String? = nil, status: HealthStatus? = nil,
        display: MaskedDisplay? = nil, issuedAt: Date? = nil, expires: Date? = nil,
        tokenDigest: String, warnings: [String] = [], proof: ProofCheck? = nil, facts: HealthFacts? = nil,
        credentialDigest: String? = nil
    ) {
        self.outcome = outcome; self.reason = reason; self.detail = detail; self.format = format
        self.issuer = issuer; self.kid = kid; self.status = status; self.display = display
        self.issuedAt = issuedAt; self.expires = expires; self.tokenDigest = tokenDigest
        self.warnings = warnings
        self.proof = proof
        self.facts = facts
        self.credentialDigest = credentialDigest
    }
}
