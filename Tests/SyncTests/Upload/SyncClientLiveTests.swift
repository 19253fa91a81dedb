import TestSupport
import AsyncHTTPClient
import Foundation
import Hummingbird
import ScanLog
import Upstream
import XCTest
@testable import Sync

/// Sync against a real `threshold-upstream` on 127.0.0.1, with virtual time for every wait.
final class SyncClientLiveTests: XCTestCase {
    var directory: URL!
    override func setUpWithError() throws { directory = try temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func makeKiosk(_ clock: VirtualClock) throws -> Kiosk {
        Kiosk(store: try ScanLogStore(path: directory.appendingPathComponent("kiosk.sqlite").path), clock: clock)
    }

    func serverDirectory() throws -> URL {
        let url = directory.appendingPathComponent("server", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func testDrainsTheOutboxExactlyOnce() async throws {
        let clock = VirtualClock()
        let upstream = try await LiveUpstream.start(directory: try serverDirectory(), clock: clock)
        let token = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: upstream.store)
        let kiosk = try makeKiosk(clock)
        try kiosk.store.append(contentsOf: kiosk.records(2_345))
        let sync = SyncClient(
            store: kiosk.store, configuration: SyncConfiguration(baseURL: upstream.baseURL, deviceID: "kiosk-1", token: token),
            clock: clock, rng: SeededRNG(seed: 1))
        let delivered = try await sync.drain()
        XCTAssertEqual(delivered, 2_345)
        let requests = await sync.stats.requests
        XCTAssertEqual(requests, 5, "5 batches of ≤ 500; finding the outbox empty needs no request")
        try await assertExactDelivery(kiosk.store, upstream)
        let value0 = try await sync.drain()
        XCTAssertEqual(value0, 0)
        await upstream.stop()
    }

    func testRetryAfterOn429And503AndALostAcknowledgement() async throws {
        let clock = VirtualClock()
        let faults = FaultMiddleware([
            .status(.serviceUnavailable, retryAfter: "7"),
            .status(.tooManyRequests, retryAfter: "3"),
            .status(.badGateway, retryAfter: nil),
            .lostAcknowledgement,
        ])
        let upstream = try await LiveUpstream.start(directory: try serverDirectory(), clock: clock, middleware: faults)
        let token = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: upstream.store)
        let kiosk = try makeKiosk(clock)
        try kiosk.store.append(contentsOf: kiosk.records(120))
        let sync = SyncClient(
            store: kiosk.store,
            configuration: SyncConfiguration(baseURL: upstream.baseURL, deviceID: "kiosk-1", token: token, batchSize: 100),
            clock: clock, rng: SeededRNG(seed: 2))
        let value120 = try await sync.drain()
        XCTAssertEqual(value120, 120)
        let waits = await sync.stats.waits
        XCTAssertEqual(waits.count, 4)
        guard waits.count == 4 else { return }
        XCTAssertEqual(waits[0], .seconds(7), "503 Retry-After honoured")
        XCTAssertEqual(waits[1], .seconds(3), "429 Retry-After honoured")
        XCTAssertLessThanOrEqual(waits[2], .seconds(2), "third retry: full jitter in [0, 0.5 s · 2²]")
        XCTAssertLessThanOrEqual(waits[3], .seconds(4))
        try await assertExactDelivery(kiosk.store, upstream)
        await upstream.stop()
    }

    func testServerDownThenUpDeliversEverythingOnce() async throws {
        // Find a free port, then leave it closed: the kiosk's first uploads are refused.
        let probe = try await LiveUpstream.start(directory: try serverDirectory(), clock: VirtualClock())
        let port = probe.port
        let token = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: probe.store)
        await probe.stop()
        let serverDir = try serverDirectory()
        let started = StartBox()
        let clock = VirtualClock { sleeps in
            // After the fifth failed attempt the server comes back on the same port.
            if sleeps == 5 { await started.start(directory: serverDir, port: port) }
        }
        let kiosk = try makeKiosk(clock)
        try kiosk.store.append(contentsOf: kiosk.records(777))
        let sync = SyncClient(
            store: kiosk.store,
            // AsyncHTTPClient keeps retrying a refused connection until the request deadline, so a
            // short deadline keeps this test fast; the waits between attempts stay virtual.
            configuration: SyncConfiguration(
                baseURL: "http://127.0.0.1:\(port)", deviceID: "kiosk-1", token: token, batchSize: 200,
                requestTimeout: .milliseconds(300)),
            clock: clock, rng: SeededRNG(seed: 3))
        let value777 = try await sync.drain()
        XCTAssertEqual(value777, 777)
        let stats = await sync.stats
        XCTAssertGreaterThanOrEqual(stats.failures, 5, "refused while down (the pool may fail once more while reconnecting)")
        if case .transport = stats.lastError {} else { XCTFail("expected transport errors, got \(String(describing: stats.lastError))") }
        // Full jitter: each wait within [0, min(60 s, 0.5 s · 2^attempt)].
        for (i, wait) in stats.waits.enumerated() { XCTAssertLessThanOrEqual(wait, .milliseconds(500 << i)) }
        let restarted = await started.upstream
        let upstream = try XCTUnwrap(restarted)
        try await assertExactDelivery(kiosk.store, upstream)
        await upstream.stop()
    }

    func testAConflictIsSetAsideAndTheRestDelivered() async throws {
        let clock = VirtualClock()
        let upstream = try await LiveUpstream.start(directory: try serverDirectory(), clock: clock)
        let token = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: upstream.store)
        let kiosk = try makeKiosk(clock)
        let records = kiosk.records(50)
        try kiosk.store.append(contentsOf: records)
        // The server already holds record 10's id with other content.
        var other = records[10]
        other.kid = "someone-else"
        let json = String(decoding: try JSONEncoder().encode(other), as: UTF8.self)
        let incoming = try JSONDecoder().decode(IncomingRecord.self, from: Data(json.utf8))
        _ = try await upstream.store.ingest([(incoming, try incoming.canonicalJSON())], receivedMillis: 0)
        let sync = SyncClient(
            store: kiosk.store, configuration: SyncConfiguration(baseURL: upstream.baseURL, deviceID: "kiosk-1", token: token),
            clock: clock, rng: SeededRNG(seed: 4))
        let value49 = try await sync.drain()
        XCTAssertEqual(value49, 49)
        let status = try kiosk.store.status(nowMillis: 0)
        XCTAssertEqual(status.unsynced, 0)
        XCTAssertEqual(status.conflicted, 1)
        XCTAssertNotNil(try kiosk.store.record(id: records[10].id), "kept locally for an operator")
        let value1 = try await upstream.store.conflictCount()
        XCTAssertEqual(value1, 1)
        let stored = try await upstream.store.records(venue: "venue-1", fromMillis: 0, toMillis: .max, after: nil, limit: 100)
        XCTAssertEqual(stored.count, 50)
        XCTAssertTrue(stored.first { $0.id == records[10].id.description }?.json.contains("someone-else") ?? false, "never overwritten")
        await upstream.stop()
    }

    func testAppendsNeverWaitForAnUploadInFlight() async throws {
        let clock = VirtualClock()
        let gate = Gate()
        let upstream = try await LiveUpstream.start(
            directory: try serverDirectory(), clock: clock, middleware: FaultMiddleware([.hold(gate)]))
        let token = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: upstream.store)
        let kiosk = try makeKiosk(clock)
        let records = kiosk.records(300)
        try kiosk.store.append(contentsOf: Array(records.prefix(100)))
        let sync = SyncClient(
            store: kiosk.store, configuration: SyncConfiguration(baseURL: upstream.baseURL, deviceID: "kiosk-1", token: token),
            clock: clock, rng: SeededRNG(seed: 5))
        let uploading = Task { try await sync.drain() }
        await gate.waitForArrival()
        // The upload is stuck in the server; the door keeps deciding and recording.
        for r in records.dropFirst(100) { try kiosk.store.append(r) }
        XCTAssertEqual(try kiosk.store.status(nowMillis: 0).total, 300)
        await gate.release()
        let value300 = try await uploading.value
        XCTAssertEqual(value300, 300)
        try await assertExactDelivery(kiosk.store, upstream)
        await upstream.stop()
    }

    func testA413HalvesTheBatchAndARevokedDeviceWaitsTheLongest() async throws {
        let clock = VirtualClock()
        let upstream = try await LiveUpstream.start(
            directory: try serverDirectory(), limits: UpstreamLimits(maxBatchRecords: 60), clock: clock)
        let token = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: upstream.store)
        let kiosk = try makeKiosk(clock)
        try kiosk.store.append(contentsOf: kiosk.records(250))
        let sync = SyncClient(
            store: kiosk.store, configuration: SyncConfiguration(baseURL: upstream.baseURL, deviceID: "kiosk-1", token: token, batchSize: 500),
            clock: clock, rng: SeededRNG(seed: 6))
        let value250 = try await sync.drain()
        XCTAssertEqual(value250, 250)
        let batchSize = await sync.configuration.batchSize
        XCTAssertEqual(batchSize, 31)
        try await assertExactDelivery(kiosk.store, upstream)

        _ = try await upstream.store.revokeDevice(id: "kiosk-1")
        try kiosk.store.append(contentsOf: kiosk.records(1))
        do {
            let outcome = try await sync.uploadOnce()
            XCTFail("revoked device uploaded: \(outcome)")
        } catch {
            guard case .unauthorized(403, _) = error else { return XCTFail("\(error)") }
            let wait = await sync.delay(after: error, attempt: 0)
            XCTAssertEqual(wait, .seconds(60))
        }
        XCTAssertEqual(try kiosk.store.status(nowMillis: 0).unsynced, 1, "kept for when the operator fixes it")
        await upstream.stop()
    }
}

/// Starts the server from inside the clock's sleep hook and hands it to the test.
actor StartBox {
    var upstream: LiveUpstream?
    func start(directory: URL, port: Int) async {
        upstream = try? await LiveUpstream.start(directory: directory, port: port, clock: VirtualClock())
    }
}
