import Crypto

/// The holder key inside `cnf`, as a COSE_Key (RFC 9052 §7, RFC 9053 §7): OKP/Ed25519 or
/// EC2/P-256. Only public parts are written; a COSE_Key carrying a private part (`-4`) is refused.
enum COSEKey {
    static func encode(_ key: VerificationKey) -> CBOR? {
        switch key {
        case .ed25519(let k):
            return .map([CBORPair(key: 1, value: 1), CBORPair(key: -1, value: 6),
                         CBORPair(key: -2, value: .bytes(Array(k.rawRepresentation)))])
        case .p256(let k):
            let point = Array(k.x963Representation)  // 0x04 ‖ x ‖ y
            return .map([CBORPair(key: 1, value: 2), CBORPair(key: -1, value: 1),
                         CBORPair(key: -2, value: .bytes(Array(point[1..<33]))),
                         CBORPair(key: -3, value: .bytes(Array(point[33..<65])))])
        case .rsa:
            return nil
        }
    }

    static func decode(_ item: CBOR) throws(PassError) -> VerificationKey {
        guard item.mapValue != nil, item[int: -4] == nil else { throw .malformed("holder COSE_Key is not a public key map") }
        switch (item[int: 1]?.int, item[int: -1]?.int) {
        case (1?, 6?):
            guard let x = item[int: -2]?.bytesValue, x.count == 32,
                  let key = try? Curve25519.Signing.PublicKey(rawRepresentation: x) else {
                throw .malformed("holder Ed25519 key is not 32 bytes")
            }
            return .ed25519(key)
        case (2?, 1?):
            guard let x = item[int: -2]?.bytesValue, x.count == 32, let y = item[int: -3]?.bytesValue, y.count == 32,
                  let key = try? P256.Signing.PublicKey(x963Representation: [4] + x + y) else {
                throw .malformed("holder P-256 key is not a point on the curve")
            }
            return .p256(key)
        default:
            throw .malformed("holder key type is neither OKP/Ed25519 nor EC2/P-256")
        }
    }
}
