import XCTest
@testable import ScanLog

/// A damaged file or a full disk gives a typed error, never a crash and never a silent loss.
final class DamageTests: XCTestCase {
    var directory: URL!
    override func setUpWithError() throws { directory = try temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func testAFileThatIsNotADatabaseIsReportedCorrupt() throws {
        let path = directory.appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x5A, count: 16_384).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ScanLogStore(path: path)) { error in
            guard case ScanLogError.corrupt(let p, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(p, path)
        }
    }

    func testATruncatedFileIsReportedCorruptAndMovedAsideOnRecovery() throws {
        let path = directory.appendingPathComponent("t.sqlite").path
        let f = RecordFactory()
        do {
            let store = try ScanLogStore(path: path)
            try store.append(contentsOf: (0..<5_000).map { f.make(visitor: $0) })
            _ = try store.pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).intValue
        XCTAssertGreaterThan(size, 100_000)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()

        XCTAssertThrowsError(try ScanLogStore(path: path)) { error in
            guard case ScanLogError.corrupt = error else { return XCTFail("\(error)") }
        }
        let (store, moved) = try ScanLogStore.openRecovering(path: path, nowMillis: day0)
        let quarantined = try XCTUnwrap(moved)
        XCTAssertTrue(FileManager.default.fileExists(atPath: quarantined), "the damaged file is kept for recovery")
        XCTAssertEqual(try store.status(nowMillis: day0).total, 0)
        try store.append(f.make(visitor: 1))
        XCTAssertEqual(try store.status(nowMillis: day0).total, 1)
    }

    func testAFullDiskHoldsRecordsInMemoryAndWritesThemOnceSpaceIsBack() throws {
        let path = directory.appendingPathComponent("full.sqlite").path
        let store = try ScanLogStore(path: path, configuration: ScanLogConfiguration(maxPageCount: 40))
        let f = RecordFactory()
        var appended = [ScanRecord]()
        var fullError: ScanLogError?
        for v in 0..<5_000 {
            let r = f.make(visitor: v)
            appended.append(r)
            do { try store.append(r) } catch let error as ScanLogError {
                fullError = error
                break
            }
        }
        XCTAssertEqual(fullError, .diskFull(path: path, heldInMemory: 1))
        XCTAssertTrue(try store.status(nowMillis: day0).isAlarm)
        // Another scan while still full: also held, the door keeps deciding.
        let another = f.make(visitor: 9_999)
        appended.append(another)
        XCTAssertThrowsError(try store.append(another)) { error in
            XCTAssertEqual(error as? ScanLogError, .diskFull(path: path, heldInMemory: 2))
        }
        // Staff frees space: everything older is synced and past retention.
        let onDisk = appended.dropLast(2)
        try store.markSynced(ids: onDisk.map(\.id), atMillis: day0)
        XCTAssertEqual(try store.purgeExpired(nowMillis: day0 + 200 * dayMillis), onDisk.count)
        XCTAssertEqual(try store.retryHeld(), 2)
        XCTAssertEqual(store.heldInMemory, 0)
        XCTAssertEqual(try store.pendingBatch(limit: 10), Array(appended.suffix(2)))
        XCTAssertFalse(try store.status(nowMillis: day0).heldInMemory > 0)
    }
}
