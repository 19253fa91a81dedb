import BenchSupport
import QRCode

/// Release-build timings of the symbol half: what the 2 ms frame budget leaves for it.
enum SymbolSpeed {
    static func main(_ args: [String]) -> Int32 {
        do {
            let text = "THRESHOLD:1:PASS:8f14e45fceea167a5a36dedd4bea2543:2026-11-21T15:00Z"
            let v4 = try QREncoder.encode(text, ecLevel: .M, minVersion: 4, maxVersion: 4)
            var damaged = v4.modules
            for (x, y) in [(10, 12), (20, 22), (25, 9), (14, 28), (30, 30)] { damaged.flip(x: x, y: y) }
            let v10 = try QREncoder.encode(String(repeating: "pass ", count: 30), ecLevel: .Q, minVersion: 10)
            var rows = [[String]]()
            func row(_ name: String, _ iterations: Int, _ body: () throws -> Void) rethrows {
                let s = try measure(iterations: iterations, warmup: 50, body)
                rows.append([name, "\(iterations)", fmt(s.median * 1000, 1), fmt(s.p95 * 1000, 1), fmt(s.p99 * 1000, 1)])
            }
            try row("SymbolDecoder v4-M clean", 20000) { _ = try SymbolDecoder.decode(v4.modules) }
            try row("SymbolDecoder v4-M 5 damaged codewords", 20000) { _ = try SymbolDecoder.decode(damaged) }
            try row("SymbolDecoder v4-M mirrored", 20000) { _ = try SymbolDecoder.decode(v4.modules.transposed()) }
            try row("SymbolDecoder v10-Q clean", 5000) { _ = try SymbolDecoder.decode(v10.modules) }
            try row("QREncoder v4-M (8 masks scored)", 2000) { _ = try QREncoder.encode(text, ecLevel: .M, minVersion: 4) }
            printTable(["operation", "runs", "median µs", "p95 µs", "p99 µs"], rows)
            return 0
        } catch {
            print("symbol-speed: \(error)")
            return 1
        }
    }
}
