/// COSE_Sign1 (RFC 9052 §4.2): a single-signer signed message.
///
/// The protected header is kept as the exact bytes received, because the signature covers
/// those bytes, not a re-encoding of the decoded map.
public struct COSESign1: Sendable, Hashable {
    /// COSE header labels used here.
    public enum Label {
        public static let algorithm = 1
        public static let critical = 2
        public static let kid = 4
    }

    /// The header labels this verifier understands: the only ones a `crit` header may name.
    public static let understoodLabels: Set<Int> = [Label.algorithm, Label.kid]

    /// CBOR tag for COSE_Sign1.
    public static let tag: UInt64 = 18
    /// CBOR tag for a CWT (RFC 8392 §6), which some issuers put around the COSE tag.
    public static let cwtTag: UInt64 = 61

    public var protectedBytes: [UInt8]
    /// The decoded protected header (an empty map when `protectedBytes` is empty).
    public var protected: CBOR
    public var unprotected: CBOR
    public var payload: [UInt8]
    public var signature: [UInt8]

    public init(protectedBytes: [UInt8], protected: CBOR, unprotected: CBOR, payload: [UInt8], signature: [UInt8]) {
        self.protectedBytes = protectedBytes
        self.protected = protected
        self.unprotected = unprotected
        self.payload = payload
        self.signature = signature
    }

    /// Header parameter from the protected bucket, else the unprotected one.
    public func header(_ label: Int) -> CBOR? {
        protected[int: label] ?? unprotected[int: label]
    }

    /// The signing algorithm, if it is one we know; nil for absent or unsupported values.
    public var algorithm: COSEAlgorithm? {
        header(Label.algorithm)?.int.flatMap(COSEAlgorithm.init(rawValue:))
    }

    /// The key identifier: protected header first, then unprotected.
    public var kid: [UInt8]? {
        header(Label.kid)?.bytesValue
    }

    public static func decode(_ bytes: [UInt8], decoder: CBORDecoder = CBORDecoder()) throws(PassError) -> COSESign1 {
        var item = try decoder.decode(bytes)
        if case .tagged(cwtTag, let inner) = item { item = inner }
        if case .tagged(tag, let inner) = item { item = inner }
        if case .tagged(let other, _) = item {
            throw .malformed("COSE message has tag \(other), expected COSE_Sign1 (18)")
        }
        guard case .array(let parts) = item, parts.count == 4 else {
            throw .malformed("COSE_Sign1 is not an array of four items")
        }
        guard case .bytes(let protectedBytes) = parts[0] else {
            throw .malformed("COSE_Sign1 protected header is not a byte string")
        }
        let protected: CBOR
        if protectedBytes.isEmpty {
            protected = .map([])
        } else {
            protected = try decoder.decode(protectedBytes)
            guard case .map = protected else { throw .malformed("COSE_Sign1 protected header is not a map") }
        }
        guard case .map = parts[1] else { throw .malformed("COSE_Sign1 unprotected header is not a map") }
        guard case .bytes(let payload) = parts[2] else {
            throw .malformed("COSE_Sign1 payload is absent (detached) or not a byte string")
        }
        guard case .bytes(let signature) = parts[3] else {
            throw .malformed("COSE_Sign1 signature is not a byte string")
        }
        try checkCritical(protected: protected, unprotected: parts[1])
        return COSESign1(protectedBytes: protectedBytes, protected: protected, unprotected: parts[1],
                         payload: payload, signature: signature)
    }

    /// RFC 9052 §3.1: `crit` lists header labels the recipient must understand, or refuse the
    /// message; it belongs in the protected bucket and is never empty. A label we do not know
    /// could change what the signature means (a countersignature, a content type, …), so a
    /// message naming one is refused rather than read as if the header were absent.
    static func checkCritical(protected: CBOR, unprotected: CBOR) throws(PassError) {
        if unprotected[int: Label.critical] != nil { throw .malformed("COSE crit header is not in the protected bucket") }
        guard let crit = protected[int: Label.critical] else { return }
        guard let labels = crit.arrayValue, !labels.isEmpty else { throw .malformed("COSE crit header is not a non-empty array") }
        for label in labels where !(label.int.map(understoodLabels.contains) ?? false) {
            throw .malformed("COSE crit names header \(label) that this verifier does not understand")
        }
    }

    /// The bytes that are signed: `["Signature1", protected, external_aad, payload]`.
    public func signatureStructure(externalAAD: [UInt8] = []) -> [UInt8] {
        CBOREncoder.encode(.array([.text("Signature1"), .bytes(protectedBytes), .bytes(externalAAD), .bytes(payload)]))
    }

    /// Checks the signature with `key` using the message's own algorithm (false if absent/unknown).
    public func verify(with key: VerificationKey, externalAAD: [UInt8] = []) -> Bool {
        guard let algorithm else { return false }
        return key.verify(signature: signature, message: signatureStructure(externalAAD: externalAAD), algorithm: algorithm)
    }

    /// The tagged COSE_Sign1 encoding of this message.
    public func encoded() -> [UInt8] {
        CBOREncoder.encode(.tagged(Self.tag, .array([.bytes(protectedBytes), unprotected, .bytes(payload), .bytes(signature)])))
    }

    /// Signs `payload` with `signer`; protected header carries `alg` and (if given) `kid`.
    public static func sign(
        payload: [UInt8], algorithm: COSEAlgorithm, kid: [UInt8]?, signer: SigningKey
    ) throws -> [UInt8] {
        guard algorithm == signer.algorithm else {
            throw PassError(.badSignature, "COSE algorithm \(algorithm) does not match the signing key")
        }
        var headers = [CBORPair(key: CBOR(Label.algorithm), value: CBOR(algorithm.rawValue))]
        if let kid { headers.append(CBORPair(key: CBOR(Label.kid), value: .bytes(kid))) }
        var message = COSESign1(protectedBytes: CBOREncoder.encode(.map(headers)), protected: .map(headers),
                                unprotected: .map([]), payload: payload, signature: [])
        message.signature = try signer.sign(message.signatureStructure())
        return message.encoded()
    }
}
