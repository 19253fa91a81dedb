import XCTest
import Passes
@testable import ScanLog

final class ScanLogStoreTests: XCTestCase {
    var directory: URL!
    override func setUpWithError() throws { directory = try temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String = "log.sqlite") -> String { directory.appendingPathComponent(name).path }

    func testAppendedRecordsReadBackIdentically() throws {
        let store = try ScanLogStore(path: path())
        let f = RecordFactory()
        var written = [ScanRecord]()
        for v in 0..<50 {
            let r = f.make(visitor: v, outcome: v % 5 == 0 ? .deny : .accept, reason: v % 5 == 0 ? .expired : nil)
            try store.append(r)
            written.append(r)
            f.clock.advance(millis: 10)
        }
        try store.append(contentsOf: (50..<150).map { f.make(visitor: $0) })
        XCTAssertEqual(try store.record(id: written[7].id), written[7])
        let pending = try store.pendingBatch(limit: 1_000)
        XCTAssertEqual(pending.count, 150)
        XCTAssertEqual(Array(pending.prefix(50)), written)
        XCTAssertEqual(pending.map(\.id), pending.map(\.id).sorted(), "oldest first")
    }

    /// GRDB turns its WAL writer to synchronous=NORMAL; the store must turn it back to FULL, or a
    /// power cut loses acknowledged appends (scripts/powercut-test shows it end to end).
    func testWriterCommitsWithSynchronousFull() throws {
        let store = try ScanLogStore(path: path())
        XCTAssertEqual(try store.writerSynchronousMode(), 2)
        try store.append(RecordFactory().make(visitor: 1))
        XCTAssertEqual(try store.writerSynchronousMode(), 2)
    }

    func testRecordsSurviveReopening() throws {
        let f = RecordFactory()
        let records = (0..<20).map { f.make(visitor: $0) }
        do {
            let store = try ScanLogStore(path: path())
            try store.append(contentsOf: records)
        }
        let reopened = try ScanLogStore(path: path())
        XCTAssertEqual(try reopened.pendingBatch(limit: 100), records)
    }

    func testMarkSyncedRemovesFromOutboxAndConflictsAreSetAside() throws {
        let store = try ScanLogStore(path: path())
        let f = RecordFactory()
        let records = (0..<10).map { f.make(visitor: $0) }
        try store.append(contentsOf: records)
        try store.markSynced(ids: records.prefix(4).map(\.id), atMillis: day0)
        try store.markConflicted(ids: [records[4].id], atMillis: day0)
        XCTAssertEqual(try store.pendingBatch(limit: 100), Array(records.suffix(5)))
        let status = try store.status(nowMillis: day0 + 60_000)
        XCTAssertEqual(status.total, 10)
        XCTAssertEqual(status.unsynced, 5)
        XCTAssertEqual(status.conflicted, 1)
        XCTAssertEqual(status.oldestUnsyncedAgeSeconds ?? -1, 60, accuracy: 0.001)
        XCTAssertGreaterThan(status.databaseBytes, 0)
        // A synced record is not turned back into a conflict (state only moves from pending).
        try store.markConflicted(ids: [records[0].id], atMillis: day0)
        XCTAssertEqual(try store.status(nowMillis: day0).conflicted, 1)
    }

    func testRefusesADigestThatCouldBeARawToken() throws {
        let store = try ScanLogStore(path: path())
        var r = RecordFactory().make(visitor: 1)
        r.tokenDigest = "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO6+IDOEZ"
        XCTAssertThrowsError(try store.append(r)) { error in
            guard case ScanLogError.invalidRecord = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try store.status(nowMillis: day0).total, 0)
        XCTAssertEqual(store.heldInMemory, 0)
    }

    func testAppendingTheSameRecordTwiceKeepsOne() throws {
        let store = try ScanLogStore(path: path())
        let r = RecordFactory().make(visitor: 3)
        try store.append(r)
        try store.append(r)
        XCTAssertEqual(try store.status(nowMillis: day0).total, 1)
    }

    func testStatusReportsNothingPendingWhenAllSynced() throws {
        let store = try ScanLogStore(path: path())
        let r = RecordFactory().make(visitor: 3)
        try store.append(r)
        try store.markSynced(ids: [r.id], atMillis: day0)
        let status = try store.status(nowMillis: day0)
        XCTAssertNil(status.oldestUnsyncedAgeSeconds)
        XCTAssertEqual(status.unsynced, 0)
    }
}
