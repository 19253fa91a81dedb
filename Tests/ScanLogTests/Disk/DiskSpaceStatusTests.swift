import XCTest
@testable import ScanLog

final class DiskSpaceStatusTests: XCTestCase {
    let mb: UInt64 = 1024 * 1024

    func testAlarmsOnEitherThreshold() {
        let t = DiskThresholds()
        XCTAssertEqual(DiskSpaceStatus.classify(freeBytes: 500 * mb, totalBytes: 4_000 * mb, thresholds: t),
                       .ok(freeBytes: 500 * mb, totalBytes: 4_000 * mb))
        XCTAssertTrue(DiskSpaceStatus.classify(freeBytes: 199 * mb, totalBytes: 1_000 * mb, thresholds: t).isAlarm)
        XCTAssertTrue(DiskSpaceStatus.classify(freeBytes: 300 * mb, totalBytes: 100_000 * mb, thresholds: t).isAlarm)
        XCTAssertTrue(DiskSpaceStatus.classify(freeBytes: 0, totalBytes: 0, thresholds: t).isAlarm)
    }

    func testMeasuresTheRealFileSystem() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        guard case .ok(let free, let total) = DiskSpaceStatus.measure(
            path: directory.path, thresholds: DiskThresholds(minimumFreeFraction: 0, minimumFreeBytes: 0)) else {
            return XCTFail("statvfs should succeed with zero thresholds")
        }
        XCTAssertGreaterThan(total, free)
        // A threshold above the free space trips the alarm on the same file system.
        let store = try ScanLogStore(
            path: directory.appendingPathComponent("d.sqlite").path,
            configuration: ScanLogConfiguration(diskThresholds: DiskThresholds(minimumFreeBytes: free + 1 << 40)))
        XCTAssertTrue(try store.status(nowMillis: day0).disk.isAlarm)
        XCTAssertTrue(try store.status(nowMillis: day0).isAlarm)
        XCTAssertEqual(DiskSpaceStatus.measure(path: "/nonexistent/dir", thresholds: DiskThresholds()).isAlarm, true)
    }
}
