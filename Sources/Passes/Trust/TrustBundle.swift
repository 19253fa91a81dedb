import Crypto
import Foundation

/// A signed trust list: every signer key the kiosk trusts and every revoked identifier, with a
/// monotonic version and an issue time.
///
/// Wire form (bytes in / bytes out; ScanLog persists them, Sync fetches them): a tagged
/// COSE_Sign1, algorithm EdDSA, protected `kid` = root kid, external AAD = `"threshold-trust-v1"`
/// (so no other COSE object signed by the root can pass for a bundle), payload a CBOR map:
///
/// | key | value |
/// |---|---|
/// | 1 | `"threshold-trust"` (type marker) |
/// | 2 | version, unsigned, strictly monotonic per deployment |
/// | 3 | issued-at, unsigned epoch seconds |
/// | 4 | keys: array of key maps (below) |
/// | 5 | revocations: map revocation kind (uint) → bytes, concatenated 16-byte SHA-256 prefixes |
/// | 6 | optional SHA-256 of the venue configuration |
///
/// Key map: 1 format (`"threshold"`/`"dcc"`/`"shc"`), 2 kid (bytes), 3 key type (1 Ed25519 raw,
/// 2 P-256 SubjectPublicKeyInfo DER, 3 RSA SubjectPublicKeyInfo DER), 4 key bytes, 5 issuer
/// (text), 6 valid-from and 7 valid-until (epoch seconds, optional), 8 usages (array of
/// `KeyUsage` raw values). DCC signer certificates are reduced to these fields when the bundle is
/// built, so loading never parses X.509.
public struct TrustBundle: Sendable {
    public var version: UInt64
    public var issuedAt: Date
    public var keys: [TrustedKey]
    public var revocations: RevocationList
    public var venueConfigDigest: [UInt8]?

    /// Domain separation for the root signature.
    public static let externalAAD = Array("threshold-trust-v1".utf8)
    static let marker = "threshold-trust"
    /// Allowed clock disagreement between the publisher and the kiosk for `issuedAt`.
    public static let futureSkew: TimeInterval = 3600

    public init(version: UInt64, issuedAt: Date, keys: [TrustedKey], revocations: RevocationList = .empty,
                venueConfigDigest: [UInt8]? = nil) {
        self.version = version; self.issuedAt = issuedAt; self.keys = keys
        self.revocations = revocations; self.venueConfigDigest = venueConfigDigest
    }

    public var info: TrustBundleInfo {
        TrustBundleInfo(version: version, issuedAt: issuedAt, venueConfigDigest: venueConfigDigest)
    }

    /// The ready-to-use store; build it fully, then hand it to `Verifier.install` in one swap.
    public func store() -> InMemoryTrustStore {
        InMemoryTrustStore(keys: keys, revocations: revocations, bundleInfo: info)
    }

    // MARK: Signing (publisher side: CLI `trustlist sign`, the upstream server, tests)

    /// Signs the bundle with the root key.
    public func sign(root: Curve25519.Signing.PrivateKey) throws -> [UInt8] {
        try Self.sign(payloadBytes: CBOREncoder.encode(payload()), root: root)
    }

    /// Signs payload bytes as they are (the fuzzer signs mutated payloads, so that the parser
    /// behind the signature check is reached).
    static func sign(payloadBytes: [UInt8], root: Curve25519.Signing.PrivateKey) throws -> [UInt8] {
        let signer = SigningKey.ed25519(root)
        let headers: [CBORPair] = [
            CBORPair(key: CBOR(COSESign1.Label.algorithm), value: CBOR(COSEAlgorithm.edDSA.rawValue)),
            CBORPair(key: CBOR(COSESign1.Label.kid), value: .bytes(TrustedKey.kid(for: signer.publicKey))),
        ]
        var message = COSESign1(protectedBytes: CBOREncoder.encode(.map(headers)), protected: .map(headers),
                                unprotected: .map([]), payload: payloadBytes, signature: [])
        message.signature = try signer.sign(message.signatureStructure(externalAAD: Self.externalAAD))
        return message.encoded()
    }

    func payload() -> CBOR {
        var pairs: [CBORPair] = [
            CBORPair(key: 1, value: .text(Self.marker)),
            CBORPair(key: 2, value: .unsigned(version)),
            CBORPair(key: 3, value: .unsigned(UInt64(max(0, issuedAt.timeIntervalSince1970.rounded(.down))))),
            CBORPair(key: 4, value: .array(keys.map(Self.encode(key:)))),
            CBORPair(key: 5, value: .map(RevocationKind.allCases.compactMap { kind in
                let packed = revocations.packed(kind)
                return packed.isEmpty ? nil : CBORPair(key: .unsigned(UInt64(kind.rawValue)), value: .bytes(packed))
            })),
        ]
        if let venueConfigDigest { pairs.append(CBORPair(key: 6, value: .bytes(venueConfigDigest))) }
        return .map(pairs)
    }

    static func encode(key: TrustedKey) -> CBOR {
        let type: Int = switch key.key {
        case .ed25519: 1
        case .p256: 2
        case .rsa: 3
        }
        var pairs: [CBORPair] = [
            CBORPair(key: 1, value: .text(key.format.rawValue)),
            CBORPair(key: 2, value: .bytes(key.kid)),
            CBORPair(key: 3, value: CBOR(type)),
            CBORPair(key: 4, value: .bytes(key.key.encoded)),
            CBORPair(key: 5, value: .text(key.issuer)),
        ]
        if let from = key.validFrom { pairs.append(CBORPair(key: 6, value: CBOR(Int(from.timeIntervalSince1970)))) }
        if let until = key.validUntil { pairs.append(CBORPair(key: 7, value: CBOR(Int(until.timeIntervalSince1970)))) }
        pairs.append(CBORPair(key: 8, value: .array(key.usages.map(\.rawValue).sorted().map { .text($0) })))
        return .map(pairs)
    }
}
