/// The four mask-evaluation rules of ISO/IEC 18004 §7.8.3 (Table 11); the encoder keeps the mask
/// with the lowest total.
///
/// N1 runs of ≥ 5 same-colour modules in a row or column (3 + run − 5); N2 2×2 same-colour blocks (3
/// each); N3 finder-like 1:1:3:1:1 runs with 4 light modules on either side (40 each); N4 deviation of
/// the dark share from 50 % (10 per 5 %).
enum MaskPenalty {
    static func score(_ m: BitMatrix) -> Int {
        let n = m.width
        return m.bits.withUnsafeBufferPointer { b -> Int in
            var penalty = 0
            // N1 + N3 along rows (horizontal = true) and columns.
            for horizontal in [true, false] {
                for line in 0..<n {
                    @inline(__always) func at(_ i: Int) -> Bool { horizontal ? b[line * n + i] : b[i * n + line] }
                    var run = 1
                    var previous = at(0)
                    for i in 1..<n {
                        let v = at(i)
                        if v == previous {
                            run += 1
                        } else {
                            if run >= 5 { penalty += 3 + run - 5 }
                            run = 1
                            previous = v
                        }
                    }
                    if run >= 5 { penalty += 3 + run - 5 }
                    var i = 0
                    while i + 6 < n {
                        if at(i) && !at(i + 1) && at(i + 2) && at(i + 3) && at(i + 4) && !at(i + 5) && at(i + 6) {
                            var lightBefore = true, lightAfter = true
                            for k in max(0, i - 4)..<i where at(k) { lightBefore = false; break }
                            for k in (i + 7)..<min(n, i + 11) where at(k) { lightAfter = false; break }
                            if lightBefore || lightAfter { penalty += 40 }
                        }
                        i += 1
                    }
                }
            }
            // N2.
            for y in 0..<(n - 1) {
                for x in 0..<(n - 1) {
                    let v = b[y * n + x]
                    if v == b[y * n + x + 1] && v == b[(y + 1) * n + x] && v == b[(y + 1) * n + x + 1] { penalty += 3 }
                }
            }
            // N4.
            var dark = 0
            for v in b where v { dark += 1 }
            let total = n * n
            penalty += abs(dark * 2 - total) * 10 / total * 10
            return penalty
        }
    }
}
