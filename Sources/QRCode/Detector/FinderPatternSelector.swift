import Imaging

/// Three finder patterns believed to belong to one symbol, ordered as the symbol reads (for an
/// unmirrored symbol): top-left (the corner at the right angle), top-right, bottom-left.
public struct FinderPatternTriple: Sendable, Equatable {
    public var topLeft: FinderPattern
    public var topRight: FinderPattern
    public var bottomLeft: FinderPattern
    /// Lower is more plausible.
    public var score: Double
    /// Indices into the candidate list, to keep chosen patterns out of other triples.
    public var indices: [Int]
}

/// Chooses plausible triples among finder-pattern candidates.
///
/// Every triple is scored on how much it looks like the corner of a square seen in perspective:
/// the two legs at the top-left nearly equal, the angle between them near 90°, module sizes
/// alike, and the implied symbol size between 21 and 177 modules. All plausible triples are
/// returned best first; the facade decodes them in that order and drops any triple that reuses a
/// pattern of a symbol already read, which is how several codes in one frame are separated.
///
/// Which triples are scored: each pattern with pairs of its `neighbours` nearest compatible
/// patterns (module sizes within 2×, distance within what a symbol spans). A symbol's other
/// two patterns are among the nearest ones of its top-left pattern unless many same-sized
/// patterns lie closer, which a quiet zone prevents. This is O(n·k²) instead of O(n³) and needs
/// no cap on the candidates: the old rule (the 16 most-confirmed patterns, all triples) read 8
/// of the 240 codes of the BoofCV `lots` pictures (~60 codes each).
public enum FinderPatternSelector {
    /// Nearest compatible patterns paired with each pattern.
    public static let neighbours = 8

    public static func triples(from all: [FinderPattern]) -> [FinderPatternTriple] {
        let n = all.count
        guard n >= 3 else { return [] }
        var out = [FinderPatternTriple]()
        var seen = Set<Int>()
        var near = [(distance: Double, index: Int)]()
        for i in 0..<n {
            near.removeAll(keepingCapacity: true)
            let a = all[i]
            for j in 0..<n where j != i {
                let b = all[j]
                let lo = min(a.moduleSize, b.moduleSize), hi = max(a.moduleSize, b.moduleSize)
                guard lo > 0, hi <= 2 * lo else { continue }
                let d = a.point.distance(to: b.point)
                // Centres of one symbol are 14 (version 1) to 170 modules apart, and the row
                // estimate of the module size may be √2 too large.
                guard d >= 7 * lo * 0.7, d <= 260 * hi else { continue }
                near.append((d, j))
            }
            if near.count > neighbours {
                near.sort { $0.distance < $1.distance }
                near.removeLast(near.count - neighbours)
            }
            for x in 0..<near.count {
                for y in (x + 1)..<max(x + 1, near.count) {
                    let j = near[x].index, k = near[y].index
                    // One key per unordered triple (n < 2^20 by the finder's own bound).
                    let sorted = [i, j, k].sorted()
                    let key = (sorted[0] << 40) | (sorted[1] << 20) | sorted[2]
                    guard seen.insert(key).inserted else { continue }
                    if let t = score(all, i, j, k) { out.append(t) }
                }
            }
        }
        out.sort { $0.score < $1.score }
        return out
    }

    /// Orders and scores one triple, or nil when it cannot be one symbol.
    static func score(_ all: [FinderPattern], _ i: Int, _ j: Int, _ k: Int) -> FinderPatternTriple? {
        let p = [all[i], all[j], all[k]]
        let ids = [i, j, k]
        let sizes = p.map(\.moduleSize)
        guard let minSize = sizes.min(), let maxSize = sizes.max(), minSize > 0 else { return nil }
        // Row-estimated sizes vary with rotation alike for all three; perspective rarely
        // changes them by more than 2× across one symbol.
        guard maxSize / minSize <= 2.0 else { return nil }
        // The corner at the right angle is opposite the longest side.
        let d01 = p[0].point.distance(to: p[1].point)
        let d12 = p[1].point.distance(to: p[2].point)
        let d02 = p[0].point.distance(to: p[2].point)
        let corner: Int, o1: Int, o2: Int, hyp: Double, l1: Double, l2: Double
        if d12 >= d01 && d12 >= d02 { corner = 0; o1 = 1; o2 = 2; hyp = d12; l1 = d01; l2 = d02 }
        else if d02 >= d01 && d02 >= d12 { corner = 1; o1 = 0; o2 = 2; hyp = d02; l1 = d01; l2 = d12 }
        else { corner = 2; o1 = 0; o2 = 1; hyp = d01; l1 = d02; l2 = d12 }
        let meanSize = (sizes[0] + sizes[1] + sizes[2]) / 3
        guard min(l1, l2) >= 7 * minSize * 0.7 else { return nil }  // finder patterns overlap
        let legRatio = max(l1, l2) / min(l1, l2)
        guard legRatio < 1.6 else { return nil }
        // cos of the corner angle (law of cosines); 0 for a right angle.
        let cosine = (l1 * l1 + l2 * l2 - hyp * hyp) / (2 * l1 * l2)
        guard abs(cosine) < 0.45 else { return nil }
        // Modules between finder centres; the row estimate may be up to √2 too large, so the
        // bounds are loose: 14 (version 1) / 1.5 … 170 (version 40) × 1.5.
        let modules = (l1 + l2) / 2 / meanSize
        guard modules >= 9, modules <= 260 else { return nil }
        var tl = p[corner], tr = p[o1], bl = p[o2]
        var ti = ids[o1], bi = ids[o2]
        // Image y points down: top-right is clockwise from bottom-left around top-left.
        let cross = (tr.x - tl.x) * (bl.y - tl.y) - (tr.y - tl.y) * (bl.x - tl.x)
        if cross < 0 { swap(&tr, &bl); swap(&ti, &bi) }
        let sizeSpread = (maxSize - minSize) / meanSize
        let s = abs(cosine) * 2 + (legRatio - 1) + sizeSpread * 0.5
            - 0.05 * Double(min(tl.count + tr.count + bl.count, 12))
        return FinderPatternTriple(topLeft: tl, topRight: tr, bottomLeft: bl, score: s,
                                   indices: [ids[corner], ti, bi])
    }
}
