import Foundation
import XCTest

/// A throwaway PostgreSQL 15 cluster (Debian's `postgresql` package) on a loopback port, started
/// and stopped by the test itself. initdb refuses root, so as root the server runs as `postgres`.
final class PostgresCluster {
    static let bin = "/usr/lib/postgresql/15/bin"
    let directory: URL
    let port: Int
    var url: String { "postgres://thr@127.0.0.1:\(port)/postgres" }

    struct Failure: Error, CustomStringConvertible { let description: String }

    static func start() throws -> PostgresCluster {
        guard FileManager.default.isExecutableFile(atPath: bin + "/initdb") else {
            throw Failure(description: "PostgreSQL 15 is not installed at \(bin) (apt-get install postgresql)")
        }
        let directory = URL(fileURLWithPath: "/tmp/threshold-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)
        let data = directory.appendingPathComponent("data").path
        try run(bin + "/initdb", ["-D", data, "-U", "thr", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        var lastError = ""
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...60_000)
            do {
                try run(bin + "/pg_ctl", [
                    "-D", data, "-l", directory.appendingPathComponent("log").path, "-w", "-t", "30",
                    "-o", "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off", "start",
                ])
                return PostgresCluster(directory: directory, port: port)
            } catch {
                lastError = "\(error)"
            }
        }
        try? FileManager.default.removeItem(at: directory)
        throw Failure(description: "PostgreSQL did not start: \(lastError)")
    }

    private init(directory: URL, port: Int) { self.directory = directory; self.port = port }

    func stop() {
        try? Self.run(Self.bin + "/pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "-t", "20", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs a PostgreSQL tool, as `postgres` when we are root; throws with its output on failure.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "postgres", "--", tool] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) exited \(process.terminationStatus): \(text)")
        }
    }
}
