#if canImport(Glibc)
import Glibc
#endif
import QRCode

/// Seeded random + mutation fuzzing of everything after the detector: `SymbolDecoder` on module
/// matrices, `DecodedBitStreamParser` on raw data-codeword streams, `ReedSolomonDecoder` on blocks.
///
/// Input kinds (chosen per input from its own seed):
/// - random matrices of valid and invalid sizes and random density;
/// - real encoded symbols, mutated (module flips, wiped rectangles, format/version damage, transposition);
/// - valid function patterns + format over random data with correct RS: the parser sees random bits;
/// - raw streams for the parser: random bytes, random segment sequences, mutated real data codewords;
/// - Reed–Solomon blocks: random, and real blocks with errors and erasures beyond capacity.
enum CodewordFuzzer {
    enum Kind: Int, CaseIterable {
        case randomMatrix, mutatedSymbol, randomDataValidFormat, parserRandomBytes, parserSegments, parserMutated, reedSolomon
    }

    static func main(_ args: [String]) -> Int32 {
        guard let first = args.first, let count = Int(first), count > 0 else {
            print("usage: fuzz-qr codewords N [seed] [first-index]")
            return 64
        }
        let seed = args.count > 1 ? UInt64(args[1]) ?? 1 : 1
        let firstIndex = args.count > 2 ? Int(args[2]) ?? 0 : 0
        let pool: [(symbol: QRSymbol, text: String, data: [UInt8])]
        do { pool = try seedSymbols() } catch {
            print("fuzz-qr: could not build seed symbols: \(error)")
            return 1
        }
        Watchdog.start(stallSeconds: 2)
        var outcomes = [String: Int]()
        var perKind = [Int](repeating: 0, count: Kind.allCases.count)
        var timeByKind = [Duration](repeating: .zero, count: Kind.allCases.count)
        var slow = 0, slowest = Duration.zero, slowestIndex = -1
        let clock = ContinuousClock()
        let start = clock.now
        for index in firstIndex..<(firstIndex + count) {
            Watchdog.current = index
            var rng = SplitMix(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index))
            let kind = Kind.allCases[Int(rng.next() % UInt64(Kind.allCases.count))]
            perKind[kind.rawValue] += 1
            let t0 = clock.now
            let cpu0 = threadCPUTime()
            let outcome = run(kind, &rng, pool)
            let took = clock.now - t0
            // The 100 ms limit is on this thread's CPU time: on a shared machine wall time also counts
            // time the scheduler gave to other processes.
            let cpu = threadCPUTime() - cpu0
            timeByKind[kind.rawValue] += took
            if cpu > slowest { slowest = cpu; slowestIndex = index }
            if cpu > .milliseconds(100) { slow += 1; print("fuzz-qr: SLOW input \(index) (\(kind)) took \(cpu) CPU, \(took) wall") }
            outcomes[outcome, default: 0] += 1
            Watchdog.progress.store(index, ordering: .relaxed)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print("fuzz-qr codewords: \(count) inputs, seed \(seed), \(String(format: "%.1f", seconds)) s (\(Int(Double(count) / seconds)) inputs/s)")
        print("inputs by kind (count, mean µs): " + Kind.allCases.map { kind in
            let us = Double(timeByKind[kind.rawValue].components.attoseconds) * 1e-12 + Double(timeByKind[kind.rawValue].components.seconds) * 1e6
            return "\(kind)=\(perKind[kind.rawValue]) (\(Int(us / Double(max(1, perKind[kind.rawValue])))) µs)"
        }.joined(separator: ", "))
        print("outcomes:")
        for (key, value) in outcomes.sorted(by: { $0.value > $1.value }) { print("  \(key): \(value)") }
        print("misreads of mutated real symbols: \(outcomes["MISREAD (mutated symbol decoded to another text)"] ?? 0)")
        print("crashes: 0 (the run completed), hangs/slow (> 100 ms CPU): \(slow), slowest input: #\(slowestIndex) \(slowest) CPU")
        return slow == 0 ? 0 : 2
    }

    /// Real symbols over versions, levels and modes: the mutation corpus.
    static func seedSymbols() throws -> [(symbol: QRSymbol, text: String, data: [UInt8])] {
        let texts = [
            "HELLO WORLD", "0123456789012345678901234567890", "https://example.org/p?id=8f14e45f",
            "入場券 テスト 日本語", "Grüße aus Köln — Ticket #42 ✓", "THRESHOLD:1:PASS:HC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3",
        ]
        var out = [(symbol: QRSymbol, text: String, data: [UInt8])]()
        for (i, text) in texts.enumerated() {
            for v in [1, 2, 5, 7, 10, 15, 22, 27, 40] where !(v == 1 && text.utf8.count > 17) {
                let level = ErrorCorrectionLevel.allCases[(i + v) % 4]
                let symbol = try QREncoder.encode(text, ecLevel: level, minVersion: v)
                let decoded = try SymbolDecoder.decode(symbol.modules)
                precondition(decoded.text == text, "seed symbol does not round-trip")
                // Data codewords of the same text as one byte segment, where that fits the version.
                guard let version = Version.forNumber(symbol.version),
                      let data = try? QREncoder.dataCodewords([.bytes(Array(text.utf8))], version: version, ecLevel: level)
                else { continue }
                out.append((symbol, text, data))
            }
        }
        return out
    }

    /// Function patterns + format info per (version, level, mask), built on first use.
    nonisolated(unsafe) static var blanks = [Int: BitMatrix]()

    static func run(_ kind: Kind, _ rng: inout SplitMix, _ pool: [(symbol: QRSymbol, text: String, data: [UInt8])]) -> String {
        switch kind {
        case .randomMatrix:
            let valid = rng.next() % 5 != 0
            let w = valid ? 17 + 4 * Int(1 + rng.next() % 40) : Int(rng.next() % 200)
            let h = valid || rng.next() % 2 == 0 ? w : Int(rng.next() % 200)
            var m = BitMatrix(width: w, height: h)
            let density = rng.next() % 100
            for y in 0..<h { for x in 0..<w where rng.next() % 100 < density { m[x, y] = true } }
            return decode(m)
        case .mutatedSymbol:
            let seed = pool[Int(rng.next() % UInt64(pool.count))]
            var m = seed.symbol.modules
            mutate(&m, &rng)
            // A damaged real symbol must decode to its own text or fail: anything else is a misread
            // (a Reed–Solomon miscorrection the rest of the pipeline did not catch).
            do {
                let decoded = try SymbolDecoder.decode(m)
                return decoded.text == seed.text ? "symbol: decoded" : "MISREAD (mutated symbol decoded to another text)"
            } catch {
                return "symbol: " + name(error)
            }
        case .randomDataValidFormat:
            let version = Version.all[Int(rng.next() % 40)]
            let level = ErrorCorrectionLevel.allCases[Int(rng.next() % 4)]
            var data = (0..<version.dataCodewords(level)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if rng.next() % 2 == 0 {  // start with a plausible mode nibble more often
                data[0] = data[0] & 0x0F | UInt8([0x10, 0x20, 0x30, 0x40, 0x50, 0x70, 0x80, 0x90, 0xD0][Int(rng.next() % 9)])
            }
            guard let words = try? QREncoder.codewords(data, version: version, ecLevel: level) else { return "setup-failed" }
            let mask = Int(rng.next() % 8)
            let key = (version.number * 4 + level.ordinal) * 8 + mask
            if blanks[key] == nil {
                blanks[key] = try? QREncoder.encode(bytes: [], ecLevel: level, minVersion: version.number, maxVersion: version.number, mask: mask).modules
            }
            guard var m = blanks[key] else { return "setup-failed" }
            overwriteData(&m, version: version, codewords: words, mask: mask)
            return decode(m)
        case .parserRandomBytes:
            let n = Int(rng.next() % 300)
            let bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            return parse(bytes, version: Int(1 + rng.next() % 40))
        case .parserSegments:
            return parse(randomSegments(&rng), version: Int(1 + rng.next() % 40))
        case .parserMutated:
            var data = pool[Int(rng.next() % UInt64(pool.count))].data
            let flips = 1 + Int(rng.next() % 8)
            for _ in 0..<flips where !data.isEmpty { data[Int(rng.next() % UInt64(data.count))] ^= UInt8(1) << UInt8(rng.next() % 8) }
            if rng.next() % 4 == 0 { data = Array(data.prefix(Int(rng.next() % UInt64(data.count + 1)))) }
            return parse(data, version: Int(1 + rng.next() % 40))
        case .reedSolomon:
            let n = Int(rng.next() % 260)
            let ec = Int(rng.next() % 40)
            var block = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let erasures = (0..<Int(rng.next() % 20)).map { _ in Int(rng.next() % UInt64(max(1, n + 3))) - 1 }
            do {
                try ReedSolomonDecoder.decode(&block, ecCount: ec, erasures: erasures)
                return "rs: repaired or clean"
            } catch {
                return "rs: \(error)"
            }
        }
    }

    static func decode(_ m: BitMatrix) -> String {
        do {
            _ = try SymbolDecoder.decode(m)
            return "symbol: decoded"
        } catch {
            return "symbol: " + name(error)
        }
    }

    static func parse(_ bytes: [UInt8], version: Int) -> String {
        do {
            _ = try DecodedBitStreamParser.parse(bytes, version: version)
            return "parser: parsed"
        } catch {
            return "parser: " + name(error)
        }
    }

    static func name(_ e: QRDecodeError) -> String {
        switch e {
        case .formatInfoUnreadable: "format info unreadable"
        case .versionInfoUnreadable: "version info unreadable"
        case .invalidDimension: "invalid dimension"
        case .tooManyErrors: "too many errors"
        case let .malformedBitstream(p):
            switch p {
            case .truncated: "malformed: truncated"
            case .invalidNumeric: "malformed: numeric"
            case .invalidAlphanumeric: "malformed: alphanumeric"
            case .invalidDoubleByte: "malformed: kanji/hanzi"
            case .invalidECI: "malformed: ECI"
            case .invalidStructuredAppend: "malformed: structured append"
            }
        case .unsupportedMode: "unsupported mode"
        case .unsupportedECI: "unsupported ECI"
        case .charsetConversion: "charset conversion"
        }
    }

    static func mutate(_ m: inout BitMatrix, _ rng: inout SplitMix) {
        let n = m.width
        switch rng.next() % 6 {
        case 0:  // a few module flips (within or just beyond EC capacity)
            for _ in 0..<(1 + Int(rng.next() % 40)) { m.flip(x: Int(rng.next() % UInt64(n)), y: Int(rng.next() % UInt64(n))) }
        case 1:  // heavy noise
            for _ in 0..<(n * n / Int(2 + rng.next() % 10)) { m.flip(x: Int(rng.next() % UInt64(n)), y: Int(rng.next() % UInt64(n))) }
        case 2:  // a wiped rectangle (glare, finger)
            let w = 1 + Int(rng.next() % UInt64(n / 2)), h = 1 + Int(rng.next() % UInt64(n / 2))
            m.setRegion(x: Int(rng.next() % UInt64(n - w + 1)), y: Int(rng.next() % UInt64(n - h + 1)), width: w, height: h, to: rng.next() % 2 == 0)
        case 3:  // format strips damaged
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                let i = Int(rng.next() % 9)
                if rng.next() % 2 == 0 { m.flip(x: i, y: 8) } else { m.flip(x: 8, y: n - 1 - Int(rng.next() % 7)) }
            }
        case 4:  // version blocks damaged
            for _ in 0..<(1 + Int(rng.next() % 8)) { m.flip(x: n - 11 + Int(rng.next() % 3), y: Int(rng.next() % 6)) }
            for _ in 0..<Int(rng.next() % 8) { m.flip(x: Int(rng.next() % 6), y: n - 11 + Int(rng.next() % 3)) }
        default:  // mirrored plus a few flips
            m = m.transposed()
            for _ in 0..<Int(rng.next() % 10) { m.flip(x: Int(rng.next() % UInt64(n)), y: Int(rng.next() % UInt64(n))) }
        }
    }

    /// Replaces the data region of `m` with `codewords` under `mask` (function patterns kept).
    static func overwriteData(_ m: inout BitMatrix, version: Version, codewords: [UInt8], mask: Int) {
        let layout = FunctionPattern.layout(for: version)
        let n = version.dimension
        for (k, index) in layout.dataOrder.enumerated() {
            let bit = k < codewords.count * 8 ? (codewords[k >> 3] >> (7 - UInt8(k & 7))) & 1 == 1 : false
            let x = Int(index) % n, y = Int(index) / n
            m[x, y] = bit != DataMask.isMasked(mask, x: x, y: y)
        }
    }

    /// A random sequence of segment headers and payloads, mostly well-formed, sometimes not.
    static func randomSegments(_ rng: inout SplitMix) -> [UInt8] {
        var b = BitBuffer()
        for _ in 0..<(1 + Int(rng.next() % 6)) {
            let mode = [1, 2, 3, 4, 5, 7, 8, 9, 13, 0, 6, 15][Int(rng.next() % 12)]
            b.append(mode, bits: 4)
            let countBits = [8, 9, 10, 12, 13, 14, 16][Int(rng.next() % 7)]
            b.append(Int(rng.next() % 64), bits: countBits)
            for _ in 0..<Int(rng.next() % 40) { b.append(Int(rng.next() % 256), bits: 8) }
        }
        return b.bytes
    }
}

/// CPU time consumed by the calling thread.
func threadCPUTime() -> Duration {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return .seconds(ts.tv_sec) + .nanoseconds(ts.tv_nsec)
}

/// SplitMix64: tiny, fast and seedable per input.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
