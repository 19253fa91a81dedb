import Crypto

/// SHA-256 of the scanned text: the only form of a token that leaves the verifier (scan log,
/// cache key, metrics). Held as four words so that hashing and comparing it costs almost nothing.
public struct TokenDigest: Sendable, Hashable {
    public let w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    public init(of text: String) {
        let digest = text.utf8.withContiguousStorageIfAvailable { sha256(UnsafeRawBufferPointer($0)) }
            ?? SHA256.hash(data: Array(text.utf8))
        self.init(digest: digest)
    }

    public init(bytes: some Sequence<UInt8>) {
        self.init(digest: SHA256.hash(data: Array(bytes)))
    }

    init(digest: SHA256Digest) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        digest.withUnsafeBytes { raw in
            words = (
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            )
        }
        (w0, w1, w2, w3) = words
    }

    /// The 32 digest bytes.
    public var bytes: [UInt8] {
        [w0, w1, w2, w3].flatMap { w in (0..<8).map { UInt8(truncatingIfNeeded: w >> (56 - 8 * $0)) } }
    }

    /// Lower-case hex, 64 characters, as `Verdict.tokenDigest` carries it. Written straight from
    /// the words: this runs on every scan, and going through `bytes` cost five arrays.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            func put(_ word: UInt64, at offset: Int) {
                for k in 0..<16 { buffer[offset + k] = Hex.digit(UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * k)) & 0x0F) }
            }
            put(w0, at: 0); put(w1, at: 16); put(w2, at: 32); put(w3, at: 48)
            return 64
        }
    }

    /// The digest is already uniformly random: one word is a perfectly good hash.
    public func hash(into hasher: inout Hasher) { hasher.combine(w0) }
}

/// Lower-case hexadecimal, for digests and kids in verdicts and logs.
public enum Hex {
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var i = 0
            for b in bytes {
                buffer[i] = digit(b >> 4)
                buffer[i + 1] = digit(b & 0x0F)
                i += 2
            }
            return i
        }
    }

    /// The ASCII digit of a nibble (0–15); arithmetic rather than a table, so no global to load.
    @inline(__always)
    static func digit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    /// Nil on odd length or a non-hex character.
    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}

/// SHA-256 over memory already in place (no copy into an array on the hot path).
@inline(__always)
func sha256(_ buffer: UnsafeRawBufferPointer) -> SHA256Digest {
    var hasher = SHA256()
    hasher.update(bufferPointer: buffer)
    return hasher.finalize()
}
