import TestSupport
import Foundation
@testable import Passes

/// Builds hostile variants of real tokens, each with the one reason it must be denied for.
///
/// Generation is cheap on purpose: most classes mutate a small pool of genuinely signed tokens at
/// one layer (text, compressed bytes, COSE fields), so ten thousand cases cost a few hundred
/// signatures. Mutations that leave the signed content unchanged (e.g. a flip in DEFLATE's
/// padding bits) are not attacks and are skipped, not counted.
struct AdversarialTokens {
    struct Case {
        var kind: String
        var text: String
        var expected: DenyReason
        var at: Date
        var context = VerificationContext()
    }

    private(set) var cases: [Case] = []
    private var seen = Set<String>()
    private var rng: SeededRNG

    init(seed: UInt64) { rng = SeededRNG(seed: seed) }

    mutating func add(_ kind: String, _ text: String, _ expected: DenyReason, at: Date = PassFixtures.now,
                      context: VerificationContext = VerificationContext()) {
        guard seen.insert(text).inserted else { return }
        cases.append(Case(kind: kind, text: text, expected: expected, at: at, context: context))
    }

    mutating func random(_ range: Range<Int>) -> Int { Int(rng.next() % UInt64(range.count)) + range.lowerBound }

    // MARK: Layers of a TH1 token

    static func cose(of text: String) throws -> [UInt8] {
        try Zlib.inflate(Base45.decode(String(text.dropFirst(4))), format: .zlib)
    }

    static func text(cose: [UInt8]) -> String { "TH1:" + Base45.encode(Zlib.deflate(cose, format: .zlib)) }

    /// Bit flip in the base45 characters. Expected `malformed` unless the content is unchanged.
    mutating func flipText(_ token: String) throws {
        var chars = Array(token.utf8)
        let index = random(4..<chars.count)
        chars[index] ^= UInt8(1 << random(0..<7))
        let mutated = String(decoding: chars, as: UTF8.self)
        if let bytes = try? Base45.decode(String(mutated.dropFirst(4))),
           let inflated = try? Zlib.inflate(bytes, format: .zlib), inflated == (try Self.cose(of: token)) { return }
        add("bit flip: base45 text", mutated, .malformed)
    }

    /// Bit flip in the compressed bytes.
    mutating func flipCompressed(_ token: String) throws {
        var bytes = try Base45.decode(String(token.dropFirst(4)))
        bytes[random(0..<bytes.count)] ^= UInt8(1 << random(0..<8))
        if let inflated = try? Zlib.inflate(bytes, format: .zlib), inflated == (try Self.cose(of: token)) { return }
        add("bit flip: compressed", "TH1:" + Base45.encode(bytes), .malformed)
    }

    /// Bit flip in the signed payload (the CWT claims): the signature no longer matches.
    mutating func flipPayload(_ token: String) throws {
        var message = try COSESign1.decode(Self.cose(of: token))
        message.payload[random(0..<message.payload.count)] ^= UInt8(1 << random(0..<8))
        add("bit flip: COSE payload", Self.text(cose: message.encoded()), .badSignature)
    }

    /// Bit flip in the signature.
    mutating func flipSignature(_ token: String) throws {
        var message = try COSESign1.decode(Self.cose(of: token))
        message.signature[random(0..<message.signature.count)] ^= UInt8(1 << random(0..<8))
        add("bit flip: signature", Self.text(cose: message.encoded()), .badSignature)
    }

    /// Same signature, a kid the kiosk does not know.
    mutating func wrongKid(_ token: String) throws {
        var message = try COSESign1.decode(Self.cose(of: token))
        let kid = (0..<8).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let header = CBOR.map([CBORPair(key: 1, value: CBOR(message.algorithm?.rawValue ?? -8)), CBORPair(key: 4, value: .bytes(kid))])
        message.protected = header
        message.protectedBytes = CBOREncoder.encode(header)
        add("wrong kid", Self.text(cose: message.encoded()), .unknownKey)
    }

    /// `alg` removed, `none`-like, moved to the unprotected bucket, or swapped for another one.
    mutating func algorithmAttack(_ token: String, variant: Int) throws {
        var message = try COSESign1.decode(Self.cose(of: token))
        guard let kid = message.kid, let alg = message.algorithm else { throw PassError.malformed("pool token broken") }
        let other: Int = alg == .edDSA ? -7 : -8
        let algValue: CBOR? = switch variant % 6 {
        case 0: nil                      // no alg at all
        case 1: 0                        // reserved value
        case 2: .text("none")            // JOSE-style alg: none
        case 3: CBOR(other)              // the other curve's algorithm
        case 4: CBOR(-37)                // PS256 against an EC/Ed key
        default: nil                     // alg moved to the unprotected header
        }
        var pairs: [CBORPair] = []
        if let algValue { pairs.append(CBORPair(key: 1, value: algValue)) }
        pairs.append(CBORPair(key: 4, value: .bytes(kid)))
        message.protected = .map(pairs)
        message.protectedBytes = CBOREncoder.encode(.map(pairs))
        if variant % 6 == 5 { message.unprotected = .map([CBORPair(key: 1, value: CBOR(alg.rawValue))]) }
        add("alg none / mismatch", Self.text(cose: message.encoded()), .badSignature)
    }

    /// Cut somewhere inside the body.
    mutating func truncate(_ token: String) {
        add("truncated", String(token.prefix(random(4..<token.count))), .malformed)
    }

    /// ECDSA malleability: (r, s) → (r, n − s) on the holder proof at the end of a `TH1P:` text.
    static func malleate(_ shown: String) -> String {
        let proofText = String(shown.suffix(HolderProof.textCount))
        guard var proof = try? Base45.decode(proofText), proof.count == HolderProof.byteCount else { return shown }
        let order: [UInt8] = Hex.decode("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")!
        var borrow = 0
        for i in stride(from: 31, through: 0, by: -1) {
            let value = Int(order[i]) - Int(proof[46 + i]) - borrow
            proof[46 + i] = UInt8((value + 256) % 256)
            borrow = value < 0 ? 1 : 0
        }
        return String(shown.dropLast(HolderProof.textCount)) + Base45.encode(proof)
    }
}

