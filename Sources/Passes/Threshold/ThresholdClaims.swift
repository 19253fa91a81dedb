/// Every CBOR label our pass uses, in one place.
///
/// Standard CWT claims (RFC 8392 §3.1, RFC 8747) keep their registered labels. Our own claims use
/// labels below −65536, the range the IANA CWT Claims registry reserves for private use, so they
/// can never collide with a registered claim.
public enum ThresholdClaim {
    /// `iss` (text): issuer name, also shown in the verdict.
    public static let issuer = 1
    /// `sub` (text): a pseudonym, never a name or a national id.
    public static let subject = 2
    /// `exp` (integer epoch seconds).
    public static let expires = 4
    /// `nbf` (integer epoch seconds), optional; defaults to `iat`.
    public static let notBefore = 5
    /// `iat` (integer epoch seconds).
    public static let issuedAt = 6
    /// `cti` (bytes): credential id; its SHA-256 prefix is what revocation lists carry.
    public static let credentialID = 7
    /// `cnf` (map, RFC 8747): `{1: COSE_Key}` — the holder's public key for rolling proofs.
    public static let confirmation = 8
    /// RFC 8747 `cnf` member holding a COSE_Key.
    public static let cnfCOSEKey = 1

    /// Health status (unsigned): 0 green, 1 yellow, 2 red.
    public static let status = -70_001
    /// Vaccination doses (unsigned).
    public static let doses = -70_002
    /// Date of the last dose (text, `YYYY-MM-DD`), optional.
    public static let lastDose = -70_003
    /// Time of the last test (integer epoch seconds), optional.
    public static let lastTestTime = -70_004
    /// Result of the last test (unsigned): 0 negative, 1 positive. Present iff `lastTestTime` is.
    public static let lastTestResult = -70_005
    /// Masked name (text): one character of the surname and `*`. The full name never travels.
    public static let maskedName = -70_006
    /// Tail of the holder's id (text, at most 6 characters).
    public static let idTail = -70_007
}

/// Result of the holder's last test, as our pass carries it.
public enum TestResult: String, Sendable, Hashable, Codable {
    case negative = "neg"
    case positive = "pos"
}

extension HealthStatus {
    /// The wire value in our pass (`ThresholdClaim.status`).
    var claimValue: UInt64 {
        switch self {
        case .green: 0
        case .yellow: 1
        case .red: 2
        }
    }

    init?(claimValue: UInt64) {
        switch claimValue {
        case 0: self = .green
        case 1: self = .yellow
        case 2: self = .red
        default: return nil
        }
    }
}
