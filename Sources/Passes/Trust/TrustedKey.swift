import Foundation

/// One signer the kiosk trusts: which format it signs for, its key id, the key, who it is, when it
/// may sign and what it may sign. Built once at trust-list load (certificates parsed there), so
/// the verification hot path only reads these fields.
public struct TrustedKey: Sendable {
    public var format: PassFormat
    public var kid: [UInt8] { didSet { kidText = Self.text(kid: kid, format: format) } }
    /// The kid as verdicts print it — hex for ours, base64 for DCC (as DCC trust lists write it),
    /// the thumbprint text for SHC — made once here rather than on every scan.
    public private(set) var kidText: String
    public var key: VerificationKey
    /// Human name of the issuer (certificate subject, JWKS issuer URL, our issuer name).
    public var issuer: String
    public var validFrom: Date?
    public var validUntil: Date?
    public var usages: Set<KeyUsage>

    public init(
        format: PassFormat, kid: [UInt8], key: VerificationKey, issuer: String,
        validFrom: Date? = nil, validUntil: Date? = nil, usages: Set<KeyUsage>? = nil
    ) {
        self.format = format; self.kid = kid; self.key = key; self.issuer = issuer
        self.kidText = Self.text(kid: kid, format: format)
        self.validFrom = validFrom; self.validUntil = validUntil
        self.usages = usages ?? KeyUsage.unrestricted(for: format)
    }

    /// Our kid rule for raw keys (Threshold passes, trust-bundle roots): the first 8 bytes of
    /// SHA-256 over the key's stable encoding — the same length and idea as the DCC kid.
    public static func kid(for key: VerificationKey) -> [UInt8] {
        Array(TokenDigest(bytes: key.encoded).bytes.prefix(8))
    }

    /// A DCC signer from its X.509 certificate: kid, validity and EKU-derived usages come from
    /// the certificate itself. Only the exact DCC OIDs count (`DCCKeyUsage.oids`); no DCC OID —
    /// no EKU, an empty one, or only others — means all DCC kinds. A certificate whose X.509 key
    /// usage lacks `digitalSignature` may sign nothing.
    public init(dccSigner certificate: SignerCertificate, issuer: String? = nil) {
        let kinds = DCCKeyUsage.allowedKinds(Set(certificate.extendedKeyUsages))
        let usages: Set<KeyUsage>? = certificate.mayDigitallySign ? kinds.map { Set($0.map(\.keyUsage)) } : []
        self.init(
            format: .dcc, kid: certificate.kid, key: certificate.key, issuer: issuer ?? certificate.subject,
            validFrom: certificate.notBefore, validUntil: certificate.notAfter,
            usages: usages
        )
    }

    static func text(kid: [UInt8], format: PassFormat) -> String {
        switch format {
        case .threshold: Hex.encode(kid)
        case .dcc: Data(kid).base64EncodedString()
        case .shc: String(decoding: kid, as: UTF8.self)
        }
    }

    /// Whether the key may sign at `now` (inclusive bounds).
    public func isValid(at now: Date) -> Bool {
        if let validFrom, now < validFrom { return false }
        if let validUntil, now > validUntil { return false }
        return true
    }
}
