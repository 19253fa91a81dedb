import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Kiosk
import XCTest
@testable import KioskWeb

/// The event stream over a real socket: the visitor screen must change within 50 ms of the decision.
final class EventStreamTests: XCTestCase {
    /// Reads the stream until `marker` has arrived; returns everything read.
    struct Reader {
        var iterator: HTTPClientResponse.Body.AsyncIterator
        var text = ""

        mutating func read(until marker: String) async throws -> String {
            while !text.contains(marker) {
                guard let chunk = try await iterator.next() else { throw StreamEnded(text: text) }
                text += String(buffer: chunk)
            }
            guard let range = text.range(of: marker) else { throw StreamEnded(text: text) }
            defer { text = String(text[range.upperBound...]) }
            return String(text[..<range.upperBound])
        }

        /// True when the server ends the response.
        mutating func ended() async throws -> Bool {
            while let chunk = try await iterator.next() { text += String(buffer: chunk) }
            return true
        }
    }

    struct StreamEnded: Error { var text: String }

    /// Two real decisions from the pipeline, and screens on a fresh hub the test publishes to.
    func makeScreens(heartbeat: Duration = .seconds(15)) async throws -> (KioskScreens, [DoorEvent]) {
        let door = try Door()
        let first = try await door.scan(status: .red, name: "王*", idTail: "0815")
        let second = try await door.scan(name: "张*", idTail: "3721")
        var options = KioskScreens.Options()
        options.heartbeat = heartbeat
        return (KioskScreens(hub: EventHub(), board: door.board, options: options), [first, second])
    }

    func testAPublishedDecisionReachesTheScreenWithin50Milliseconds() async throws {
        let (screens, events) = try await makeScreens()
        let hub = screens.hub
        try await screens.application(at: ListenAddress(host: "127.0.0.1", port: 0)).test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let response = try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/events"), timeout: .seconds(10))
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers.first(name: "content-type"), "text/event-stream; charset=utf-8")
                var reader = Reader(iterator: response.body.makeAsyncIterator())
                _ = try await reader.read(until: ": connected\n\n")
                XCTAssertEqual(hub.subscriberCount, 1)

                var worst = Duration.zero
                for event in events {
                    let clock = ContinuousClock()
                    let start = clock.now
                    hub.publish(event)
                    let message = try await reader.read(until: "\n\n")
                    let elapsed = start.duration(to: clock.now)
                    worst = max(worst, elapsed)
                    XCTAssertLessThan(elapsed, .milliseconds(50), "decision \(event.id) took \(elapsed) to reach the screen")
                    let lines = message.split(separator: "\n")
                    XCTAssertEqual(lines.count, 2, message)
                    XCTAssertTrue(lines.first?.hasSuffix(".\(event.id)") ?? false, message)
                    let data = try XCTUnwrap(lines.last.map { $0.dropFirst("data: ".count) })
                    XCTAssertTrue(lines.last?.hasPrefix("data: {") ?? false)
                    let decoder = JSONDecoder()
                    decoder.dateDecodingStrategy = .custom { decoder in
                        let text = try decoder.singleValueContainer().decode(String.self)
                        return try Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
                    }
                    XCTAssertEqual(try decoder.decode(DoorEvent.self, from: Data(data.utf8)), event)
                }
                print("event stream: publish → data line, worst of \(events.count): \(worst)")
                XCTAssertEqual(events.map(\.screen), [.red, .green])

                // The kiosk shuts down: the hub finishes and the response ends (no server hang).
                hub.finish()
                let ended = try await reader.ended()
                XCTAssertTrue(ended)
            } catch {
                try await http.shutdown()
                throw error
            }
            try await http.shutdown()
        }
    }

    func testAReconnectingScreenIsNotSentWhatItAlreadyShows() async throws {
        let (screens, events) = try await makeScreens()
        let hub = screens.hub, runID = screens.runID
        hub.publish(events[0])
        try await screens.application(at: ListenAddress(host: "127.0.0.1", port: 0)).test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                // Already has event 1 of this run (from /api/latest): the stream starts with event 2.
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/events")
                request.headers.add(name: "Last-Event-ID", value: "\(runID).\(events[0].id)")
                let response = try await http.execute(request, timeout: .seconds(10))
                var reader = Reader(iterator: response.body.makeAsyncIterator())
                _ = try await reader.read(until: ": connected\n\n")
                hub.publish(events[1])
                let next = try await reader.read(until: "\n\n")
                XCTAssertTrue(next.hasPrefix("id: \(runID).\(events[1].id)\n"), next)

                // A cursor from another run (the kiosk restarted) skips nothing: the latest comes first.
                let fresh = try await http.execute(
                    HTTPClientRequest(url: "http://127.0.0.1:\(port)/events?after=oldrun.\(events[1].id)"), timeout: .seconds(10))
                var freshReader = Reader(iterator: fresh.body.makeAsyncIterator())
                let opening = try await freshReader.read(until: "\n\n")
                XCTAssertTrue(opening.contains(": connected"))
                let replayed = try await freshReader.read(until: "\n\n")
                XCTAssertTrue(replayed.hasPrefix("id: \(runID).\(events[1].id)\n"), replayed)
                hub.finish()
                _ = try await reader.ended()
                _ = try await freshReader.ended()
            } catch {
                try await http.shutdown()
                throw error
            }
            try await http.shutdown()
        }
    }

    func testHeartbeatsKeepTheStreamAliveAndAVanishedScreenIsUnsubscribed() async throws {
        let (screens, _) = try await makeScreens(heartbeat: .milliseconds(50))
        let hub = screens.hub
        try await screens.application(at: ListenAddress(host: "127.0.0.1", port: 0)).test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let response = try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/events"), timeout: .seconds(10))
                var reader = Reader(iterator: response.body.makeAsyncIterator())
                _ = try await reader.read(until: ": connected\n\n")
                _ = try await reader.read(until: ": heartbeat\n\n")
                XCTAssertEqual(hub.subscriberCount, 1)
            } catch {
                try await http.shutdown()
                throw error
            }
            // The browser goes away: the next heartbeat fails to write and the subscription ends.
            try await http.shutdown()
            let deadline = ContinuousClock.now + .seconds(5)
            while hub.subscriberCount > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            XCTAssertEqual(hub.subscriberCount, 0, "the stream of a closed connection must end")
        }
    }
}
