import TestSupport
import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import Passes
import ScanLog
import Sync
import Upstream
import XCTest

/// Virtual time shared by the kiosk's sync loop and the server's rate limiter: a sleep advances
/// the clock instead of waiting, so backoff and Retry-After are checked exactly and instantly.
final class VirtualClock: SyncClock, UpstreamClock, ScanClock {
    let millis = NIOLockedValueBox<Int64>(1_795_219_200_000)
    let sleeps = NIOLockedValueBox<[Duration]>([])
    /// Called on each sleep with the number of sleeps so far (tests start a server from here).
    let onSleep: (@Sendable (Int) async -> Void)?

    init(onSleep: (@Sendable (Int) async -> Void)? = nil) { self.onSleep = onSleep }

    var nowMillis: Int64 { millis.withLockedValue { $0 } }
    var wallMillis: Int64 { nowMillis }
    var monotonicNanos: UInt64 { UInt64(nowMillis) * 1_000_000 }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        let n = sleeps.withLockedValue { $0.append(duration); return $0.count }
        millis.withLockedValue { $0 += duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000 }
        await onSleep?(n)
        await Task.yield()
    }
}

/// An in-process `threshold-upstream` on 127.0.0.1 (a real socket; port 0 picks a free port).
final class LiveUpstream: Sendable {
    let port: Int
    let task: Task<Void, any Error>
    let directory: URL
    let store: SQLiteRecordStore
    let server: UpstreamServer

    var baseURL: String { "http://127.0.0.1:\(port)" }

    static func start(
        directory: URL, port: Int = 0, limits: UpstreamLimits = UpstreamLimits(), clock: any UpstreamClock,
        middleware: FaultMiddleware? = nil
    ) async throws -> LiveUpstream {
        let store = try SQLiteRecordStore(path: StoreLocation.sqlitePath(directory))
        var logger = Logger(label: "live-upstream")
        logger.logLevel = .critical
        let server = UpstreamServer(store: store, dataDirectory: directory, limits: limits, clock: clock, logger: logger)
        let router = server.router { if let middleware { $0.add(middleware: middleware) } }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = server.application(port: port, router: router) { continuation.yield($0) }
        let task = Task {
            defer { continuation.finish() }  // a failed bind ends the wait below instead of hanging it
            try await app.runService()
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else { throw CancellationError() }
        return LiveUpstream(port: bound, task: task, directory: directory, store: store, server: server)
    }

    private init(port: Int, task: Task<Void, any Error>, directory: URL, store: SQLiteRecordStore, server: UpstreamServer) {
        self.port = port; self.task = task; self.directory = directory; self.store = store; self.server = server
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}

/// Faults injected in front of the real routes, one per upload, in order.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    enum Fault: Sendable {
        /// Answer with this status (and `Retry-After` when given) without touching the store.
        case status(HTTPResponse.Status, retryAfter: String?)
        /// Store the batch, then answer 500: the acknowledgement is lost, the client must re-send.
        case lostAcknowledgement
        /// Hold the request until `gate` is opened.
        case hold(Gate)
    }

    let plan: NIOLockedValueBox<[Fault]>
    init(_ faults: [Fault]) { plan = NIOLockedValueBox(faults) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == "/v1/batches",
              let fault = plan.withLockedValue({ $0.isEmpty ? nil : $0.removeFirst() }) else {
            return try await next(request, context)
        }
        switch fault {
        case .status(let status, let retryAfter):
            var headers: HTTPFields = [:]
            if let retryAfter { headers[.retryAfter] = retryAfter }
            return Response(status: status, headers: headers)
        case .lostAcknowledgement:
            _ = try await next(request, context)
            return Response(status: .internalServerError)
        case .hold(let gate):
            await gate.wait()
            return try await next(request, context)
        }
    }
}

/// A one-shot latch, opened by the test (no wall-clock waiting).
actor Gate {
    private var open = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var arrivals: [CheckedContinuation<Void, Never>] = []
    private var arrived = false

    func wait() async {
        arrived = true
        arrivals.forEach { $0.resume() }
        arrivals = []
        if open { return }
        await withCheckedContinuation { waiters.append($0) }
    }
    /// Returns once a request is being held.
    func waitForArrival() async {
        if arrived { return }
        await withCheckedContinuation { arrivals.append($0) }
    }
    func release() {
        open = true
        waiters.forEach { $0.resume() }
        waiters = []
    }
}

/// A kiosk: a fresh scan log plus a record maker.
struct Kiosk {
    let store: ScanLogStore
    let ids = RecordIDGenerator(rng: SeededRNG(seed: 7))
    let clock: VirtualClock

    func records(_ n: Int, device: String = "kiosk-1") -> [ScanRecord] {
        (0..<n).map { i in
            var rng = SeededRNG(seed: UInt64(i) + 1)
            let digest = (0..<4).map { _ in String(format: "%016llx", rng.next()) }.joined()
            let verdict = Verdict(
                outcome: i % 4 == 0 ? .deny : .accept, reason: i % 4 == 0 ? .revoked : nil, format: .dcc,
                issuer: "DE", kid: "kid\(i % 5)", status: .green, display: MaskedDisplay(name: "M*", idTail: "***\(i % 10_000)"),
                tokenDigest: digest)
            return ScanRecord(verdict: verdict, deviceID: device, venueID: "venue-1", clock: clock, ids: ids, decodeMicros: 900, verifyMicros: 250)
        }
    }
}


func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Checks that the server holds exactly the kiosk's records, once each, and the kiosk knows it.
func assertExactDelivery(_ kiosk: ScanLogStore, _ upstream: LiveUpstream, file: StaticString = #filePath, line: UInt = #line) async throws {
    let local = try kiosk.status(nowMillis: 0)
    XCTAssertEqual(local.unsynced, 0, "everything acknowledged", file: file, line: line)
    let counts = try await upstream.store.counts()
    XCTAssertEqual(counts.rows, local.total - local.conflicted - local.rejected, "server rows", file: file, line: line)
    XCTAssertEqual(counts.rows, counts.distinctIDs, "no duplicates", file: file, line: line)
    var localIDs = Set<String>()
    for r in try JSONDecoder().decode([ScanRecord].self, from: exportJSON(kiosk)) { localIDs.insert(r.id.description) }
    let stored = try await upstream.store.records(venue: "venue-1", fromMillis: 0, toMillis: .max, after: nil, limit: 1_000_000)
    XCTAssertEqual(Set(stored.map(\.id)).count, stored.count, file: file, line: line)
    if local.conflicted == 0, local.rejected == 0 { XCTAssertEqual(Set(stored.map(\.id)), localIDs, "same ids", file: file, line: line) }
}

func exportJSON(_ store: ScanLogStore) throws -> Data {
    var text = ""
    try store.export(fromMillis: 0, toMillis: .max, format: .json) { text += $0 }
    return Data(text.utf8)
}
