import Foundation
import HTTPLimits
import Hummingbird
import HummingbirdTesting
import TestSupport
import XCTest
@testable import Upstream

/// Finding 5 of issue 13: the servers held half-sent requests forever, and 300 idle connections
/// starved the upstream. Each phase of a request now has a deadline from when it began.
final class SlowClientTests: XCTestCase {
    func testBothServersHoldHalfSentRequestsForever() async throws {
        var limits = UpstreamLimits()
        limits.connections = ServerLimits(headerTimeout: .milliseconds(400), bodyTimeout: .milliseconds(400),
                                          idleTimeout: .milliseconds(800), maxConnections: 4_096)
        let bench = try await Bench.make(limits: limits)
        defer { bench.cleanUp() }
        try await bench.server.application(port: 0).test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let halfHead = try RawConnection(port: port)
            halfHead.send("GET /health HTTP/1.1\r\nHost: upstream\r\nX-Slow: ")
            let halfBody = try RawConnection(port: port)
            halfBody.send("POST /v1/batches HTTP/1.1\r\nHost: upstream\r\nContent-Length: 1000\r\n\r\n{\"records\":[")
            let idle = try RawConnection(port: port)
            idle.send("GET /health HTTP/1.1\r\nHost: upstream\r\n\r\n")
            // A drip: one more byte of the head every 100 ms never completes it and gains nothing.
            let drip = try RawConnection(port: port)
            drip.send("GET /health HTTP/1.1\r\n")
            let dripping = Task.detached {
                for _ in 0..<40 {
                    guard drip.send("X") else { return true }
                    try? await Task.sleep(for: .milliseconds(100))
                }
                return false
            }
            let started = ContinuousClock.now
            XCTAssertTrue(halfHead.waitForClose(timeout: .seconds(3)), "half a head is cut at the header deadline")
            XCTAssertTrue(halfBody.waitForClose(timeout: .seconds(3)), "half a body is cut at the body deadline")
            XCTAssertTrue(idle.waitForClose(timeout: .seconds(3)), "an idle kept-alive connection is closed")
            let dripClosed = await dripping.value
            XCTAssertTrue(dripClosed, "a dripped head is cut too")
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
            XCTAssertEqual(try RawConnection.get("/health", port: port), "HTTP/1.1 200 OK", "the server still answers")
        }
    }

    func testThreeHundredIdleConnectionsDoNotStarveTheUpstream() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        try await bench.server.application(port: 0).test(.live) { client in
            let port = try XCTUnwrap(client.port)
            var idle = [RawConnection]()
            for i in 0..<300 {
                let connection = try RawConnection(port: port)
                connection.send(i % 2 == 0 ? "GET /health HTTP/1.1\r\nHost: a\r\n" : "POST /v1/batches HTTP/1.1\r\nContent-Length: 9\r\n\r\n{")
                idle.append(connection)
            }
            var slowest = Duration.zero
            for _ in 0..<50 {
                let start = ContinuousClock.now
                XCTAssertEqual(try RawConnection.get("/health", port: port), "HTTP/1.1 200 OK")
                slowest = max(slowest, ContinuousClock.now - start)
            }
            XCTAssertLessThan(slowest, .milliseconds(500), "health answered beside 300 half-open connections")
            withExtendedLifetime(idle) {}
        }
    }
}
