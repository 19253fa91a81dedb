import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest
@testable import KioskWeb

/// Finding 3 of issue 13: no screen route had any access control. The visitor screen stays open
/// to this machine; the dashboard, `/api/…`, `/export` and `/metrics` need the operator credential.
final class OperatorAccessTests: XCTestCase {
    static let protected = ["/api/status", "/api/aggregates", "/export", "/metrics", "/nowhere"]

    func testNoScreenRouteHasAnyAccessControl() async throws {
        let door = try Door()
        try await door.scan()
        try await door.test { client in
            for uri in Self.protected {
                try await client.execute(uri: uri, method: .get) { r in
                    XCTAssertEqual(r.status, .unauthorized, uri)
                    XCTAssertEqual(try json(r.body)["error"] as? String, ScreensError.credentialRequired.description, uri)
                }
                try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer " + String(repeating: "0", count: 64)]) { r in
                    XCTAssertEqual(r.status, .unauthorized, "a wrong token: \(uri)")
                }
                try await client.execute(uri: uri, method: .get, headers: operatorHeaders) { r in
                    XCTAssertEqual(r.status, uri == "/nowhere" ? .notFound : .ok, uri)
                }
            }
            try await client.execute(uri: "/dashboard", method: .get) { r in
                XCTAssertEqual(r.status, .seeOther)
                XCTAssertEqual(r.headers[.location], "/login")
            }
            for uri in ["/", "/api/latest", "/login"] {
                try await client.execute(uri: uri, method: .get) { r in XCTAssertEqual(r.status, .ok, uri) }
            }
        }
    }

    func testTheLoginPageSetsACookieTheDashboardAccepts() async throws {
        let door = try Door()
        try await door.test { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=nope")) { r in
                XCTAssertEqual(r.status, .unauthorized)
                XCTAssertNil(r.headers[.setCookie])
                XCTAssertTrue(String(buffer: r.body).contains("id=\"refused\""))
            }
            let cookie = try await client.execute(
                uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=\(testOperatorToken)")
            ) { r -> String in
                XCTAssertEqual(r.status, .seeOther)
                XCTAssertEqual(r.headers[.location], "/dashboard")
                let setCookie = try XCTUnwrap(r.headers[.setCookie])
                XCTAssertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie)
                return String(setCookie.prefix { $0 != ";" })
            }
            for uri in ["/dashboard", "/api/status", "/export", "/metrics"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: "theme=dark; " + cookie]) { r in
                    XCTAssertEqual(r.status, .ok, uri)
                }
            }
        }
    }

    func testAKioskWithoutACredentialKeepsTheOperatorScreensClosedAndOnLoopback() async throws {
        let door = try Door()
        let screens = KioskScreens(hub: door.hub, board: door.board)
        try await Application(router: screens.router()).test(.router) { client in
            try await client.execute(uri: "/api/status", method: .get, headers: operatorHeaders) { r in
                XCTAssertEqual(r.status, .unauthorized)
                XCTAssertEqual(try json(r.body)["error"] as? String, ScreensError.noCredentialConfigured.description)
            }
            try await client.execute(uri: "/", method: .get) { r in XCTAssertEqual(r.status, .ok) }
        }
        for host in ["0.0.0.0", "192.168.1.20", "::", "kiosk.local"] {
            XCTAssertThrowsError(try screens.application(at: ListenAddress(host: host, port: 0)), host) { error in
                XCTAssertEqual(error as? ScreensError, .exposedWithoutCredential(ListenAddress(host: host, port: 0).description))
            }
        }
        for host in ["127.0.0.1", "127.1.2.3", "::1", "localhost"] {
            XCTAssertNoThrow(try screens.application(at: ListenAddress(host: host, port: 0)), host)
        }
        XCTAssertNoThrow(try door.screens().application(at: ListenAddress(host: "0.0.0.0", port: 0)))
    }

    func testTheVisitorScreenIsOpenOnlyToThisMachine() throws {
        XCTAssertTrue(ScreensRequestContext.isThisMachine(try SocketAddress(ipAddress: "127.0.0.1", port: 5000)))
        XCTAssertTrue(ScreensRequestContext.isThisMachine(try SocketAddress(ipAddress: "127.9.9.9", port: 5000)))
        XCTAssertTrue(ScreensRequestContext.isThisMachine(try SocketAddress(ipAddress: "::1", port: 5000)))
        XCTAssertTrue(ScreensRequestContext.isThisMachine(try SocketAddress(ipAddress: "::ffff:127.0.0.1", port: 5000)))
        XCTAssertFalse(ScreensRequestContext.isThisMachine(try SocketAddress(ipAddress: "10.0.0.5", port: 5000)))
        XCTAssertFalse(ScreensRequestContext.isThisMachine(try SocketAddress(ipAddress: "128.0.0.1", port: 5000)))
        XCTAssertFalse(ScreensRequestContext.isThisMachine(try SocketAddress(ipAddress: "::ffff:10.0.0.1", port: 5000)))
        XCTAssertFalse(ScreensRequestContext.isThisMachine(try SocketAddress(ipAddress: "fe80::1", port: 5000)))
        XCTAssertEqual(OperatorGate.area(of: "/"), .visitor)
        XCTAssertEqual(OperatorGate.area(of: "/events"), .visitor)
        XCTAssertEqual(OperatorGate.area(of: "/metrics"), .staff)
        XCTAssertEqual(OperatorGate.area(of: "/api/status"), .staff)
    }

    func testTheCredentialIsStoredHashed() throws {
        let (token, stored) = OperatorCredential.generate()
        XCTAssertEqual(token.count, 64)
        XCTAssertFalse(stored.contains(token))
        let credential = try OperatorCredential(stored: stored + "\n")
        XCTAssertTrue(credential.accepts(token))
        XCTAssertFalse(credential.accepts(String(token.dropLast()) + "x"))
        XCTAssertThrowsError(try OperatorCredential(stored: token))
        XCTAssertThrowsError(try OperatorCredential(stored: "sha256:abc"))
    }
}
