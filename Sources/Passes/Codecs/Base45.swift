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
        // One pass over the text with no per-character bounds checks: full groups of three
        // characters first (two bytes each), then the optional final pair (one byte).
        let fullGroups = chars.count / 3
        let outCount = fullGroups * 2 + (chars.count % 3 == 2 ? 1 : 0)
        var failure: PassError?
        let out = [UInt8](unsafeUninitializedCapacity: outCount) { buffer, initialized in
            values.withUnsafeBufferPointer { table in
                chars.withUnsafeBufferPointer { text in
                    var o = 0
                    for g in 0..<fullGroups {
                        let i = g * 3
                        let c = table[Int(text[i])], d = table[Int(text[i + 1])], e = table[Int(text[i + 2])]
                        guard c != 0xFF, d != 0xFF, e != 0xFF else {
                            failure = .malformed("base45 text has a character outside the alphabet in the group at offset \(i)")
                            return
                        }
                        let n = Int(c) + Int(d) * 45 + Int(e) * 2025
                        guard n <= 0xFFFF else {
                            failure = .malformed("base45 group at offset \(i) exceeds 65535")
                            return
                        }
                        buffer[o] = UInt8(n >> 8)
                        buffer[o + 1] = UInt8(n & 0xFF)
                        o += 2
                    }
                    if chars.count % 3 == 2 {
                        let i = fullGroups * 3
                        let c = table[Int(text[i])], d = table[Int(text[i + 1])]
                        guard c != 0xFF, d != 0xFF else {
                            failure = .malformed("base45 text has a character outside the alphabet in the final pair at offset \(i)")
                            return
                        }
                        let n = Int(c) + Int(d) * 45
                        guard n <= 0xFF else {
                            failure = .malformed("base45 final pair at offset \(i) exceeds 255")
                            return
                        }
                        buffer[o] = UInt8(n)
                        o += 1
                    }
                    initialized = o
                }
            }
        }
        if let failure { throw failure }
        return out
    }
}
