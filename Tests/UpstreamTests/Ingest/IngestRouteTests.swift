import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Upstream

final class IngestRouteTests: XCTestCase {
    func testStoresDedupesAndRefusesConflictsWithoutOverwriting() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        let records = (1...3).map { recordJSON($0) }
        let original = try batchBody(records)
        let secondID = records[1]["id"] as? String ?? "?"
        let forged = try batchBody([recordJSON(2, issuer: "did:web:evil.example"), recordJSON(4)])
        try await bench.test { client in
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: original) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(try json(r.body)["accepted"] as? Int, 3)
            }
            // A retry of the same batch: acknowledged, nothing stored twice.
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: original) { r in
                XCTAssertEqual(r.status, .ok)
                let body = try json(r.body)
                XCTAssertEqual(body["accepted"] as? Int, 0)
                XCTAssertEqual(body["duplicates"] as? Int, 3)
            }
            // Same id as record 2, different content, plus a new record 4.
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: forged) { r in
                XCTAssertEqual(r.status, .conflict)
                let body = try json(r.body)
                XCTAssertEqual(body["conflicts"] as? [String], [secondID])
                XCTAssertEqual(body["accepted"] as? Int, 1)
            }
        }
        let stored = try await bench.store.records(venue: "venue-1", fromMillis: 0, toMillis: .max, after: nil, limit: 100)
        XCTAssertEqual(stored.count, 4)
        XCTAssertTrue(stored[1].json.contains("did:web:health.example"), "the first version is kept")
        let conflicts = try await bench.store.conflictCount()
        XCTAssertEqual(conflicts, 1)
        let counts = try await bench.store.counts()
        XCTAssertEqual(counts.rows, counts.distinctIDs)
    }

    func testGzipBodiesAndTheirFailures() async throws {
        let bench = try await Bench.make(limits: UpstreamLimits(maxInflatedBytes: 200_000))
        defer { bench.cleanUp() }
        let plain = try batchBody((1...50).map { recordJSON($0) })
        let gz = Gzip.compress(Array(plain.readableBytesView))
        XCTAssertLessThan(gz.count, plain.readableBytes)
        var gzipHeaders = bearer(bench.kiosk)
        gzipHeaders[.contentEncoding] = "gzip"
        let headers = gzipHeaders
        let bomb = Gzip.compress([UInt8](repeating: 0x20, count: 5_000_000))
        try await bench.test { client in
            try await client.execute(uri: "/v1/batches", method: .post, headers: headers, body: ByteBuffer(bytes: gz)) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(try json(r.body)["accepted"] as? Int, 50)
            }
            try await client.execute(uri: "/v1/batches", method: .post, headers: headers, body: ByteBuffer(bytes: gz.prefix(gz.count / 2))) { r in
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertTrue((try json(r.body)["error"] as? String ?? "").contains("gzip"))
            }
            try await client.execute(uri: "/v1/batches", method: .post, headers: headers, body: ByteBuffer(bytes: bomb)) { r in
                XCTAssertEqual(r.status, .contentTooLarge)
            }
        }
    }

    func testMalformedJSONGets400WithAReason() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        let cases: [(ByteBuffer, String)] = [
            (ByteBuffer(string: "{\"records\": [ {"), "not valid JSON"),
            (ByteBuffer(string: "[1,2]"), "should be"),
            (ByteBuffer(string: "{\"records\": 7}"), "records should be"),
        ]
        try await bench.test { client in
            for (body, reason) in cases {
                try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: body) { r in
                    XCTAssertEqual(r.status, .badRequest, reason)
                    let error = try json(r.body)["error"] as? String ?? ""
                    XCTAssertTrue(error.contains(reason), "\(error) should contain \(reason)")
                }
            }
        }
        let counts = try await bench.store.counts()
        XCTAssertEqual(counts.rows, 0, "a refused batch stores nothing")
    }

    /// Finding 2 of issue 13: one record the upstream would not take (a forged pass's 300-byte
    /// `kid`, a wrong type, a bad digest) failed its whole batch with 400, and the kiosk re-sent that
    /// batch forever. Now each record is judged alone: the good ones are stored, the bad ones named.
    func testOneForgedQRStopsAllUploadsForGood() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        var longKid = recordJSON(1)
        longKid["kid"] = String(repeating: "A", count: 300)
        var wrongType = recordJSON(3)
        wrongType["wall_ms"] = "yesterday"
        var missing = recordJSON(4)
        missing.removeValue(forKey: "token_digest")
        var badDigest = recordJSON(5)
        badDigest["token_digest"] = "HC1:raw-token-must-never-be-here"
        var badOutcome = recordJSON(6)
        badOutcome["outcome"] = "maybe"
        let body = try batchBody([longKid, recordJSON(2), wrongType, missing, badDigest, badOutcome, recordJSON(7)])
        let badIDs = [longKid, wrongType, missing, badDigest, badOutcome].map { $0["id"] as? String }
        let expected: [(Int, String)] = [
            (0, "records[0].kid is longer than 256 bytes"), (2, "records[2].wall_ms should be"),
            (3, "records[3].token_digest is missing"), (4, "records[4].token_digest must be 64"),
            (5, "records[5].outcome must be"),
        ]
        try await bench.test { client in
            for attempt in 0..<2 {
                try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: body) { r in
                    XCTAssertEqual(r.status, .ok)
                    let answer = try json(r.body)
                    XCTAssertEqual(answer["accepted"] as? Int, attempt == 0 ? 2 : 0)
                    XCTAssertEqual(answer["duplicates"] as? Int, attempt == 0 ? 0 : 2, "a re-send is still exactly once")
                    let rejected = try XCTUnwrap(answer["rejected"] as? [[String: Any]])
                    XCTAssertEqual(rejected.map { $0["index"] as? Int }, expected.map(\.0))
                    for (entry, ((_, reason), sentID)) in zip(rejected, zip(expected, badIDs)) {
                        XCTAssertTrue((entry["reason"] as? String ?? "").contains(reason), "\(entry) should contain \(reason)")
                        XCTAssertEqual(entry["id"] as? String, sentID)
                    }
                }
            }
        }
        let stored = try await bench.store.records(venue: "venue-1", fromMillis: 0, toMillis: .max, after: nil, limit: 100)
        XCTAssertEqual(stored.map(\.id), [recordJSON(2), recordJSON(7)].map { $0["id"] as? String ?? "" })
    }

    func testARecordOfAnotherDeviceStillRefusesTheBatch() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        let body = try batchBody([recordJSON(1), recordJSON(2, device: "kiosk-9")])
        try await bench.test { client in
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: body) { r in
                XCTAssertEqual(r.status, .forbidden)
            }
        }
        let counts = try await bench.store.counts()
        XCTAssertEqual(counts.rows, 0)
    }

    func testLimitsOnBodyBatchAndRate() async throws {
        let bench = try await Bench.make(
            limits: UpstreamLimits(maxBodyBytes: 20_000, maxBatchRecords: 10, requestsPerSecond: 1, burst: 3))
        defer { bench.cleanUp() }
        try await bench.test { client in
            try await client.execute(
                uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: try batchBody((1...11).map { recordJSON($0) })
            ) { r in
                XCTAssertEqual(r.status, .contentTooLarge)
                XCTAssertTrue((try json(r.body)["error"] as? String ?? "").contains("at most 10"))
            }
            try await client.execute(
                uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk),
                body: ByteBuffer(string: "{\"records\":[" + String(repeating: " ", count: 30_000) + "]}")
            ) { r in XCTAssertEqual(r.status, .contentTooLarge) }
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: try batchBody([recordJSON(1)])) { r in
                XCTAssertEqual(r.status, .ok)
            }
            // Burst of 3 used up; the next is refused with Retry-After until the clock moves.
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: try batchBody([recordJSON(2)])) { r in
                XCTAssertEqual(r.status, .tooManyRequests)
                XCTAssertEqual(r.headers[.retryAfter], "1")
            }
            bench.clock.advance(1_000)
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: try batchBody([recordJSON(2)])) { r in
                XCTAssertEqual(r.status, .ok)
            }
        }
    }
}
