/// An append-only big-endian bit sequence: how segments are laid out before they become codewords.
public struct BitBuffer: Sendable, Hashable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var count = 0

    public init() {}

    /// Appends the low `width` bits of `value` (width clamped to 0…63), most significant first;
    /// higher bits of `value` are ignored.
    public mutating func append(_ value: Int, bits width: Int) {
        let width = min(max(width, 0), 63)
        for i in stride(from: width - 1, through: 0, by: -1) {
            if count & 7 == 0 { bytes.append(0) }
            if (value >> i) & 1 == 1 { bytes[bytes.count - 1] |= 0x80 >> UInt8(count & 7) }
            count += 1
        }
    }

    public mutating func append(_ other: BitBuffer) {
        for i in 0..<other.count { append(Int(other.bytes[i >> 3] >> (7 - UInt8(i & 7))) & 1, bits: 1) }
    }
}
