/// How our pass travels as QR text.
///
/// ```
/// TH1:<C>                 credential alone (what the issuer hands out, what a printout shows)
/// TH1P:<C>*<P>            credential + rolling holder proof (what the phone shows, renewed every 30 s)
/// ```
/// `<C>` is base45(zlib(tagged COSE_Sign1 over the CWT claims)). `<P>` is base45 of exactly
/// `HolderProof.byteCount` (78) bytes, so always `HolderProof.textCount` (117) characters: every
/// character QR alphanumeric mode can carry is also a base45 digit, so no separator could be
/// unambiguous — the distinct prefix says a proof is there, the fixed length says where it starts,
/// and the `*` must sit exactly before it (a cheap truncation check).
public enum ThresholdWire {
    public static let credentialPrefix = "TH1:"
    public static let provenPrefix = "TH1P:"
    /// Inflated COSE larger than this is not one of ours (our passes are ~250 bytes).
    public static let maxInflated = 4096

    /// The parts of a scanned `TH1` text. `credential` is the base45 text of the credential,
    /// which is what the holder proof signs (by its SHA-256).
    struct Parts {
        var credential: Substring
        var proofText: Substring?
    }

    /// Splits prefix, credential and proof without decoding anything.
    static func split(_ text: String) throws(PassError) -> Parts {
        // Byte-wise: the prefixes are ASCII, and String.hasPrefix / dropFirst walk Characters.
        if text.utf8.starts(with: credentialPrefix.utf8) {
            let body = text.utf8.dropFirst(credentialPrefix.utf8.count)
            guard !body.isEmpty else { throw .malformed("TH1 text has no credential") }
            return Parts(credential: Substring(body), proofText: nil)
        }
        guard text.utf8.starts(with: provenPrefix.utf8) else { throw PassError(.unknownFormat, "not a TH1 text") }
        let body = text.utf8.dropFirst(provenPrefix.utf8.count)
        guard body.count > HolderProof.textCount + 1 else { throw .malformed("TH1P text too short for a holder proof") }
        let star = body.index(body.endIndex, offsetBy: -(HolderProof.textCount + 1))
        guard body[star] == UInt8(ascii: "*") else { throw .malformed("TH1P text has no proof separator") }
        let credential = Substring(text.utf8[body.startIndex..<star])
        let proof = Substring(text.utf8[body.index(after: star)...])
        return Parts(credential: credential, proofText: proof)
    }

    /// base45 → zlib → COSE_Sign1, with the output cap.
    static func decodeCredential(_ credential: Substring) throws(PassError) -> COSESign1 {
        try COSESign1.decode(inflateCredential(credential))
    }

    /// base45 → zlib: the COSE bytes.
    static func inflateCredential(_ credential: Substring) throws(PassError) -> [UInt8] {
        // Decoded on the stack for a pass of ordinary size (see `Base45.withDecodedOnStack`).
        let inPlace = credential.utf8.withContiguousStorageIfAvailable { chars in
            Base45.withDecodedOnStack(chars) { bytes in
                Result { () throws(PassError) in try Zlib.inflate(bytes, format: .zlib, maxOutput: maxInflated) }
            }
        }
        if let inPlace = inPlace ?? nil { return try inPlace.flatMap { $0 }.get() }
        return try Zlib.inflate(Base45.decode(utf8: credential.utf8), format: .zlib, maxOutput: maxInflated)
    }
}
