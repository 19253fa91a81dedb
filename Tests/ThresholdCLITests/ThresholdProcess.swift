import Foundation
import TestSupport

/// Runs the built `threshold` binary as a subprocess, the way a user or a script does.
enum ThresholdProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// The executable SwiftPM built next to this test bundle (`.build/<triple>/debug/threshold`).
    static func binary() throws -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("threshold"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("threshold"))
        candidates.append(Corpora.packageRoot().appendingPathComponent(".build/debug/threshold"))
        for url in candidates where fm.isExecutableFile(atPath: url.path) { return url }
        throw MissingBinary(searched: candidates.map(\.path))
    }

    struct MissingBinary: Error, CustomStringConvertible {
        let searched: [String]
        var description: String { "threshold binary not built; looked at \(searched.joined(separator: ", "))" }
    }

    static func run(_ arguments: [String]) throws -> Output {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("threshold-cli-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        _ = fm.createFile(atPath: out.path, contents: nil)
        _ = fm.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        // Files instead of pipes: no deadlock however much either stream says.
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
