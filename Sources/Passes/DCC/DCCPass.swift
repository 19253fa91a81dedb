import Foundation

/// An EU Digital COVID Certificate: `HC1:` + base45(zlib(COSE_Sign1(CWT))).
///
/// Decoding and verification are separate steps on purpose: the kid must be read from a decoded
/// pass before the trust store can find the key, and conformance tests check each stage alone.
public struct DCCPass: Sendable, Hashable {
    /// The context identifier for version 1 of the EU health certificate.
    public static let prefix = "HC1:"
    /// A compressed DCC is ~300–700 bytes; the COSE inside is under 4 KB in practice.
    public static let maxInflated = 64 * 1024

    public var message: COSESign1
    public var claims: CWTClaims
    public var certificate: HealthCertificate

    /// Key identifier (protected header first, then unprotected).
    public var kid: [UInt8]? { message.kid }

    /// Stage 1: strips `HC1:`; anything else is not a DCC.
    public static func unprefix(_ text: String) throws(PassError) -> Substring {
        guard text.hasPrefix(prefix) else {
            throw PassError(.unknownFormat, "text does not start with the HC1: context identifier")
        }
        return text.dropFirst(prefix.count)
    }

    /// Stages 2–3: base45 text → inflated COSE bytes.
    public static func coseBytes(base45 text: Substring) throws(PassError) -> [UInt8] {
        let compressed = try Base45.decode(utf8: text.utf8)
        return try Zlib.inflate(compressed, format: .zlib, maxOutput: maxInflated)
    }

    /// The whole decode chain from QR text.
    public init(qrText text: String) throws(PassError) {
        try self.init(cose: try Self.coseBytes(base45: try Self.unprefix(text)))
    }

    /// Decodes a COSE_Sign1 message holding a DCC CWT.
    public init(cose bytes: [UInt8]) throws(PassError) {
        try self.init(message: try COSESign1.decode(bytes))
    }

    public init(message: COSESign1) throws(PassError) {
        self.message = message
        self.claims = try CWTClaims(payload: message.payload)
        self.certificate = try HealthCertificate(claims.healthCertificate)
    }

    /// True if the COSE signature verifies with `key` under the message's algorithm.
    public func verifySignature(with key: VerificationKey) -> Bool {
        message.verify(with: key)
    }

    /// Expiry (`exp`) and issue time (`iat`) against the kiosk clock, with optional skew for `iat`.
    public func checkValidity(at now: Date, skew: TimeInterval = 0) throws(PassError) {
        guard let expires = claims.expires else { throw .malformed("DCC has no expiry (exp) claim") }
        if let issuedAt = claims.issuedAt, issuedAt > now.addingTimeInterval(skew) {
            throw PassError(.notYetValid, "DCC issued-at time is after the kiosk clock")
        }
        if let notBefore = claims.notBefore, notBefore > now.addingTimeInterval(skew) {
            throw PassError(.notYetValid, "DCC not-before time is after the kiosk clock")
        }
        // Valid up to and including the exp second (the dgc-testdata DK cases check exactly that).
        if expires < now { throw PassError(.expired, "DCC expiry time has passed") }
    }

    /// Signer key usage (extended key usage OIDs) covers the certificate's kind(s).
    public func checkKeyUsage(_ extendedKeyUsages: Set<String>) throws(PassError) {
        try DCCKeyUsage.check(certificate, extendedKeyUsages: extendedKeyUsages)
    }

    /// Everything at once against one signer certificate: kid, signature, key usage, validity.
    public func verify(with signer: SignerCertificate, at now: Date, skew: TimeInterval = 0) throws(PassError) {
        guard let kid else { throw PassError(.unknownKey, "DCC carries no key identifier") }
        guard kid == signer.kid else { throw PassError(.unknownKey, "DCC kid does not match the signer certificate") }
        guard signer.mayDigitallySign else { throw PassError(.keyUsage, "signer certificate key usage lacks digitalSignature") }
        guard message.algorithm != nil else {
            throw PassError(.badSignature, "DCC uses an absent or unsupported COSE algorithm")
        }
        guard verifySignature(with: signer.key) else {
            throw PassError(.badSignature, "DCC signature does not verify with the signer key")
        }
        try checkKeyUsage(signer.extendedKeyUsages)
        try checkValidity(at: now, skew: skew)
    }
}
