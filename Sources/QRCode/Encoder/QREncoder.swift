/// Encodes text or bytes into a QR symbol: optimal segmentation, the smallest version that fits,
/// Reed–Solomon per block, interleaving, placement and the lowest-penalty mask (ISO/IEC 18004 §7).
public enum QREncoder {
    /// Encodes `text` with automatically chosen modes (numeric, alphanumeric, byte, Kanji).
    ///
    /// - Parameter eci: when nil, byte segments carry UTF-8 without an ECI header (what phone readers
    ///   expect; our decoder recognises it). Otherwise an ECI header is written and byte segments use
    ///   that charset.
    /// - Parameter allowKanji: use Kanji mode for Shift_JIS-representable characters (13 bits instead
    ///   of 24 for UTF-8). Readers decode Kanji mode as Shift_JIS regardless of ECI.
    public static func encode(
        _ text: String, ecLevel: ErrorCorrectionLevel = .M, minVersion: Int = 1, maxVersion: Int = 40,
        mask: Int? = nil, eci: QRCharset? = nil, allowKanji: Bool = true
    ) throws(QREncodeError) -> QRSymbol {
        let chars = try SegmentOptimizer.characters(text, charset: eci, allowKanji: allowKanji)
        let header = try eci.map { cs throws(QREncodeError) in [try QRSegment.eci(cs.eci)] } ?? []
        return try encodeChoosingSegments(
            header: header, chars: chars, ecLevel: ecLevel, minVersion: minVersion, maxVersion: maxVersion, mask: mask)
    }

    /// Encodes raw bytes in one byte segment.
    public static func encode(
        bytes: [UInt8], ecLevel: ErrorCorrectionLevel = .M, minVersion: Int = 1, maxVersion: Int = 40, mask: Int? = nil
    ) throws(QREncodeError) -> QRSymbol {
        try encode(segments: [.bytes(bytes)], ecLevel: ecLevel, minVersion: minVersion, maxVersion: maxVersion, mask: mask)
    }

    /// Encodes the given segments as they are, in the smallest version in `minVersion…maxVersion`.
    public static func encode(
        segments: [QRSegment], ecLevel: ErrorCorrectionLevel = .M, minVersion: Int = 1, maxVersion: Int = 40,
        mask: Int? = nil
    ) throws(QREncodeError) -> QRSymbol {
        try checkRange(minVersion, maxVersion, mask)
        var needed = Int.max
        var capacity = 0
        for v in minVersion...maxVersion {
            let version = Version.all[v - 1]
            capacity = version.dataCodewords(ecLevel) * 8
            guard let bits = totalBits(segments, version: v) else { continue }
            needed = bits
            if bits <= capacity { return try build(segments, version: version, ecLevel: ecLevel, mask: mask) }
        }
        throw .dataTooLong(bits: needed == Int.max ? capacity + 1 : needed, capacity: capacity)
    }

    /// Splits `text` into `count` structured-append symbols (ISO/IEC 18004 §8), each with its own
    /// optimal segments; parity is the XOR of the whole message's UTF-8 bytes (what the symbols' byte
    /// content concatenates to when no Kanji mode is used, so Kanji is off here).
    public static func encodeStructuredAppend(
        _ text: String, count: Int, ecLevel: ErrorCorrectionLevel = .M, minVersion: Int = 1, maxVersion: Int = 40
    ) throws(QREncodeError) -> [QRSymbol] {
        let scalars = Array(text.unicodeScalars)
        guard (1...16).contains(count), count <= max(1, scalars.count) else { throw .invalidStructuredAppend(count: count) }
        let parity = text.utf8.reduce(UInt8(0), ^)
        let totalBytes = text.utf8.count
        var parts = [String]()
        var current = "", currentBytes = 0, consumed = 0
        for (i, s) in scalars.enumerated() {
            current.unicodeScalars.append(s)
            currentBytes += String(s).utf8.count
            consumed += String(s).utf8.count
            let target = totalBytes * (parts.count + 1) / count
            let remainingParts = count - parts.count - 1
            if parts.count < count - 1 && (consumed >= target || scalars.count - i - 1 == remainingParts) {
                parts.append(current); current = ""; currentBytes = 0
            }
        }
        parts.append(current)
        var symbols = [QRSymbol]()
        for (index, part) in parts.enumerated() {
            let chars = try SegmentOptimizer.characters(part, charset: nil, allowKanji: false)
            let header = [try QRSegment.structuredAppend(index: index, count: count, parity: parity)]
            symbols.append(try encodeChoosingSegments(
                header: header, chars: chars, ecLevel: ecLevel, minVersion: minVersion, maxVersion: maxVersion, mask: nil))
        }
        return symbols
    }

    // MARK: - Internals

    private static func checkRange(_ minVersion: Int, _ maxVersion: Int, _ mask: Int?) throws(QREncodeError) {
        guard (1...40).contains(minVersion) else { throw .invalidVersion(minVersion) }
        guard (1...40).contains(maxVersion), maxVersion >= minVersion else { throw .invalidVersion(maxVersion) }
        if let mask, !(0...7).contains(mask) { throw .invalidMask(mask) }
    }

    /// Count-field widths change at versions 10 and 27, so the optimum is computed per version group.
    private static func encodeChoosingSegments(
        header: [QRSegment], chars: [SegmentOptimizer.Char], ecLevel: ErrorCorrectionLevel,
        minVersion: Int, maxVersion: Int, mask: Int?
    ) throws(QREncodeError) -> QRSymbol {
        try checkRange(minVersion, maxVersion, mask)
        var lastBits = 0, lastCapacity = 0
        for group in [1...9, 10...26, 27...40] {
            let lo = max(group.lowerBound, minVersion), hi = min(group.upperBound, maxVersion)
            guard lo <= hi else { continue }
            let segments = header + SegmentOptimizer.segments(chars, version: lo)
            for v in lo...hi {
                let version = Version.all[v - 1]
                let capacity = version.dataCodewords(ecLevel) * 8
                guard let bits = totalBits(segments, version: v) else { continue }
                lastBits = bits; lastCapacity = capacity
                if bits <= capacity { return try build(segments, version: version, ecLevel: ecLevel, mask: mask) }
            }
        }
        throw .dataTooLong(bits: lastBits, capacity: lastCapacity)
    }

    static func totalBits(_ segments: [QRSegment], version: Int) -> Int? {
        var total = 0
        for s in segments {
            guard let bits = s.bitLength(version: version) else { return nil }
            total += bits
        }
        return total
    }

    /// Data codewords: segments, terminator, zero-padding to a byte, then 0xEC/0x11 pad codewords.
    public static func dataCodewords(
        _ segments: [QRSegment], version: Version, ecLevel: ErrorCorrectionLevel
    ) throws(QREncodeError) -> [UInt8] {
        let capacity = version.dataCodewords(ecLevel) * 8
        guard let needed = totalBits(segments, version: version.number), needed <= capacity else {
            throw .dataTooLong(bits: totalBits(segments, version: version.number) ?? capacity + 1, capacity: capacity)
        }
        var bits = BitBuffer()
        for s in segments {
            bits.append(s.mode.rawValue, bits: 4)
            let countBits = s.mode.characterCountBits(version.number)
            if countBits > 0 { bits.append(s.characterCount, bits: countBits) }
            bits.append(s.data)
        }
        bits.append(0, bits: min(4, capacity - bits.count))
        bits.append(0, bits: (8 - bits.count % 8) % 8)
        var out = bits.bytes
        var pad: UInt8 = 0xEC
        while out.count < capacity / 8 { out.append(pad); pad = pad == 0xEC ? 0x11 : 0xEC }
        return out
    }

    /// All codewords in placement order: blocks with their EC codewords, interleaved.
    public static func codewords(
        _ data: [UInt8], version: Version, ecLevel: ErrorCorrectionLevel
    ) throws(QREncodeError) -> [UInt8] {
        let layout = version.ecBlocks(ecLevel)
        guard data.count == layout.totalDataCodewords else {
            throw .invalidCodewordCount(expected: layout.totalDataCodewords, actual: data.count)
        }
        guard let rs = ReedSolomonEncoder(ecCount: layout.ecCodewordsPerBlock) else {
            throw .invalidCodewordCount(expected: layout.totalDataCodewords, actual: data.count)  // unreachable: table EC counts are 7…30
        }
        var blocks = [[UInt8]]()
        var counts = [Int]()
        var k = 0
        for i in 0..<layout.blockCount {
            let d = layout.dataCodewords(ofBlock: i)
            let slice = Array(data[k..<(k + d)])
            blocks.append(slice + rs.ecCodewords(for: slice))
            counts.append(d)
            k += d
        }
        return DataBlocks.interleave(blocks, dataCounts: counts, ecCount: layout.ecCodewordsPerBlock)
    }

    private static func build(
        _ segments: [QRSegment], version: Version, ecLevel: ErrorCorrectionLevel, mask: Int?
    ) throws(QREncodeError) -> QRSymbol {
        let data = try dataCodewords(segments, version: version, ecLevel: ecLevel)
        let all = try codewords(data, version: version, ecLevel: ecLevel)
        let base = MatrixBuilder.functionPatterns(version: version)
        var best: (mask: Int, matrix: BitMatrix, penalty: Int)?
        for candidate in mask.map({ [$0] }) ?? Array(0..<8) {
            var m = base
            MatrixBuilder.placeData(all, mask: candidate, into: &m, version: version)
            MatrixBuilder.drawFormat(FormatInformation(ecLevel: ecLevel, mask: candidate), into: &m)
            let penalty = mask == nil ? MaskPenalty.score(m) : 0
            if best == nil || penalty < best!.penalty { best = (candidate, m, penalty) }
        }
        let chosen = best ?? (0, base, 0)
        return QRSymbol(version: version.number, ecLevel: ecLevel, mask: chosen.mask, modules: chosen.matrix)
    }
}
