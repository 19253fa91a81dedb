import Foundation

/// The CWT (RFC 8392) claims a DCC carries, plus the `hcert` claim holding the certificate.
public struct CWTClaims: Sendable, Hashable {
    public enum Key {
        public static let issuer = 1
        public static let expires = 4
        public static let notBefore = 5
        public static let issuedAt = 6
        /// EU DCC: `hcert` (-260) → map with `eu_dgc_v1` (1).
        public static let healthCertificate = -260
        public static let euDGCv1 = 1
    }

    /// `iss`: for DCCs the issuing country code.
    public var issuer: String?
    public var issuedAt: Date?
    public var expires: Date?
    public var notBefore: Date?
    /// The raw `eu_dgc_v1` map inside `hcert`.
    public var healthCertificate: CBOR

    public init(payload: [UInt8], decoder: CBORDecoder = CBORDecoder()) throws(PassError) {
        let claims = try decoder.decode(payload)
        guard case .map = claims else { throw .malformed("CWT payload is not a CBOR map") }
        func time(_ key: Int, _ name: String) throws(PassError) -> Date? {
            guard let value = claims[int: key] else { return nil }
            guard let seconds = value.untagged.doubleValue, seconds.isFinite else {
                throw .malformed("CWT claim \(name) is not a number")
            }
            return Date(timeIntervalSince1970: seconds)
        }
        if let iss = claims[int: Key.issuer] {
            guard let text = iss.textValue else { throw .malformed("CWT claim iss is not text") }
            issuer = text
        }
        expires = try time(Key.expires, "exp")
        notBefore = try time(Key.notBefore, "nbf")
        issuedAt = try time(Key.issuedAt, "iat")
        guard let hcert = claims[int: Key.healthCertificate] else {
            throw .malformed("CWT has no hcert claim (-260)")
        }
        guard let dgc = hcert[int: Key.euDGCv1], case .map = dgc else {
            throw .malformed("hcert claim has no eu_dgc_v1 map")
        }
        healthCertificate = dgc
    }
}
