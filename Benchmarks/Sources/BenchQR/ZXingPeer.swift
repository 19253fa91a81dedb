import Foundation
import Imaging

/// zxing-cpp (the PyPI package) measured beside our reader in the same run, on the same grey
/// pixels: `Benchmarks/peers/zxing_peer.py` runs as a child process, receives each image as raw
/// bytes and times only its `read_barcodes` call. Why a child process: the peer is a Python
/// binding, and a comparison on files or with conversion costs inside the timing would be unfair
/// to one side or the other.
final class ZXingPeer {
    struct Code {
        let bytes: [UInt8]
        let corners: [Point]
        var centroid: Point {
            Point(corners.map(\.x).reduce(0, +) / Double(corners.count), corners.map(\.y).reduce(0, +) / Double(corners.count))
        }
    }

    struct Reading {
        let ms: Double
        let codes: [Code]
    }

    enum PeerError: Error, CustomStringConvertible {
        case notStarted(String)
        case protocolBroken(String)
        var description: String {
            switch self {
            case .notStarted(let why): "zxing-cpp peer did not start: \(why) (pip install zxing-cpp numpy)"
            case .protocolBroken(let why): "zxing-cpp peer: \(why)"
            }
        }
    }

    let label: String
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var pending = Data()

    /// Starts the peer; `fast` turns off its downscale/rotate/invert retries.
    init(fast: Bool) throws {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("peers/zxing_peer.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + (fast ? ["--fast"] : [])
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { throw PeerError.notStarted("\(error)") }
        guard let hello = try readLine(),
              let object = try? JSONSerialization.jsonObject(with: Data(hello.utf8)) as? [String: Any],
              let version = object["version"] as? String
        else { throw PeerError.notStarted("no greeting (is the zxingcpp module installed?)") }
        label = "zxing-cpp \(version)" + (fast ? " fast" : "")
    }

    deinit {
        try? input.fileHandleForWriting.write(contentsOf: Data("\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// One decoder call on `image`; the time is the peer's own measurement of that call.
    func read(_ image: GrayImage) throws -> Reading {
        var message = Data("\(image.width) \(image.height)\n".utf8)
        message.reserveCapacity(message.count + image.width * image.height)
        for y in 0..<image.height { message.append(contentsOf: image.row(y)) }
        try input.fileHandleForWriting.write(contentsOf: message)
        guard let line = try readLine() else { throw PeerError.protocolBroken("closed its output") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let ms = object["ms"] as? Double, let codes = object["codes"] as? [[String: Any]]
        else { throw PeerError.protocolBroken("unreadable answer \(line.prefix(200))") }
        return Reading(ms: ms, codes: codes.map { code in
            let hex = Array((code["bytes"] as? String ?? "").utf8)
            var bytes = [UInt8]()
            bytes.reserveCapacity(hex.count / 2)
            var i = 0
            while i + 1 < hex.count {
                bytes.append(UInt8(hexDigit(hex[i]) << 4 | hexDigit(hex[i + 1])))
                i += 2
            }
            let corners = (code["corners"] as? [[Double]] ?? []).map { Point($0[0], $0[1]) }
            return Code(bytes: bytes, corners: corners)
        })
    }

    private func readLine() throws -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = Data(pending[(newline + 1)...])
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            pending.append(chunk)
        }
    }
}

private func hexDigit(_ c: UInt8) -> UInt8 {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    default: 0
    }
}
