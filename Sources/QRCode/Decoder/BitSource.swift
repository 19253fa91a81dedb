/// Reads big-endian bit fields from a byte array, as the QR bitstream is packed (ISO/IEC 18004 §7.4).
struct BitSource {
    private let bytes: [UInt8]
    private(set) var position = 0  // in bits

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var available: Int { bytes.count * 8 - position }

    /// Reads `count` (0…32) bits; nil when fewer remain.
    mutating func read(_ count: Int) -> Int? {
        guard count >= 0, count <= 32, count <= available else { return nil }
        var value = 0
        var left = count
        while left > 0 {
            let byte = Int(bytes[position >> 3])
            let offset = position & 7
            let take = min(left, 8 - offset)
            let bits = (byte >> (8 - offset - take)) & ((1 << take) - 1)
            value = value << take | bits
            position += take
            left -= take
        }
        return value
    }
}
