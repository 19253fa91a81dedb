/// Splits text into the segment sequence with the fewest bits (numeric, alphanumeric, byte, Kanji),
/// by dynamic programming over characters.
///
/// Why DP: greedy rules (ISO Annex J) miss cases like a long digit run inside a URL; tracking, for
/// each character, the cheapest cost of ending in each mode (costs in sixths of a bit so that
/// 10/3-bit digits and 11/2-bit alphanumerics stay exact, segment headers paid on every switch)
/// finds the optimum in O(4² n). The approach follows Nayuki's write-up of optimal segmentation.
enum SegmentOptimizer {
    private static let modes: [Mode] = [.byte, .alphanumeric, .numeric, .kanji]

    /// Per-character facts the DP needs.
    struct Char {
        var bytes: [UInt8]  // in the byte-mode charset
        var ascii: UInt8  // the character itself when ASCII (0 otherwise)
        var alnum: Bool
        var digit: Bool
        var sjis: [UInt8]?  // Kanji-mode code (2 bytes), when representable
    }

    /// Characters of `text` with their byte form in `charset` (UTF-8 when nil) and Kanji form.
    static func characters(_ text: String, charset: QRCharset?, allowKanji: Bool) throws(QREncodeError) -> [Char] {
        let scalars = Array(text.unicodeScalars)
        var chars = scalars.map { s -> Char in
            let v = s.value
            let ascii = v < 0x80
            return Char(
                bytes: ascii ? [UInt8(v)] : Array(String(s).utf8), ascii: ascii ? UInt8(v) : 0,
                alnum: ascii && Alphanumeric.code[Int(v)] >= 0,
                digit: v >= 0x30 && v <= 0x39, sjis: nil)
        }
        let nonASCII = chars.indices.filter { scalars[$0].value >= 0x80 }
        if let cs = charset, cs != .utf8 {
            let all = chars.indices.map { Array(String(scalars[$0]).utf8) }
            let converted = Iconv.convertEach(all, from: "UTF-8", to: cs.rawValue)
            for i in chars.indices {
                if cs == .iso8859_1 || cs == .binary {
                    guard scalars[i].value < 256 else { throw .unrepresentable(cs) }
                    chars[i].bytes = [UInt8(scalars[i].value)]
                } else {
                    guard let b = converted[i] else { throw .unrepresentable(cs) }
                    chars[i].bytes = b
                }
            }
        }
        if allowKanji && !nonASCII.isEmpty {
            let sjis = Iconv.convertEach(nonASCII.map { Array(String(scalars[$0]).utf8) }, from: "UTF-8", to: QRCharset.shiftJIS.rawValue)
            for (k, i) in nonASCII.enumerated() {
                if let code = sjis[k], code.count == 2, QRSegment.kanjiValue(Int(code[0]) << 8 | Int(code[1])) != nil {
                    chars[i].sjis = code
                }
            }
        }
        return chars
    }

    /// The cheapest segments for `chars` with count fields sized for `version`.
    static func segments(_ chars: [Char], version: Int) -> [QRSegment] {
        let n = chars.count
        guard n > 0 else { return [] }
        let head = modes.map { (4 + $0.characterCountBits(version)) * 6 }
        let inf = Int.max / 4
        var cost = head
        var from = [UInt8](repeating: 0, count: (n + 1) * 4)  // mode index char i−1 used, for state i
        var encoded = [Int](repeating: inf, count: 4)
        for i in 0..<n {
            let c = chars[i]
            for m in 0..<4 {
                let charCost: Int?
                switch m {
                case 0: charCost = 48 * c.bytes.count
                case 1: charCost = c.alnum ? 33 : nil
                case 2: charCost = c.digit ? 20 : nil
                default: charCost = c.sjis != nil ? 78 : nil
                }
                encoded[m] = charCost.map { cost[m] + $0 } ?? inf
            }
            for m in 0..<4 {
                var best = encoded[m], bestFrom = m
                for k in 0..<4 where k != m && encoded[k] < inf {
                    let switched = (encoded[k] + 5) / 6 * 6 + head[m]
                    if switched < best { best = switched; bestFrom = k }
                }
                cost[m] = best
                from[(i + 1) * 4 + m] = UInt8(bestFrom)
            }
        }
        var end = 0
        for m in 1..<4 where encoded[m] < encoded[end] { end = m }
        var charModes = [Int](repeating: 0, count: n)
        charModes[n - 1] = end
        var state = end
        for i in stride(from: n - 1, to: 0, by: -1) {
            // State before char i is `state` (char i was encoded in it); char i−1 used from[i][state].
            state = Int(from[i * 4 + state])
            charModes[i - 1] = state
        }
        return build(chars, charModes, version: version)
    }

    private static func build(_ chars: [Char], _ charModes: [Int], version: Int) -> [QRSegment] {
        var result = [QRSegment]()
        var start = 0
        while start < chars.count {
            let m = charModes[start]
            var end = start
            while end < chars.count && charModes[end] == m { end += 1 }
            let maxCount = (1 << modes[m].characterCountBits(version)) - 1
            var piece = start
            while piece < end {
                var stop = min(end, piece + maxCount)
                let slice = chars[piece..<stop]
                let segment: QRSegment
                switch m {
                case 0:
                    var bytes = [UInt8]()
                    var taken = piece
                    for c in slice {
                        if bytes.count + c.bytes.count > maxCount { break }
                        bytes += c.bytes
                        taken += 1
                    }
                    stop = max(taken, piece + 1)
                    segment = .bytes(bytes)
                case 1: segment = .alphanumeric(validated: slice.map(\.ascii))
                case 2: segment = .numeric(validated: slice.map(\.ascii))
                default: segment = .kanji(validated: slice.flatMap { $0.sjis ?? [] })
                }
                result.append(segment)
                piece = stop
            }
            start = end
        }
        return result
    }
}
