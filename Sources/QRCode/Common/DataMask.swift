/// The eight data-mask patterns (ISO/IEC 18004 §7.8.2, Table 10). A module at column `x`, row `y`
/// is inverted when the pattern's condition holds.
///
/// Why masks exist: they break up large light/dark areas and finder-like runs in the data region so
/// the detector does not see false finders; the encoder picks the pattern with the lowest penalty.
public enum DataMask {
    @inline(__always)
    public static func isMasked(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: return (x + y) & 1 == 0
        case 1: return y & 1 == 0
        case 2: return x % 3 == 0
        case 3: return (x + y) % 3 == 0
        case 4: return (y / 2 + x / 3) & 1 == 0
        case 5: let p = x * y; return (p & 1) + p % 3 == 0
        case 6: let p = x * y; return ((p & 1) + p % 3) & 1 == 0
        case 7: return (((x + y) & 1) + (x * y) % 3) & 1 == 0
        default: return false
        }
    }

    /// XORs `mask` over every non-function module of `matrix` (its own inverse).
    public static func apply(_ mask: Int, to matrix: inout BitMatrix, version: Version) {
        let function = FunctionPattern.layout(for: version)
        let n = version.dimension
        guard matrix.width == n, matrix.height == n else { return }
        for y in 0..<n {
            for x in 0..<n where !function.isFunction(x: x, y: y) && isMasked(mask, x: x, y: y) {
                matrix.flip(x: x, y: y)
            }
        }
    }
}
