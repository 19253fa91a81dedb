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
        out.append(0x84)
        out.append(0x6A)
        out += "Signature1".utf8
        CBOREncoder.head(2, UInt64(protectedBytes.count), to: &out)
        out += protectedBytes
        out.append(0x40)
        CBOREncoder.head(2, UInt64(payload.count), to: &out)
        out += payload
        return out
    }
}
