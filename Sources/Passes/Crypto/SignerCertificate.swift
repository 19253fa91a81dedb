import Crypto
import _CryptoExtras
import Foundation
import SwiftASN1
import X509

/// An X.509 signer certificate reduced to what pass verification needs.
///
/// Why reduce: parsing costs ~17 µs, so it happens once when a trust list is loaded; the hot
/// path then only touches the key, the kid and the usage set.
public struct SignerCertificate: Sendable {
    /// The DER bytes as given.
    public let der: [UInt8]
    public let key: VerificationKey
    /// EU DCC key identifier: the first 8 bytes of SHA-256 over the DER certificate.
    public let kid: [UInt8]
    public let notBefore: Date
    public let notAfter: Date
    /// Extended key usage OIDs in dotted form; empty when the extension is absent.
    public let extendedKeyUsages: Set<String>
    /// The X.509 key usage allows signatures (`digitalSignature`), or the extension is absent.
    /// A certificate whose key usage leaves it out may not sign passes (RFC 5280 §4.2.1.3).
    public let mayDigitallySign: Bool
    public let subject: String
    public let issuer: String

    public init(der: [UInt8]) throws(PassError) {
        let publicKey: Certificate.PublicKey
        if let certificate = try? Certificate(derEncoded: der) {
            publicKey = certificate.publicKey
            notBefore = certificate.notValidBefore
            notAfter = certificate.notValidAfter
            subject = certificate.subject.description
            issuer = certificate.issuer.description
            var usages = Set<String>()
            if let ext = certificate.extensions[oid: .X509ExtensionID.extendedKeyUsage] {
                do {
                    let root = try DER.parse(ext.value)
                    let oids = try DER.sequence(of: ASN1ObjectIdentifier.self, identifier: .sequence, rootNode: root)
                    usages = Set(oids.map { $0.description })
                } catch {
                    throw .malformed("signer certificate has an unreadable extended key usage extension")
                }
            }
            extendedKeyUsages = usages
            do {
                mayDigitallySign = try certificate.extensions.keyUsage?.digitalSignature ?? true
            } catch {
                throw .malformed("signer certificate has an unreadable key usage extension")
            }
        } else {
            // swift-certificates refuses some real signer certificates as a whole (e.g. an issuing
            // CA's RSASSA-PSS/SHA-512 parameters); read just the fields verification needs.
            let tbs: TBSCertificateReader
            do {
                tbs = try TBSCertificateReader(der: der)
            } catch {
                throw .malformed("signer certificate is not valid X.509 DER")
            }
            publicKey = tbs.publicKey
            notBefore = tbs.notBefore
            notAfter = tbs.notAfter
            subject = tbs.subject
            issuer = tbs.issuer
            extendedKeyUsages = tbs.extendedKeyUsages
            mayDigitallySign = tbs.mayDigitallySign
        }
        if let p256 = P256.Signing.PublicKey(publicKey) {
            key = .p256(p256)
        } else if let ed = Curve25519.Signing.PublicKey(publicKey) {
            key = .ed25519(ed)
        } else if let rsa = _RSA.Signing.PublicKey(publicKey) {
            key = .rsa(rsa)
        } else {
            throw PassError(.unknownKey, "signer certificate has a key type passes cannot use")
        }
        self.der = der
        self.kid = Array(SHA256.hash(data: der).prefix(8))
    }

    /// Reads a PEM certificate (`-----BEGIN CERTIFICATE-----`) or, failing that, base64 DER.
    public init(pem: String) throws(PassError) {
        let body = pem.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("-----") }
            .joined()
        guard let data = Data(base64Encoded: String(body)) else {
            throw .malformed("signer certificate PEM body is not base64")
        }
        try self.init(der: Array(data))
    }
}
