/// Splits a symbol's interleaved codewords into its Reed–Solomon blocks (ISO/IEC 18004 §7.6):
/// data codewords are interleaved column by column over all blocks (short blocks run out first),
/// then the EC codewords likewise.
struct DataBlock {
    /// Data then EC codewords of one block.
    var codewords: [UInt8]
    let dataCount: Int
}

enum DataBlocks {
    static func split(_ raw: [UInt8], version: Version, level: ErrorCorrectionLevel) -> [DataBlock] {
        let layout = version.ecBlocks(level)
        let ec = layout.ecCodewordsPerBlock
        var blocks = (0..<layout.blockCount).map { i in
            let d = layout.dataCodewords(ofBlock: i)
            var cw = [UInt8]()
            cw.reserveCapacity(d + ec)
            return DataBlock(codewords: cw, dataCount: d)
        }
        var k = 0
        let longest = layout.shortDataCodewords + (layout.shortBlocks < layout.blockCount ? 1 : 0)
        for j in 0..<longest {
            for b in 0..<blocks.count where j < blocks[b].dataCount {
                blocks[b].codewords.append(raw[k]); k += 1
            }
        }
        for _ in 0..<ec {
            for b in 0..<blocks.count { blocks[b].codewords.append(raw[k]); k += 1 }
        }
        return blocks
    }

    /// For each interleaved codeword index, its block and its index within that block.
    static func locations(version: Version, level: ErrorCorrectionLevel) -> [(block: Int, index: Int)] {
        let layout = version.ecBlocks(level)
        var out = [(block: Int, index: Int)]()
        out.reserveCapacity(version.totalCodewords)
        let longest = layout.shortDataCodewords + (layout.shortBlocks < layout.blockCount ? 1 : 0)
        for j in 0..<longest {
            for b in 0..<layout.blockCount where j < layout.dataCodewords(ofBlock: b) { out.append((b, j)) }
        }
        for j in 0..<layout.ecCodewordsPerBlock {
            for b in 0..<layout.blockCount { out.append((b, layout.dataCodewords(ofBlock: b) + j)) }
        }
        return out
    }

    /// The inverse: interleaves blocks (data + EC each) for placement.
    static func interleave(_ blocks: [[UInt8]], dataCounts: [Int], ecCount: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(blocks.reduce(0) { $0 + $1.count })
        let longest = dataCounts.max() ?? 0
        for j in 0..<longest {
            for b in 0..<blocks.count where j < dataCounts[b] { out.append(blocks[b][j]) }
        }
        for j in 0..<ecCount {
            for b in 0..<blocks.count { out.append(blocks[b][dataCounts[b] + j]) }
        }
        return out
    }
}
