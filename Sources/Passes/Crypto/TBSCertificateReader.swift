import Foundation
import SwiftASN1
import X509

/// A lenient reader for the to-be-signed part of an X.509 certificate, used only when
/// swift-certificates refuses a certificate as a whole.
///
/// Why: real DCC signer certificates (the German test signers, for one) are issued by CAs that
/// sign with RSASSA-PSS/SHA-512 parameters swift-certificates does not parse. For pass
/// verification we need only the subject key, validity and extended key usage — the issuing
/// CA's signature is checked when the trust list is built, not at the door.
struct TBSCertificateReader {
    var publicKey: Certificate.PublicKey
    var notBefore: Date
    var notAfter: Date
    var extendedKeyUsages: Set<String>
    /// Key usage bit 0 (`digitalSignature`) set, or no key usage extension.
    var mayDigitallySign = true
    var subject: String
    var issuer: String

    static let ekuOID: ASN1ObjectIdentifier = [2, 5, 29, 37]
    static let keyUsageOID: ASN1ObjectIdentifier = [2, 5, 29, 15]

    init(der: [UInt8]) throws {
        let root = try DER.parse(der)
        guard case .constructed(let certificate) = root.content,
              let tbs = certificate.first(where: { _ in true }),
              case .constructed(let fieldsCollection) = tbs.content else {
            throw PassError.malformed("certificate is not a DER sequence")
        }
        var fields = Array(fieldsCollection)
        // Optional [0] EXPLICIT version.
        if let first = fields.first, first.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            fields.removeFirst()
        }
        // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, then extensions.
        guard fields.count >= 6 else { throw PassError.malformed("certificate TBS has too few fields") }
        let issuerNode = fields[2], validity = fields[3], subjectNode = fields[4], spki = fields[5]
        publicKey = try Certificate.PublicKey(derEncoded: spki)
        guard case .constructed(let times) = validity.content else { throw PassError.malformed("certificate validity") }
        let pair = Array(times)
        guard pair.count == 2 else { throw PassError.malformed("certificate validity has no two times") }
        notBefore = try Self.date(pair[0])
        notAfter = try Self.date(pair[1])
        subject = (try? DistinguishedName(derEncoded: subjectNode).description) ?? "unreadable subject"
        issuer = (try? DistinguishedName(derEncoded: issuerNode).description) ?? "unreadable issuer"
        var usages = Set<String>()
        let extensionsTag = ASN1Identifier(tagWithNumber: 3, tagClass: .contextSpecific)
        if let wrapper = fields.dropFirst(6).first(where: { $0.identifier == extensionsTag }),
           case .constructed(let inner) = wrapper.content, let list = inner.first(where: { _ in true }),
           case .constructed(let extensions) = list.content {
            for ext in extensions {
                guard case .constructed(let parts) = ext.content else { continue }
                let items = Array(parts)
                guard let oidNode = items.first, let oid = try? ASN1ObjectIdentifier(derEncoded: oidNode),
                      oid == Self.ekuOID || oid == Self.keyUsageOID, let value = items.last,
                      let octets = try? ASN1OctetString(derEncoded: value) else { continue }
                if oid == Self.keyUsageOID {
                    // A BIT STRING; bit 0 (the first byte's top bit) is digitalSignature.
                    let bits = try ASN1BitString(derEncoded: Array(octets.bytes))
                    mayDigitallySign = (bits.bytes.first ?? 0) & 0x80 != 0
                    continue
                }
                let sequence = try DER.parse(Array(octets.bytes))
                let oids = try DER.sequence(of: ASN1ObjectIdentifier.self, identifier: .sequence, rootNode: sequence)
                usages = Set(oids.map(\.description))
            }
        }
        extendedKeyUsages = usages
    }

    static func date(_ node: ASN1Node) throws -> Date {
        let parts: (Int, Int, Int, Int, Int, Int)
        if node.identifier == .utcTime {
            let t = try UTCTime(derEncoded: node)
            parts = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        } else {
            let t = try GeneralizedTime(derEncoded: node)
            parts = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        }
        let days = ISODate.daysFromCivil(year: parts.0, month: parts.1, day: parts.2)
        return Date(timeIntervalSince1970: Double(days * 86_400 + parts.3 * 3600 + parts.4 * 60 + parts.5))
    }
}
