import Foundation
import Hummingbird

/// JSON and plain responses with the same encoding everywhere: ISO 8601 dates (what
/// `Date.parse` in the pages reads) and sorted keys (stable output for tests and diffs).
enum WebJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        }
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    static func data(_ value: some Encodable) -> Data {
        (try? encoder().encode(value)) ?? Data("null".utf8)
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data(value))))
    }

    static func error(_ error: ScreensError) -> Response {
        let status: HTTPResponse.Status = switch error {
        case .noScanLog: .notFound
        case .scanLogUnreadable: .internalServerError
        case .credentialRequired, .noCredentialConfigured: .unauthorized
        default: .badRequest
        }
        return response(["error": error.description], status: status)
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
