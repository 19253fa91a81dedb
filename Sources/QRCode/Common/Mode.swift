/// Segment modes of the QR bitstream (ISO/IEC 18004 §7.4.1, Table 2) and their 4-bit indicators.
public enum Mode: Int, Sendable, Hashable, CaseIterable {
    case terminator = 0b0000
    case numeric = 0b0001
    case alphanumeric = 0b0010
    case structuredAppend = 0b0011
    case byte = 0b0100
    case fnc1FirstPosition = 0b0101
    case eci = 0b0111
    case kanji = 0b1000
    case fnc1SecondPosition = 0b1001
    /// GB/T 18284 Chinese mode (GB 2312 subset); not in ISO/IEC 18004 but written by Chinese encoders.
    case hanzi = 0b1101

    /// Width of the character-count field for `version` (Table 3), 0 for modes without one.
    public func characterCountBits(_ version: Int) -> Int {
        let range = version <= 9 ? 0 : (version <= 26 ? 1 : 2)
        switch self {
        case .numeric: return [10, 12, 14][range]
        case .alphanumeric: return [9, 11, 13][range]
        case .byte: return [8, 16, 16][range]
        case .kanji, .hanzi: return [8, 10, 12][range]
        default: return 0
        }
    }
}

/// The 45 characters of alphanumeric mode, in code order (Table 5).
enum Alphanumeric {
    static let table: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
    /// Code of each byte, −1 when not in the set.
    static let code: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in table.enumerated() { t[Int(c)] = Int8(i) }
        return t
    }()
}
