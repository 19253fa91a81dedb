import Crypto
import Foundation

/// An issuer's public key as published in its JWKS (`/.well-known/jwks.json`).
public struct JWK: Sendable, Hashable, Decodable {
    public var kty: String
    public var kid: String?
    public var use: String?
    public var alg: String?
    public var crv: String?
    public var x: String?
    public var y: String?
    /// SMART revocation: the CRL counter for this key; present iff the issuer publishes a CRL.
    public var crlVersion: Int?

    /// RFC 7638 thumbprint: base64url(SHA-256) of the required members in lexicographic order.
    public func thumbprint() throws(PassError) -> String {
        guard kty == "EC", let crv, let x, let y else {
            throw .malformed("JWK thumbprint needs an EC key with crv, x and y")
        }
        let canonical = "{\"crv\":\"\(crv)\",\"kty\":\"EC\",\"x\":\"\(x)\",\"y\":\"\(y)\"}"
        return Base64URL.encode(Array(SHA256.hash(data: Array(canonical.utf8))))
    }

    /// The P-256 verification key.
    public func verificationKey() throws(PassError) -> VerificationKey {
        guard kty == "EC", crv == "P-256", let x, let y else {
            throw PassError(.unknownKey, "JWK is not an EC P-256 key")
        }
        let xBytes = try Base64URL.decode(x), yBytes = try Base64URL.decode(y)
        guard xBytes.count == 32, yBytes.count == 32 else { throw .malformed("JWK P-256 coordinates are not 32 bytes") }
        do {
            return .p256(try P256.Signing.PublicKey(x963Representation: [0x04] + xBytes + yBytes))
        } catch {
            throw .malformed("JWK coordinates are not a point on P-256")
        }
    }
}

/// An issuer's key set, reduced to the usable P-256 signing keys, each checked against its kid.
public struct JWKSet: Sendable {
    public struct Key: Sendable {
        public var kid: String
        public var key: VerificationKey
        public var crlVersion: Int?
    }

    /// Usable keys by kid (which equals the RFC 7638 thumbprint).
    public private(set) var keys: [String: Key] = [:]
    /// Keys that were left out, and why (kid or index, non-personal reason).
    public private(set) var rejected: [String] = []

    public init(json: [UInt8]) throws(PassError) {
        struct Document: Decodable { var keys: [JWK] }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(json))
        } catch {
            throw .malformed("JWKS is not a JSON object with a keys array")
        }
        for (index, jwk) in document.keys.enumerated() {
            let name = jwk.kid ?? "#\(index)"
            do throws(PassError) {
                let key = try jwk.verificationKey()
                let thumbprint = try jwk.thumbprint()
                guard jwk.kid == nil || jwk.kid == thumbprint else {
                    throw PassError(.unknownKey, "kid is not the key's RFC 7638 thumbprint")
                }
                keys[thumbprint] = Key(kid: thumbprint, key: key, crlVersion: jwk.crlVersion)
            } catch {
                rejected.append("\(name): \(error.detail)")
            }
        }
    }
}
