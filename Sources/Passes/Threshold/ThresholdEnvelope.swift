import Crypto

/// The COSE_Sign1 around our claims, read on a fast path for the one shape our issuer writes:
/// `18([bstr {1: alg, 4: kid}, {}, bstr payload, bstr signature])`.
///
/// Anything else — other tags, unprotected headers, extra header labels, odd lengths — goes to
/// the generic `COSESign1.decode`, so the accepted language and every error stay exactly the
/// codec's; the fast path only skips building a `CBOR` tree for the common case.
struct ThresholdEnvelope {
    var protectedBytes: ArraySlice<UInt8>
    /// Nil when absent or not one we know (→ `badSignature`).
    var algorithm: COSEAlgorithm?
    var kid: [UInt8]?
    /// Slices of the COSE bytes: read in place, never copied.
    var payload: ArraySlice<UInt8>
    var signature: ArraySlice<UInt8>

    init(cose: [UInt8]) throws(PassError) {
        if let fast = Self.fast(cose) {
            self = fast
            return
        }
        let message = try COSESign1.decode(cose)
        protectedBytes = message.protectedBytes[...]
        algorithm = message.algorithm
        kid = message.kid
        payload = message.payload[...]
        signature = message.signature[...]
    }

    private init(protectedBytes: ArraySlice<UInt8>, algorithm: COSEAlgorithm?, kid: [UInt8]?, payload: ArraySlice<UInt8>,
                 signature: ArraySlice<UInt8>) {
        self.protectedBytes = protectedBytes; self.algorithm = algorithm; self.kid = kid
        self.payload = payload; self.signature = signature
    }

    private static func fast(_ cose: [UInt8]) -> ThresholdEnvelope? {
        var r = ClaimsReader(cose)
        guard let tag = try? r.head(), tag == (6, 18), let array = try? r.head(), array == (4, 4),
              let protectedHead = try? r.head(), protectedHead.major == 2,
              let protectedBytes = try? r.take(protectedHead.argument),
              let unprotected = try? r.head(), unprotected == (5, 0),
              let payloadHead = try? r.head(), payloadHead.major == 2, let payload = try? r.take(payloadHead.argument),
              let signatureHead = try? r.head(), signatureHead.major == 2,
              let signature = try? r.take(signatureHead.argument), r.isAtEnd else { return nil }
        var h = ClaimsReader(protectedBytes)
        guard let map = try? h.head(), map.major == 5, map.argument == 2,
              (try? h.integer()) == 1, let alg = try? h.integer(),
              (try? h.integer()) == 4, let kid = try? h.byteString(), h.isAtEnd else { return nil }
        return ThresholdEnvelope(protectedBytes: protectedBytes, algorithm: Int(exactly: alg).flatMap(COSEAlgorithm.init(rawValue:)),
                                 kid: kid, payload: payload, signature: signature)
    }

    /// `["Signature1", protected, h'', payload]` in deterministic CBOR — the same bytes as
    /// `COSESign1.signatureStructure()`.
    func signedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(protectedBytes.count + payload.count + 24)
        forEachSignedPiece { out.append(contentsOf: $0) }
        return out
    }

    /// SHA-256 of `signedBytes()`, taken in pieces from the bytes where they lie: what an ES256
    /// check signs, without building the structure (a few hundred bytes allocated and copied on
    /// every fresh scan).
    func signedDigest() -> SHA256Digest {
        var hasher = SHA256()
        forEachSignedPiece { hasher.update(bufferPointer: $0) }
        return hasher.finalize()
    }

    /// The signed structure as four pieces in order: framing, protected header, framing, payload.
    /// The one place its layout is written; the framing (at most 22 bytes) lives on the stack.
    private func forEachSignedPiece(_ body: (UnsafeRawBufferPointer) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { frame in
            var n = 0
            func put(_ byte: UInt8) { frame[n] = byte; n += 1 }
            /// A byte-string head (major type 2) for `count`, as `CBOREncoder.head` writes it.
            func head(_ count: Int) {
                switch count {
                case 0..<24: put(0x40 | UInt8(count))
                case 24...0xFF: put(0x58); put(UInt8(count))
                case 0x100...0xFFFF: put(0x59); put(UInt8(count >> 8)); put(UInt8(count & 0xFF))
                default:
                    put(0x5A)
                    for shift in stride(from: 24, through: 0, by: -8) { put(UInt8(truncatingIfNeeded: count >> shift)) }
                }
            }
            func flush() {
                body(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(frame)[0..<n]))
                n = 0
            }
            put(0x84); put(0x6A)
            for byte in "Signature1".utf8 { put(byte) }
            head(protectedBytes.count)
            flush()
            protectedBytes.withUnsafeBytes(body)
            put(0x40)
            head(payload.count)
            flush()
            payload.withUnsafeBytes(body)
        }
    }

    /// True when the signature verifies with `key` under `algorithm`: ES256 over `signedDigest()`,
    /// anything else over `signedBytes()` (EdDSA signs the message itself, not a digest).
    func signatureVerifies(with key: VerificationKey, algorithm: COSEAlgorithm) -> Bool {
        if algorithm == .es256 { return key.verifyES256(signature: signature, digest: signedDigest()) }
        return key.verify(signature: signature, message: signedBytes(), algorithm: algorithm)
    }
}
