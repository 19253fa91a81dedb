import Foundation
import Hummingbird
import Logging

/// `POST /v1/batches`: a kiosk uploads records (JSON, optionally `Content-Encoding: gzip`).
///
/// 200 `{"accepted":n,"duplicates":n,"conflicts":[]}` — every record is now held (re-sends are
/// acknowledged without being stored twice). 409 with the same body when some ids are already held
/// with different content: those are refused and alarmed, the rest are stored.
struct IngestRoute: Sendable {
    let store: any RecordStore
    let authenticator: Authenticator
    let limiter: RateLimiter
    let limits: UpstreamLimits
    let clock: any UpstreamClock
    let logger: Logger

    func add(to router: Router<BasicRequestContext>) {
        router.post("/v1/batches") { request, _ in await handle(request) }
    }

    func handle(_ request: Request) async -> Response {
        do {
            let device = try await authenticator.device(from: request.headers)
            if let wait = limiter.acquire(device.id) { throw UpstreamError.rateLimited(retryAfterSeconds: wait) }
            let batch = try await BatchDecoder(limits: limits).decode(request, device: device)
            let result = try await store.ingest(batch, receivedMillis: clock.nowMillis)
            if !result.conflicts.isEmpty {
                logger.error(
                    "ALARM record conflict: same id, different content — stored records kept",
                    metadata: ["device": .string(device.id), "ids": .array(result.conflicts.map { .string($0) })])
                return ErrorResponse.json(result, status: .conflict)
            }
            return ErrorResponse.json(result, status: .ok)
        } catch {
            return ErrorResponse.make(error)
        }
    }
}

/// Body → validated records with their canonical JSON, or a typed refusal.
struct BatchDecoder: Sendable {
    let limits: UpstreamLimits

    func decode(_ request: Request, device: Device) async throws -> [(record: IncomingRecord, json: String)] {
        var body: ByteBuffer
        do { body = try await request.body.collect(upTo: limits.maxBodyBytes) } catch {
            throw UpstreamError.tooLarge("The body is larger than \(limits.maxBodyBytes) bytes.")
        }
        var bytes = body.readBytes(length: body.readableBytes) ?? []
        switch request.headers[.contentEncoding]?.lowercased() {
        case nil, "identity": break
        case "gzip":
            do { bytes = try Gzip.decompress(bytes, limit: limits.maxInflatedBytes) } catch {
                switch error {
                case .tooLarge: throw UpstreamError.tooLarge(error.description)
                case .corrupt: throw UpstreamError.badRequest(error.description)
                }
            }
        case let other?: throw UpstreamError.badRequest("Unsupported Content-Encoding \(other); use gzip or none.")
        }
        // The fast parser takes the usual body; anything else goes to JSONDecoder, which names the problem.
        let batch: IncomingBatch
        if let parsed = BatchParser.parse(bytes) {
            batch = parsed
        } else {
            do { batch = try JSONDecoder().decode(IncomingBatch.self, from: Data(bytes)) } catch let error as DecodingError {
                throw UpstreamError.badRequest("Malformed batch: \(Self.reason(error))")
            }
        }
        guard batch.records.count <= limits.maxBatchRecords else {
            throw UpstreamError.tooLarge("A batch holds at most \(limits.maxBatchRecords) records, got \(batch.records.count).")
        }
        var out = [(record: IncomingRecord, json: String)]()
        out.reserveCapacity(batch.records.count)
        for (i, r) in batch.records.enumerated() {
            if let problem = r.problem(at: i) { throw UpstreamError.badRequest(problem) }
            guard r.deviceID == device.id else {
                throw UpstreamError.forbidden("records[\(i)] belongs to device \(r.deviceID), not \(device.id).")
            }
            out.append((r, try r.canonicalJSON()))
        }
        return out
    }

    /// A sentence naming the JSON path and what was wrong there.
    static func reason(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the document" : String(text.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)) should be \(type)"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)) is null, expected \(type)"
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
