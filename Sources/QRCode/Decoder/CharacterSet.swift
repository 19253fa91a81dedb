#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings a QR payload may declare through ECI (AIM ECI assignments, ISO/IEC 18004
/// §7.4.3) or that we guess for byte segments without one.
public enum QRCharset: String, Sendable, Hashable, CaseIterable {
    case cp437 = "CP437"
    case iso8859_1 = "ISO-8859-1", iso8859_2 = "ISO-8859-2", iso8859_3 = "ISO-8859-3"
    case iso8859_4 = "ISO-8859-4", iso8859_5 = "ISO-8859-5", iso8859_6 = "ISO-8859-6"
    case iso8859_7 = "ISO-8859-7", iso8859_8 = "ISO-8859-8", iso8859_9 = "ISO-8859-9"
    case iso8859_10 = "ISO-8859-10", iso8859_11 = "ISO-8859-11", iso8859_13 = "ISO-8859-13"
    case iso8859_14 = "ISO-8859-14", iso8859_15 = "ISO-8859-15", iso8859_16 = "ISO-8859-16"
    /// Windows-31J flavour: maps 0x5C/0x7E to `\` and `~` as phones and zxing do (plain
    /// Shift_JIS tables would give ¥ and ‾ and break URLs).
    case shiftJIS = "CP932"
    case windows1250 = "CP1250", windows1251 = "CP1251", windows1252 = "CP1252", windows1256 = "CP1256"
    case utf16BE = "UTF-16BE", utf16LE = "UTF-16LE", utf32BE = "UTF-32BE", utf32LE = "UTF-32LE"
    case utf8 = "UTF-8"
    case ascii = "ASCII"
    case big5 = "BIG5"
    /// Also used for ECI 29 (GB 2312) and 31 (GBK): GB 18030 is a superset of both.
    case gb18030 = "GB18030"
    case eucKR = "EUC-KR"
    /// ECI 899: 8-bit binary data; shown as ISO-8859-1 text.
    case binary = "BINARY"

    /// The charset for an ECI assignment number, nil for assignments we do not know.
    public init?(eci: Int) {
        switch eci {
        case 0, 2: self = .cp437
        case 1, 3: self = .iso8859_1
        case 4: self = .iso8859_2
        case 5: self = .iso8859_3
        case 6: self = .iso8859_4
        case 7: self = .iso8859_5
        case 8: self = .iso8859_6
        case 9: self = .iso8859_7
        case 10: self = .iso8859_8
        case 11: self = .iso8859_9
        case 12: self = .iso8859_10
        case 13: self = .iso8859_11
        case 15: self = .iso8859_13
        case 16: self = .iso8859_14
        case 17: self = .iso8859_15
        case 18: self = .iso8859_16
        case 20: self = .shiftJIS
        case 21: self = .windows1250
        case 22: self = .windows1251
        case 23: self = .windows1252
        case 24: self = .windows1256
        case 25: self = .utf16BE
        case 26: self = .utf8
        case 27, 170: self = .ascii
        case 28: self = .big5
        case 29, 31, 32: self = .gb18030
        case 30: self = .eucKR
        case 33: self = .utf16LE
        case 34: self = .utf32BE
        case 35: self = .utf32LE
        case 899: self = .binary
        default: return nil
        }
    }

    /// The preferred ECI assignment number (what the encoder writes).
    public var eci: Int {
        switch self {
        case .cp437: 2
        case .iso8859_1: 3
        case .iso8859_2: 4
        case .iso8859_3: 5
        case .iso8859_4: 6
        case .iso8859_5: 7
        case .iso8859_6: 8
        case .iso8859_7: 9
        case .iso8859_8: 10
        case .iso8859_9: 11
        case .iso8859_10: 12
        case .iso8859_11: 13
        case .iso8859_13: 15
        case .iso8859_14: 16
        case .iso8859_15: 17
        case .iso8859_16: 18
        case .shiftJIS: 20
        case .windows1250: 21
        case .windows1251: 22
        case .windows1252: 23
        case .windows1256: 24
        case .utf16BE: 25
        case .utf8: 26
        case .ascii: 27
        case .big5: 28
        case .gb18030: 32
        case .eucKR: 30
        case .utf16LE: 33
        case .utf32BE: 34
        case .utf32LE: 35
        case .binary: 899
        }
    }

    /// `bytes` as text, nil when they are not valid in this charset.
    public func decode(_ bytes: [UInt8]) -> String? {
        switch self {
        case .iso8859_1, .binary:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .ascii:
            return bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : nil
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        default:
            if bytes.allSatisfy({ $0 < 0x80 }) && self.isASCIICompatible { return String(decoding: bytes, as: UTF8.self) }
            return Iconv.convert(bytes, from: rawValue, to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// `text` in this charset, nil when some character cannot be represented.
    public func encode(_ text: String) -> [UInt8]? {
        switch self {
        case .utf8: return Array(text.utf8)
        case .iso8859_1, .binary:
            var out = [UInt8]()
            for s in text.unicodeScalars {
                guard s.value < 256 else { return nil }
                out.append(UInt8(s.value))
            }
            return out
        case .ascii:
            return text.utf8.allSatisfy({ $0 < 0x80 }) ? Array(text.utf8) : nil
        default:
            return Iconv.convert(Array(text.utf8), from: "UTF-8", to: rawValue)
        }
    }

    /// Whether bytes 0x00–0x7F mean ASCII (true for all but the UTF-16/32 forms).
    var isASCIICompatible: Bool {
        switch self {
        case .utf16BE, .utf16LE, .utf32BE, .utf32LE: false
        default: true
        }
    }
}

/// The one place we call libc's iconv: whole-buffer conversion, strict (fails on any invalid or
/// unrepresentable sequence instead of substituting).
enum Iconv {
    /// Converts each piece separately through one conversion descriptor (per-character lookups
    /// for the encoder's mode choice); nil entries could not be converted.
    static func convertEach(_ pieces: [[UInt8]], from: String, to: String) -> [[UInt8]?] {
        guard let cd = iconv_open(to, from), Int(bitPattern: cd) != -1 else {
            return Array(repeating: nil, count: pieces.count)
        }
        defer { iconv_close(cd) }
        return pieces.map { run(cd, $0) }
    }

    static func convert(_ input: [UInt8], from: String, to: String) -> [UInt8]? {
        if input.isEmpty { return [] }
        guard let cd = iconv_open(to, from), Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        return run(cd, input)
    }

    private static func run(_ cd: iconv_t, _ input: [UInt8]) -> [UInt8]? {
        if input.isEmpty { return [] }
        _ = iconv(cd, nil, nil, nil, nil)  // reset shift state
        var source = input.map { CChar(bitPattern: $0) }
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written: Int? = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst -> Int? in
                guard let dstBase = dst.baseAddress else { return nil }
                var inPtr: UnsafeMutablePointer<CChar>? = src.baseAddress
                var inLeft = src.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dstBase).assumingMemoryBound(to: CChar.self)
                var outLeft = dst.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 { return nil }
                if iconv(cd, nil, nil, &outPtr, &outLeft) == -1 { return nil }  // flush shift state
                return dst.count - outLeft
            }
        }
        guard let written else { return nil }
        return Array(output[0..<written])
    }
}
