/// Systematic Reed–Solomon encoder over GF(256) with generator roots α⁰…α^(n−1), as QR uses.
///
/// Generator polynomials are cached per EC length (QR uses only a handful of lengths, 7…30) so
/// that encoding a symbol costs one polynomial division per block.
public struct ReedSolomonEncoder: Sendable {
    /// g(x) = ∏ (x − αⁱ), i in 0..<ecCount, highest coefficient first, the leading 1 dropped.
    public let generator: [UInt8]

    /// Nil unless 1 ≤ ecCount ≤ 254 (a GF(256) code has at most 255 symbols).
    public init?(ecCount: Int) {
        guard ecCount > 0 && ecCount < 255 else { return nil }
        var g: [UInt8] = [1]
        for i in 0..<ecCount {
            // g ← g · (x + αⁱ)
            var next = [UInt8](repeating: 0, count: g.count + 1)
            let root = GaloisField.power(i)
            for (j, c) in g.enumerated() {
                next[j] ^= c
                next[j + 1] ^= GaloisField.multiply(c, root)
            }
            g = next
        }
        generator = Array(g.dropFirst())
    }

    /// The EC codewords for `data`: the remainder of data(x)·x^ecCount divided by g(x).
    public func ecCodewords(for data: some Collection<UInt8>) -> [UInt8] {
        let n = generator.count
        var remainder = [UInt8](repeating: 0, count: n)
        GaloisField.mul.withUnsafeBufferPointer { mul in
            generator.withUnsafeBufferPointer { g in
                remainder.withUnsafeMutableBufferPointer { r in
                    for byte in data {
                        let factor = Int(byte ^ r[0]) << 8
                        for i in 1..<n { r[i - 1] = r[i] ^ mul[factor | Int(g[i - 1])] }
                        r[n - 1] = mul[factor | Int(g[n - 1])]
                    }
                }
            }
        }
        return remainder
    }
}
