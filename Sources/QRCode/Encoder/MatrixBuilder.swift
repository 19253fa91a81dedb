/// Places function patterns, format/version information and codewords into a symbol matrix
/// (ISO/IEC 18004 §7.7–7.10) — the exact mirror of what `SymbolDecoder` reads.
enum MatrixBuilder {
    /// Function patterns plus the unmasked codewords (remainder bits light); format info not yet drawn.
    static func base(version: Version, codewords: [UInt8]) -> BitMatrix {
        var m = functionPatterns(version: version)
        placeData(codewords, mask: nil, into: &m, version: version)
        return m
    }

    /// Finders, timing, alignment patterns, dark module and version information; data modules light.
    static func functionPatterns(version: Version) -> BitMatrix {
        let n = version.dimension
        var m = BitMatrix(dimension: n)
        func finder(_ cx: Int, _ cy: Int) {
            for dy in -3...3 {
                for dx in -3...3 {
                    let d = max(abs(dx), abs(dy))
                    m[cx + dx, cy + dy] = d != 2
                }
            }
        }
        finder(3, 3); finder(n - 4, 3); finder(3, n - 4)
        for i in 8..<(n - 8) {
            m[i, 6] = i & 1 == 0
            m[6, i] = i & 1 == 0
        }
        let centres = version.alignmentCenters
        let last = centres.count - 1
        for (i, cy) in centres.enumerated() {
            for (j, cx) in centres.enumerated() {
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 { for dx in -2...2 { m[cx + dx, cy + dy] = max(abs(dx), abs(dy)) != 1 } }
            }
        }
        m[8, n - 8] = true  // dark module
        if version.number >= 7 {
            let bits = Version.versionBits(version.number)
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                m[n - 11 + i % 3, i / 3] = dark
                m[i / 3, n - 11 + i % 3] = dark
            }
        }
        return m
    }

    /// Writes `codewords` into the data modules in placement order, XOR-ed with `mask` when given
    /// (one byte XOR per codeword via the precomputed mask codewords); remainder bits are light
    /// before masking.
    static func placeData(_ codewords: [UInt8], mask: Int?, into m: inout BitMatrix, version: Version) {
        let layout = FunctionPattern.layout(for: version)
        let n = version.dimension
        guard m.width == n, m.height == n else { return }
        let order = layout.dataOrder
        let maskBytes = mask.flatMap { (0..<8).contains($0) ? layout.maskCodewords[$0] : nil }
        let total = min(codewords.count, version.totalCodewords)
        var k = 0
        for c in 0..<total {
            let byte = codewords[c] ^ (maskBytes?[c] ?? 0)
            for bit in 0..<8 {
                m.bits[Int(order[k])] = (byte >> (7 - UInt8(bit))) & 1 == 1
                k += 1
            }
        }
        while k < order.count {
            let index = Int(order[k])
            m.bits[index] = mask.map { DataMask.isMasked($0, x: index % n, y: index / n) } ?? false
            k += 1
        }
    }

    /// Both copies of the 15-bit format word (bit 14 first along each strip).
    static func drawFormat(_ format: FormatInformation, into m: inout BitMatrix) {
        let n = m.width
        let bits = format.bits
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { m[8, i] = bit(i) }
        m[8, 7] = bit(6)
        m[8, 8] = bit(7)
        m[7, 8] = bit(8)
        for i in 9..<15 { m[14 - i, 8] = bit(i) }
        for i in 0..<8 { m[n - 1 - i, 8] = bit(i) }
        for i in 8..<15 { m[8, n - 15 + i] = bit(i) }
    }
}
