import Foundation
import Hummingbird

/// `GET /v1/trust-list`, `/v1/revocation-list`, `/v1/venue-config/{venue}` with ETag / If-None-Match.
struct DistributionRoutes: Sendable {
    let directory: DistributionDirectory
    let authenticator: Authenticator

    func add(to router: Router<BasicRequestContext>) {
        router.get("/v1/trust-list") { request, _ in await respond(request, .trustList, venue: nil) }
        router.get("/v1/revocation-list") { request, _ in await respond(request, .revocationList, venue: nil) }
        router.get("/v1/venue-config/:venue") { request, context in
            await respond(request, .venueConfig, venue: context.parameters.get("venue"))
        }
    }

    func respond(_ request: Request, _ kind: DistributionDirectory.Kind, venue: String?) async -> Response {
        do {
            _ = try await authenticator.device(from: request.headers)
            guard let (bytes, etag) = directory.read(kind, venue: venue) else {
                throw UpstreamError.notFound("No \(kind.rawValue) has been published\(venue.map { " for \($0)" } ?? "").")
            }
            var headers: HTTPFields = [.eTag: etag, .cacheControl: "no-cache"]
            if let match = request.headers[.ifNoneMatch], Self.matches(match, etag) {
                return Response(status: .notModified, headers: headers)
            }
            headers[.contentType] = "application/octet-stream"
            headers[.contentLength] = String(bytes.count)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch {
            return ErrorResponse.make(error)
        }
    }

    /// RFC 9110 §13.1.2: a list of entity tags or `*`; weak comparison.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let c = candidate.trimmingCharacters(in: .whitespaces)
            return c == "*" || c == etag || c == "W/" + etag
        }
    }
}
