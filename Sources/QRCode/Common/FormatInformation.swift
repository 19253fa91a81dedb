extension ErrorCorrectionLevel {
    /// Position in L, M, Q, H order (table index).
    public var ordinal: Int {
        switch self { case .L: 0; case .M: 1; case .Q: 2; case .H: 3 }
    }
    /// The two format-information bits (ISO/IEC 18004 Table 12): L=01, M=00, Q=11, H=10.
    public var formatBits: Int {
        switch self { case .L: 1; case .M: 0; case .Q: 3; case .H: 2 }
    }
    public init(formatBits: Int) {
        switch formatBits & 3 { case 1: self = .L; case 0: self = .M; case 3: self = .Q; default: self = .H }
    }
}

/// The 15-bit format information (ISO/IEC 18004 §7.9): EC level and mask, BCH(15,5)-protected
/// (generator 0x537) and XOR-ed with 0x5412 so that it is never all-light.
public struct FormatInformation: Sendable, Hashable {
    public let ecLevel: ErrorCorrectionLevel
    /// Data mask pattern 0…7.
    public let mask: Int

    public init(ecLevel: ErrorCorrectionLevel, mask: Int) {
        self.ecLevel = ecLevel
        self.mask = mask & 7
    }

    /// The masked 15-bit word as placed in the symbol.
    public var bits: Int { FormatInformation.encode(ecLevel.formatBits << 3 | mask) }

    static func encode(_ data: Int) -> Int {
        var rem = data
        for _ in 0..<10 { rem = (rem << 1) ^ ((rem >> 9) * 0x537) }
        return (data << 10 | rem) ^ 0x5412
    }

    /// All 32 valid (masked) words, indexed by their 5 data bits.
    public static let table: [Int] = (0..<32).map(encode)

    /// The format nearest to either read copy, accepting up to 3 bit errors (minimum distance 7).
    /// Why both copies at once: one copy often sits under glare or a finger; the nearest code word
    /// over both copies is the most likely truth.
    public static func decode(_ copy1: Int, _ copy2: Int) -> (format: FormatInformation, distance: Int)? {
        var best = 4, bestData = -1
        for (data, word) in table.enumerated() {
            let d = min((word ^ copy1).nonzeroBitCount, (word ^ copy2).nonzeroBitCount)
            if d < best { best = d; bestData = data }
        }
        guard bestData >= 0 else { return nil }
        return (FormatInformation(ecLevel: ErrorCorrectionLevel(formatBits: bestData >> 3), mask: bestData & 7), best)
    }
}
