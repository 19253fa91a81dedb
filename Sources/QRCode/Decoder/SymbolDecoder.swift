/// Decodes a sampled symbol — a square `BitMatrix` of modules, dark = true — into its message:
/// format information → version → unmask and read codewords → Reed–Solomon per block → bitstream.
///
/// Why a separate stage: the detector only has to produce modules; everything after is pure table
/// work that tests drive with matrices from our own encoder, and that fuzzing can hammer without images.
public enum SymbolDecoder {
    /// Decodes `modules`; if format, version or Reed–Solomon fail, tries the transposed matrix (a
    /// mirrored symbol) and reports `mirrored`. Throws the error of the straight reading when both fail.
    ///
    /// Why not retry after a bitstream error: Reed–Solomon succeeding on every block is strong
    /// evidence the orientation was right, so a mirrored reading could only produce a misread.
    ///
    /// - Parameter unreliable: optional, same size as `modules`: modules the detector could not
    ///   sample confidently (near the threshold, under glare). When a block fails on errors alone,
    ///   its codewords touching such modules are retried as erasures, which cost one EC codeword
    ///   each instead of two.
    public static func decode(_ modules: BitMatrix, unreliable: BitMatrix? = nil) throws(QRDecodeError) -> DecodedSymbol {
        do {
            return try decodeOriented(modules, unreliable: unreliable)
        } catch let straight {
            switch straight {
            case .formatInfoUnreadable, .versionInfoUnreadable, .tooManyErrors: break
            default: throw straight
            }
            do {
                var symbol = try decodeOriented(modules.transposed(), unreliable: unreliable?.transposed())
                symbol.mirrored = true
                return symbol
            } catch {
                throw straight
            }
        }
    }

    /// Decodes `modules` as they lie, without the mirror retry.
    public static func decodeOriented(_ modules: BitMatrix, unreliable: BitMatrix? = nil) throws(QRDecodeError) -> DecodedSymbol {
        let n = modules.width
        guard modules.height == n, let dimensionVersion = Version.forDimension(n) else {
            throw .invalidDimension(width: modules.width, height: modules.height)
        }
        guard let (format, _) = readFormat(modules) else { throw .formatInfoUnreadable }
        let version = try readVersion(modules, provisional: dimensionVersion)

        let raw = CodewordReader.read(modules, version: version, mask: format.mask)
        var blocks = DataBlocks.split(raw, version: version, level: format.ecLevel)
        let ec = version.ecBlocks(format.ecLevel).ecCodewordsPerBlock
        var data = [UInt8]()
        data.reserveCapacity(version.dataCodewords(format.ecLevel))
        var corrected = 0
        var erasures: [[Int]]?  // per block, computed on the first failure only
        for i in 0..<blocks.count {
            do {
                corrected += try ReedSolomonDecoder.decode(&blocks[i].codewords, ecCount: ec)
            } catch {
                if erasures == nil, let unreliable {
                    erasures = erasureLists(unreliable, version: version, level: format.ecLevel, blockCount: blocks.count)
                }
                // Erasures must leave syndromes over to notice a wrong repair: with e erasures only
                // ec − e remain, and at e = ec any garbage "decodes" (the detector saw such
                // misreads). Keeping max(4, ec/4) spare makes a false repair about as unlikely
                // as a miscorrection of ordinary errors.
                let spare = max(4, ec / 4)
                guard let list = erasures?[i], !list.isEmpty, list.count <= ec - spare else { throw .tooManyErrors(block: i) }
                do {
                    corrected += try ReedSolomonDecoder.decode(&blocks[i].codewords, ecCount: ec, erasures: list)
                } catch {
                    throw .tooManyErrors(block: i)
                }
            }
            data += blocks[i].codewords[0..<blocks[i].dataCount]
        }
        let payload = try DecodedBitStreamParser.parse(data, version: version.number)
        return DecodedSymbol(
            version: version.number, ecLevel: format.ecLevel, mask: format.mask, bytes: payload.bytes,
            text: payload.text, correctedErrors: corrected, mirrored: false,
            structuredAppend: payload.structuredAppend, fnc1: payload.fnc1, hasECI: payload.hasECI)
    }

    /// Per block, the indices of codewords with at least one unreliable module.
    static func erasureLists(_ unreliable: BitMatrix, version: Version, level: ErrorCorrectionLevel, blockCount: Int) -> [[Int]] {
        var lists = [[Int]](repeating: [], count: blockCount)
        guard unreliable.width == version.dimension, unreliable.height == version.dimension else { return lists }
        let order = FunctionPattern.layout(for: version).dataOrder
        let locations = DataBlocks.locations(version: version, level: level)
        for c in 0..<version.totalCodewords {
            var bad = false
            for k in (c * 8)..<(c * 8 + 8) where unreliable.bits[Int(order[k])] { bad = true; break }
            if bad { lists[locations[c].block].append(locations[c].index) }
        }
        return lists
    }

    /// Both copies of the format information (ISO/IEC 18004 §7.9.1, Figure 25), most significant bit
    /// first, best match within 3 bit errors.
    public static func readFormat(_ m: BitMatrix) -> (FormatInformation, distance: Int)? {
        let n = m.width
        guard n >= 21, m.height == n else { return nil }
        var copy1 = 0
        func bit(_ x: Int, _ y: Int) -> Int { m[x, y] ? 1 : 0 }
        for x in 0...5 { copy1 = copy1 << 1 | bit(x, 8) }
        copy1 = copy1 << 1 | bit(7, 8)
        copy1 = copy1 << 1 | bit(8, 8)
        copy1 = copy1 << 1 | bit(8, 7)
        for y in stride(from: 5, through: 0, by: -1) { copy1 = copy1 << 1 | bit(8, y) }
        var copy2 = 0
        for y in stride(from: n - 1, through: n - 7, by: -1) { copy2 = copy2 << 1 | bit(8, y) }
        for x in (n - 8)..<n { copy2 = copy2 << 1 | bit(x, 8) }
        return FormatInformation.decode(copy1, copy2).map { ($0.format, $0.distance) }
    }

    /// The version: from the size for versions 1…6; for 7…40 from the version blocks (either,
    /// within 3 bit errors) when one agrees with the size (§7.10).
    ///
    /// Why the size alone when both blocks are unreadable: glare over both 18-module blocks is
    /// common on phone screens, the grid was sampled at this size anyway, and Reed–Solomon still
    /// has to accept every block. A block that reads cleanly as a *different* version, though, means
    /// the size is wrong, and that is an error.
    static func readVersion(_ m: BitMatrix, provisional: Version) throws(QRDecodeError) -> Version {
        guard provisional.number >= 7 else { return provisional }
        let n = m.width
        var topRight = 0, bottomLeft = 0
        // Bit i (LSB first) sits at (n − 11 + i % 3, i / 3) and, transposed, at (i / 3, n − 11 + i % 3).
        for i in stride(from: 17, through: 0, by: -1) {
            topRight = topRight << 1 | (m[n - 11 + i % 3, i / 3] ? 1 : 0)
            bottomLeft = bottomLeft << 1 | (m[i / 3, n - 11 + i % 3] ? 1 : 0)
        }
        var contradicted = false
        for word in [topRight, bottomLeft] {
            guard let v = Version.decodeVersionBits(word) else { continue }
            if v.dimension == n { return v }
            contradicted = true
        }
        if contradicted { throw .versionInfoUnreadable }
        return provisional
    }
}
