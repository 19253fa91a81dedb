/// One segment of a QR bitstream: a mode, its character count and its data bits (ISO/IEC 18004 §7.4).
///
/// Build them through the static constructors, which validate the content; `QREncoder` chooses
/// segments automatically, but callers may assemble their own (e.g. ECI + bytes, or FNC1 for GS1).
public struct QRSegment: Sendable, Hashable {
    public let mode: Mode
    /// Characters (digits, alphanumerics, bytes, Kanji) — 0 for header-only modes.
    public let characterCount: Int
    public let data: BitBuffer

    init(mode: Mode, characterCount: Int, data: BitBuffer) {
        self.mode = mode; self.characterCount = characterCount; self.data = data
    }

    /// Digits 0–9 only, 3 per 10 bits.
    public static func numeric(_ digits: String) throws(QREncodeError) -> QRSegment {
        let chars = Array(digits.utf8)
        guard chars.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw .invalidContent(mode: .numeric) }
        return numeric(validated: chars)
    }

    /// ASCII digits already checked by the caller.
    static func numeric(validated chars: [UInt8]) -> QRSegment {
        var bits = BitBuffer()
        var i = 0
        while i < chars.count {
            let n = min(3, chars.count - i)
            var v = 0
            for k in 0..<n { v = v * 10 + Int(chars[i + k] &- 0x30) % 10 }
            bits.append(v, bits: n * 3 + 1)
            i += n
        }
        return QRSegment(mode: .numeric, characterCount: chars.count, data: bits)
    }

    /// The 45-character set `0–9 A–Z space $ % * + - . / :`, 2 per 11 bits.
    public static func alphanumeric(_ text: String) throws(QREncodeError) -> QRSegment {
        let chars = Array(text.utf8)
        guard chars.allSatisfy({ Alphanumeric.code[Int($0)] >= 0 }) else { throw .invalidContent(mode: .alphanumeric) }
        return alphanumeric(validated: chars)
    }

    /// Characters already checked to be in the alphanumeric set.
    static func alphanumeric(validated chars: [UInt8]) -> QRSegment {
        let codes = chars.map { Int(max(0, Alphanumeric.code[Int($0)])) }
        var bits = BitBuffer()
        var i = 0
        while i + 1 < codes.count { bits.append(codes[i] * 45 + codes[i + 1], bits: 11); i += 2 }
        if i < codes.count { bits.append(codes[i], bits: 6) }
        return QRSegment(mode: .alphanumeric, characterCount: chars.count, data: bits)
    }

    /// Raw bytes, 8 bits each.
    public static func bytes(_ bytes: [UInt8]) -> QRSegment {
        var bits = BitBuffer()
        for b in bytes { bits.append(Int(b), bits: 8) }
        return QRSegment(mode: .byte, characterCount: bytes.count, data: bits)
    }

    /// Kanji from Shift_JIS double-byte codes in 0x8140–0x9FFC or 0xE040–0xEBBF, 13 bits each.
    public static func kanji(shiftJIS bytes: [UInt8]) throws(QREncodeError) -> QRSegment {
        guard bytes.count % 2 == 0 else { throw .invalidContent(mode: .kanji) }
        for i in stride(from: 0, to: bytes.count, by: 2) where kanjiValue(Int(bytes[i]) << 8 | Int(bytes[i + 1])) == nil {
            throw .invalidContent(mode: .kanji)
        }
        return kanji(validated: bytes)
    }

    /// Shift_JIS pairs already checked to be in the Kanji ranges.
    static func kanji(validated bytes: [UInt8]) -> QRSegment {
        var bits = BitBuffer()
        for i in stride(from: 0, to: bytes.count - 1, by: 2) {
            bits.append(kanjiValue(Int(bytes[i]) << 8 | Int(bytes[i + 1])) ?? 0, bits: 13)
        }
        return QRSegment(mode: .kanji, characterCount: bytes.count / 2, data: bits)
    }

    /// Kanji from text (every character must be a double-byte Shift_JIS character in the Kanji range).
    public static func kanji(_ text: String) throws(QREncodeError) -> QRSegment {
        guard let sjis = QRCharset.shiftJIS.encode(text) else { throw .invalidContent(mode: .kanji) }
        return try kanji(shiftJIS: sjis)
    }

    /// The 13-bit Kanji value of a Shift_JIS code, nil outside the two Kanji ranges.
    static func kanjiValue(_ code: Int) -> Int? {
        let low = code & 0xFF
        guard low >= 0x40, low <= 0xFC, low != 0x7F else { return nil }
        let offset: Int
        if code >= 0x8140 && code <= 0x9FFC { offset = code - 0x8140 }
        else if code >= 0xE040 && code <= 0xEBBF { offset = code - 0xC140 }
        else { return nil }
        return (offset >> 8) * 0xC0 + (offset & 0xFF)
    }

    /// ECI designator for assignment `value` (0…999999).
    public static func eci(_ value: Int) throws(QREncodeError) -> QRSegment {
        var bits = BitBuffer()
        switch value {
        case 0..<(1 << 7): bits.append(value, bits: 8)
        case (1 << 7)..<(1 << 14): bits.append(0b10, bits: 2); bits.append(value, bits: 14)
        case (1 << 14)..<1_000_000: bits.append(0b110, bits: 3); bits.append(value, bits: 21)
        default: throw .invalidContent(mode: .eci)
        }
        return QRSegment(mode: .eci, characterCount: 0, data: bits)
    }

    /// Structured-append header: symbol `index` (0-based) of `count` (1…16), message parity byte.
    public static func structuredAppend(index: Int, count: Int, parity: UInt8) throws(QREncodeError) -> QRSegment {
        guard (1...16).contains(count), (0..<count).contains(index) else { throw .invalidContent(mode: .structuredAppend) }
        var bits = BitBuffer()
        bits.append(index, bits: 4)
        bits.append(count - 1, bits: 4)
        bits.append(Int(parity), bits: 8)
        return QRSegment(mode: .structuredAppend, characterCount: 0, data: bits)
    }

    /// FNC1 in first position: the data is GS1 (a `%` in alphanumeric segments means GS).
    public static var gs1: QRSegment { QRSegment(mode: .fnc1FirstPosition, characterCount: 0, data: BitBuffer()) }

    /// Bits this segment takes in a symbol of `version`, nil when its count does not fit the field.
    public func bitLength(version: Int) -> Int? {
        let countBits = mode.characterCountBits(version)
        if countBits > 0 && characterCount >= 1 << countBits { return nil }
        return 4 + countBits + data.count
    }
}
