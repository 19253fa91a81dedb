import TestSupport
import XCTest
@testable import Sync

final class BackoffTests: XCTestCase {
    func testFullJitterStaysUnderTheExponentialCeilingAndSpreads() {
        let policy = BackoffPolicy(base: .milliseconds(100), cap: .seconds(5))
        var rng = SeededRNG(seed: 11)
        for attempt in 0..<12 {
            let ceiling = min(Duration.seconds(5), .milliseconds(100 << attempt))
            let waits = (0..<200).map { _ in policy.delay(attempt: attempt, using: &rng) }
            XCTAssertTrue(waits.allSatisfy { $0 >= .zero && $0 <= ceiling }, "attempt \(attempt)")
            // Full jitter uses the whole range, not just the top.
            XCTAssertLessThan(waits.min() ?? .zero, ceiling / 4)
            XCTAssertGreaterThan(waits.max() ?? .zero, ceiling * 3 / 4)
        }
        var a = SeededRNG(seed: 5), b = SeededRNG(seed: 5)
        XCTAssertEqual(policy.delay(attempt: 3, using: &a), policy.delay(attempt: 3, using: &b), "injected RNG → reproducible")
        XCTAssertEqual(policy.delay(retryAfter: .seconds(999_999)), .seconds(3600))
    }

    func testRetryAfterSecondsAndHTTPDate() {
        let now: Int64 = 1_445_412_480_000  // Wed, 21 Oct 2015 07:28:00 GMT
        XCTAssertEqual(RetryAfter.seconds("120", nowMillis: now), 120)
        XCTAssertEqual(RetryAfter.seconds("Wed, 21 Oct 2015 07:29:30 GMT", nowMillis: now), 90)
        XCTAssertEqual(RetryAfter.seconds("Wed, 21 Oct 2015 07:20:00 GMT", nowMillis: now), 0, "a past date means now")
        XCTAssertNil(RetryAfter.seconds("soon", nowMillis: now))
        XCTAssertNil(RetryAfter.seconds("-5", nowMillis: now))
        XCTAssertNil(RetryAfter.seconds(nil, nowMillis: now))
    }

    func testGzipRoundTripsThroughTheServersInflater() throws {
        let text = Array(String(repeating: "{\"outcome\":\"accept\",\"kid\":\"k1\"},", count: 2_000).utf8)
        let gz = try XCTUnwrap(GzipEncoder.compress(text))
        XCTAssertEqual(Array(gz.prefix(2)), [0x1F, 0x8B], "gzip magic")
        XCTAssertLessThan(gz.count, text.count / 20)
        XCTAssertEqual(try Upstream.Gzip.decompress(gz, limit: 1 << 20), text)
    }
}

import Upstream
