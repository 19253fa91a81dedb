import AsyncHTTPClient
import Foundation
import JSONText
import NIOCore
import NIOHTTP1
import ScanLog

/// Uploads the scan log's outbox to the upstream, exactly once per record, and pulls bundles.
///
/// The outbox IS the state: a record stays pending until the server acknowledged it, so after a
/// crash or reboot `drain()` simply continues. Re-sends after a lost acknowledgement are harmless
/// because the server dedupes by record id. The door never waits on this actor: appends go
/// straight to `ScanLogStore`, and this runs in its own task.
public actor SyncClient {
    public let store: ScanLogStore
    public private(set) var configuration: SyncConfiguration
    let http: HTTPClient
    let clock: any SyncClock
    var rng: any RandomNumberGenerator & Sendable
    /// Counters for the staff screen and tests.
    public private(set) var stats = SyncStats()

    public init(
        store: ScanLogStore, configuration: SyncConfiguration, http: HTTPClient = .shared,
        clock: any SyncClock = SystemSyncClock(), rng: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) {
        self.store = store; self.configuration = configuration; self.http = http; self.clock = clock; self.rng = rng
    }

    /// Uploads one batch of the oldest pending records.
    /// - Returns: what happened; `sent == 0` means the outbox is empty.
    public func uploadOnce() async throws(SyncError) -> UploadOutcome {
        let batch: [ScanRecord]
        do { batch = try store.pendingBatch(limit: configuration.batchSize) } catch { throw .log("\(error)") }
        guard !batch.isEmpty else { return UploadOutcome(sent: 0, accepted: 0, duplicates: 0, conflicts: []) }
        stats.requests += 1
        let response = try await post(batch)
        let ids = Set(response.conflicts)
        let rejections = response.rejections(in: batch)
        let rejectedIDs = Set(rejections.map(\.id))
        let conflicted = batch.filter { ids.contains($0.id.description) && !rejectedIDs.contains($0.id) }.map(\.id)
        let delivered = batch.filter { !ids.contains($0.id.description) && !rejectedIDs.contains($0.id) }.map(\.id)
        do {
            try store.markRejected(rejections, atMillis: clock.nowMillis)
            try store.markConflicted(ids: conflicted, atMillis: clock.nowMillis)
            try store.markSynced(ids: delivered, atMillis: clock.nowMillis)
        } catch { throw .log("\(error)") }
        stats.delivered += delivered.count
        stats.lastSuccessMillis = clock.nowMillis
        stats.conflicts += conflicted.count
        stats.rejected += rejections.count
        if let last = rejections.last { stats.lastRejection = "record \(last.id): \(last.reason)" }
        return UploadOutcome(
            sent: batch.count, accepted: response.accepted, duplicates: response.duplicates, conflicts: conflicted,
            rejected: rejections.map(\.id))
    }

    /// Uploads until the outbox is empty, retrying every failure with backoff (full jitter, or the
    /// server's `Retry-After`). Returns the number of records delivered; throws only on cancellation.
    @discardableResult
    public func drain() async throws -> Int {
        var delivered = 0
        var attempt = 0
        while true {
            try Task.checkCancellation()
            do {
                let outcome = try await uploadOnce()
                attempt = 0
                if outcome.sent == 0 { return delivered }
                delivered += outcome.sent - outcome.conflicts.count - outcome.rejected.count
            } catch {
                stats.failures += 1
                stats.lastError = error
                if case .rejected(413, _) = error, configuration.batchSize > 1 {
                    configuration.batchSize = max(1, configuration.batchSize / 2)
                    continue
                }
                let wait = delay(after: error, attempt: attempt)
                attempt += 1
                stats.waits.append(wait)
                try await clock.sleep(for: wait)
            }
        }
    }

    /// Runs until cancelled: drain, then look again every `idle`.
    public func run(idle: Duration = .seconds(5)) async {
        while !Task.isCancelled {
            _ = try? await drain()
            try? await clock.sleep(for: idle)
        }
    }

    /// How long to wait after `error` on retry number `attempt`.
    func delay(after error: SyncError, attempt: Int) -> Duration {
        let policy = configuration.backoff
        switch error {
        case .retryAfter(_, let seconds):
            return policy.delay(retryAfter: .milliseconds(Int64(seconds * 1000)))
        case .unauthorized, .rejected, .log:
            // Not fixed by retrying soon: an operator must act. Wait the longest.
            return policy.cap
        case .transport, .server:
            return policy.delay(attempt: attempt, using: &rng)
        }
    }

    private func post(_ batch: [ScanRecord]) async throws(SyncError) -> IngestResponse {
        var request = HTTPClientRequest(url: configuration.baseURL + "/v1/batches")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(configuration.token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        let json = UploadBatch.json(batch)
        if configuration.gzip, let gz = GzipEncoder.compress(json, level: configuration.gzipLevel) {
            request.headers.add(name: "Content-Encoding", value: "gzip")
            request.body = .bytes(ByteBuffer(bytes: gz))
        } else {
            request.body = .bytes(ByteBuffer(bytes: json))
        }
        let (status, headers, body) = try await execute(request)
        switch status {
        case 200, 409:
            guard let decoded = try? JSONDecoder().decode(IngestResponse.self, from: Data(body)) else {
                throw .server(status: status)
            }
            return decoded
        default:
            throw classify(status: status, headers: headers, body: body)
        }
    }

    /// Sends a request and reads the whole (small) response body.
    func execute(_ request: HTTPClientRequest) async throws(SyncError) -> (Int, HTTPHeaders, [UInt8]) {
        do {
            let timeout = TimeAmount.nanoseconds(
                configuration.requestTimeout.components.seconds * 1_000_000_000
                    + configuration.requestTimeout.components.attoseconds / 1_000_000_000)
            let response = try await http.execute(request, timeout: timeout)
            var body = try await response.body.collect(upTo: 64 << 20)
            return (Int(response.status.code), response.headers, body.readBytes(length: body.readableBytes) ?? [])
        } catch {
            throw .transport("\(error)")
        }
    }

    /// Maps a non-success status to the retry it calls for.
    func classify(status: Int, headers: HTTPHeaders, body: [UInt8]) -> SyncError {
        let reason = (try? JSONDecoder().decode([String: String].self, from: Data(body)))?["error"]
            ?? String(decoding: body.prefix(200), as: UTF8.self)
        if status == 429 || status == 503, let seconds = RetryAfter.seconds(headers.first(name: "Retry-After"), nowMillis: clock.nowMillis) {
            return .retryAfter(status: status, seconds: seconds)
        }
        switch status {
        case 401, 403: return .unauthorized(status: status, reason: reason)
        case 500...: return .server(status: status)
        case 429: return .retryAfter(status: status, seconds: 1)
        default: return .rejected(status: status, reason: reason)
        }
    }
}

/// What one upload did.
public struct UploadOutcome: Sendable, Hashable {
    public var sent: Int
    public var accepted: Int
    public var duplicates: Int
    public var conflicts: [RecordID]
    /// Records the upstream refused one by one; set aside (kept, alarmed), not re-sent.
    public var rejected: [RecordID] = []
}

/// Counters since the client started.
public struct SyncStats: Sendable {
    public var requests = 0
    public var delivered = 0
    public var conflicts = 0
    /// Records the upstream refused one by one since the client started.
    public var rejected = 0
    /// The last of them and the upstream's reason (for the dashboard).
    public var lastRejection: String?
    public var failures = 0
    public var lastError: SyncError?
    /// When an upload last went through (the dashboard's "last sync").
    public var lastSuccessMillis: Int64?
    /// Every wait the loop took, in order (tests check backoff and Retry-After with these).
    public var waits: [Duration] = []
}

/// The body of `POST /v1/batches`: `{"records":[…]}`.
enum UploadBatch {
    static func json(_ records: [ScanRecord]) -> [UInt8] {
        var json = JSONBytes(capacity: 64 + records.count * 480)
        json.raw("{\"records\":[")
        for (i, record) in records.enumerated() {
            if i > 0 { json.raw(",") }
            record.appendJSON(to: &json)
        }
        json.raw("]}")
        return json.bytes
    }
}

struct IngestResponse: Decodable {
    var accepted: Int
    var duplicates: Int
    var conflicts: [String]
    /// Absent from upstreams older than per-record judgement (they refused the whole batch instead).
    var rejected: [Rejected]?

    struct Rejected: Decodable {
        var index: Int
        var id: String?
        var reason: String
    }

    /// The batch's records the upstream refused, with its reasons. A rejection is matched by its
    /// id when it names one, else by its index; one that matches no record of the batch is ignored
    /// (the record then stays pending or is acknowledged as the rest of the answer says).
    func rejections(in batch: [ScanRecord]) -> [(id: RecordID, reason: String)] {
        guard let rejected, !rejected.isEmpty else { return [] }
        var out = [(id: RecordID, reason: String)]()
        for r in rejected {
            if let text = r.id, let id = RecordID(text), batch.contains(where: { $0.id == id }) {
                out.append((id, r.reason))
            } else if r.id == nil || RecordID(r.id ?? "") == nil, batch.indices.contains(r.index) {
                out.append((batch[r.index].id, r.reason))
            }
        }
        return out
    }
}
