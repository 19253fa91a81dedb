import Foundation
import HTTPLimits
import Hummingbird
import HummingbirdTesting
import TestSupport
import XCTest
@testable import KioskWeb

/// Finding 5 of issue 13 on the kiosk: a half-sent request held a screen connection forever. The
/// event stream, a response that is meant to last, is not cut.
final class ScreensLimitsTests: XCTestCase {
    func testBothServersHoldHalfSentRequestsForever() async throws {
        let door = try Door()
        var options = KioskScreens.Options()
        options.operatorCredential = testOperatorCredential
        options.heartbeat = .milliseconds(200)
        options.limits = ServerLimits(headerTimeout: .milliseconds(400), bodyTimeout: .milliseconds(400), idleTimeout: .milliseconds(800),
                                      maxConnections: 64)
        let screens = KioskScreens(hub: door.hub, board: door.board, options: options)
        let hub = door.hub
        try await screens.application(at: ListenAddress(host: "127.0.0.1", port: 0)).test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let halfHead = try RawConnection(port: port)
            halfHead.send("GET /dashboard HTTP/1.1\r\nHost: kiosk\r\nX-Slow: ")
            let halfBody = try RawConnection(port: port)
            halfBody.send("POST /login HTTP/1.1\r\nHost: kiosk\r\nContent-Length: 500\r\n\r\ntoken=")
            let stream = try RawConnection(port: port)
            stream.send("GET /events HTTP/1.1\r\nHost: kiosk\r\n\r\n")
            XCTAssertTrue(halfHead.waitForClose(timeout: .seconds(3)), "half a head is cut at the header deadline")
            XCTAssertTrue(halfBody.waitForClose(timeout: .seconds(3)), "half a body is cut at the body deadline")
            var streamed = [UInt8]()
            XCTAssertFalse(stream.waitForClose(timeout: .milliseconds(1_500)) { streamed += $0 }, "the event stream stays open")
            XCTAssertTrue(String(decoding: streamed, as: UTF8.self).contains("text/event-stream"))
            XCTAssertEqual(try RawConnection.get("/", port: port), "HTTP/1.1 200 OK", "the visitor screen still answers")
            XCTAssertEqual(try RawConnection.get("/metrics", port: port, headers: "Authorization: Bearer \(testOperatorToken)\r\n"),
                           "HTTP/1.1 200 OK")
            hub.finish()
        }
    }
}
