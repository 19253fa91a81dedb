import Foundation
import Hummingbird
import Logging

/// `POST /v1/batches`: a kiosk uploads records (JSON, optionally `Content-Encoding: gzip`).
///
/// 200 `{"accepted":n,"duplicates":n,"conflicts":[],"rejected":[]}` — every record not listed in
/// `rejected` is now held (re-sends are acknowledged without being stored twice). Records are
/// judged one by one: one that breaks the contract (a field too long, a wrong type, a bad digest)
/// is listed in `rejected` with its index, id and reason, and the rest of the batch is stored.
/// 409 with the same body when some ids are already held with different content: those are
/// refused and alarmed, the rest are stored. The whole body is refused (400) only when it is not a
/// batch at all, and (403) when a record names another device: that is this kiosk's
/// configuration or token, which an operator must fix, not one record's content.
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
            let venues = try await store.venues(deviceID: device.id)
            let batch = try await BatchDecoder(limits: limits).decode(request, device: device, venues: venues)
            var result = try await store.ingest(batch.good, receivedMillis: clock.nowMillis)
            result.rejected = batch.rejected
            if !batch.rejected.isEmpty {
                logger.error(
                    "ALARM records rejected: stored the rest of the batch, refused these one by one",
                    metadata: ["device": .string(device.id),
                               "rejected": .array(batch.rejected.map { .string("[\($0.index)] \($0.id ?? "?"): \($0.reason)") })])
            }
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

    func decode(_ request: Request, device: Device, venues: Set<String>) async throws -> JudgedBatch {
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
        return try judge(bytes, device: device, venues: venues)
    }

    /// Splits a body into the records that may be stored and those refused one by one.
    /// - Throws: `badRequest` when the body is not a batch at all, `tooLarge` past the record cap,
    ///   `forbidden` when a record names another device, or a venue the device is not bound to
    ///   (`venues`; empty: a device registered before venues were bound, any venue).
    func judge(_ bytes: [UInt8], device: Device, venues: Set<String> = []) throws -> JudgedBatch {
        // The fast parser takes the usual body; anything else goes to JSONDecoder, record by
        // record, which names each problem.
        let records: [LenientRecord]
        if let parsed = BatchParser.parse(bytes) {
            records = parsed.records.map { LenientRecord(record: $0) }
        } else {
            do { records = try JSONDecoder().decode(LenientBatch.self, from: Data(bytes)).records } catch let error as DecodingError {
                throw UpstreamError.badRequest("Malformed batch: \(Self.reason(error))")
            }
        }
        guard records.count <= limits.maxBatchRecords else {
            throw UpstreamError.tooLarge("A batch holds at most \(limits.maxBatchRecords) records, got \(records.count).")
        }
        var judged = JudgedBatch(good: [], rejected: [])
        judged.good.reserveCapacity(records.count)
        for (i, lenient) in records.enumerated() {
            guard let r = lenient.record else {
                judged.rejected.append(RejectedRecord(index: i, id: lenient.id, reason: lenient.problem ?? "records[\(i)] is not a record"))
                continue
            }
            guard r.deviceID == device.id else {
                throw UpstreamError.forbidden("records[\(i)] belongs to device \(r.deviceID.prefix(128)), not \(device.id).")
            }
            guard venues.isEmpty || venues.contains(r.venueID) else {
                throw UpstreamError.forbidden(
                    "records[\(i)] is for venue \(r.venueID.prefix(128)); device \(device.id) is bound to \(venues.sorted().joined(separator: ", ")).")
            }
            if let problem = r.problem(at: i) {
                judged.rejected.append(RejectedRecord(index: i, id: r.id, reason: problem))
                continue
            }
            do {
                judged.good.append((r, try r.canonicalJSON()))
            } catch {
                judged.rejected.append(RejectedRecord(index: i, id: r.id, reason: "records[\(i)]: \(error)"))
            }
        }
        return judged
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
