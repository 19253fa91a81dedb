import Synchronization

/// Which modules of a version are function patterns (finders, separators, timing, alignment, format
/// and version information, the dark module), and the order in which the remaining data modules
/// carry codeword bits (ISO/IEC 18004 §7.7.3: two-module columns zig-zagging up and down from the
/// right edge, skipping the vertical timing column).
///
/// Why precomputed per version: the symbol decoder and encoder both walk the data modules in this
/// order; a flat list of module indices turns reading a symbol into one pass with no geometry.
public struct FunctionPattern: Sendable {
    public let version: Version
    /// Row-major, 1 = function module.
    public let mask: [UInt8]
    /// Indices (y·dimension + x) of the data modules in bit order; `count ≥ 8·totalCodewords`
    /// (the surplus are remainder bits).
    public let dataOrder: [Int32]
    /// For each mask 0…7, the codeword bytes the mask alone contributes (the mask read through
    /// `dataOrder`): unmasking a read codeword is one XOR instead of eight pattern evaluations.
    public let maskCodewords: [[UInt8]]

    @inline(__always)
    public func isFunction(x: Int, y: Int) -> Bool { mask[y * version.dimension + x] != 0 }

    private static let cache = Mutex<[FunctionPattern?]>(Array(repeating: nil, count: 41))

    /// The layout for `version`, built once and shared.
    public static func layout(for version: Version) -> FunctionPattern {
        if let hit = cache.withLock({ $0[version.number] }) { return hit }
        let built = FunctionPattern(building: version)
        cache.withLock { $0[version.number] = built }
        return built
    }

    private init(building version: Version) {
        self.version = version
        let n = version.dimension
        var m = [UInt8](repeating: 0, count: n * n)
        func fill(_ x0: Int, _ y0: Int, _ w: Int, _ h: Int) {
            for y in max(0, y0)..<min(n, y0 + h) { for x in max(0, x0)..<min(n, x0 + w) { m[y * n + x] = 1 } }
        }
        // Finders with separators, plus the format-information strips next to them.
        fill(0, 0, 9, 9)
        fill(n - 8, 0, 8, 9)
        fill(0, n - 8, 9, 8)  // includes the dark module at (8, n − 8)
        // Timing patterns.
        fill(6, 0, 1, n)
        fill(0, 6, n, 1)
        // Alignment patterns, except the three that would overlap finders.
        let centres = version.alignmentCenters
        for (i, cy) in centres.enumerated() {
            for (j, cx) in centres.enumerated() {
                let last = centres.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                fill(cx - 2, cy - 2, 5, 5)
            }
        }
        // Version information blocks (6×3 and 3×6).
        if version.number >= 7 {
            fill(n - 11, 0, 3, 6)
            fill(0, n - 11, 6, 3)
        }
        mask = m

        var order = [Int32]()
        order.reserveCapacity(n * n)
        var right = n - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for vert in 0..<n {
                let y = upward ? n - 1 - vert : vert
                for dx in 0..<2 {
                    let x = right - dx
                    if m[y * n + x] == 0 { order.append(Int32(y * n + x)) }
                }
            }
            right -= 2
        }
        dataOrder = order
        maskCodewords = (0..<8).map { mask in
            (0..<version.totalCodewords).map { c in
                var byte: UInt8 = 0
                for k in (c * 8)..<(c * 8 + 8) {
                    let index = Int(order[k])
                    byte = byte << 1 | (DataMask.isMasked(mask, x: index % n, y: index / n) ? 1 : 0)
                }
                return byte
            }
        }
    }
}
