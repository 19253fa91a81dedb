// bench-qr: our QR reader (and zbar, side by side) on the ZXing corpus and on synthetic frames.
//
//   swift build -c release --package-path Benchmarks --product bench-qr
//   taskset -c 0 Benchmarks/.build/release/bench-qr [--corpora DIR] [--iterations N]
//       [--only zxing|boofcv|frames] [--category NAME]… [--reader threshold|"threshold try-harder"|zbar|zxing-cpp]… [--verbose]
//       [--scale-levels N] [--coarse-min-total PX] [--frames-only]
//
// Release build, one core. Prints Markdown tables (paste into the README).
import BenchSupport
import Foundation
import Imaging
import QRCode
import ZBarReader

// MARK: Arguments

struct Arguments {
    var corpora: String? = ProcessInfo.processInfo.environment["THRESHOLD_CORPORA"]
    var iterations = 200
    /// Sections to run (all when empty): zxing, boofcv, frames.
    var only = Set<String>()
    /// BoofCV categories (all when empty).
    var categories = Set<String>()
    /// Readers run on the BoofCV photos, by label (all when empty).
    var readers = Set<String>()
    /// One line per BoofCV picture.
    var verbose = false
    /// Overrides of our reader's options, for measuring what a setting buys.
    var scaleLevels: Int?
    var coarseMinTotal: Int?
    func runs(_ section: String) -> Bool { only.isEmpty || only.contains(section) }
    func tuned(_ o: QRDecoder.Options) -> QRDecoder.Options {
        var o = o
        if let v = scaleLevels { o.scaleLevels = v }
        if let v = coarseMinTotal { o.coarseMinTotal = v }
        return o
    }
}

func parseArguments() -> Arguments {
    var a = Arguments()
    var args = CommandLine.arguments.dropFirst()
    while let arg = args.popFirst() {
        switch arg {
        case "--corpora": a.corpora = args.popFirst()
        case "--iterations": a.iterations = args.popFirst().flatMap(Int.init) ?? a.iterations
        case "--frames-only": a.only = ["frames"]
        case "--only": if let s = args.popFirst() { a.only.insert(s) }
        case "--category": if let s = args.popFirst() { a.categories.insert(s) }
        case "--reader": if let s = args.popFirst() { a.readers.insert(s) }
        case "--verbose": a.verbose = true
        case "--scale-levels": a.scaleLevels = args.popFirst().flatMap(Int.init)
        case "--coarse-min-total": a.coarseMinTotal = args.popFirst().flatMap(Int.init)
        default: FileHandle.standardError.write("unknown argument \(arg)\n".data(using: .utf8)!); exit(2)
        }
    }
    return a
}
let arguments = parseArguments()
let corporaPath = arguments.corpora
let iterations = arguments.iterations

/// ../shared/corpora above the current directory or the package, or $THRESHOLD_CORPORA.
func findCorpora() -> URL? {
    if let p = corporaPath { return URL(fileURLWithPath: p) }
    var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    for _ in 0..<5 {
        let candidate = dir.appendingPathComponent("shared/corpora")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return nil
}

// MARK: Readers

/// The readers compared, with the label they get in the tables: ours in its default (kiosk)
/// setting and with try-harder, and libzbar (QR only) through ZBarReader.
let readers: [(label: String, reader: any QRReader)] = [
    ("threshold", QRDecoder(options: arguments.tuned(.init()))),
    ("threshold try-harder", QRDecoder(options: arguments.tuned(.init(tryHarder: true)))),
    ("zbar", ZBarReader()),
]

// MARK: (a) ZXing corpus

struct CorpusImage { let name: String; let image: GrayBuffer; let expected: [[UInt8]] }

func loadCorpus(_ root: URL) throws -> [CorpusImage] {
    let fm = FileManager.default
    let pgm = root.appendingPathComponent("qr/pgm/zxing")
    var out = [CorpusImage]()
    for folder in try fm.contentsOfDirectory(atPath: pgm.path).sorted() {
        let dir = pgm.appendingPathComponent(folder)
        for file in try fm.contentsOfDirectory(atPath: dir.path).sorted() where file.hasSuffix(".pgm") {
            let image = try PNM.decode(Array(try Data(contentsOf: dir.appendingPathComponent(file))))
            var expected: [[UInt8]]
            let txt = dir.appendingPathComponent(String(file.dropLast(4)) + ".txt")
            if fm.fileExists(atPath: txt.path) {
                expected = [Array(try Data(contentsOf: txt))]
            } else {
                let json = root.appendingPathComponent("qr/zxing/\(folder)/\(file.dropLast(4)).expected.json")
                let object = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
                expected = ((object?["codes"] as? [String]) ?? []).map { Array($0.utf8) }
            }
            out.append(CorpusImage(name: "\(folder)/\(file)", image: image, expected: expected))
        }
    }
    return out
}

func benchCorpus(_ corpus: [CorpusImage]) -> [[String]] {
    var rows = [[String]]()
    for (label, reader) in readers {
        var read = 0, misread = 0, codes = 0
        var times = [Double]()
        for item in corpus {
            var results = [QRResult]()
            let stats = item.image.withImage { img in measure(iterations: 5, warmup: 1) { results = reader.read(img) } }
            times.append(stats.median)
            codes += item.expected.count
            var remaining = item.expected
            for r in results {
                if let i = remaining.firstIndex(of: Array(r.text.utf8)) { remaining.remove(at: i); read += 1 } else { misread += 1 }
            }
        }
        let s = Stats(samplesMs: times)
        rows.append([label, "\(read) / \(codes)", "\(misread)", fmt(s.median, 3), fmt(s.mean, 3), fmt(s.p95, 3)])
    }
    return rows
}

// MARK: (b) Synthetic frames

/// A camera-like scene without a code: a lighting gradient, some text-like and blocky clutter,
/// sensor noise. Deterministic.
func scene(width: Int, height: Int, seed: UInt64) -> GrayBuffer {
    var rng = SeededRandom(seed: seed)
    var frame = GrayBuffer(width: width, height: height)
    for y in 0..<height {
        for x in 0..<width {
            frame[x, y] = UInt8(90 + (100 * x) / width + (40 * y) / height)
        }
    }
    // Clutter: dark bars and blocks like text, door frames and posters.
    for _ in 0..<(width * height / 4000) {
        let w = 2 + Int(rng.next() % 40), h = 2 + Int(rng.next() % 12)
        let x0 = Int(rng.next() % UInt64(width - w)), y0 = Int(rng.next() % UInt64(height - h))
        let v = UInt8(rng.next() % 80)
        for y in y0..<(y0 + h) { for x in x0..<(x0 + w) { frame[x, y] = v } }
    }
    return Synthesis.addNoise(Synthesis.gaussianBlur(frame, sigma: 0.8), sigma: 4, seed: seed &+ 1)
}

/// The scene with a version-4 code about 220 px wide, slightly rotated, contrast-reduced and
/// noisy: a phone screen at arm's length.
func sceneWithCode(width: Int, height: Int, seed: UInt64) -> (GrayBuffer, String)? {
    let text = "THRESHOLD:1:EVT-2026-DOOR-A:P-000042:9f86d081884c7d65"
    guard let symbol = try? QREncoder.encode(text, ecLevel: .M, minVersion: 4, maxVersion: 4) else { return nil }
    var frame = scene(width: width, height: height, seed: seed)
    // ~220 px for the 33 modules (+ a 2-module screen margin), rotated 12°, slight tilt.
    let side = 220.0 * 37 / 33
    let quad = Synthesis.quad(center: Point(Double(width) * 0.55, Double(height) * 0.5), width: side, height: side, degrees: 12, tilt: 0.08)
    Synthesis.place(symbol.render(moduleSize: 6, quietZone: 2), into: &frame, quad: quad)
    frame = Synthesis.reduceContrast(frame, low: 60, high: 190)
    return (Synthesis.addNoise(frame, sigma: 6, seed: seed &+ 2), text)
}

func benchFrames() -> [[String]] {
    var rows = [[String]]()
    for (w, h) in [(640, 480), (1280, 720)] {
        var frames: [(String, GrayBuffer, String?)] = [("no code", scene(width: w, height: h, seed: 7), nil)]
        if let (f, text) = sceneWithCode(width: w, height: h, seed: 11) { frames.append(("v4 code", f, text)) }
        for (content, frame, text) in frames {
            for (label, reader) in readers {
                var results = [QRResult]()
                let s = frame.withImage { img in measure(iterations: iterations, warmup: 5) { results = reader.read(img) } }
                let c = frame.withImage { img in measureCPU(iterations: iterations, warmup: 0) { _ = reader.read(img) } }
                let outcome: String
                if let text { outcome = results.contains { $0.text == text } ? "read" : "MISSED" } else {
                    outcome = results.isEmpty ? "none (ok)" : "FALSE POSITIVE"
                }
                rows.append([label, "\(w)×\(h)", content, outcome, fmt(s.median, 3), fmt(s.p95, 3), fmt(c.median, 3), fmt(c.p95, 3)])
            }
        }
    }
    return rows
}

/// Stage costs of our reader on the synthetic frames: the binarizer alone, and binarizer +
/// finder scan (one polarity). Shows where the per-frame budget goes.
func benchStages() -> [[String]] {
    var rows = [[String]]()
    for (w, h, withCode) in [(640, 480, false), (1280, 720, false), (640, 480, true), (1280, 720, true)] {
        guard let frame = withCode ? sceneWithCode(width: w, height: h, seed: 11)?.0 : scene(width: w, height: h, seed: 7) else { continue }
        let label = "\(w)×\(h)" + (withCode ? " v4 code" : " no code")
        var grid = ThresholdGrid()
        let binarizer = AdaptiveBinarizer()
        let b = frame.withImage { img in measure(iterations: iterations, warmup: 5) { binarizer.binarize(img, into: &grid) } }
        var row = [UInt8](repeating: 0, count: w)
        var candidates = 0
        let f = frame.withImage { img in
            measure(iterations: iterations, warmup: 5) {
                binarizer.binarize(img, into: &grid)
                let bw = grid.blocksWide
                candidates = grid.thresholds.withUnsafeBufferPointer { t in
                    row.withUnsafeMutableBufferPointer { r in
                        var finder = FinderPatternFinder(view: BinaryView(image: img, thresholds: t.baseAddress!, blocksWide: bw, inverted: false))
                        return finder.find(rowBuffer: r.baseAddress!).count
                    }
                }
            }
        }
        var levels = 0
        let p = frame.withImage { img in
            measure(iterations: iterations, warmup: 5) { levels = ImagePyramid(img, maxLevels: 4, minSide: 64).levels.count }
        }
        rows.append([label, "binarize", fmt(b.median, 3), fmt(b.p95, 3), ""])
        rows.append([label, "pyramid (halved copies)", fmt(p.median, 3), fmt(p.p95, 3), "\(levels) levels"])
        rows.append([label, "binarize + finder scan", fmt(f.median, 3), fmt(f.p95, 3), "\(candidates) candidates"])
    }
    return rows
}

// MARK: Run

if arguments.runs("zxing") || arguments.runs("boofcv") {
    guard let root = findCorpora() else {
        print("corpora not found (pass --corpora DIR or set THRESHOLD_CORPORA)")
        exit(1)
    }
    if arguments.runs("zxing") {
        let corpus = try loadCorpus(root)
        print("## ZXing blackbox corpus (\(corpus.count) images)\n")
        printTable(["reader", "codes read", "misreads", "median ms/image", "mean ms", "p95 ms"], benchCorpus(corpus))
    }
    if arguments.runs("boofcv") {
        let images = try loadBoofCV(root, categories: arguments.categories)
        print("\n## BoofCV real photos, visible half (\(images.count) pictures, one call each)\n")
        var rows = [[String]]()
        for (label, reader) in readers where arguments.readers.isEmpty || arguments.readers.contains(label) {
            rows += boofCVRows(label, runBoofCV(reader, images, verbose: arguments.verbose))
        }
        if arguments.readers.isEmpty || arguments.readers.contains("zxing-cpp") {
            // Benchmarks/Sources/BenchQR/main.swift → Benchmarks/Scripts/zxing_cpp_reader.py
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Scripts/zxing_cpp_reader.py")
            do {
                rows += boofCVRows("zxing-cpp", try runZXingCppBoofCV(images, script: script))
            } catch {
                print("zxing-cpp not measured: \(error)")
            }
        }
        printTable(["reader", "category", "codes located", "zxing-cpp (README)", "false positives", "median ms", "p95 ms"], rows)
    }
}
if arguments.runs("frames") {
    print("\n## Synthetic frames (\(iterations) runs each)\n")
    printTable(["reader", "frame", "content", "result", "median ms", "p95 ms", "CPU median ms", "CPU p95 ms"], benchFrames())
    print("\n## Stages of our reader\n")
    printTable(["frame", "stage", "median ms", "p95 ms", "note"], benchStages())
}
