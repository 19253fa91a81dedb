/// A strict, allocation-light reader for the CWT claims of our own pass.
///
/// Why not the generic `CBORDecoder`: a fresh scan must cost little more than its signature check
/// (≥ 90 % of the bare verify rate), and building a `CBOR` tree of boxed enums and a duplicate-key
/// set costs more than everything else together. Our claims are one flat map with integer keys,
/// so this reader walks the bytes once, keeps only what the verdict needs, and records where
/// `cnf` lies so the holder key is decoded only when a proof needs it.
///
/// Strict: definite lengths only (our issuer writes no others), no reserved additional-info
/// values, no duplicate keys, valid UTF-8, no bytes after the map, bounded nesting when skipping
/// unknown claims. Any violation is `.malformed`.
struct ClaimsReader {
    private let bytes: ArraySlice<UInt8>
    private(set) var position: Int
    var isAtEnd: Bool { position == bytes.endIndex }

    /// Reads a slice in place (slices of the inflated COSE bytes: nothing is copied to read them).
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    /// Major type and argument of the next item.
    mutating func head() throws(PassError) -> (major: UInt8, argument: UInt64) {
        guard position < bytes.endIndex else { throw .malformed("claims end early") }
        let initial = bytes[position]
        position += 1
        let major = initial >> 5, info = initial & 0x1F
        let width: Int
        switch info {
        case 0..<24: return (major, UInt64(info))
        case 24: width = 1
        case 25: width = 2
        case 26: width = 4
        case 27: width = 8
        default: throw .malformed("claims use an indefinite length or a reserved value")
        }
        guard bytes.endIndex - position >= width else { throw .malformed("claims end early") }
        var value: UInt64 = 0
        for _ in 0..<width { value = value << 8 | UInt64(bytes[position]); position += 1 }
        return (major, value)
    }

    mutating func take(_ count: UInt64) throws(PassError) -> ArraySlice<UInt8> {
        guard count <= UInt64(bytes.endIndex - position) else { throw .malformed("claims string runs past the end") }
        defer { position += Int(count) }
        return bytes[position..<position + Int(count)]
    }

    mutating func integer() throws(PassError) -> Int64 {
        let (major, argument) = try head()
        guard argument <= UInt64(Int64.max) else { throw .malformed("claims integer out of range") }
        switch major {
        case 0: return Int64(argument)
        case 1: return -1 - Int64(argument)
        default: throw .malformed("claim is not an integer")
        }
    }

    mutating func text() throws(PassError) -> String {
        let (major, argument) = try head()
        guard major == 3 else { throw .malformed("claim is not a text string") }
        let bytes = try take(argument)
        // Our claims are ASCII in practice: ASCII is valid UTF-8 as it stands, and this path skips
        // the generic (unspecialised, metadata-looking-up) validator. Anything else is validated.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .malformed("claim text is not UTF-8") }
        return text
    }

    mutating func byteString() throws(PassError) -> [UInt8] {
        let (major, argument) = try head()
        guard major == 2 else { throw .malformed("claim is not a byte string") }
        return Array(try take(argument))
    }

    /// Skips one item of any type, returning its bytes.
    mutating func skip() throws(PassError) -> ArraySlice<UInt8> {
        let start = position
        try skipItem(depth: 0)
        return bytes[start..<position]
    }

    /// Skips one item; no slice per nested item (each would retain and release the buffer).
    private mutating func skipItem(depth: Int) throws(PassError) {
        guard depth < 8 else { throw .malformed("claims nest too deeply") }
        let (major, argument) = try head()
        switch major {
        case 0, 1, 7: break
        case 2, 3:
            guard argument <= UInt64(bytes.endIndex - position) else { throw .malformed("claims string runs past the end") }
            position += Int(argument)
        case 4, 5:
            guard argument <= 64 else { throw .malformed("claims container too large") }
            for _ in 0..<(major == 5 ? 2 * argument : argument) { try skipItem(depth: depth + 1) }
        default: try skipItem(depth: depth + 1)  // tag: skip the tagged item
        }
    }

    /// Reads the top-level map, calling `field` for each integer key; the callback must consume
    /// exactly the value. Rejects duplicates and trailing bytes.
    mutating func readMap(_ field: (Int64, inout ClaimsReader) throws(PassError) -> Void) throws(PassError) {
        let (major, count) = try head()
        guard major == 5, count <= 32 else { throw .malformed("claims are not a map of at most 32 entries") }
        // Keys seen so far: the registered claims (0–31) and our private ones (-70001 down to
        // -70032) as bits, any other key in a list (none in a pass we issue, so no allocation).
        var seenBits: UInt64 = 0
        var seenOthers: [Int64] = []
        for _ in 0..<count {
            let key = try integer()
            if (0..<32).contains(key) || (-70_032 ... -70_001).contains(key) {
                let bit: UInt64 = key >= 0 ? 1 << UInt64(key) : 1 << UInt64(32 - 70_001 - key)
                guard seenBits & bit == 0 else { throw .malformed("claims repeat a key") }
                seenBits |= bit
            } else {
                guard !seenOthers.contains(key) else { throw .malformed("claims repeat a key") }
                seenOthers.append(key)
            }
            try field(key, &self)
        }
        guard position == bytes.endIndex else { throw .malformed("bytes after the claims map") }
    }
}
