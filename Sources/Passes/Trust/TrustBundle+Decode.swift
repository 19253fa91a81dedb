import Crypto
import _CryptoExtras
import Foundation

extension TrustBundle {
    /// Bundles are read with looser CBOR limits than passes (thousands of keys), still bounded.
    static let decoder = CBORDecoder(maxDepth: 6, maxItems: 1_000_000)
    /// Larger than any sane trust list; refuse before parsing.
    public static let maxBytes = 32 * 1024 * 1024

    /// Verifies and decodes a bundle.
    ///
    /// Checks, in order: size, COSE structure, EdDSA signature by the pinned `rootKey` (anything
    /// else → `badSignature`), payload layout, version not lower than `currentVersion` (rollback),
    /// issue time not in the future. Age is NOT a load failure: an authentic stale bundle is still
    /// better than an older one; staleness is applied to every verdict by the verifier according
    /// to the venue's `StaleTrustPolicy` (see `freshness(at:maxAge:)`), so it is never silent.
    public static func decode(
        _ bytes: [UInt8], rootKey: Curve25519.Signing.PublicKey, currentVersion: UInt64?, now: Date
    ) throws(TrustBundleError) -> TrustBundle {
        guard bytes.count <= maxBytes else { throw .malformed("larger than \(maxBytes) bytes") }
        let message: COSESign1
        do { message = try COSESign1.decode(bytes, decoder: decoder) } catch { throw .malformed(error.detail) }
        guard message.algorithm == .edDSA,
              message.verify(with: .ed25519(rootKey), externalAAD: externalAAD) else { throw .badSignature }
        let payload: CBOR
        do { payload = try decoder.decode(message.payload) } catch { throw .malformed(error.detail) }
        let bundle = try parse(payload)
        if let currentVersion, bundle.version < currentVersion {
            throw .rollback(current: currentVersion, offered: bundle.version)
        }
        if bundle.issuedAt.timeIntervalSince(now) > futureSkew { throw .issuedInFuture }
        return bundle
    }

    /// Whether trust issued at `issuedAt` is still within `maxAge` at `now`.
    public static func isStale(issuedAt: Date, at now: Date, maxAge: TimeInterval) -> Bool {
        now.timeIntervalSince(issuedAt) > maxAge
    }

    static func parse(_ payload: CBOR) throws(TrustBundleError) -> TrustBundle {
        guard payload[int: 1]?.textValue == marker else { throw .malformed("not a threshold trust bundle") }
        guard case .unsigned(let version)? = payload[int: 2] else { throw .malformed("version missing") }
        guard case .unsigned(let issued)? = payload[int: 3], issued < 1 << 40 else { throw .malformed("issue time missing") }
        guard let keyItems = payload[int: 4]?.arrayValue else { throw .malformed("key list missing") }
        var keys: [TrustedKey] = []
        keys.reserveCapacity(keyItems.count)
        for item in keyItems { keys.append(try parse(key: item)) }

        var entries: [(RevocationKind, RevocationHash)] = []
        if let revoked = payload[int: 5] {
            guard let pairs = revoked.mapValue else { throw .malformed("revocations are not a map") }
            for pair in pairs {
                guard let raw = pair.key.int, let kind = RevocationKind(rawValue: UInt8(clamping: raw)), raw <= 255 else {
                    throw .malformed("unknown revocation kind")
                }
                guard let packed = pair.value.bytesValue, let hashes = RevocationList.unpack(packed) else {
                    throw .malformed("revocation hashes are not a multiple of 16 bytes")
                }
                entries += hashes.map { (kind, $0) }
            }
        }
        var digest: [UInt8]?
        if let item = payload[int: 6] {
            guard let bytes = item.bytesValue, bytes.count == 32 else { throw .malformed("venue config digest is not 32 bytes") }
            digest = bytes
        }
        return TrustBundle(version: version, issuedAt: Date(timeIntervalSince1970: TimeInterval(issued)), keys: keys,
                           revocations: RevocationList(entries: entries), venueConfigDigest: digest)
    }

    static func parse(key item: CBOR) throws(TrustBundleError) -> TrustedKey {
        guard let formatName = item[int: 1]?.textValue, let format = PassFormat(rawValue: formatName) else {
            throw .invalidKey("unknown format")
        }
        guard let kid = item[int: 2]?.bytesValue, !kid.isEmpty, kid.count <= 64 else { throw .invalidKey("kid missing") }
        guard let type = item[int: 3]?.int, let material = item[int: 4]?.bytesValue else { throw .invalidKey("key missing") }
        let key: VerificationKey
        do {
            switch type {
            case 1: key = .ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: material))
            case 2: key = .p256(try P256.Signing.PublicKey(derRepresentation: material))
            case 3: key = .rsa(try _RSA.Signing.PublicKey(derRepresentation: material))
            default: throw TrustBundleError.invalidKey("unknown key type \(type)")
            }
        } catch let error as TrustBundleError {
            throw error
        } catch {
            throw .invalidKey("key bytes do not parse")
        }
        guard let issuer = item[int: 5]?.textValue else { throw .invalidKey("issuer missing") }
        func time(_ label: Int) throws(TrustBundleError) -> Date? {
            guard let value = item[int: label] else { return nil }
            guard let seconds = value.int else { throw .invalidKey("validity is not an integer") }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        var usages = Set<KeyUsage>()
        for usage in item[int: 8]?.arrayValue ?? [] {
            guard let name = usage.textValue, let value = KeyUsage(rawValue: name) else { throw .invalidKey("unknown usage") }
            usages.insert(value)
        }
        return TrustedKey(format: format, kid: kid, key: key, issuer: issuer,
                          validFrom: try time(6), validUntil: try time(7), usages: usages)
    }
}
