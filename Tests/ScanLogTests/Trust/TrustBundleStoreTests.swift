import XCTest
@testable import ScanLog

final class TrustBundleStoreTests: XCTestCase {
    func testLatestBundleReplacesThePreviousAndSurvivesReopen() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t.sqlite").path
        do {
            let bundles = try ScanLogStore(path: path).trustBundles
            XCTAssertNil(try bundles.latest(.trustList))
            try bundles.save(TrustBundle(kind: .trustList, bytes: Data([1, 2, 3]), version: 1, etag: "\"a\"", fetchedMillis: day0))
            try bundles.save(TrustBundle(kind: .trustList, bytes: Data([4, 5]), version: 2, etag: "\"b\"", fetchedMillis: day0 + 1))
            try bundles.save(TrustBundle(kind: .revocationList, bytes: Data([9]), fetchedMillis: day0 + 2))
            try bundles.touch(.revocationList, fetchedMillis: day0 + 50)
        }
        let bundles = try ScanLogStore(path: path).trustBundles
        XCTAssertEqual(
            try bundles.latest(.trustList),
            TrustBundle(kind: .trustList, bytes: Data([4, 5]), version: 2, etag: "\"b\"", fetchedMillis: day0 + 1))
        XCTAssertEqual(try bundles.latest(.revocationList)?.fetchedMillis, day0 + 50)
        XCTAssertNil(try bundles.latest(.venueConfig))
    }

    /// Finding 5 of issue 13: `run --trust FILE` installed an older trust list over a newer one,
    /// and a pass revoked since was admitted again. The kept version is a durable floor.
    func testRunTrustInstallsAnOlderTrustListOverANewerOne() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t.sqlite").path
        try ScanLogStore(path: path).trustBundles.save(TrustBundle(kind: .trustList, bytes: Data([7]), version: 7, fetchedMillis: day0))
        let bundles = try ScanLogStore(path: path).trustBundles  // after a restart too
        XCTAssertThrowsError(try bundles.save(TrustBundle(kind: .trustList, bytes: Data([3]), version: 3, fetchedMillis: day0 + 1))) {
            XCTAssertEqual($0 as? ScanLogError, .rollback(kind: "trust-list", stored: 7, offered: 3))
        }
        XCTAssertEqual(try bundles.latest(.trustList)?.version, 7, "the newer list is kept")
        try bundles.save(TrustBundle(kind: .trustList, bytes: Data([7, 7]), version: 7, fetchedMillis: day0 + 2))
        try bundles.save(TrustBundle(kind: .trustList, bytes: Data([8]), version: 8, fetchedMillis: day0 + 3))
        try bundles.save(TrustBundle(kind: .trustList, bytes: Data([3]), version: 3, fetchedMillis: day0 + 4), allowingRollback: true)
        XCTAssertEqual(try bundles.latest(.trustList)?.version, 3, "an explicit override is obeyed")
    }
}
