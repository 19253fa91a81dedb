import Foundation
import Hummingbird

/// Who may see which screen.
///
/// - The visitor screen (`/`, `/api/latest`, `/events`) is open to this machine (the kiosk's own
///   display) and needs the operator credential from anywhere else: it shows masked names.
/// - `/login` is open: it is where the credential is given.
/// - Everything else (the dashboard, `/api/…`, `/export`, `/metrics`, unknown paths) needs the
///   operator credential, from this machine too: a kiosk without one configured shows none of it.
///
/// The credential comes as `Authorization: Bearer <token>` (Prometheus, curl) or as the cookie the
/// login page sets (a browser).
struct OperatorGate: RouterMiddleware {
    typealias Context = ScreensRequestContext
    static let cookieName = "threshold_operator"

    let credential: OperatorCredential?

    enum Area: Equatable { case visitor, login, staff }

    /// The area of a path, read the way the router reads it (`//events/` is `/events`); anything
    /// not named here is an operator's.
    static func area(of path: String) -> Area {
        switch "/" + path.split(separator: "/").joined(separator: "/") {
        case "/", "/api/latest", "/events": .visitor
        case "/login": .login
        default: .staff
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let area = Self.area(of: request.uri.path)
        if area == .login || (area == .visitor && context.fromThisMachine) || isOperator(request) {
            return try await next(request, context)
        }
        if request.method == .get, "/" + request.uri.path.split(separator: "/").joined(separator: "/") == "/dashboard" {
            return Response(status: .seeOther, headers: [.location: "/login", .cacheControl: "no-store"])
        }
        var response = WebJSON.error(credential == nil ? .noCredentialConfigured : .credentialRequired)
        response.headers[.wwwAuthenticate] = "Bearer realm=\"threshold-screens\""
        return response
    }

    /// Whether the request carries the operator's token (header or cookie).
    func isOperator(_ request: Request) -> Bool {
        guard let credential else { return false }
        return Self.tokens(in: request.headers).contains { credential.accepts($0) }
    }

    /// Candidate tokens: the bearer token and the login cookie, each bounded in length.
    static func tokens(in headers: HTTPFields) -> [String] {
        var out = [String]()
        if let authorization = headers[.authorization], authorization.utf8.count <= 256 {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { out.append(String(parts[1]).trimmingCharacters(in: .whitespaces)) }
        }
        for cookieLine in headers[values: .cookie] where cookieLine.utf8.count <= 4_096 {
            for pair in cookieLine.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                if trimmed.hasPrefix(cookieName + "=") { out.append(String(trimmed.dropFirst(cookieName.count + 1))) }
            }
        }
        return out
    }
}
