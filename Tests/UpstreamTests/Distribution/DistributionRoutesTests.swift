import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Upstream

final class DistributionRoutesTests: XCTestCase {
    func testETagsAndConditionalRequests() async throws {
        let bench = try await Bench.make()
        defer { bench.cleanUp() }
        let v1 = Data("signed trust list v1".utf8), v2 = Data("signed trust list v2".utf8)
        try bench.server.distribution.publish(.trustList, bytes: v1)
        try bench.server.distribution.publish(.venueConfig, venue: "venue-1", bytes: Data("{\"gov\":true}".utf8))
        try await bench.test { client in
            let etag = try await client.execute(uri: "/v1/trust-list", method: .get, headers: bearer(bench.kiosk)) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(Data(r.body.readableBytesView), v1)
                return try XCTUnwrap(r.headers[.eTag])
            }
            var conditional = bearer(bench.kiosk)
            conditional[.ifNoneMatch] = etag
            try await client.execute(uri: "/v1/trust-list", method: .get, headers: conditional) { r in
                XCTAssertEqual(r.status, .notModified)
                XCTAssertEqual(r.body.readableBytes, 0)
            }
            try bench.server.distribution.publish(.trustList, bytes: v2)
            try await client.execute(uri: "/v1/trust-list", method: .get, headers: conditional) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(Data(r.body.readableBytesView), v2)
                XCTAssertNotEqual(r.headers[.eTag], etag)
            }
            try await client.execute(uri: "/v1/venue-config/venue-1", method: .get, headers: bearer(bench.kiosk)) { r in
                XCTAssertEqual(r.status, .ok)
            }
            try await client.execute(uri: "/v1/revocation-list", method: .get, headers: bearer(bench.kiosk)) { r in
                XCTAssertEqual(r.status, .notFound)
            }
            try await client.execute(uri: "/v1/venue-config/..", method: .get, headers: bearer(bench.kiosk)) { r in
                XCTAssertNotEqual(r.status, .ok)
            }
            try await client.execute(uri: "/v1/trust-list", method: .get, headers: bearer(bench.revoked)) { r in
                XCTAssertEqual(r.status, .forbidden)
            }
        }
        XCTAssertTrue(DistributionRoutes.matches("\"a\", W/\"b\"", "\"b\""))
        XCTAssertFalse(DistributionRoutes.matches("\"a\"", "\"b\""))
    }
}
