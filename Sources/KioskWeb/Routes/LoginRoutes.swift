import Foundation
import Hummingbird

/// `GET /login` — the sign-in page; `POST /login` (`token=…`, form-encoded) — checks the token
/// and, when it is the operator's, sets the session cookie and sends the browser to the dashboard.
struct LoginRoutes: Sendable {
    let screens: KioskScreens
    /// A form with one 64-digit token is far smaller; a larger body is not read.
    static let maxBodyBytes = 2_048

    func add(to router: Router<ScreensRequestContext>) {
        let screens = self.screens
        router.get("/login") { _, _ in
            WebJSON.html(LoginPage.html(venueName: screens.board.venue.name, refused: false))
        }
        router.post("/login") { request, _ in
            let body: ByteBuffer
            do { body = try await request.body.collect(upTo: Self.maxBodyBytes) } catch {
                return WebJSON.error(.badParameter(name: "token", value: "…", expected: "a form of at most \(Self.maxBodyBytes) bytes"))
            }
            let token = Self.formValue("token", in: String(buffer: body))
            guard let token, let credential = screens.options.operatorCredential, credential.accepts(token) else {
                screens.logger.warning("operator sign-in refused", metadata: ["credentialConfigured": "\(screens.options.operatorCredential != nil)"])
                var page = WebJSON.html(LoginPage.html(venueName: screens.board.venue.name, refused: true))
                page.status = .unauthorized
                return page
            }
            return Response(status: .seeOther, headers: [
                .location: "/dashboard", .cacheControl: "no-store",
                .setCookie: "\(OperatorGate.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict",
            ])
        }
    }

    /// The value of `name` in an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}
