import Foundation
import XCTest
import Imaging
import ImageFiles
import TestSupport

/// One corpus picture with the texts it must yield.
struct CorpusImage {
    let folder: String
    let name: String
    let path: String
    let expected: [String]
}

enum ZXingCorpus {
    /// Every PNG of `qr/zxing` with its expected text(s); throws when the corpus is missing.
    static func images() throws -> [CorpusImage] {
        let root = try Corpora.url("qr/zxing")
        let fm = FileManager.default
        var images: [CorpusImage] = []
        for folder in try fm.contentsOfDirectory(atPath: root.path).sorted() {
            let dir = root.appendingPathComponent(folder)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".png") {
                let stem = String(name.dropLast(4))
                let txt = dir.appendingPathComponent("\(stem).txt")
                let json = dir.appendingPathComponent("\(stem).expected.json")
                var expected: [String] = []
                if let data = fm.contents(atPath: txt.path) {
                    expected = [String(decoding: data, as: UTF8.self)]
                } else if let data = fm.contents(atPath: json.path),
                          let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                          let codes = object["codes"] as? [String] {
                    expected = codes
                }
                images.append(CorpusImage(folder: folder, name: name, path: dir.appendingPathComponent(name).path, expected: expected))
            }
        }
        return images
    }

    static func load(_ relative: String) throws -> GrayBuffer {
        try ImageFile.load(path: Corpora.url(relative).path)
    }
}

extension GrayBuffer {
    /// The image turned 90° clockwise: pixel (x, y) moves to (height-1-y, x).
    func rotatedClockwise() -> GrayBuffer {
        var out = GrayBuffer(width: height, height: width)
        for y in 0..<height { for x in 0..<width { out[height - 1 - y, x] = self[x, y] } }
        return out
    }
}
