import ArgumentParser
import Foundation
import Passes
import ScanLog
import Sync

/// `threshold log selftest-append` (hidden): the kiosk side of `scripts/crash-test`. Appends
/// synthetic decisions while a sync task uploads them, printing `APPENDED <id>` after each durable
/// commit — the script kills it at random and checks that every printed id reaches the server once.
/// Without `--server` it only appends (`scripts/powercut-test` cuts the disk under it).
struct LogSelftestAppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest-append", abstract: "Append synthetic records while syncing (crash test).",
        shouldDisplay: false)

    @OptionGroup var options: LogPathOption
    @Option(help: "Upstream base URL (none: append only, no sync).") var server: String?
    @Option(help: "Device bearer token.") var token: String = ""
    @Option(help: "Device id.") var device: String = "kiosk-crash"
    @Option(help: "Venue id.") var venue: String = "venue-crash"
    @Option(help: "Records to append (then keep syncing until drained).") var count: Int = 1_000_000
    @Option(help: "Milliseconds between appends.") var intervalMs: Int = 2
    @Option(help: "Records per upload.") var batchSize: Int = 50
    @Flag(help: "Append nothing; upload until the outbox is empty, then exit.") var drainOnly = false

    func run() async throws {
        let clock = SystemScanClock()
        let (store, moved) = try ScanLogStore.openRecovering(path: options.path, nowMillis: clock.wallMillis)
        if let moved { emit("QUARANTINED \(moved)") }
        let sync = server.map {
            SyncClient(
                store: store,
                configuration: SyncConfiguration(
                    baseURL: $0, deviceID: device, token: token, batchSize: batchSize, requestTimeout: .seconds(5),
                    backoff: BackoffPolicy(base: .milliseconds(20), cap: .milliseconds(500))))
        }
        if drainOnly {
            guard let sync else { throw ValidationError("--drain-only needs --server.") }
            let delivered = try await sync.drain()
            emit("DRAINED \(delivered)")
            return
        }
        // Sync runs detached from the append loop: an append never waits for the network.
        let uploader = Task.detached { await sync?.run(idle: .milliseconds(50)) }
        let ids = RecordIDGenerator()
        var rng = SystemRandomNumberGenerator()
        var latencies = [Duration]()
        let timer = ContinuousClock()
        for n in 0..<count {
            let digest = (0..<4).map { _ in String(format: "%016llx", rng.next() as UInt64) }.joined()
            let verdict = Verdict(
                outcome: n % 5 == 0 ? .deny : .accept, reason: n % 5 == 0 ? .expired : nil, format: .threshold,
                issuer: "selftest", kid: "k1", status: .green, display: MaskedDisplay(name: "T*", idTail: "***0000"),
                tokenDigest: digest)
            let record = ScanRecord(
                verdict: verdict, deviceID: device, venueID: venue, clock: clock, ids: ids,
                decodeMicros: 1000, verifyMicros: 200)
            let started = timer.now
            try store.append(record)
            latencies.append(timer.now - started)
            emit("APPENDED \(record.id)")
            if intervalMs > 0 { try await Task.sleep(for: .milliseconds(intervalMs)) }
        }
        uploader.cancel()
        latencies.sort()
        if let p99 = latencies.isEmpty ? nil : latencies[min(latencies.count - 1, latencies.count * 99 / 100)] {
            emit("APPEND-P99-MS \(Double(p99.components.attoseconds) / 1e15 + Double(p99.components.seconds) * 1e3)")
            emit("APPEND-MAX-MS \(Double(latencies[latencies.count - 1].components.attoseconds) / 1e15 + Double(latencies[latencies.count - 1].components.seconds) * 1e3)")
        }
        if let sync { emit("DRAINED \(try await sync.drain())") }
    }
}

/// Writes a line straight to standard output (unbuffered), so a SIGKILL right after an append
/// cannot swallow the acknowledgement the crash test counts on.
private func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
