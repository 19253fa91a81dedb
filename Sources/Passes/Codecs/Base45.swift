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
        try decode(utf8: text.utf8)
    }

    /// Decodes the UTF-8 view of a substring (e.g. after `HC1:`) without copying it first.
    public static func decode(utf8 text: Substring.UTF8View) throws(PassError) -> [UInt8] {
        let fast: Result<[UInt8], PassError>? = text.withContiguousStorageIfAvailable { decode(buffer: $0) }
        if let fast { return try fast.get() }
        return try decode(utf8: Array(text))
    }

    public static func decode(utf8 text: String.UTF8View) throws(PassError) -> [UInt8] {
        let fast: Result<[UInt8], PassError>? = text.withContiguousStorageIfAvailable { decode(buffer: $0) }
        if let fast { return try fast.get() }
        return try decode(utf8: Array(text))
    }

    public static func decode(utf8 chars: [UInt8]) throws(PassError) -> [UInt8] {
        try chars.withUnsafeBufferPointer { decode(buffer: $0) }.get()
    }

    static func decode(buffer chars: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], PassError> {
        let count = decodedCount(chars.count)
        var failure: PassError?
        let out = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            failure = decode(chars, into: buffer)
            initialized = failure == nil ? count : 0
        }
        if let failure { return .failure(failure) }
        return .success(out)
    }

    /// How many bytes `chars` characters decode to (a length that leaves one character over is
    /// refused by `decode` before this matters).
    static func decodedCount(_ characters: Int) -> Int { characters / 3 * 2 + (characters % 3 == 2 ? 1 : 0) }

    /// Decodes into stack memory and hands the bytes to `body`, or nil when they would pass
    /// 1 KB (what Swift always allocates on the stack) and the caller should decode into an array.
    /// Why: a pass's compressed bytes live only until zlib has read them, so the verifier keeps
    /// them off the heap.
    static func withDecodedOnStack<R>(
        _ chars: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> Result<R, PassError>? {
        let count = decodedCount(chars.count)
        guard count <= 1024 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, count)) { buffer in
            if let failure = decode(chars, into: buffer) { return .failure(failure) }
            return .success(body(UnsafeBufferPointer(rebasing: buffer[..<count])))
        }
    }

    /// Decodes into `out`, which holds at least `decodedCount(chars.count)` bytes; nil on success.
    static func decode(_ chars: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> PassError? {
        if chars.count % 3 == 1 {
            return .malformed("base45 text length \(chars.count) leaves a single trailing character")
        }
        precondition(out.count >= decodedCount(chars.count), "base45 output buffer too small")
        return values.withUnsafeBufferPointer { table -> PassError? in
            var index = 0, written = 0
            while index + 3 <= chars.count {
                let a = table[Int(chars[index])], b = table[Int(chars[index + 1])], c = table[Int(chars[index + 2])]
                if a == 0xFF || b == 0xFF || c == 0xFF {
                    return .malformed("base45 text has a character outside the alphabet near offset \(index)")
                }
                let n = Int(a) + Int(b) * 45 + Int(c) * 2025
                guard n <= 0xFFFF else { return .malformed("base45 group at offset \(index) exceeds 65535") }
                out[written] = UInt8(n >> 8)
                out[written + 1] = UInt8(n & 0xFF)
                written += 2
                index += 3
            }
            if index + 2 == chars.count {
                let a = table[Int(chars[index])], b = table[Int(chars[index + 1])]
                if a == 0xFF || b == 0xFF {
                    return .malformed("base45 text has a character outside the alphabet near offset \(index)")
                }
                let n = Int(a) + Int(b) * 45
                guard n <= 0xFF else { return .malformed("base45 final pair at offset \(index) exceeds 255") }
                out[written] = UInt8(n)
            }
            return nil
        }
    }
}
