/// Systematic Reed–Solomon encoder over GF(256) with generator roots α⁰…α^(n−1), as QR uses.
///
/// Generator polynomials are cached per EC length (QR uses only a handful of lengths, 7…30) so
/// that encoding a symbol costs one polynomial division per block.
public struct ReedSolomonEncoder: Sendable {
    /// g(x) = ∏ (x − αⁱ), i in 0..<ecCount, highest coefficient first, the leading 1 dropped.
    public let generator: [UInt8]

    public init(ecCount: Int) {
        precondition(ecCount > 0 && ecCount < 255)
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
        generator.withUnsafeBufferPointer { g in
            remainder.withUnsafeMutableBufferPointer { r in
                for byte in data {
                    let factor = byte ^ r[0]
                    for i in 1..<n { r[i - 1] = r[i] }
                    r[n - 1] = 0
                    if factor != 0 {
                        for i in 0..<n { r[i] ^= GaloisField.multiply(g[i], factor) }
                    }
                }
            }
        }
        return remainder
    }
}
