import Foundation

/// A SMART Health Card: numeric QR → compact JWS (ES256, raw DEFLATE payload) → JWT claims.
public struct SHCPass: Sendable, Hashable {
    public static let prefix = SHCNumeric.prefix

    public var jws: CompactJWS
    public var claims: SHCClaims

    /// The signing key's id (its RFC 7638 thumbprint).
    public var kid: String? { jws.header.kid }

    /// A single-QR card. A chunk of a multi-QR card throws "chunked SHC needs all N chunks".
    public init(qrText: String) throws(PassError) {
        try self.init(jws: try SHCNumeric.jws(fromQR: qrText))
    }

    /// A chunked card from all of its QR texts, in any order.
    public init(chunks: [String]) throws(PassError) {
        try self.init(jws: try SHCNumeric.jws(fromChunks: chunks))
    }

    public init(jws text: String) throws(PassError) {
        jws = try CompactJWS(text)
        claims = try SHCClaims(payload: try jws.payload())
    }

    public func verifySignature(with key: VerificationKey) -> Bool {
        jws.verify(with: key)
    }

    /// `nbf` and `exp` against the kiosk clock (`skew` tolerates a slow kiosk clock for `nbf`).
    public func checkValidity(at now: Date, skew: TimeInterval = 0) throws(PassError) {
        if claims.issuedAt > now.addingTimeInterval(skew) {
            throw PassError(.notYetValid, "SHC nbf is after the kiosk clock")
        }
        if let expires = claims.expires, expires < now {
            throw PassError(.expired, "SHC exp has passed")
        }
    }

    /// True if `crl` (for this card's key) revokes this card's `rid`.
    public func isRevoked(by crl: SHCRevocationList) -> Bool {
        guard let rid = claims.rid, crl.kid == kid else { return false }
        return crl.isRevoked(rid: rid, issuedAt: claims.issuedAt)
    }

    /// Full check against an issuer key set and its revocation lists (by kid).
    ///
    /// A key with `crlVersion` but no list in `revocationLists` is not treated as revoked;
    /// whether that is acceptable (stale data) is the verifier's policy, not the format's.
    public func verify(keys: JWKSet, revocationLists: [String: SHCRevocationList] = [:], at now: Date,
                       skew: TimeInterval = 0) throws(PassError) {
        guard let kid, let key = keys.keys[kid] else {
            throw PassError(.unknownKey, "SHC kid is not in the issuer key set")
        }
        guard verifySignature(with: key.key) else {
            throw PassError(.badSignature, "SHC signature does not verify with the issuer key")
        }
        try checkValidity(at: now, skew: skew)
        if let crl = revocationLists[kid], isRevoked(by: crl) {
            throw PassError(.revoked, "SHC rid is on the issuer's revocation list")
        }
    }

    /// The display fields (masked name; SHCs carry no public ID, so the tail stays masked).
    public var display: MaskedDisplay {
        MaskedDisplay(name: claims.maskedName, idTail: "***")
    }
}
