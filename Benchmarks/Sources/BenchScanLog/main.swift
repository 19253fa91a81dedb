// bench-scanlog — the scan log and sync targets of issue 4, in release:
//   swift run -c release --package-path Benchmarks bench-scanlog [backlog]
// durable single append p99 ≤ 5 ms (alone, and while a sync marks records synced); batched appends
// ≥ 50 000 records/s; a 1 000 000-record backlog drains to a live threshold-upstream on loopback at
// ≥ 20 000 records/s; ≤ 300 bytes per record.
// Environment: BENCH_BATCH (records per upload, default 2000), BENCH_GZIP (zlib level, default 6),
// BENCH_DIR (where the databases go, default the temporary directory).
import BenchSupport
import Foundation
import Passes
import ScanLog
import Sync
import Upstream

/// A value shared with the contending thread.
final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T { lock.withLock { stored } }
    func update(_ body: (inout T) -> Void) { lock.withLock { body(&stored) } }
}

struct SplitMix: RandomNumberGenerator, Sendable {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Realistic records: DCC/Threshold passes, ~15 % denials, masked display, temperature on half.
struct Maker {
    let clock = SystemScanClock()
    let ids = RecordIDGenerator(rng: SplitMix(state: 1))
    var rng = SplitMix(state: 2)

    mutating func make(_ n: Int) -> ScanRecord {
        let digest = (0..<4).map { _ in hex16(rng.next()) }.joined()
        let deny = n % 7 == 0
        let verdict = Verdict(
            outcome: deny ? .deny : .accept, reason: deny ? .expired : nil, format: n % 3 == 0 ? .dcc : .threshold,
            issuer: n % 3 == 0 ? "DE" : "did:web:health.example", kid: "kid-\(n % 12)", status: .green,
            display: MaskedDisplay(name: "S*", idTail: "***\(1000 + n % 9000)"), tokenDigest: digest)
        return ScanRecord(
            verdict: verdict, deviceID: "kiosk-0042", venueID: "venue-17", clock: clock, ids: ids,
            temperature: n % 2 == 0 ? 36.4 + Double(n % 8) / 10 : nil, decodeMicros: 1200 + n % 700, verifyMicros: 250 + n % 90)
    }
}

/// 16 lower-case hex digits (String(format:) would dominate making a million records).
func hex16(_ v: UInt64) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: (0..<16).map { digits[Int(v >> (60 - 4 * UInt64($0)) & 0xF)] }, as: UTF8.self)
}

let environment = ProcessInfo.processInfo.environment
let backlog = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let uploadBatch = environment["BENCH_BATCH"].flatMap(Int.init) ?? 2_000
let gzipLevel = environment["BENCH_GZIP"].flatMap(Int32.init) ?? 6
let base = environment["BENCH_DIR"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
let work = base.appendingPathComponent("bench-scanlog-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
var maker = Maker()
var rows = [[String]]()

// 1. Durable single appends (one transaction + WAL fsync each).
do {
    let store = try ScanLogStore(path: work.appendingPathComponent("single.sqlite").path)
    var n = 0
    let stats = try measure(iterations: 2_000, warmup: 50) {
        try store.append(maker.make(n))
        n += 1
    }
    rows.append(["durable single append p50 / p99", "\(fmt(stats.median, 3)) / \(fmt(stats.p99, 3)) ms", "p99 ≤ 5 ms", stats.p99 <= 5 ? "yes" : "NO"])

    // 1b. The same while another thread plays the sync client: reads the oldest pending 500 and
    // marks them synced, in a loop — the writer contention a door sees while a backlog drains.
    let seeded = (0..<100_000).map { maker.make(100_000 + $0) }
    for chunk in stride(from: 0, to: seeded.count, by: 1_000) { try store.append(contentsOf: Array(seeded[chunk..<chunk + 1_000])) }
    let stop = Locked(false)
    let marks = Locked(0)
    let syncer = Thread {
        while !stop.value {
            guard let batch = try? store.pendingBatch(limit: 500), !batch.isEmpty else { continue }
            try? store.markSynced(ids: batch.map(\.id), atMillis: 1)
            marks.update { $0 += batch.count }
        }
    }
    syncer.start()
    let contended = try measure(iterations: 2_000, warmup: 50) {
        try store.append(maker.make(n))
        n += 1
    }
    stop.update { $0 = true }
    rows.append([
        "durable single append p50 / p99 while sync marks records (\(marks.value) marked)",
        "\(fmt(contended.median, 3)) / \(fmt(contended.p99, 3)) ms", "p99 ≤ 5 ms", contended.p99 <= 5 ? "yes" : "NO",
    ])
}

// 2. Batched appends (1 000 per transaction) into the backlog store; 3. bytes per record.
let logPath = work.appendingPathComponent("backlog.sqlite").path
let store = try ScanLogStore(path: logPath)
do {
    let batch = 1_000
    var made = 0
    var seconds = 0.0
    let clock = ContinuousClock()
    while made < backlog {
        let records = (0..<min(batch, backlog - made)).map { maker.make(made + $0) }
        let d = try clock.measure { try store.append(contentsOf: records) }
        seconds += Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        made += records.count
    }
    let rate = Double(made) / seconds
    rows.append(["batched appends (1 000/txn)", "\(fmt(rate, 0)) records/s", "≥ 50 000", rate >= 50_000 ? "yes" : "NO"])
    try store.checkpointForMeasurement()
    let status = try store.status(nowMillis: SystemScanClock().wallMillis)
    let perRecord = Double(status.databaseBytes) / Double(status.total)
    rows.append(["bytes on disk per record (\(status.total) records)", fmt(perRecord, 1), "≤ 300", perRecord <= 300 ? "yes" : "NO"])
}

// 4. Drain the backlog to a live threshold-upstream (SQLite, synchronous=FULL) over loopback.
do {
    let serverDir = work.appendingPathComponent("server", isDirectory: true)
    try FileManager.default.createDirectory(at: serverDir, withIntermediateDirectories: true)
    let upstreamStore = try SQLiteRecordStore(path: StoreLocation.sqlitePath(serverDir))
    let token = try await UpstreamServer.addDevice(id: "kiosk-0042", role: .device, store: upstreamStore)
    var limits = UpstreamLimits()
    limits.requestsPerSecond = 10_000
    limits.burst = 10_000
    let server = UpstreamServer(store: upstreamStore, dataDirectory: serverDir, limits: limits)
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let app = server.application(port: 0) { continuation.yield($0) }
    let serverTask = Task { try await app.runService() }
    var iterator = ports.makeAsyncIterator()
    let port = await iterator.next() ?? 0
    let sync = SyncClient(
        store: store,
        configuration: {
            var c = SyncConfiguration(baseURL: "http://127.0.0.1:\(port)", deviceID: "kiosk-0042", token: token, batchSize: uploadBatch)
            c.gzipLevel = gzipLevel
            return c
        }())
    let clock = ContinuousClock()
    var delivered = 0
    let d = try await clock.measure { delivered = try await sync.drain() }
    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    let rate = Double(delivered) / seconds
    let counts = try await upstreamStore.counts()
    let exact = counts.rows == backlog && counts.distinctIDs == backlog && delivered == backlog
    rows.append([
        "backlog drain to upstream over loopback (\(delivered) records, \(fmt(seconds, 1)) s, \(uploadBatch)/request, gzip \(gzipLevel))",
        "\(fmt(rate, 0)) records/s", "≥ 20 000", rate >= 20_000 && exact ? "yes" : "NO",
    ])
    serverTask.cancel()
    _ = try? await serverTask.value
}

printTable(["measure", "result", "target", "met"], rows)
