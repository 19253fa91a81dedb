import Dispatch
import Foundation
import Hummingbird
import ScanLog

/// `GET /export?from=ISO&to=ISO&format=csv|json` — the scan log as a download, streamed from a
/// cursor (see ``ChunkPipe``). `from` defaults to 24 hours before `to`, `to` to now; the range is
/// half-open. Bad parameters get a 400 with the reason before any byte of the file is sent.
struct ExportRoute: Sendable {
    let screens: KioskScreens

    func add(to router: Router<ScreensRequestContext>) {
        let screens = self.screens
        router.get("/export") { request, _ in
            do throws(ScreensError) {
                return try screens.export(request.uri.queryParameters)
            } catch {
                return WebJSON.error(error)
            }
        }
    }
}

extension KioskScreens {
    func export(_ query: Hummingbird.Parameters) throws(ScreensError) -> Response {
        let format = try QueryParameters.choice(query.get("format"), name: "format", default: ExportFormat.csv, expected: "csv or json")
        let now = min(max(board.clock.wallMillis, QueryParameters.millisRange.lowerBound), QueryParameters.millisRange.upperBound)
        let to = try QueryParameters.time(query.get("to"), name: "to") ?? now + 1
        let from = try QueryParameters.time(query.get("from"), name: "from") ?? max(0, to - 24 * 3_600_000)
        guard from < to else { throw .emptyRange(from: query.get("from") ?? "\(from)", to: query.get("to") ?? "\(to)") }
        guard let log else { throw .noScanLog }

        let filename = Self.exportFilename(venueID: board.venue.id, fromMillis: from, format: format)
        let body = ResponseBody { writer in
            let pipe = ChunkPipe()
            DispatchQueue.global().async {
                do {
                    try log.export(fromMillis: from, toMillis: to, format: format, write: pipe.put)
                    pipe.finish()
                } catch {
                    pipe.finish(throwing: error)
                }
            }
            do {
                for try await chunk in pipe.chunks {
                    try await writer.write(ByteBuffer(string: chunk))
                    pipe.taken()
                }
            } catch {
                pipe.cancel()
                throw error
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: format == .csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
                      .contentDisposition: "attachment; filename=\"\(filename)\"", .cacheControl: "no-store"],
            body: body)
    }

    /// `threshold-<venue>-<yyyyMMdd'T'HHmmss'Z'>.<ext>`, ASCII only (a header value), venue ids
    /// reduced to letters, digits, '-' and '_'.
    static func exportFilename(venueID: String, fromMillis: Int64, format: ExportFormat) -> String {
        let venue = String(venueID.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_") ? Character(scalar) : "_"
        })
        let stamp = date(fromMillis).formatted(Date.ISO8601FormatStyle(dateSeparator: .omitted, timeSeparator: .omitted))
        return "threshold-\(venue)-\(stamp).\(format.rawValue)"
    }
}
