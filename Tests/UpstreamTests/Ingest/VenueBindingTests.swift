import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Upstream

/// Issue 13, finding 5: the upstream accepted records for any venue from any device. A kiosk
/// registered with its venues may upload only for those.
final class VenueBindingTests: XCTestCase {
    func testTheUpstreamAcceptsRecordsForAnyVenueFromAnyDevice() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        let bound = try await UpstreamServer.addDevice(id: "kiosk-3", role: .device, venues: ["venue-1"], store: bench.store)
        let elsewhere = try batchBody([recordJSON(1, device: "kiosk-3"), recordJSON(2, device: "kiosk-3", venue: "venue-2")])
        let home = try batchBody([recordJSON(3, device: "kiosk-3")])
        try await bench.test { client in
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bound), body: elsewhere) { r in
                XCTAssertEqual(r.status, .forbidden)
                XCTAssertTrue((try json(r.body)["error"] as? String ?? "").contains("records[1] is for venue venue-2"))
            }
            try await client.execute(uri: "/v1/batches", method: .post, headers: bearer(bound), body: home) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(try json(r.body)["accepted"] as? Int, 1)
            }
        }
        let other = try await bench.store.records(venue: "venue-2", fromMillis: 0, toMillis: .max, after: nil, limit: 10)
        XCTAssertTrue(other.isEmpty, "nothing stored for a venue the kiosk is not bound to")
        let venues = try await bench.store.venues(deviceID: "kiosk-3")
        XCTAssertEqual(venues, ["venue-1"])
        do {
            _ = try await UpstreamServer.addDevice(id: "kiosk-4", role: .device, venues: ["no spaces"], store: bench.store)
            XCTFail("a venue id that is not an identifier was accepted")
        } catch let error as UpstreamError {
            XCTAssertEqual(error.status, .badRequest)
        }
    }
}
