import Crypto
import Foundation

/// The rolling proof a holder's phone appends to its credential every 30 seconds, showing that
/// the live phone holding the `cnf` key is at the door — a screenshot goes stale within a minute.
///
/// Binary layout (78 bytes, base45 → 117 characters):
///
/// | bytes | field |
/// |---|---|
/// | 0 | layout version, 1 |
/// | 1 | flags: bit 0 = bound to a venue |
/// | 2–5 | time step, big-endian: ⌊unix seconds / 30⌋ |
/// | 6–13 | venue tag: first 8 bytes of SHA-256("threshold-venue:" ‖ venue id), zero when unbound |
/// | 14–77 | holder signature (Ed25519, or ES256 raw r‖s) |
///
/// The signature covers `"TH1-holder-proof" ‖ SHA-256(credential base45 text) ‖ bytes 0–13`,
/// made with the algorithm of the holder key in `cnf`.
public struct HolderProof: Sendable, Hashable {
    public static let byteCount = 78
    public static let textCount = 117
    /// Length of one step, seconds.
    public static let stepSeconds: Int64 = 30
    static let context = Array("TH1-holder-proof".utf8)

    public var step: UInt32
    /// Zero when the proof names no venue.
    public var venueTag: UInt64
    public var signature: [UInt8]

    /// The step containing `date`.
    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(stepSeconds)).rounded(.down))
    }

    /// The tag of a venue id, as proofs and `VerificationContext` carry it.
    public static func venueTag(_ venueID: String) -> UInt64 {
        let digest = Array(SHA256.hash(data: Array("threshold-venue:\(venueID)".utf8)))
        return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) } | 1  // never zero
    }

    /// The signed bytes for a given credential text and header.
    static func message(credential: Substring, step: UInt32, venueTag: UInt64) -> [UInt8] {
        let credentialDigest = credential.utf8.withContiguousStorageIfAvailable { sha256(UnsafeRawBufferPointer($0)) }
            ?? SHA256.hash(data: Array(credential.utf8))
        return context + Array(credentialDigest) + header(step: step, venueTag: venueTag)
    }

    static func header(step: UInt32, venueTag: UInt64) -> [UInt8] {
        var out: [UInt8] = [1, venueTag == 0 ? 0 : 1]
        for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: step >> UInt32(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: venueTag >> UInt64(shift))) }
        return out
    }

    /// Phone side: the text to show now — `TH1P:<credential>*<proof>`.
    ///
    /// - Parameters:
    ///   - credential: the `TH1:` text the issuer handed out.
    ///   - holderKey: the private key matching `cnf`.
    ///   - date: the phone's clock.
    ///   - venueID: bind the proof to one venue (optional).
    public static func make(credential: String, holderKey: SigningKey, at date: Date, venueID: String? = nil) throws -> String {
        guard credential.hasPrefix(ThresholdWire.credentialPrefix) else {
            throw PassError(.unknownFormat, "holder proofs attach to TH1: credentials")
        }
        let body = credential.dropFirst(ThresholdWire.credentialPrefix.count)
        let stepValue = step(at: date)
        guard let step = UInt32(exactly: stepValue) else { throw PassError.malformed("clock outside the proof step range") }
        let tag = venueID.map(venueTag) ?? 0
        let signature = try holderKey.sign(message(credential: body, step: step, venueTag: tag))
        guard signature.count == 64 else { throw PassError.malformed("holder key does not make 64-byte signatures") }
        let proof = header(step: step, venueTag: tag) + signature
        return ThresholdWire.provenPrefix + body + "*" + Base45.encode(proof)
    }

    /// Kiosk side: reads the 117 characters after the `*`.
    init(text: Substring) throws(PassError) {
        let bytes = try Base45.decode(utf8: Array(text.utf8))
        guard bytes.count == Self.byteCount, bytes[0] == 1 else { throw .malformed("holder proof has the wrong layout") }
        step = bytes[2..<6].reduce(0) { $0 << 8 | UInt32($1) }
        venueTag = bytes[6..<14].reduce(0) { $0 << 8 | UInt64($1) }
        guard (bytes[1] == 1) == (venueTag != 0), bytes[1] <= 1 else { throw .malformed("holder proof venue flag disagrees with its tag") }
        signature = Array(bytes[14...])
    }

    /// Checks the signature with the holder key from the credential.
    func verify(credential: Substring, holderKey: VerificationKey) -> Bool {
        holderKey.verify(signature: signature, message: Self.message(credential: credential, step: step, venueTag: venueTag),
                         algorithm: holderKey.algorithm)
    }

    /// What a replay is recognised by: the signed content (credential, step, venue), not the
    /// signature bytes — an ECDSA signature can be re-written as another valid one (s ↔ n−s), so a
    /// screenshot with a tweaked signature must still count as the same proof.
    static func ledgerKey(credential: Substring, step: UInt32, venueTag: UInt64) -> TokenDigest {
        TokenDigest(bytes: message(credential: credential, step: step, venueTag: venueTag))
    }
}
