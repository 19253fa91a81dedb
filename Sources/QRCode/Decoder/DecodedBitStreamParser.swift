/// The parsed content of a symbol's data codewords.
public struct ParsedPayload: Sendable, Hashable {
    public var bytes: [UInt8] = []
    public var text = ""
    public var structuredAppend: StructuredAppend?
    public var fnc1: FNC1?
    public var hasECI = false
}

/// Turns corrected data codewords into bytes and text (ISO/IEC 18004 §7.4): a sequence of segments,
/// each a 4-bit mode, a character count and the characters, until a terminator or the end.
///
/// Why text per segment: a symbol may mix modes and switch charsets with ECI mid-stream; decoding
/// each segment in its own charset and concatenating is the only faithful reading.
public enum DecodedBitStreamParser {
    /// Parses the error-corrected data codewords of a symbol of `version` (which sizes the count fields).
    public static func parse(_ data: [UInt8], version: Int) throws(QRDecodeError) -> ParsedPayload {
        var bits = BitSource(data)
        var out = ParsedPayload()
        var charset: QRCharset?  // nil: guess per byte segment
        out.bytes.reserveCapacity(data.count)

        while bits.available >= 4 {
            guard let indicator = bits.read(4) else { break }
            guard let mode = Mode(rawValue: indicator) else { throw .unsupportedMode(indicator) }
            switch mode {
            case .terminator:
                return out
            case .fnc1FirstPosition:
                out.fnc1 = .firstPosition
            case .fnc1SecondPosition:
                guard let ai = bits.read(8) else { throw .malformedBitstream(.truncated(mode)) }
                out.fnc1 = .secondPosition(applicationIndicator: ai)
            case .structuredAppend:
                guard let index = bits.read(4), let count = bits.read(4), let parity = bits.read(8) else {
                    throw .malformedBitstream(.truncated(mode))
                }
                guard index <= count else { throw .malformedBitstream(.invalidStructuredAppend) }
                out.structuredAppend = StructuredAppend(index: index, count: count + 1, parity: UInt8(parity))
            case .eci:
                let value = try readECI(&bits)
                guard let cs = QRCharset(eci: value) else { throw .unsupportedECI(value) }
                charset = cs
                out.hasECI = true
            case .numeric:
                let start = out.bytes.count
                try readNumeric(&bits, count: try count(&bits, mode, version), into: &out.bytes)
                out.text += String(decoding: out.bytes[start...], as: UTF8.self)
            case .alphanumeric:
                let start = out.bytes.count
                try readAlphanumeric(&bits, count: try count(&bits, mode, version), into: &out.bytes)
                var segment = Array(out.bytes[start...])
                if out.fnc1 != nil {
                    segment = gs1Percent(segment)
                    out.bytes.removeSubrange(start...)
                    out.bytes += segment
                }
                out.text += String(decoding: segment, as: UTF8.self)
            case .byte:
                let n = try count(&bits, mode, version)
                guard bits.available >= 8 * n else { throw .malformedBitstream(.truncated(mode)) }
                var segment = [UInt8]()
                segment.reserveCapacity(n)
                for _ in 0..<n { segment.append(UInt8(bits.read(8) ?? 0)) }
                out.bytes += segment
                let cs = charset ?? EncodingGuesser.guess(segment)
                if let text = cs.decode(segment) {
                    out.text += text
                } else if charset == nil, let text = QRCharset.iso8859_1.decode(segment) {
                    out.text += text  // a wrong guess still yields readable Latin-1 rather than nothing
                } else {
                    throw .charsetConversion(cs)
                }
            case .kanji, .hanzi:
                if mode == .hanzi {
                    guard let subset = bits.read(4) else { throw .malformedBitstream(.truncated(mode)) }
                    guard subset == 1 else { throw .unsupportedMode(mode.rawValue << 4 | subset) }
                }
                let n = try count(&bits, mode, version)
                guard bits.available >= 13 * n else { throw .malformedBitstream(.truncated(mode)) }
                var segment = [UInt8]()
                segment.reserveCapacity(2 * n)
                for _ in 0..<n {
                    let v = bits.read(13) ?? 0
                    let word: Int
                    if mode == .kanji {
                        let assembled = (v / 0xC0) << 8 | (v % 0xC0)
                        word = assembled + (assembled < 0x1F00 ? 0x8140 : 0xC140)
                    } else {
                        let assembled = (v / 0x60) << 8 | (v % 0x60)
                        word = assembled + (assembled < 0x0A00 ? 0xA1A1 : 0xA6A1)
                    }
                    guard word <= 0xFFFF else { throw .malformedBitstream(.invalidDoubleByte) }
                    segment.append(UInt8(word >> 8))
                    segment.append(UInt8(word & 0xFF))
                }
                out.bytes += segment
                let cs: QRCharset = mode == .kanji ? .shiftJIS : .gb18030
                guard let text = cs.decode(segment) else { throw .malformedBitstream(.invalidDoubleByte) }
                out.text += text
            }
        }
        return out
    }

    private static func count(_ bits: inout BitSource, _ mode: Mode, _ version: Int) throws(QRDecodeError) -> Int {
        guard let n = bits.read(mode.characterCountBits(version)) else { throw .malformedBitstream(.truncated(mode)) }
        return n
    }

    /// ECI designator: 1, 2 or 3 bytes, length given by the leading bits 0, 10, 110 (§7.4.3.2).
    private static func readECI(_ bits: inout BitSource) throws(QRDecodeError) -> Int {
        guard let first = bits.read(8) else { throw .malformedBitstream(.truncated(.eci)) }
        if first & 0x80 == 0 { return first }
        if first & 0xC0 == 0x80 {
            guard let next = bits.read(8) else { throw .malformedBitstream(.truncated(.eci)) }
            return (first & 0x3F) << 8 | next
        }
        if first & 0xE0 == 0xC0 {
            guard let next = bits.read(16) else { throw .malformedBitstream(.truncated(.eci)) }
            return (first & 0x1F) << 16 | next
        }
        throw .malformedBitstream(.invalidECI)
    }

    private static func readNumeric(_ bits: inout BitSource, count: Int, into out: inout [UInt8]) throws(QRDecodeError) {
        var left = count
        let zero = UInt8(ascii: "0")
        while left > 0 {
            let digits = min(left, 3)
            let width = [0, 4, 7, 10][digits]
            guard let v = bits.read(width) else { throw .malformedBitstream(.truncated(.numeric)) }
            guard v < [1, 10, 100, 1000][digits] else { throw .malformedBitstream(.invalidNumeric) }
            if digits == 3 { out.append(zero + UInt8(v / 100)) }
            if digits >= 2 { out.append(zero + UInt8(v / 10 % 10)) }
            out.append(zero + UInt8(v % 10))
            left -= digits
        }
    }

    private static func readAlphanumeric(_ bits: inout BitSource, count: Int, into out: inout [UInt8]) throws(QRDecodeError) {
        var left = count
        while left > 1 {
            guard let v = bits.read(11) else { throw .malformedBitstream(.truncated(.alphanumeric)) }
            guard v < 45 * 45 else { throw .malformedBitstream(.invalidAlphanumeric) }
            out.append(Alphanumeric.table[v / 45])
            out.append(Alphanumeric.table[v % 45])
            left -= 2
        }
        if left == 1 {
            guard let v = bits.read(6) else { throw .malformedBitstream(.truncated(.alphanumeric)) }
            guard v < 45 else { throw .malformedBitstream(.invalidAlphanumeric) }
            out.append(Alphanumeric.table[v])
        }
    }

    /// GS1 rule for alphanumeric segments under FNC1: `%%` is a literal `%`, a single `%` is the
    /// GS separator (0x1D).
    private static func gs1Percent(_ s: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "%") {
                if i + 1 < s.count && s[i + 1] == UInt8(ascii: "%") { out.append(UInt8(ascii: "%")); i += 2; continue }
                out.append(0x1D)
            } else {
                out.append(s[i])
            }
            i += 1
        }
        return out
    }
}
