/// Base45 (RFC 9285): the alphanumeric-mode-friendly encoding used by EU DCC and our own pass.
///
/// Strict on decode: any character outside the 45-character alphabet, a trailing group of one
/// character, or a group whose value does not fit its byte width is rejected — lenient decoders
/// let two different texts map to the same bytes, which breaks digest-keyed caching.
public enum Base45 {
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// Reverse lookup: ASCII byte → value, 0xFF for "not in the alphabet".
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, char) in alphabet.enumerated() { table[Int(char)] = UInt8(index) }
        return table
    }()

    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count / 2) * 3 + 2)
        var index = 0
        while index + 1 < bytes.count {
            var n = Int(bytes[index]) * 256 + Int(bytes[index + 1])
            for _ in 0..<3 {
                out.append(alphabet[n % 45])
                n /= 45
            }
            index += 2
        }
        if index < bytes.count {
            let n = Int(bytes[index])
            out.append(alphabet[n % 45])
            out.append(alphabet[n / 45])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) throws(PassError) -> [UInt8] {
        try decode(utf8: Array(text.utf8))
    }

    public static func decode(utf8 chars: [UInt8]) throws(PassError) -> [UInt8] {
        if chars.count % 3 == 1 {
            throw .malformed("base45 text length \(chars.count) leaves a single trailing character")
        }
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 3 * 2 + 1)
        var index = 0
        while index < chars.count {
            let width = min(3, chars.count - index)
            var n = 0
            var scale = 1
            for offset in 0..<width {
                let value = values[Int(chars[index + offset])]
                if value == 0xFF {
                    throw .malformed("base45 text has a character outside the alphabet at offset \(index + offset)")
                }
                n += Int(value) * scale
                scale *= 45
            }
            if width == 3 {
                guard n <= 0xFFFF else { throw .malformed("base45 group at offset \(index) exceeds 65535") }
                out.append(UInt8(n >> 8))
                out.append(UInt8(n & 0xFF))
            } else {
                guard n <= 0xFF else { throw .malformed("base45 final pair at offset \(index) exceeds 255") }
                out.append(UInt8(n))
            }
            index += width
        }
        return out
    }
}
