// zxing-cpp side by side: Scripts/zxing_cpp_reader.py (PyPI `zxing-cpp`) runs as a child
// process and gets the very grey pixels our reader gets; it times its own read_barcodes call,
// so the Python and pipe overhead is not charged to it.
import BenchSupport
import Foundation
import Imaging
import TestSupport

/// Why the zxing-cpp process could not be used.
enum ZXingCppError: Error, CustomStringConvertible {
    /// python3 or the script could not be started, or `import zxingcpp` failed.
    case unavailable(String)
    /// The process answered something that is not the expected JSON line.
    case badAnswer(String)

    var description: String {
        switch self {
        case .unavailable(let s): "zxing-cpp unavailable (pip install zxing-cpp): \(s)"
        case .badAnswer(let s): "zxing-cpp reader answered: \(s.prefix(200))"
        }
    }
}

final class ZXingCppProcess {
    let process = Process()
    let input = Pipe(), output = Pipe()
    var buffer = Data()

    init(script: URL) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { throw ZXingCppError.unavailable("\(error)") }
        let ready = try readLine()
        guard ready.contains("\"ready\"") else { throw ZXingCppError.unavailable(ready) }
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    func readLine() throws -> String {
        while true {
            if let i = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<i], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...i)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ZXingCppError.unavailable("process ended") }
            buffer.append(chunk)
        }
    }

    /// Corners of each code found, and the time of the decoder call in ms.
    func read(_ image: GrayBuffer) throws -> (corners: [[Point]], ms: Double) {
        var message = Data("\(image.width) \(image.height)\n".utf8)
        message.append(contentsOf: image.pixels)
        input.fileHandleForWriting.write(message)
        let line = try readLine()
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let ms = object["ms"] as? Double, let codes = object["codes"] as? [[String: Any]] else {
            throw ZXingCppError.badAnswer(line)
        }
        let corners = codes.map { code in
            ((code["corners"] as? [[Double]]) ?? []).compactMap { $0.count == 2 ? Point($0[0], $0[1]) : nil }
        }
        return (corners, ms)
    }
}

/// zxing-cpp over the BoofCV pictures, tallied like our reader.
func runZXingCppBoofCV(_ images: [BoofCVImage], script: URL) throws -> [String: BoofCVTally] {
    let reader = try ZXingCppProcess(script: script)
    var out = [String: BoofCVTally]()
    for item in images {
        let (corners, ms) = try reader.read(item.image)
        let score = BoofCVCorpus.score(reported: corners, polygons: item.picture.polygons)
        var t = out[item.picture.category, default: BoofCVTally()]
        t.codes += item.picture.polygons.count
        t.read += score.matched
        t.falsePositives += score.falsePositives
        t.times.append(ms)
        out[item.picture.category] = t
    }
    return out
}
