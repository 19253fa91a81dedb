import Crypto

/// The hashes EU DCC revocation lists are keyed by (eHealth Network revocation spec): the UCI,
/// the issuing country plus the UCI, and the signature. Each is SHA-256 truncated to 128 bits.
///
/// Why all three: member states chose different hash types for their lists, and a verifier must
/// probe with whichever the list's type names. Only digests leave this type, never the UCI.
public struct DCCRevocationKeys: Sendable, Hashable {
    public var uci: [UInt8]?
    public var countryCodeUCI: [UInt8]?
    public var signature: [UInt8]

    public init(_ pass: DCCPass) {
        func digest(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes).prefix(16)) }
        let entry = pass.certificate.entries.first
        if let ci = entry?.uci {
            // Hashed exactly as written (UTF-8), as the gateway's hash types define.
            uci = digest(Array(ci.utf8))
            if let country = entry?.country ?? pass.claims.issuer {
                countryCodeUCI = digest(Array((country + ci).utf8))
            }
        }
        // For ECDSA only r (the first half) is hashed: s can be negated without invalidating the
        // signature, so hashing it would let one certificate escape its revocation entry.
        let signed = pass.message.signature
        let part = pass.message.algorithm == .es256 && signed.count == 64 ? Array(signed.prefix(32)) : signed
        signature = digest(part)
    }
}
