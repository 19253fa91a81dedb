import Foundation
import Hummingbird
import HummingbirdTesting
import Kiosk
import ScanLog
import XCTest
@testable import KioskWeb

final class ExportRouteTests: XCTestCase {
    func testExportsTheScanLogAsCSVAndJSONAttachments() async throws {
        let door = try Door()
        let first = try await door.scan(name: "张*", idTail: "3721")
        try await door.scan(status: .red, name: "王*", idTail: "0815")
        try await door.scan(forged: true)
        let router = door.screens().router()
        try await Application(router: router).test(.router) { client in
            try await client.execute(
                uri: "/export?from=2026-11-21T10:00:00Z&to=2026-11-21T10:01:00Z&format=csv", method: .get, headers: operatorHeaders
            ) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "text/csv; charset=utf-8")
                XCTAssertEqual(r.headers[.contentDisposition], "attachment; filename=\"threshold-riverside-test-20261121T100000Z.csv\"")
                let lines = String(buffer: r.body).split(separator: "\n")
                XCTAssertEqual(lines.count, 4)
                XCTAssertTrue(lines.first?.hasPrefix("id,device_id,venue_id,wall_time") ?? false)
                XCTAssertTrue(lines[1].contains(",door-1,riverside-test,"))
                XCTAssertTrue(lines[1].contains(",张*,***3721,"), String(lines[1]))
                XCTAssertTrue(lines[1].contains(first.scan), "the record carries the same token digest the screen showed")
                // The red pass is genuine (outcome accept); the venue rule that kept the door shut is named.
                XCTAssertTrue(lines[2].contains(",accept,") && lines[2].contains("status-red"), String(lines[2]))
            }
            // Half-open range: the second and third scans are at 10:00:20 and 10:00:30.
            try await client.execute(
                uri: "/export?from=2026-11-21T10:00:15Z&to=2026-11-21T10:00:30Z&format=json", method: .get, headers: operatorHeaders
            ) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentDisposition], "attachment; filename=\"threshold-riverside-test-20261121T100015Z.json\"")
                let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [[String: Any]])
                XCTAssertEqual(array.count, 1)
                XCTAssertEqual(array.first?["outcome"] as? String, "accept")
                XCTAssertEqual(array.first?["rule"] as? String, "status-red")
            }
            // Defaults: the last 24 hours up to now, CSV.
            try await client.execute(uri: "/export", method: .get, headers: operatorHeaders) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(String(buffer: r.body).split(separator: "\n").count, 4)
            }
        }
    }

    func testBadParametersGetA400WithTheReasonAndNoFile() async throws {
        let door = try Door()
        try await door.scan()
        let router = door.screens().router()
        let cases: [(String, ScreensError)] = [
            ("format=xml", .badParameter(name: "format", value: "xml", expected: "csv or json")),
            ("from=yesterday", .badParameter(name: "from", value: "yesterday",
                                             expected: QueryParameters.timeExpected)),
            ("to=2026-13-45T99:00:00Z", .badParameter(name: "to", value: "2026-13-45T99:00:00Z",
                                                      expected: QueryParameters.timeExpected)),
            ("from=2026-11-21T11:00:00Z&to=2026-11-21T10:00:00Z", .emptyRange(from: "2026-11-21T11:00:00Z", to: "2026-11-21T10:00:00Z")),
        ]
        try await Application(router: router).test(.router) { client in
            for (query, expected) in cases {
                try await client.execute(uri: "/export?\(query)", method: .get, headers: operatorHeaders) { r in
                    XCTAssertEqual(r.status, .badRequest, query)
                    XCTAssertNil(r.headers[.contentDisposition], query)
                    XCTAssertEqual(try json(r.body)["error"] as? String, expected.description, query)
                }
            }
        }
    }

    func testALargeExportStreamsEveryRecordInOrder() async throws {
        let door = try Door()
        var records: [ScanRecord] = []
        try await door.scan()
        let template = try XCTUnwrap(try door.store.pendingBatch(limit: 1).first)
        // 3 000 records, well past the 64 KB chunk size, so the pipe carries many chunks.
        for index in 0..<3_000 {
            var record = template
            record.id = RecordID(high: UInt64(index + 1), low: 42)
            record.wallMillis = template.wallMillis + Int64(index) + 1
            records.append(record)
        }
        try door.store.append(contentsOf: records)
        let router = door.screens().router()
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/export?from=2026-11-21T10:00:00Z&to=2026-11-21T11:00:00Z&format=csv", method: .get, headers: operatorHeaders) { r in
                let lines = String(buffer: r.body).split(separator: "\n")
                XCTAssertEqual(lines.count, 1 + 3_001)
                XCTAssertGreaterThan(r.body.readableBytes, 4 * 65_536)
            }
        }
    }

    func testAKioskWithoutAScanLogSaysSoInsteadOfAnEmptyFile() async throws {
        let door = try Door()
        let board = StatusBoard(deviceID: "door-1", venue: door.venue, metrics: door.metrics, verifier: door.verifier, log: nil,
                                sync: nil, clock: door.clock)
        var options = KioskScreens.Options()
        options.operatorCredential = testOperatorCredential
        let router = KioskScreens(hub: door.hub, board: board, options: options).router()
        try await Application(router: router).test(.router) { client in
            for uri in ["/export?format=csv", "/api/aggregates"] {
                try await client.execute(uri: uri, method: .get, headers: operatorHeaders) { r in
                    XCTAssertEqual(r.status, .notFound, uri)
                    XCTAssertEqual(try json(r.body)["error"] as? String, ScreensError.noScanLog.description, uri)
                }
            }
            try await client.execute(uri: "/api/status", method: .get, headers: operatorHeaders) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertNil(try json(r.body)["outboxDepth"], "unknown, not zero")
            }
        }
    }
}
