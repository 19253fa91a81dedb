#if canImport(Glibc)
import Glibc
#endif
import Imaging
import QRCode

/// Seeded random + mutation fuzzing of the image half: binarizer, finder scan, selector,
/// detector, sampler and the facade, through `QRDecoder.read` on small images.
///
/// Input kinds (chosen per input from its own seed):
/// - random noise and random rectangles (busy textures), any size from 0×0 to 160×120;
/// - real rendered symbols, small and warped, then mutated: pixel flips, wiped rectangles,
///   contrast crush, inversion, crops that cut the symbol, padded row strides;
/// - finder-pattern look-alikes: three (or more) finder patterns drawn over random data at
///   random places and scales — the triple is found, the rest is garbage;
/// - degenerate geometry: 1-pixel-wide and 1-pixel-high images, all black, all white.
/// Half the inputs run with `tryHarder`, so every pass is exercised.
enum ImageFuzzer {
    enum Kind: Int, CaseIterable { case noise, rectangles, mutatedSymbol, fakeFinders, degenerate }

    static func main(_ args: [String]) -> Int32 {
        guard let first = args.first, let count = Int(first), count > 0 else {
            print("usage: fuzz-qr images N [seed] [first-index]")
            return 64
        }
        let seed = args.count > 1 ? UInt64(args[1]) ?? 1 : 1
        let firstIndex = args.count > 2 ? Int(args[2]) ?? 0 : 0
        var pool = [GrayBuffer]()
        for (i, text) in ["HELLO", "https://example.org/p?id=8f14e45f", "0123456789", "THRESHOLD:1:PASS:X"].enumerated() {
            guard let s = try? QREncoder.encode(text, ecLevel: .L, minVersion: 1 + i) else { return 1 }
            pool.append(s.render(moduleSize: 2, quietZone: 2))
        }
        let fast = QRDecoder(), harder = QRDecoder(options: .init(tryHarder: true))
        Watchdog.start(stallSeconds: 2)
        var outcomes = [String: Int]()
        var slow = 0, slowest = Duration.zero, slowestIndex = -1
        let clock = ContinuousClock()
        let start = clock.now
        for index in firstIndex..<(firstIndex + count) {
            Watchdog.current = index
            var rng = SplitMix(seed: seed &* 0xD1B5_4A32_D192_ED03 &+ UInt64(index))
            let kind = Kind.allCases[Int(rng.next() % UInt64(Kind.allCases.count))]
            let (image, stride) = make(kind, &rng, pool)
            let decoder = rng.next() % 2 == 0 ? fast : harder
            let cpu0 = threadCPUTime()
            // Padded rows: the view may be narrower than the buffer's rows (`viewWidth` ≤ width),
            // so the columns beyond it act as row padding that must never be read.
            let viewWidth = stride
            let n = image.pixels.withUnsafeBufferPointer { buf -> Int in
                guard let base = buf.baseAddress, image.width > 0, image.height > 0 else {
                    return image.withImage { decoder.read($0).count }
                }
                return decoder.read(GrayImage(base: base, width: viewWidth, height: image.height, stride: image.width)).count
            }
            let cpu = threadCPUTime() - cpu0
            if cpu > slowest { slowest = cpu; slowestIndex = index }
            if cpu > .milliseconds(100) { slow += 1; print("fuzz-qr: SLOW image input \(index) (\(kind)) took \(cpu) CPU") }
            outcomes["\(kind): \(n == 0 ? "no code" : "\(n) code(s)")", default: 0] += 1
            Watchdog.progress.store(index, ordering: .relaxed)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print("fuzz-qr images: \(count) inputs, seed \(seed), \(String(format: "%.1f", seconds)) s (\(Int(Double(count) / seconds)) inputs/s)")
        print("outcomes:")
        for (key, value) in outcomes.sorted(by: { $0.key < $1.key }) { print("  \(key): \(value)") }
        print("crashes: 0 (the run completed), hangs/slow (> 100 ms CPU): \(slow), slowest input: #\(slowestIndex) \(slowest) CPU")
        return slow == 0 ? 0 : 2
    }

    /// Builds one input image and the width to view it with (≤ its width: the rest of each row
    /// is padding).
    static func make(_ kind: Kind, _ rng: inout SplitMix, _ pool: [GrayBuffer]) -> (GrayBuffer, Int) {
        func r(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
        switch kind {
        case .noise:
            let w = r(161), h = r(121)
            var img = GrayBuffer(width: w, height: h)
            let lo = r(256), span = r(256 - lo) + 1
            for i in img.pixels.indices { img.pixels[i] = UInt8(lo + r(span)) }
            return (img, w)
        case .rectangles:
            let w = 8 + r(153), h = 8 + r(113)
            var img = GrayBuffer(width: w, height: h, fill: UInt8(r(256)))
            for _ in 0..<r(60) {
                let x0 = r(w), y0 = r(h), x1 = min(w, x0 + 1 + r(20)), y1 = min(h, y0 + 1 + r(20))
                let v = UInt8(r(256))
                for y in y0..<y1 { for x in x0..<x1 { img[x, y] = v } }
            }
            return (img, w)
        case .mutatedSymbol:
            let src = pool[r(pool.count)]
            let w = 40 + r(120), h = 40 + r(80)
            var img = GrayBuffer(width: w, height: h, fill: UInt8(150 + r(106)))
            // Mostly inside the frame and large enough to read, sometimes cut by the border.
            let side = Double(30 + r(max(1, min(w, h))))
            let c = Point(Double(w / 4 + r(w / 2 + 1)), Double(h / 4 + r(h / 2 + 1)))
            Synthesis.place(src, into: &img, quad: Synthesis.quad(center: c, width: side, height: side, degrees: Double(r(360)), tilt: Double(r(40)) / 100))
            for _ in 0..<r(r(2) == 0 ? 20 : 300) { let i = r(img.pixels.count); img.pixels[i] = UInt8(r(256)) }
            if r(3) == 0 {
                let x0 = r(w), y0 = r(h), v = UInt8(r(256))
                for y in y0..<min(h, y0 + r(30)) { for x in x0..<min(w, x0 + r(30)) { img[x, y] = v } }
            }
            if r(4) == 0 { for i in img.pixels.indices { img.pixels[i] = 100 + img.pixels[i] / 16 } }
            if r(4) == 0 { for i in img.pixels.indices { img.pixels[i] = 255 - img.pixels[i] } }
            return (img, r(3) == 0 ? max(1, w - r(8)) : w)
        case .fakeFinders:
            let w = 30 + r(130), h = 30 + r(90)
            var img = GrayBuffer(width: w, height: h, fill: 230)
            let m = 1 + r(4)
            for _ in 0..<(3 + r(3)) {
                let x0 = r(w), y0 = r(h)
                for dy in 0..<(7 * m) {
                    for dx in 0..<(7 * m) {
                        let ring = max(abs(dx / m - 3), abs(dy / m - 3))
                        if x0 + dx < w, y0 + dy < h { img[x0 + dx, y0 + dy] = ring == 2 ? 230 : 20 }
                    }
                }
            }
            for _ in 0..<r(400) { let x = r(w), y = r(h); img[x, y] = r(2) == 0 ? 20 : 230 }
            return (img, w)
        case .degenerate:
            switch r(4) {
            case 0: return (GrayBuffer(width: 1, height: 1 + r(200), fill: UInt8(r(256))), 1)
            case 1: let w = 1 + r(200); return (GrayBuffer(width: w, height: 1, fill: UInt8(r(256))), w)
            case 2: return (GrayBuffer(width: 64, height: 64, fill: 0), 64)
            default: return (GrayBuffer(width: 21 + r(3), height: 21 + r(3), fill: 255), 21)
            }
        }
    }
}
