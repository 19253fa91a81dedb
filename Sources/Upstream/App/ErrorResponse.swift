import Foundation
import Hummingbird

/// Turns any failure into a JSON error body `{"error": "<sentence>"}` with the right status.
enum ErrorResponse {
    static func make(_ error: any Error) -> Response {
        let upstream = (error as? UpstreamError) ?? .storage("Internal error: \(error)")
        var headers: HTTPFields = [.contentType: "application/json"]
        if case .rateLimited(let seconds) = upstream { headers[.retryAfter] = String(seconds) }
        return json(["error": upstream.description], status: upstream.status, headers: headers)
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status, headers: HTTPFields = [.contentType: "application/json"]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
