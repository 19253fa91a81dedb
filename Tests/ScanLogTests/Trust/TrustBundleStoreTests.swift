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
}
