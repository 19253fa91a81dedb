import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Upstream

final class AuthTests: XCTestCase {
    func testUnknownRevokedAndForeignDevices() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        let body = try batchBody([recordJSON(1)])
        try await bench.test { client in
            try await client.execute(uri: "/v1/batches", method: .post, headers: [.contentType: "application/json"], body: body) { r in
                XCTAssertEqual(r.status, .unauthorized)
            }
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer("thr_guessed"), body: body) { r in
                XCTAssertEqual(r.status, .unauthorized)
            }
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.revoked), body: body) { r in
                XCTAssertEqual(r.status, .forbidden)
            }
            // A valid kiosk may not upload records that claim another device.
            try await client.execute(
                uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: try batchBody([recordJSON(1, device: "kiosk-9")])
            ) { r in XCTAssertEqual(r.status, .forbidden) }
            // A kiosk may not export.
            try await client.execute(uri: "/v1/records?venue=venue-1", method: .get, headers: bearer(bench.kiosk)) { r in
                XCTAssertEqual(r.status, .forbidden)
            }
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bench.kiosk), body: body) { r in
                XCTAssertEqual(r.status, .ok)
            }
        }
    }

    func testTokensAreStoredOnlyAsDigests() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        let raw = try await bench.store.pool.read { db in try String.fetchAll(db, sql: "SELECT token_sha256 FROM device") }
        XCTAssertEqual(raw.count, 3)
        XCTAssertFalse(raw.contains(bench.kiosk))
        XCTAssertTrue(raw.contains(DeviceToken.sha256(bench.kiosk)))
        do {
            _ = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: bench.store)
            XCTFail("duplicate id accepted")
        } catch let error as UpstreamError {
            XCTAssertEqual(error, .deviceExists("kiosk-1"))
        }
    }
}
