import Foundation
import Imaging

/// The BoofCV "qrcodes_v3" real photos (`qr/boofcv/detection/<category>/imageNNN.{jpg,png}` with
/// the hand-clicked corners of every code in `imageNNN.txt`), and the scoring rule of the corpus
/// README: a reported code counts when the centroid of its four corners lies inside one of the
/// picture's polygons, each polygon at most once; a code outside every polygon is a false
/// positive. The files carry no text, so this scores *location*; wrong texts are caught by the
/// zxing corpus and the no-code photos.
///
/// Shared by the corpus test and `bench-qr`, so both count the same way.
public enum BoofCVCorpus {
    /// Why an annotation file could not be used.
    public enum ParseError: Error, CustomStringConvertible {
        /// A line that should hold coordinates holds something else.
        case badNumber(file: String, line: String)
        /// A polygon with fewer than three corners (or a SETS line with an odd count).
        case badPolygon(file: String)
        /// A picture without any annotated code: the README promises at least one per picture.
        case noPolygon(file: String)

        public var description: String {
            switch self {
            case .badNumber(let f, let l): "\(f): not a coordinate line: \(l)"
            case .badPolygon(let f): "\(f): a polygon needs ≥ 3 corners"
            case .noPolygon(let f): "\(f): no annotated code"
            }
        }
    }

    /// One picture of the set.
    public struct Picture: Sendable {
        public let category: String
        public let image: URL
        /// One polygon per code, in raw pixel coordinates of the stored picture.
        public let polygons: [[Point]]
    }

    /// Every picture under `root` (the `detection` folder), categories and files sorted by name.
    public static func pictures(in root: URL) throws -> [Picture] {
        let fm = FileManager.default
        var out = [Picture]()
        for category in try fm.contentsOfDirectory(atPath: root.path).sorted() {
            let dir = root.appendingPathComponent(category)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for file in try fm.contentsOfDirectory(atPath: dir.path).sorted()
            where file.hasSuffix(".jpg") || file.hasSuffix(".png") {
                let stem = (file as NSString).deletingPathExtension
                let annotation = dir.appendingPathComponent(stem + ".txt")
                let text = try String(contentsOf: annotation, encoding: .utf8)
                let polygons = try parse(text, file: "\(category)/\(stem).txt")
                out.append(Picture(category: category, image: dir.appendingPathComponent(file), polygons: polygons))
            }
        }
        return out
    }

    /// Parses one annotation: either lines of `x y` (one code) or `SETS` then one line of
    /// `x1 y1 … xn yn` per code. Lines starting with `#` are comments.
    public static func parse(_ text: String, file: String) throws -> [[Point]] {
        var sets = false
        var single = [Point]()
        var polygons = [[Point]]()
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line == "SETS" { sets = true; continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            let numbers = fields.compactMap { Double($0) }
            guard numbers.count == fields.count, numbers.count >= 2, numbers.count % 2 == 0 else {
                throw ParseError.badNumber(file: file, line: String(line.prefix(80)))
            }
            let points = stride(from: 0, to: numbers.count, by: 2).map { Point(numbers[$0], numbers[$0 + 1]) }
            if sets {
                guard points.count >= 3 else { throw ParseError.badPolygon(file: file) }
                polygons.append(points)
            } else {
                single.append(contentsOf: points)
            }
        }
        if !single.isEmpty {
            guard single.count >= 3 else { throw ParseError.badPolygon(file: file) }
            polygons.append(single)
        }
        guard !polygons.isEmpty else { throw ParseError.noPolygon(file: file) }
        return polygons
    }

    /// What one picture's reported codes score.
    public struct Score: Sendable, Equatable {
        public var matched = 0
        public var falsePositives = 0
        public init(matched: Int = 0, falsePositives: Int = 0) {
            self.matched = matched; self.falsePositives = falsePositives
        }
    }

    /// Scores the corner sets a reader reported against the picture's polygons. A report whose
    /// centroid lies in a polygon already matched is neither counted again nor a false positive
    /// (two reports of one code, e.g. both halves of a structured append, are not wrong).
    public static func score(reported: [[Point]], polygons: [[Point]]) -> Score {
        var used = [Bool](repeating: false, count: polygons.count)
        var score = Score()
        for corners in reported {
            guard !corners.isEmpty else { score.falsePositives += 1; continue }
            let c = Point(corners.map(\.x).reduce(0, +) / Double(corners.count),
                          corners.map(\.y).reduce(0, +) / Double(corners.count))
            let hits = polygons.indices.filter { contains(polygons[$0], c) }
            if hits.isEmpty { score.falsePositives += 1; continue }
            if let free = hits.first(where: { !used[$0] }) {
                used[free] = true
                score.matched += 1
            }
        }
        return score
    }

    /// Even–odd rule: correct for either winding and for non-convex outlines.
    public static func contains(_ polygon: [Point], _ p: Point) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let a = polygon[i], b = polygon[j]
            if (a.y > p.y) != (b.y > p.y) {
                let x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)
                if p.x < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }

    /// zxing-cpp 3.1.1 (default setting) per category on the visible half, from the corpus
    /// README: what the issue asks us to match.
    public static let zxingCpp: [String: (codes: Int, read: Int)] = [
        "blurred": (31, 19), "bright_spots": (48, 19), "brightness": (43, 33), "close": (20, 20),
        "curved": (30, 15), "damaged": (25, 9), "glare": (26, 14), "high_version": (21, 17),
        "lots": (240, 240), "monitor": (9, 9), "nominal": (38, 36), "noncompliant": (13, 10),
        "pathological": (12, 3), "perspective": (18, 13), "rotations": (67, 66), "shadows": (12, 11),
    ]
}
