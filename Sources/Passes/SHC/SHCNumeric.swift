/// The numeric QR form of a SMART Health Card: `shc:/` then two digits per JWS character
/// (`ord(c) - 45`), optionally chunked as `shc:/C/N/…` (deprecated, but still printed).
public enum SHCNumeric {
    public static let prefix = "shc:/"
    /// A JWS in one QR is at most 1195 characters; a chunked card is a few thousand. 16 KB of
    /// JWS is far above any real card and bounds the work a hostile code can cause.
    public static let maxJWSLength = 16 * 1024
    /// The spec allows any count; more than 20 chunks is no card anyone would scan.
    public static let maxChunks = 20

    /// One scanned QR text: its position in the set and its digit payload.
    public struct Chunk: Sendable, Hashable {
        /// 1-based; 1 of 1 for an unchunked card.
        public var index: Int
        public var count: Int
        public var digits: Substring
    }

    /// Splits `shc:/[C/N/]digits`; a text without the prefix is not an SHC.
    public static func chunk(_ text: String) throws(PassError) -> Chunk {
        guard text.hasPrefix(prefix) else {
            throw PassError(.unknownFormat, "text does not start with shc:/")
        }
        let body = text.dropFirst(prefix.count)
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return Chunk(index: 1, count: 1, digits: parts[0])
        case 3:
            func isNumber(_ part: Substring) -> Bool {
                !part.isEmpty && part.count <= 3 && part.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
            }
            guard isNumber(parts[0]), isNumber(parts[1]), let index = Int(parts[0]), let count = Int(parts[1]),
                  count >= 1, count <= maxChunks, index >= 1, index <= count else {
                throw .malformed("SHC chunk header is not a valid C/N pair")
            }
            return Chunk(index: index, count: count, digits: parts[2])
        default:
            throw .malformed("SHC text has an unexpected number of / separators")
        }
    }

    /// Decodes digit pairs to JWS characters.
    public static func decodeDigits(_ digits: Substring) throws(PassError) -> String {
        let utf8 = Array(digits.utf8)
        guard utf8.count % 2 == 0 else { throw .malformed("SHC numeric payload has an odd number of digits") }
        guard utf8.count / 2 <= maxJWSLength else { throw .oversized("SHC numeric payload is longer than any card") }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            let high = utf8[index], low = utf8[index + 1]
            guard (48...57).contains(high), (48...57).contains(low) else {
                throw .malformed("SHC numeric payload has a non-digit at offset \(index)")
            }
            let value = Int(high - 48) * 10 + Int(low - 48)
            // ord('-') = 45 is the lowest JWS character, ord('z') = 122 the highest.
            guard value <= 77 else { throw .malformed("SHC numeric pair \(value) at offset \(index) is out of range") }
            out.append(UInt8(value + 45))
            index += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The JWS of a single-QR card. A chunk of a multi-QR card is refused with a clear reason.
    public static func jws(fromQR text: String) throws(PassError) -> String {
        let chunk = try chunk(text)
        guard chunk.count == 1 else {
            throw .malformed("chunked SHC needs all \(chunk.count) chunks; this is chunk \(chunk.index) of \(chunk.count)")
        }
        return try decodeDigits(chunk.digits)
    }

    /// Reassembles a chunked card from its QR texts in any order.
    public static func jws(fromChunks texts: [String]) throws(PassError) -> String {
        guard let first = texts.first else { throw .malformed("no SHC chunks given") }
        let count = try chunk(first).count
        var parts = [Substring?](repeating: nil, count: count)
        for text in texts {
            let chunk = try chunk(text)
            guard chunk.count == count else {
                throw .malformed("SHC chunks disagree on the total (\(count) vs \(chunk.count))")
            }
            if let seen = parts[chunk.index - 1], seen != chunk.digits {
                throw .malformed("SHC chunk \(chunk.index) given twice with different content")
            }
            parts[chunk.index - 1] = chunk.digits
        }
        let missing = parts.indices.filter { parts[$0] == nil }.map { String($0 + 1) }
        guard missing.isEmpty else {
            throw .malformed("chunked SHC needs all \(count) chunks; missing \(missing.joined(separator: ", "))")
        }
        var jws = ""
        for part in parts { jws += try decodeDigits(part ?? "") }
        guard jws.utf8.count <= maxJWSLength else { throw .oversized("reassembled SHC is longer than any card") }
        return jws
    }

    /// Encodes a JWS as one numeric QR text (for tests, fuzz seeds and our own tools).
    public static func encode(jws: String) -> String {
        var out = prefix
        for byte in jws.utf8 {
            let value = Int(byte) - 45
            out += value < 10 ? "0\(max(0, value))" : "\(min(99, value))"
        }
        return out
    }
}
