/// Reads the codewords out of a symbol's modules (ISO/IEC 18004 §7.7.3), removing the data mask on
/// the way, in the interleaved order in which they were placed.
///
/// Why fused: unmasking while reading touches each data module once and never writes the matrix.
enum CodewordReader {
    /// `version.totalCodewords` codewords; remainder bits are ignored.
    /// `matrix` must be `version.dimension` square (checked by the caller).
    static func read(_ matrix: BitMatrix, version: Version, mask: Int) -> [UInt8] {
        let layout = FunctionPattern.layout(for: version)
        let total = version.totalCodewords
        var out = [UInt8](repeating: 0, count: total)
        guard (0..<8).contains(mask), matrix.bits.count == version.dimension * version.dimension else { return out }
        matrix.bits.withUnsafeBufferPointer { bits in
            layout.dataOrder.withUnsafeBufferPointer { order in
                layout.maskCodewords[mask].withUnsafeBufferPointer { maskBytes in
                    out.withUnsafeMutableBufferPointer { out in
                        var k = 0
                        for c in 0..<total {
                            var byte: UInt8 = 0
                            for _ in 0..<8 {
                                byte = byte << 1 | (bits[Int(order[k])] ? 1 : 0)
                                k += 1
                            }
                            out[c] = byte ^ maskBytes[c]
                        }
                    }
                }
            }
        }
        return out
    }
}
