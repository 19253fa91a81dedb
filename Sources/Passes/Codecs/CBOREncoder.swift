/// Deterministic CBOR encoder (RFC 8949 §4.2.1 core deterministic encoding).
///
/// Shortest integer and length arguments, definite lengths only, floats in the shortest form
/// that keeps the value, and map keys sorted by the bytewise order of their encodings — so one
/// value has exactly one encoding, which is what a signature and a digest need.
public enum CBOREncoder {
    public static func encode(_ value: CBOR) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }

    static func head(_ major: UInt8, _ argument: UInt64, to out: inout [UInt8]) {
        let m = major << 5
        switch argument {
        case 0..<24: out.append(m | UInt8(argument))
        // Byte by byte: an array literal here would be a temporary allocation per head.
        case 24...0xFF:
            out.append(m | 24)
            out.append(UInt8(argument))
        case 0x100...0xFFFF:
            out.append(m | 25)
            out.append(UInt8(argument >> 8))
            out.append(UInt8(argument & 0xFF))
        case 0x1_0000...0xFFFF_FFFF:
            out.append(m | 26)
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8((argument >> UInt64(shift)) & 0xFF)) }
        default:
            out.append(m | 27)
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8((argument >> UInt64(shift)) & 0xFF)) }
        }
    }

    static func append(_ value: CBOR, to out: inout [UInt8]) {
        switch value {
        case .unsigned(let n): head(0, n, to: &out)
        case .negative(let n): head(1, n, to: &out)
        case .bytes(let b):
            head(2, UInt64(b.count), to: &out)
            out += b
        case .text(let t):
            let utf8 = Array(t.utf8)
            head(3, UInt64(utf8.count), to: &out)
            out += utf8
        case .array(let elements):
            head(4, UInt64(elements.count), to: &out)
            for element in elements { append(element, to: &out) }
        case .map(let pairs):
            let encoded = pairs.map { (key: encode($0.key), value: encode($0.value)) }
                .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            head(5, UInt64(encoded.count), to: &out)
            for pair in encoded { out += pair.key; out += pair.value }
        case .tagged(let tag, let inner):
            head(6, tag, to: &out)
            append(inner, to: &out)
        case .bool(let b): out.append(b ? 0xF5 : 0xF4)
        case .null: out.append(0xF6)
        case .undefined: out.append(0xF7)
        case .simple(let v):
            if v < 24 { out.append(0xE0 | v) } else { out += [0xF8, v] }
        case .float(let d): appendFloat(d, to: &out)
        }
    }

    static func appendFloat(_ d: Double, to out: inout [UInt8]) {
        if let half = CBORFloat.exactHalf(d) {
            out += [0xF9, UInt8(half >> 8), UInt8(half & 0xFF)]
        } else if let single = Float(exactly: d) {
            let bits = single.bitPattern
            out.append(0xFA)
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8((bits >> UInt32(shift)) & 0xFF)) }
        } else {
            let bits = d.bitPattern
            out.append(0xFB)
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8((bits >> UInt64(shift)) & 0xFF)) }
        }
    }
}
