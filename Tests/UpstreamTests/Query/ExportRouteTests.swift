import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Upstream

final class ExportRouteTests: XCTestCase {
    func testExportsAVenueAndRangeAcrossPagesAsJSONAndCSV() async throws {
        let bench = try await Bench.make(limits: UpstreamLimits(requestsPerSecond: 1_000, burst: 1_000))
        defer { bench.cleanUp() }
        let base: Int64 = 1_795_219_200_000
        var all = (0..<4_500).map { recordJSON($0, venue: $0 % 10 == 0 ? "venue-2" : "venue-1") }
        // A valid pass the venue turned away: the rule travels to the server's export too.
        all[101]["outcome"] = "deny"
        all[101]["rule"] = "venue-full"
        let bodies = try stride(from: 0, to: all.count, by: 1_500).map { try batchBody(Array(all[$0..<$0 + 1_500])) }
        // venue-1, records 100..<4400 → 4300 × 0.9 = 3870 records; more than one page.
        let expected = (100..<4_400).filter { $0 % 10 != 0 }.map { all[$0]["id"] as? String ?? "" }
        try await bench.test { client in
            for body in bodies {
                try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: body) { r in
                    XCTAssertEqual(r.status, .ok)
                }
            }
            let from = base + 100_000, to = base + 4_400_000
            try await client.execute(uri: "/v1/records?venue=venue-1&from=\(from)&to=\(to)&format=json", method: .get, headers: bearer(bench.admin)) { r in
                XCTAssertEqual(r.status, .ok)
                let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [[String: Any]])
                XCTAssertEqual(array.map { $0["id"] as? String ?? "" }, expected)
            }
            try await client.execute(
                uri: "/v1/records?venue=venue-1&from=2026-11-21T00:01:40Z&to=\(to)&format=csv", method: .get, headers: bearer(bench.admin)
            ) { r in
                XCTAssertEqual(r.status, .ok)
                let lines = String(buffer: r.body).split(separator: "\n")
                XCTAssertEqual(lines.count, expected.count + 1)
                guard lines.count > 1 else { return }
                XCTAssertTrue(lines[0].hasPrefix("id,device_id,venue_id,wall_ms"))
                XCTAssertTrue(lines[1].hasPrefix(expected[0] + ",kiosk-1,venue-1,"))
                XCTAssertTrue(lines[0].hasSuffix(",decode_us,verify_us,rule"), String(lines[0]))
                XCTAssertTrue(lines[1].hasSuffix(",1200,300,venue-full"), String(lines[1]))
                XCTAssertTrue(lines[2].hasSuffix(",1200,300,"), String(lines[2]))
            }
            try await client.execute(uri: "/v1/records?venue=venue-1&from=soon", method: .get, headers: bearer(bench.admin)) { r in
                XCTAssertEqual(r.status, .badRequest)
            }
            try await client.execute(uri: "/v1/stats", method: .get, headers: bearer(bench.admin)) { r in
                let body = try json(r.body)
                XCTAssertEqual(body["rows"] as? Int, 4_500)
                XCTAssertEqual(body["distinct_ids"] as? Int, 4_500)
            }
        }
    }

    /// Finding 5 of issue 13: a formula from a QR header reached the operator's spreadsheet as one.
    func testCSVExportWritesAFormulaFromAQRHeaderVerbatim() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        let body = try batchBody([recordJSON(1, issuer: "=HYPERLINK(\"https://evil.example\")"), recordJSON(2, issuer: "@SUM(A1)")])
        try await bench.test { client in
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: body) { r in
                XCTAssertEqual(r.status, .ok)
            }
            try await client.execute(uri: "/v1/records?venue=venue-1&format=csv", method: .get, headers: bearer(bench.admin)) { r in
                let text = String(buffer: r.body)
                XCTAssertTrue(text.contains(",\"'=HYPERLINK(\"\"https://evil.example\"\")\","), text)
                XCTAssertTrue(text.contains(",'@SUM(A1),"), text)
                XCTAssertFalse(text.contains(",=") || text.contains(",@") || text.contains(",\"="), text)
            }
            for hostile in ["-9223372036854775808", "9223372036854775807", "1e400", "99999-01-01T00:00:00Z", String(repeating: "9", count: 400)] {
                try await client.execute(uri: "/v1/records?venue=venue-1&from=\(hostile)&to=\(hostile)", method: .get,
                                         headers: bearer(bench.admin)) { r in
                    XCTAssertEqual(r.status, .badRequest, hostile)
                }
            }
        }
    }
}
