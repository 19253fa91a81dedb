// The BoofCV real photos (qr/boofcv/detection), scored as the corpus README says (see
// TestSupport.BoofCVCorpus): codes located per category, false positives, time per picture.
import BenchSupport
import Foundation
import ImageFiles
import Imaging
import QRCode
import TestSupport

/// One picture decoded to grey once, shared by every reader.
struct BoofCVImage {
    let picture: BoofCVCorpus.Picture
    let image: GrayBuffer
    var name: String { picture.category + "/" + picture.image.lastPathComponent }
}

func loadBoofCV(_ root: URL, categories: Set<String>) throws -> [BoofCVImage] {
    let pictures = try BoofCVCorpus.pictures(in: root.appendingPathComponent("qr/boofcv/detection"))
    return try pictures.filter { categories.isEmpty || categories.contains($0.category) }.map { p in
        BoofCVImage(picture: p, image: try ImageFile.load(path: p.image.path))
    }
}

/// Per-category tally of one reader.
struct BoofCVTally { var codes = 0, read = 0, falsePositives = 0; var times = [Double]() }

/// Runs `reader` once per picture (the pictures are large: one timed call each).
func runBoofCV(_ reader: any QRReader, _ images: [BoofCVImage], verbose: Bool) -> [String: BoofCVTally] {
    var out = [String: BoofCVTally]()
    for item in images {
        var results = [QRResult]()
        let s = item.image.withImage { img in measure(iterations: 1, warmup: 0) { results = reader.read(img) } }
        let score = BoofCVCorpus.score(reported: results.map(\.corners), polygons: item.picture.polygons)
        var t = out[item.picture.category, default: BoofCVTally()]
        t.codes += item.picture.polygons.count
        t.read += score.matched
        t.falsePositives += score.falsePositives
        t.times.append(s.median)
        out[item.picture.category] = t
        if verbose {
            print("\(item.name) \(item.image.width)×\(item.image.height): \(score.matched)/\(item.picture.polygons.count)"
                  + (score.falsePositives > 0 ? " FP \(score.falsePositives)" : "") + " \(fmt(s.median, 1)) ms")
        }
    }
    return out
}

/// Table rows: one per category, then the total, with zxing-cpp's published figure beside ours.
func boofCVRows(_ label: String, _ tallies: [String: BoofCVTally]) -> [[String]] {
    var rows = [[String]]()
    var total = BoofCVTally()
    var reference = 0
    for category in tallies.keys.sorted() {
        guard let t = tallies[category] else { continue }
        let z = BoofCVCorpus.zxingCpp[category]?.read
        let s = Stats(samplesMs: t.times)
        rows.append([label, category, "\(t.read) / \(t.codes)", z.map(String.init) ?? "–", "\(t.falsePositives)",
                     fmt(s.median, 1), fmt(s.p95, 1)])
        total.codes += t.codes; total.read += t.read; total.falsePositives += t.falsePositives
        total.times += t.times
        reference += z ?? 0
    }
    let s = Stats(samplesMs: total.times)
    rows.append([label, "**total**", "\(total.read) / \(total.codes)", "\(reference)", "\(total.falsePositives)",
                 fmt(s.median, 1), fmt(s.p95, 1)])
    return rows
}
