import XCTest
import Passes
@testable import ScanLog

final class AggregatesTests: XCTestCase {
    func testBucketsOutcomesNonGreenAndRepeats() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ScanLogStore(path: directory.appendingPathComponent("a.sqlite").path)
        let f = RecordFactory(startMillis: day0)
        var records = [ScanRecord]()
        // 30 scans, one every 40 s (so 7.5 per 5-minute bucket), visitors 0..<20 (10 come twice).
        for i in 0..<30 {
            let deny = i % 4 == 0
            let status: HealthStatus? = i % 10 == 0 ? nil : (i % 3 == 0 ? .yellow : .green)
            records.append(f.make(visitor: i % 20, outcome: deny ? .deny : .accept, reason: deny ? .expired : nil, status: status))
            f.clock.advance(millis: 40_000)
        }
        try store.append(contentsOf: records)
        // Computed independently from the array.
        let buckets = try store.scansPerFiveMinutes(fromMillis: day0, toMillis: day0 + 3_600_000)
        let expected = Dictionary(grouping: records) { $0.wallMillis / 300_000 * 300_000 }
        XCTAssertEqual(buckets.map(\.startMillis), expected.keys.sorted())
        for b in buckets {
            let rs = expected[b.startMillis] ?? []
            XCTAssertEqual(b.total, rs.count)
            XCTAssertEqual(b.accepted, rs.filter { $0.outcome == .accept }.count)
            XCTAssertEqual(b.denied, rs.filter { $0.outcome == .deny }.count)
        }
        XCTAssertEqual(buckets.map(\.total).reduce(0, +), 30)

        let counts = try store.outcomeCounts(fromMillis: day0, toMillis: day0 + 3_600_000)
        XCTAssertEqual(counts, OutcomeCounts(accepted: 22, denied: 8, errors: 0))

        let known = records.filter { $0.status != nil }
        let ratio = try XCTUnwrap(try store.nonGreenRatio(fromMillis: day0, toMillis: day0 + 3_600_000))
        XCTAssertEqual(ratio, Double(known.filter { $0.status != .green }.count) / Double(known.count), accuracy: 1e-12)

        let repeats = try store.repeatVisits(fromMillis: day0, toMillis: day0 + 3_600_000)
        XCTAssertEqual(repeats, RepeatVisits(repeatVisitors: 10, repeatScans: 10, distinctVisitors: 20))

        // Half-open ranges: the first bucket only.
        XCTAssertEqual(try store.outcomeCounts(fromMillis: day0, toMillis: day0 + 300_000).total, 8)
        XCTAssertNil(try store.nonGreenRatio(fromMillis: 0, toMillis: 1))
    }

    /// A valid pass turned away by a venue rule (fever, capacity…) kept the door shut: the
    /// dashboard counts it as denied, and the record keeps both facts.
    func testAVenueRuleDenialCountsAsDenied() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ScanLogStore(path: directory.appendingPathComponent("r.sqlite").path)
        let f = RecordFactory(startMillis: day0)
        var fever = f.make(visitor: 1)
        fever.rule = "fever"
        let admitted = f.make(visitor: 2)
        try store.append(contentsOf: [fever, admitted])
        XCTAssertEqual(try store.outcomeCounts(fromMillis: day0, toMillis: day0 + 3_600_000), OutcomeCounts(accepted: 1, denied: 1, errors: 0))
        let bucket = try XCTUnwrap(try store.scansPerFiveMinutes(fromMillis: day0, toMillis: day0 + 3_600_000).first)
        XCTAssertEqual([bucket.accepted, bucket.denied], [1, 1])
        let stored = try XCTUnwrap(try store.record(id: fever.id))
        XCTAssertEqual(stored.rule, "fever")
        XCTAssertEqual(stored.outcome, .accept)
        XCTAssertFalse(stored.admitted)
        XCTAssertNil(try store.record(id: admitted.id)?.rule)
    }
}
