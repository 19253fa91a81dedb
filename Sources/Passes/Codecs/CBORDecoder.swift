/// Strict CBOR decoder for untrusted input (every byte of a pass comes from a camera).
///
/// Rejects rather than repairs: reserved additional-info values, indefinite lengths on types
/// that cannot have them, mixed-type string chunks, stray break codes, two-byte simple values
/// below 32, invalid UTF-8, duplicate map keys, lengths beyond the input, nesting deeper than
/// `maxDepth`, more than `maxItems` items, and any bytes after the top-level item.
/// Both definite and indefinite lengths are accepted, as RFC 8949 allows.
public struct CBORDecoder: Sendable {
    public var maxDepth = 16
    public var maxItems = 10_000

    public init(maxDepth: Int = 16, maxItems: Int = 10_000) {
        self.maxDepth = maxDepth
        self.maxItems = maxItems
    }

    /// Decodes exactly one item spanning all of `bytes`.
    public func decode(_ bytes: [UInt8]) throws(PassError) -> CBOR {
        let (item, length) = try decodePrefix(bytes)
        guard length == bytes.count else {
            throw .malformed("CBOR has \(bytes.count - length) trailing bytes after the item")
        }
        return item
    }

    /// Decodes one item from the start of `bytes`; returns it and the number of bytes it spans.
    public func decodePrefix(_ bytes: [UInt8]) throws(PassError) -> (value: CBOR, length: Int) {
        var reader = CBORReader(bytes: bytes, maxDepth: maxDepth, maxItems: maxItems)
        let item = try reader.item(depth: 0)
        return (item, reader.position)
    }
}

/// The cursor behind `CBORDecoder`; one per decode call.
struct CBORReader {
    let bytes: [UInt8]
    let maxDepth: Int
    let maxItems: Int
    var position = 0
    var items = 0

    init(bytes: [UInt8], maxDepth: Int, maxItems: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxItems = maxItems
    }

    private mutating func byte() throws(PassError) -> UInt8 {
        guard position < bytes.count else { throw .malformed("CBOR ends in the middle of an item") }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func take(_ count: UInt64) throws(PassError) -> ArraySlice<UInt8> {
        guard count <= UInt64(bytes.count - position) else {
            throw .malformed("CBOR length \(count) runs past the end of the input")
        }
        let end = position + Int(count)
        defer { position = end }
        return bytes[position..<end]
    }

    private mutating func uint(_ width: Int) throws(PassError) -> UInt64 {
        var value: UInt64 = 0
        for byte in try take(UInt64(width)) { value = value << 8 | UInt64(byte) }
        return value
    }

    /// The argument of an initial byte: nil means indefinite length (additional info 31).
    private mutating func argument(_ info: UInt8) throws(PassError) -> UInt64? {
        switch info {
        case 0..<24: return UInt64(info)
        case 24: return try uint(1)
        case 25: return try uint(2)
        case 26: return try uint(4)
        case 27: return try uint(8)
        case 31: return nil
        default: throw .malformed("CBOR uses reserved additional information \(info)")
        }
    }

    private mutating func count() throws(PassError) {
        items += 1
        if items > maxItems { throw .oversized("CBOR has more than \(maxItems) items") }
    }

    private func isBreak() -> Bool { position < bytes.count && bytes[position] == 0xFF }

    mutating func item(depth: Int) throws(PassError) -> CBOR {
        guard depth <= maxDepth else { throw .malformed("CBOR nesting deeper than \(maxDepth)") }
        try count()
        let initial = try byte()
        let major = initial >> 5
        let info = initial & 0x1F
        if initial == 0xFF { throw .malformed("CBOR break code outside an indefinite-length item") }
        let arg = try argument(info)
        switch major {
        case 0:
            guard let n = arg else { throw .malformed("CBOR integer with indefinite length") }
            return .unsigned(n)
        case 1:
            guard let n = arg else { throw .malformed("CBOR integer with indefinite length") }
            return .negative(n)
        case 2:
            return .bytes(try string(arg, major: 2))
        case 3:
            let raw = try string(arg, major: 3)
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw .malformed("CBOR text string is not valid UTF-8")
            }
            return .text(text)
        case 4:
            var elements: [CBOR] = []
            if let n = arg {
                // Each element takes at least one byte: a bigger count cannot be honest.
                guard n <= UInt64(bytes.count - position) else {
                    throw .malformed("CBOR array of \(n) elements runs past the end of the input")
                }
                elements.reserveCapacity(Int(n))
                for _ in 0..<n { elements.append(try item(depth: depth + 1)) }
            } else {
                while true {
                    if isBreak() { position += 1; break }
                    elements.append(try item(depth: depth + 1))
                }
            }
            return .array(elements)
        case 5:
            var pairs: [CBORPair] = []
            // Small maps (every COSE header and CWT) check duplicates by scanning; a set only
            // pays off, and is only needed against quadratic work, for large maps.
            var seen: Set<CBOR>?
            func add(_ key: CBOR, _ value: CBOR) throws(PassError) {
                if seen == nil, pairs.count >= 16 { seen = Set(pairs.map(\.key)) }
                if let inserted = seen?.insert(key).inserted {
                    guard inserted else { throw .malformed("CBOR map has a duplicate key") }
                } else if pairs.contains(where: { $0.key == key }) {
                    throw .malformed("CBOR map has a duplicate key")
                }
                pairs.append(CBORPair(key: key, value: value))
            }
            if let n = arg {
                guard n <= UInt64(bytes.count - position) / 2 else {
                    throw .malformed("CBOR map of \(n) pairs runs past the end of the input")
                }
                pairs.reserveCapacity(Int(n))
                for _ in 0..<n {
                    let key = try item(depth: depth + 1)
                    try add(key, try item(depth: depth + 1))
                }
            } else {
                while true {
                    if isBreak() { position += 1; break }
                    let key = try item(depth: depth + 1)
                    if isBreak() { throw .malformed("CBOR indefinite map ends after a key without a value") }
                    try add(key, try item(depth: depth + 1))
                }
            }
            return .map(pairs)
        case 6:
            guard let tag = arg else { throw .malformed("CBOR tag with indefinite length") }
            return .tagged(tag, try item(depth: depth + 1))
        default:
            return try simpleOrFloat(info: info, arg: arg)
        }
    }

    /// Byte or text string content; indefinite strings are definite chunks of the same type.
    private mutating func string(_ arg: UInt64?, major: UInt8) throws(PassError) -> [UInt8] {
        if let n = arg { return Array(try take(n)) }
        var out: [UInt8] = []
        while true {
            let initial = try byte()
            if initial == 0xFF { return out }
            guard initial >> 5 == major else {
                throw .malformed("CBOR indefinite string has a chunk of another type")
            }
            try count()
            guard let n = try argument(initial & 0x1F) else {
                throw .malformed("CBOR indefinite string chunk is itself indefinite")
            }
            out += try take(n)
        }
    }

    private func simpleOrFloat(info: UInt8, arg: UInt64?) throws(PassError) -> CBOR {
        switch info {
        case 20: return .bool(false)
        case 21: return .bool(true)
        case 22: return .null
        case 23: return .undefined
        case 24:
            guard let v = arg, v >= 32 else { throw .malformed("CBOR two-byte simple value below 32") }
            return .simple(UInt8(v))
        case 25: return .float(CBORFloat.halfToDouble(UInt16(arg ?? 0)))
        case 26: return .float(Double(Float(bitPattern: UInt32(arg ?? 0))))
        case 27: return .float(Double(bitPattern: arg ?? 0))
        case 31: throw .malformed("CBOR break code outside an indefinite-length item")
        default: return .simple(info)
        }
    }
}
