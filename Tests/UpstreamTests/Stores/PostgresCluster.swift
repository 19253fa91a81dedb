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
    ///
    /// posix_spawn + waitpid rather than Foundation's Process: `waitUntilExit` from an async test
    /// can miss the child's exit on Linux, and pg_ctl's server would inherit a pipe and hold it open.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let (path, argv) = getuid() == 0
            ? ("/usr/sbin/runuser", ["runuser", "-u", "postgres", "--", tool] + arguments)
            : (tool, [tool] + arguments)
        let outputPath = "/tmp/pg-tool-\(UUID().uuidString).log"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw Failure(description: "cannot start \(path): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        let code = (status >> 8) & 0xFF
        guard exited && code == 0 else {
            throw Failure(description: "\(tool) failed (status \(status)): \(text)")
        }
    }
}
