/// Reads the codewords out of a symbol's modules (ISO/IEC 18004 §7.7.3), removing the data mask on
/// the way, in the interleaved order in which they were placed.
///
/// Why fused: unmasking while reading touches each data module once and never writes the matrix.
enum CodewordReader {
    /// `version.totalCodewords` codewords; remainder bits are ignored.
    /// `matrix` must be `version.dimension` square (checked by the caller).
    static func read(_ matrix: BitMatrix, version: Version, mask: Int) -> [UInt8] {
        let layout = FunctionPattern.layout(for: version)
        let n = version.dimension
        let total = version.totalCodewords
        var out = [UInt8](repeating: 0, count: total)
        matrix.bits.withUnsafeBufferPointer { bits in
            layout.dataOrder.withUnsafeBufferPointer { order in
                out.withUnsafeMutableBufferPointer { out in
                    var k = 0
                    for c in 0..<total {
                        var byte: UInt8 = 0
                        for _ in 0..<8 {
                            let index = Int(order[k])
                            k += 1
                            let y = index / n, x = index - y * n
                            let dark = bits[index] != DataMask.isMasked(mask, x: x, y: y)
                            byte = byte << 1 | (dark ? 1 : 0)
                        }
                        out[c] = byte
                    }
                }
            }
        }
        return out
    }
}
