import TestSupport
import Foundation
import GRDB
import Passes
import Upstream
import XCTest
@testable import ScanLog
@testable import Sync

/// Finding 2 of issue 13: one forged QR stopped all uploads for good. Its `kid` (200+ bytes, the
/// forger's choice) was stored as it came; the upstream refused any field over 256 bytes by failing
/// the whole batch, and the kiosk re-sent that same oldest batch forever.
final class PoisonRecordTests: XCTestCase {
    var directory: URL!
    override func setUpWithError() throws { directory = try temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func start(_ clock: VirtualClock) async throws -> (LiveUpstream, Kiosk, SyncClient) {
        let serverDir = directory.appendingPathComponent("server", isDirectory: true)
        try FileManager.default.createDirectory(at: serverDir, withIntermediateDirectories: true)
        let upstream = try await LiveUpstream.start(directory: serverDir, clock: clock)
        let token = try await UpstreamServer.addDevice(id: "kiosk-1", role: .device, store: upstream.store)
        let kiosk = Kiosk(store: try ScanLogStore(path: directory.appendingPathComponent("kiosk.sqlite").path), clock: clock)
        let sync = SyncClient(
            store: kiosk.store,
            configuration: SyncConfiguration(baseURL: upstream.baseURL, deviceID: "kiosk-1", token: token, batchSize: 50),
            clock: clock, rng: SeededRNG(seed: 11))
        return (upstream, kiosk, sync)
    }

    /// Uploads until the outbox is empty, at most `limit` requests; an upload error fails the test
    /// (the old code answered the poisoned batch with 400 every time).
    func uploadAll(_ sync: SyncClient, limit: Int = 20) async throws -> Int {
        var requests = 0
        while requests < limit {
            let outcome = try await sync.uploadOnce()
            if outcome.sent == 0 { return requests }
            requests += 1
        }
        XCTFail("the outbox did not empty in \(limit) uploads")
        return requests
    }

    func testOneForgedQRStopsAllUploadsForGood() async throws {
        let clock = VirtualClock()
        let (upstream, kiosk, sync) = try await start(clock)
        var records = kiosk.records(120)
        // What the verifier reports for a TH1 text signed under a 300-byte kid it does not know.
        let forgedKid = String(repeating: "A", count: 300)
        let forged = Verdict(outcome: .deny, reason: .unknownKey, format: .threshold, issuer: "x", kid: forgedKid,
                             tokenDigest: String(repeating: "ab", count: 32))
        records.insert(ScanRecord(verdict: forged, deviceID: "kiosk-1", venueID: "venue-1", clock: clock, ids: kiosk.ids,
                                  decodeMicros: 1, verifyMicros: 1), at: 0)
        try kiosk.store.append(contentsOf: records.sorted { $0.id < $1.id })
        _ = try await uploadAll(sync)
        try await assertExactDelivery(kiosk.store, upstream)
        let stored = try await upstream.store.records(venue: "venue-1", fromMillis: 0, toMillis: .max, after: nil, limit: 1_000)
        let kept = try XCTUnwrap(stored.first { $0.id == records[0].id.description })
        XCTAssertTrue(kept.json.contains("\"kid\":\"sha256:\(TokenDigest(of: forgedKid).hex)\""), "the kid arrives hashed, and says so")
        await upstream.stop()
    }

    /// A record written before the bound existed (or any record the upstream will not take) is set
    /// aside with the upstream's reason; the rest of its batch and every later batch are delivered.
    func testOneForgedQRStopsAllUploadsForGoodEvenForARecordAlreadyInTheLog() async throws {
        let clock = VirtualClock()
        let (upstream, kiosk, sync) = try await start(clock)
        let records = kiosk.records(120)
        try kiosk.store.append(contentsOf: records)
        let poisoned = records[3].id
        try kiosk.store.write { db in
            try db.execute(sql: "UPDATE scan SET kid = ? WHERE id = ?", arguments: [String(repeating: "k", count: 300), poisoned.data])
        }
        let requests = try await uploadAll(sync)
        XCTAssertEqual(requests, 3, "120 records in batches of 50, none re-sent")
        let status = try kiosk.store.status(nowMillis: 0)
        XCTAssertEqual(status.unsynced, 0)
        XCTAssertEqual(status.rejected, 1)
        XCTAssertTrue(status.isUploadAlarm)
        let rejected = try kiosk.store.rejectedRecords(limit: 10)
        XCTAssertEqual(rejected.map(\.record.id), [poisoned], "kept locally for an operator")
        XCTAssertTrue(rejected.first?.reason.contains("kid is longer than 256 bytes") ?? false, rejected.first?.reason ?? "")
        let stats = await sync.stats
        XCTAssertEqual(stats.rejected, 1)
        XCTAssertEqual(stats.delivered, 119)
        let counts = try await upstream.store.counts()
        XCTAssertEqual(counts.rows, 119)
        XCTAssertEqual(counts.rows, counts.distinctIDs)
        // A retry of the same records after a lost acknowledgement changes nothing.
        let again = try await sync.uploadOnce()
        XCTAssertEqual(again.sent, 0)
        // Rejected records are never purged, however old.
        XCTAssertEqual(try kiosk.store.purge(nowMillis: .max / 2).keptUnsynced, 1)
        XCTAssertNotNil(try kiosk.store.record(id: poisoned))
        await upstream.stop()
    }
}
