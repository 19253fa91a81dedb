/// One of the 40 QR symbol versions (ISO/IEC 18004 §5.3.1, Tables 1, 9 and E.1): size, alignment
/// pattern centres and Reed–Solomon block structure per EC level.
///
/// Why derived, not transcribed: the block table follows from two small per-level tables (EC
/// codewords per block, number of blocks) and the raw codeword count of the version; the standard's
/// Table 9 splits each version's codewords into ⌊raw/blocks⌋-sized short blocks first and one longer
/// for the remainder. Tests pin published rows of Table 9 to keep the derivation honest.
public struct Version: Sendable, Hashable, CustomStringConvertible {
    /// 1…40.
    public let number: Int
    /// Modules per side: 17 + 4·number.
    public let dimension: Int
    /// Row/column coordinates of alignment pattern centres (empty for version 1).
    public let alignmentCenters: [Int]
    /// All codewords (data + EC) the symbol holds.
    public let totalCodewords: Int

    /// The Reed–Solomon block layout of this version at one EC level.
    public struct ECBlocks: Sendable, Hashable {
        public let ecCodewordsPerBlock: Int
        /// Number of blocks; the first `shortBlocks` hold `shortDataCodewords`, the rest one more.
        public let blockCount: Int
        public let shortBlocks: Int
        public let shortDataCodewords: Int
        public var totalDataCodewords: Int { blockCount * shortDataCodewords + (blockCount - shortBlocks) }
        /// Data codewords of block `i`.
        @inlinable public func dataCodewords(ofBlock i: Int) -> Int { shortDataCodewords + (i < shortBlocks ? 0 : 1) }
    }

    private let blocks: [ECBlocks]  // indexed by ErrorCorrectionLevel.ordinal (L, M, Q, H)

    public func ecBlocks(_ level: ErrorCorrectionLevel) -> ECBlocks { blocks[level.ordinal] }
    public func dataCodewords(_ level: ErrorCorrectionLevel) -> Int { blocks[level.ordinal].totalDataCodewords }

    public var description: String { "version \(number)" }

    private init(number v: Int) {
        number = v
        dimension = 17 + 4 * v
        alignmentCenters = Version.alignmentCenters(v)
        var modules = (16 * v + 128) * v + 64
        if v >= 2 {
            let a = v / 7 + 2
            modules -= (25 * a - 10) * a - 55
            if v >= 7 { modules -= 36 }
        }
        let raw = modules / 8
        totalCodewords = raw
        blocks = (0..<4).map { level in
            let ec = Version.ecPerBlock[level][v]
            let count = Version.blockCounts[level][v]
            let blockLength = raw / count
            return ECBlocks(
                ecCodewordsPerBlock: ec, blockCount: count, shortBlocks: count - raw % count,
                shortDataCodewords: blockLength - ec)
        }
    }

    /// All versions, index 0 = version 1.
    public static let all: [Version] = (1...40).map { Version(number: $0) }

    public static func forNumber(_ n: Int) -> Version? { (1...40).contains(n) ? all[n - 1] : nil }

    /// The version whose side is `dimension` modules, nil for impossible sizes.
    public static func forDimension(_ dimension: Int) -> Version? {
        guard dimension >= 21, dimension <= 177, dimension % 4 == 1 else { return nil }
        return all[(dimension - 17) / 4 - 1]
    }

    /// The 18-bit version information word of versions 7…40: 6 data bits and a BCH(18,6) remainder
    /// (generator 0x1F25).
    public static func versionBits(_ number: Int) -> Int {
        var rem = number
        for _ in 0..<12 { rem = (rem << 1) ^ ((rem >> 11) * 0x1F25) }
        return number << 12 | rem
    }

    private static let versionBitTable: [Int] = (7...40).map(versionBits)

    /// The version (≥ 7) whose code word is nearest `bits`, accepting up to 3 bit errors (the code's
    /// minimum distance is 8).
    public static func decodeVersionBits(_ bits: Int) -> Version? {
        var best = 4, bestVersion = 0
        for (i, word) in versionBitTable.enumerated() {
            let d = (word ^ bits).nonzeroBitCount
            if d < best { best = d; bestVersion = i + 7 }
        }
        return best <= 3 ? all[bestVersion - 1] : nil
    }

    /// Alignment centres: evenly spaced (even step) from 6 to dimension − 7, with version 32 the one
    /// exception the standard makes (step 26).
    private static func alignmentCenters(_ v: Int) -> [Int] {
        guard v >= 2 else { return [] }
        let count = v / 7 + 2
        let step = v == 32 ? 26 : (v * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = [6]
        var pos = 17 + 4 * v - 7
        var tail = [Int]()
        for _ in 0..<(count - 1) { tail.append(pos); pos -= step }
        result += tail.reversed()
        return result
    }

    // ISO/IEC 18004 Table 9, condensed: EC codewords per block and block count, per level (L, M,
    // Q, H) and version (index 0 unused).
    private static let ecPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]
    private static let blockCounts: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]
}
