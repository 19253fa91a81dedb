import Foundation
import Hummingbird
import HummingbirdTesting
import Kiosk
import XCTest
@testable import KioskWeb

final class DashboardRoutesTests: XCTestCase {
    func testStatusReportsTheDecisionsTheRealPipelineTookAndTheOutbox() async throws {
        let door = try Door()
        try await door.scan(name: "张*")
        try await door.scan(status: .red, name: "王*")
        try await door.scan(forged: true)
        let router = door.screens().router()
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/api/status", method: .get, headers: operatorHeaders) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "application/json; charset=utf-8")
                let body = try json(r.body)
                let metrics = try XCTUnwrap(body["metrics"] as? [String: Any])
                XCTAssertEqual(metrics["decisions"] as? Int, 3)
                XCTAssertEqual(metrics["allowed"] as? Int, 1)
                XCTAssertEqual(metrics["denied"] as? Int, 2)
                XCTAssertEqual(metrics["occupancy"] as? Int, 1)
                XCTAssertEqual(body["outboxDepth"] as? Int, 3, "three records appended, none synced")
                XCTAssertEqual(body["oldestUnsyncedSeconds"] as? Double, 20, "first scan at +10 s, now +30 s")
                XCTAssertEqual(body["venueName"] as? String, "河畔商场 <B&C> \"东门\"")
                XCTAssertEqual(body["trustVersion"] as? Int, 7)
                XCTAssertEqual(body["trustAgeSeconds"] as? Double, 30)
                XCTAssertEqual(body["trustStale"] as? Bool, false)
                XCTAssertEqual(body["now"] as? String, "2026-11-21T10:00:30.000Z")
            }
        }
    }

    func testStatusFlagsAStaleTrustList() async throws {
        let door = try Door(trustIssuedAt: Door.origin.addingTimeInterval(-25 * 3600))
        let router = door.screens().router()
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/api/status", method: .get, headers: operatorHeaders) { r in
                XCTAssertEqual(try json(r.body)["trustStale"] as? Bool, true)
            }
        }
    }

    func testAggregatesCountTheScanLogInFiveMinuteBuckets() async throws {
        let door = try Door()
        try await door.scan(name: "张*")
        try await door.scan(status: .red, name: "王*")
        door.clock.advance(by: .seconds(600))
        try await door.scan(status: .yellow, name: "李*")
        try await door.scan(name: "赵*")
        let router = door.screens().router()
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/api/aggregates?hours=2", method: .get, headers: operatorHeaders) { r in
                XCTAssertEqual(r.status, .ok)
                let body = try json(r.body)
                XCTAssertEqual(body["hours"] as? Int, 2)
                XCTAssertEqual(body["bucketSeconds"] as? Int, 300)
                let outcomes = try XCTUnwrap(body["outcomes"] as? [String: Any])
                XCTAssertEqual(outcomes["accepted"] as? Int, 2)
                XCTAssertEqual(outcomes["denied"] as? Int, 2)
                XCTAssertEqual(outcomes["total"] as? Int, 4)
                XCTAssertEqual(body["nonGreenRatio"] as? Double, 0.5)
                let buckets = try XCTUnwrap(body["buckets"] as? [[String: Any]])
                // 10:00:10 and 10:00:20 in the 10:00 bucket; 10:10:30 and 10:10:40 in the 10:10 one.
                XCTAssertEqual(buckets.map { $0["startMillis"] as? Int }, [1_795_255_200_000, 1_795_255_800_000])
                XCTAssertEqual(buckets.map { $0["total"] as? Int }, [2, 2])
                XCTAssertEqual(buckets.map { $0["accepted"] as? Int }, [1, 1])
                let repeats = try XCTUnwrap(body["repeatVisits"] as? [String: Any])
                XCTAssertEqual(repeats["distinctVisitors"] as? Int, 4)
            }
            for bad in ["0", "x", "9999", "-1"] {
                try await client.execute(uri: "/api/aggregates?hours=\(bad)", method: .get, headers: operatorHeaders) { r in
                    XCTAssertEqual(r.status, .badRequest, bad)
                    let message = try json(r.body)["error"] as? String
                    XCTAssertEqual(message, ScreensError.badParameter(name: "hours", value: bad, expected: "a whole number from 1 to 2160").description)
                }
            }
        }
    }

    func testLatestGivesTheNewestEventWithTheServersTimeAndACursor() async throws {
        let door = try Door()
        let router = door.screens().router()
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/api/latest", method: .get) { r in
                let body = try json(r.body)
                XCTAssertNil(body["event"], "nothing decided yet")
                XCTAssertEqual(body["idleSeconds"] as? Int, 8)
            }
        }
        let event = try await door.scan(status: .red, name: "王*", idTail: "0815")
        try await Application(router: door.screens().router()).test(.router) { client in
            try await client.execute(uri: "/api/latest", method: .get) { r in
                let body = try json(r.body)
                let shown = try XCTUnwrap(body["event"] as? [String: Any])
                XCTAssertEqual(shown["id"] as? Int, event.id)
                XCTAssertEqual(shown["screen"] as? String, "red")
                XCTAssertEqual(shown["name"] as? String, "王*")
                XCTAssertEqual(shown["idTail"] as? String, "***0815", "masked at verification")
                XCTAssertEqual(body["now"] as? String, shown["at"] as? String)
                XCTAssertTrue((body["cursor"] as? String)?.hasSuffix(".\(event.id)") ?? false)
            }
        }
    }
}
