import TestSupport
import Foundation
import ScanLog
import Upstream
import XCTest
@testable import Sync

final class BundlePullTests: XCTestCase {
    struct Refused: Error {}

    func testPullsWithETagsStoresOnlyAcceptedBytesAndRevalidates() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = VirtualClock()
        let upstream = try await LiveUpstream.start(directory: directory, clock: clock)
        let token = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: upstream.store)
        let store = try ScanLogStore(path: directory.appendingPathComponent("kiosk.sqlite").path)
        let sync = SyncClient(
            store: store, configuration: SyncConfiguration(baseURL: upstream.baseURL, deviceID: "kiosk-1", token: token),
            clock: clock, rng: SeededRNG(seed: 1))

        let none = try await sync.pull(.revocationList)
        XCTAssertEqual(none, .notPublished)

        let v1 = Data("trust list v1 (signed)".utf8)
        try upstream.server.distribution.publish(.trustList, bytes: v1)
        guard case .updated(let first) = try await sync.pull(.trustList, accept: { _ in 1 }) else { return XCTFail("expected bytes") }
        XCTAssertEqual(first.bytes, v1)
        XCTAssertEqual(first.version, 1)
        XCTAssertEqual(first.etag, DistributionDirectory.etag(v1))

        clock.millis.withLockedValue { $0 += 60_000 }
        guard case .notModified(let same) = try await sync.pull(.trustList) else { return XCTFail("expected 304") }
        XCTAssertEqual(same.bytes, v1)
        XCTAssertEqual(try store.trustBundles.latest(.trustList)?.fetchedMillis, clock.nowMillis, "revalidation recorded")

        // A new list that fails verification is not stored; the kiosk keeps v1.
        try upstream.server.distribution.publish(.trustList, bytes: Data("tampered".utf8))
        do {
            _ = try await sync.pull(.trustList, accept: { _ in throw Refused() })
            XCTFail("refused bytes were accepted")
        } catch {
            guard case .rejected = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try store.trustBundles.latest(.trustList)?.bytes, v1)

        try upstream.server.distribution.publish(.venueConfig, venue: "venue-1", bytes: Data("{}".utf8))
        guard case .updated(let config) = try await sync.pull(.venueConfig, venue: "venue-1") else { return XCTFail("config") }
        XCTAssertEqual(config.bytes, Data("{}".utf8))
        await upstream.stop()
    }
}
