import Foundation
import Hummingbird
import HummingbirdTesting
import Kiosk
import XCTest
@testable import KioskWeb

final class PrometheusTextTests: XCTestCase {
    /// Sample lines by series (`name{labels}` → value), checking the exposition grammar on the way:
    /// every sample belongs to a family announced by HELP and TYPE before it, each family once.
    func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [String: Double] {
        var samples: [String: Double] = [:]
        var families: [String: String] = [:]
        var helped = Set<String>()
        XCTAssertTrue(text.hasSuffix("\n"), file: file, line: line)
        for row in text.split(separator: "\n") {
            let words = row.split(separator: " ", maxSplits: 3).map(String.init)
            if row.hasPrefix("# HELP ") {
                XCTAssertTrue(helped.insert(words[2]).inserted, "HELP twice for \(words[2])", file: file, line: line)
            } else if row.hasPrefix("# TYPE ") {
                XCTAssertNil(families[words[2]], "TYPE twice for \(words[2])", file: file, line: line)
                XCTAssertTrue(helped.contains(words[2]), "TYPE before HELP for \(words[2])", file: file, line: line)
                families[words[2]] = words[3]
            } else {
                guard let space = row.lastIndex(of: " "), let value = Double(row[row.index(after: space)...]) else {
                    XCTFail("not a sample: \(row)", file: file, line: line); continue
                }
                let series = String(row[..<space])
                let name = String(series.prefix { $0 != "{" })
                let family = families.keys.first { name == $0 || (families[$0] == "histogram" && name.hasPrefix($0 + "_")) }
                XCTAssertNotNil(family, "sample \(name) has no TYPE line before it", file: file, line: line)
                samples[series] = value
            }
        }
        return samples
    }

    func testRendersWhatTheKioskDidAsCountersGaugesAndAHistogram() async throws {
        let door = try Door()
        try await door.scan(name: "张*")
        try await door.scan(status: .red, name: "王*")
        try await door.scan(forged: true)
        let samples = parse(PrometheusText.render(await door.board.snapshot()))

        XCTAssertEqual(samples["threshold_decisions_total{outcome=\"allow\",reason=\"welcome\"}"], 1)
        XCTAssertEqual(samples["threshold_decisions_total{outcome=\"deny\",reason=\"status-red\"}"], 1)
        XCTAssertEqual(samples["threshold_decisions_total{outcome=\"deny\",reason=\"pass.unknown-key\"}"], 1, "the forged pass")
        XCTAssertEqual(samples["threshold_outbox_depth"], 3)
        XCTAssertEqual(samples["threshold_oldest_unsynced_seconds"], 20)
        XCTAssertEqual(samples["threshold_trust_age_seconds"], 30)
        XCTAssertEqual(samples["threshold_trust_stale"], 0)
        XCTAssertEqual(samples["threshold_occupancy"], 1)
        XCTAssertEqual(samples["threshold_frames_total"], 0)
        XCTAssertEqual(samples["threshold_zbar_disagreements_total"], 0)
        XCTAssertEqual(samples["threshold_hardware_faults_total"], 0)
        XCTAssertNil(samples["threshold_last_sync_timestamp_seconds"], "no upstream: the gauge is absent, not zero")

        // Histogram: cumulative, monotone, +Inf equals the count equals the decisions.
        let bounds = KioskMetrics.latencyBucketsMs.map { PrometheusWriter.number($0 / 1000) } + ["+Inf"]
        let buckets = bounds.map { samples["threshold_decision_latency_seconds_bucket{le=\"\($0)\"}"] }
        XCTAssertFalse(buckets.contains(nil), "\(bounds)")
        let values = buckets.compactMap { $0 }
        XCTAssertEqual(values, values.sorted())
        XCTAssertEqual(values.last, 3)
        XCTAssertEqual(samples["threshold_decision_latency_seconds_count"], 3)
        XCTAssertNotNil(samples["threshold_decision_latency_seconds_sum"])
        XCTAssertEqual(bounds.first, "0.001")
    }

    func testHistogramBucketsAreMadeCumulativeFromPerBucketCounts() async throws {
        let door = try Door()
        var status = await door.board.snapshot()
        // 2 decisions ≤ 1 ms, 1 in (5, 10] ms, 1 over 250 ms.
        status.metrics.latencyBuckets = [2, 0, 0, 1, 0, 0, 0, 0, 0, 1]
        status.metrics.latencyMicrosTotal = 300_000
        let samples = parse(PrometheusText.render(status))
        XCTAssertEqual(samples["threshold_decision_latency_seconds_bucket{le=\"0.001\"}"], 2)
        XCTAssertEqual(samples["threshold_decision_latency_seconds_bucket{le=\"0.005\"}"], 2)
        XCTAssertEqual(samples["threshold_decision_latency_seconds_bucket{le=\"0.01\"}"], 3)
        XCTAssertEqual(samples["threshold_decision_latency_seconds_bucket{le=\"0.25\"}"], 3)
        XCTAssertEqual(samples["threshold_decision_latency_seconds_bucket{le=\"+Inf\"}"], 4)
        XCTAssertEqual(samples["threshold_decision_latency_seconds_count"], 4)
        XCTAssertEqual(samples["threshold_decision_latency_seconds_sum"], 0.3)
    }

    func testLabelValuesAndNumbersAreEscapedAndWrittenExactly() {
        var writer = PrometheusWriter()
        writer.family("x_total", .counter, help: "A help with a \\ and a\nnewline.")
        writer.sample("x_total", [("reason", "a \"quoted\" \\ back\nslash")], 2)
        XCTAssertEqual(writer.text, """
            # HELP x_total A help with a \\\\ and a\\nnewline.
            # TYPE x_total counter
            x_total{reason="a \\"quoted\\" \\\\ back\\nslash"} 2

            """)
        XCTAssertEqual(PrometheusWriter.number(0.025), "0.025")
        XCTAssertEqual(PrometheusWriter.number(1_795_255_200), "1795255200")
        XCTAssertEqual(PrometheusWriter.number(.infinity), "+Inf")
        XCTAssertEqual(PrometheusWriter.number(.nan), "NaN")
    }

    func testMetricsRouteServesTheTextFormat() async throws {
        let door = try Door()
        try await door.scan()
        let router = door.screens().router()
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get, headers: operatorHeaders) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], PrometheusText.contentType)
                let text = String(buffer: r.body)
                XCTAssertTrue(text.contains("# TYPE threshold_decision_latency_seconds histogram\n"))
                XCTAssertTrue(text.contains("threshold_decisions_total{outcome=\"allow\",reason=\"welcome\"} 1\n"))
            }
        }
    }
}
