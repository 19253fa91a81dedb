import Foundation
import Hummingbird
import JSONText

/// `GET /v1/records?venue=V&from=T&to=T&format=json|csv` (operator token): a venue's records in a
/// time range, streamed page by page. `from`/`to` are Unix ms or ISO 8601; the range is half-open.
/// `GET /v1/stats` (operator token): row and id counts and the conflict alarm counter.
struct ExportRoute: Sendable {
    let store: any RecordStore
    let authenticator: Authenticator
    static let pageSize = 2_000

    func add(to router: Router<BasicRequestContext>) {
        router.get("/v1/records") { request, _ in await export(request) }
        router.get("/v1/stats") { request, _ in await stats(request) }
    }

    func stats(_ request: Request) async -> Response {
        do {
            _ = try await authenticator.admin(from: request.headers)
            let (rows, distinct) = try await store.counts()
            let conflicts = try await store.conflictCount()
            return ErrorResponse.json(["rows": rows, "distinct_ids": distinct, "conflicts": conflicts], status: .ok)
        } catch {
            return ErrorResponse.make(error)
        }
    }

    func export(_ request: Request) async -> Response {
        do {
            _ = try await authenticator.admin(from: request.headers)
            let query = request.uri.queryParameters
            guard let venue = query.get("venue"), !venue.isEmpty else { throw UpstreamError.badRequest("venue is required.") }
            let from = try Self.time(query.get("from"), name: "from") ?? 0
            let to = try Self.time(query.get("to"), name: "to") ?? Int64.max
            let formatText = query.get("format") ?? "json"
            guard formatText == "json" || formatText == "csv" else {
                throw UpstreamError.badRequest("format must be json or csv.")
            }
            let csv = formatText == "csv"
            // The first page is read before answering, so a storage failure is a proper error status.
            let first = try await store.records(venue: venue, fromMillis: from, toMillis: to, after: nil, limit: Self.pageSize)
            let store = self.store
            let body = ResponseBody { writer in
                var page = first
                var firstRecord = true
                try await writer.write(ByteBuffer(string: csv ? CSVLine.header + "\n" : "["))
                while !page.isEmpty {
                    var text = ""
                    for r in page {
                        if csv {
                            if let record = try? JSONDecoder().decode(IncomingRecord.self, from: Data(r.json.utf8)) {
                                text += CSVLine.line(record) + "\n"
                            }
                        } else {
                            text += (firstRecord ? "\n" : ",\n") + r.json
                            firstRecord = false
                        }
                    }
                    try await writer.write(ByteBuffer(string: text))
                    guard page.count == Self.pageSize, let last = page.last else { break }
                    page = try await store.records(
                        venue: venue, fromMillis: from, toMillis: to, after: (last.wallMillis, last.deviceID, last.id), limit: Self.pageSize)
                }
                if !csv { try await writer.write(ByteBuffer(string: firstRecord ? "]\n" : "\n]\n")) }
                try await writer.finish(nil)
            }
            return Response(
                status: .ok, headers: [.contentType: csv ? "text/csv; charset=utf-8" : "application/json"], body: body)
        } catch {
            return ErrorResponse.make(error)
        }
    }

    /// A time as Unix milliseconds or ISO 8601, from 1970 to the end of 9999 (so no arithmetic on it
    /// can overflow, and a date far out of range cannot trap the conversion to milliseconds).
    static func time(_ text: String?, name: String) throws -> Int64? {
        guard let text, !text.isEmpty else { return nil }
        let range: ClosedRange<Int64> = 0...253_402_300_799_999
        let refusal = UpstreamError.badRequest(
            "\(name) must be Unix milliseconds or an ISO 8601 time between 1970 and 9999, got \(text.prefix(64)).")
        guard text.utf8.count <= 64 else { throw refusal }
        if let ms = Int64(text) {
            guard range.contains(ms) else { throw refusal }
            return ms
        }
        guard let seconds = (try? Date(text, strategy: .iso8601))?.timeIntervalSince1970, seconds.isFinite,
              seconds >= 0, seconds * 1000 <= Double(range.upperBound) else { throw refusal }
        return Int64(seconds * 1000)
    }
}

/// The server's CSV columns (RFC 4180 quoting, formula-leading cells neutralised: `CSVCell`); the same columns as the kiosk export minus sync state.
enum CSVLine {
    static let header = "id,device_id,venue_id,wall_ms,mono_ns,outcome,reason,format,issuer,kid,status,"
        + "token_digest,masked_name,masked_id,temperature,decode_us,verify_us,rule"

    static func line(_ r: IncomingRecord) -> String {
        [
            r.id, r.deviceID, r.venueID, String(r.wallMillis), String(r.monotonicNanos), r.outcome, r.reason ?? "",
            r.format ?? "", r.issuer ?? "", r.kid ?? "", r.status ?? "", r.tokenDigest, r.display?.name ?? "",
            r.display?.idTail ?? "", r.temperature.map { String($0) } ?? "", String(r.decodeMicros), String(r.verifyMicros),
            r.rule ?? "",
        ].map(CSVCell.text).joined(separator: ",")
    }
}
