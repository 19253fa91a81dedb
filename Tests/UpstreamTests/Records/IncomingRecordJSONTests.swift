import Foundation
import XCTest
@testable import Upstream

/// The hand-written parser and canonical writer against Foundation's: same records in, same bytes
/// out, and every body the parser is unsure of left to `JSONDecoder`.
final class IncomingRecordJSONTests: XCTestCase {
    static let awkward = ["S*", "张*", "a\"b\\c", "tab\there", "line\nfeed\r", "\u{01}\u{1f}\u{7f}", "did:web:a/b", "é😀", ""]

    func records() -> [IncomingRecord] {
        var rng = SystemRandomNumberGenerator()
        return (0..<300).map { n in
            let pick = { (k: Int) in Self.awkward[(n + k) % Self.awkward.count] }
            let temperatures: [Double?] = [nil, 36.6, 37, 0.1 + 0.2, -0.0, 1e-7, 1e21, Double(rng.next() % 100_000) / 1000]
            return IncomingRecord(
                id: UUID().uuidString.lowercased(), deviceID: pick(0), venueID: pick(1),
                wallMillis: Int64(bitPattern: rng.next()) >> Int64(n % 64), monotonicNanos: rng.next() >> UInt64(n % 64),
                outcome: ["accept", "deny", "error"][n % 3], reason: n % 4 == 0 ? nil : pick(2),
                format: n % 5 == 0 ? nil : pick(3), issuer: n % 6 == 0 ? nil : pick(4), kid: n % 7 == 0 ? nil : pick(5),
                status: n % 3 == 0 ? nil : "green", tokenDigest: String(repeating: "ab", count: 32),
                display: n % 8 == 0 ? nil : .init(name: pick(6), idTail: pick(7)),
                temperature: temperatures[n % temperatures.count], decodeMicros: Int(rng.next() % 1_000_000),
                verifyMicros: -Int(rng.next() % 1_000), rule: n % 9 == 0 ? pick(8) : nil)
        }
    }

    func testCanonicalJSONIsByteIdenticalToSortedJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for r in records() {
            XCTAssertEqual(try r.canonicalJSON(), String(decoding: try encoder.encode(r), as: UTF8.self))
        }
    }

    func testParserReadsWhatJSONDecoderReads() throws {
        let batch = IncomingBatch(records: records())
        // Compact, pretty-printed (white space everywhere) and with slashes escaped (`\/`).
        for formatting in [[], [.prettyPrinted], [.sortedKeys, .prettyPrinted]] as [JSONEncoder.OutputFormatting] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            let body = Array(try encoder.encode(batch))
            let parsed = try XCTUnwrap(BatchParser.parse(body))
            XCTAssertEqual(parsed.records, try JSONDecoder().decode(IncomingBatch.self, from: Data(body)).records)
        }
    }

    /// Each body either parses to exactly what JSONDecoder gives, or is left to JSONDecoder.
    func testParserNeverDisagreesWithJSONDecoder() throws {
        let good = #"{"id":"0192d1f0-0000-7000-8000-000000000001","device_id":"k","venue_id":"v","wall_ms":1,"mono_ns":2,"outcome":"accept","token_digest":"d","decode_us":3,"verify_us":4"#
        let bodies = [
            "{\"records\":[\(good)}]}",
            "{\"records\":[\(good),\"extra\":{\"a\":[1,2.5e3,true,false,null,\"x\"]}}],\"more\":1}",
            "{\"records\":[\(good),\"temperature\":null,\"display\":null,\"reason\":null}]}",
            "{\"records\":[\(good),\"temperature\":36}]}",
            "{\"records\":[]}",
            // Left to JSONDecoder (malformed, wrong types, missing keys, duplicates, unusual forms):
            "{\"records\":[\(good),}]}",
            "{\"records\":[\(good)},]}",
            "{\"records\":[\(good)}]},",
            "{\"records\":[\(good)}]} x",
            "{\"records\":[\(good),\"wall_ms\":5}]}",
            "{\"records\":[\(good.replacingOccurrences(of: "\"wall_ms\":1", with: "\"wall_ms\":\"1\""))}]}",
            "{\"records\":[\(good.replacingOccurrences(of: "\"wall_ms\":1", with: "\"wall_ms\":1.0"))}]}",
            "{\"records\":[\(good.replacingOccurrences(of: "\"wall_ms\":1", with: "\"wall_ms\":99999999999999999999"))}]}",
            "{\"records\":[\(good.replacingOccurrences(of: "\"mono_ns\":2", with: "\"mono_ns\":-2"))}]}",
            "{\"records\":[\(good.replacingOccurrences(of: "\"mono_ns\":2", with: "\"mono_ns\":18446744073709551615"))}]}",
            "{\"records\":[\(good.replacingOccurrences(of: "\"mono_ns\":2,", with: ""))}]}",
            "{\"records\":[\(good.replacingOccurrences(of: "\"venue_id\":\"v\"", with: "\"venue_id\":\"\\u00e9\\/\\n\""))}]}",
            "{\"records\":[\(good.replacingOccurrences(of: "\"venue_id\":\"v\"", with: "\"venue_id\":\"\\/\\\"\\t\""))}]}",
            "{\"records\":[\(good.replacingOccurrences(of: "\"venue_id\":\"v\"", with: "\"venue_id\":\"\u{01}\""))}]}",
            "{\"records\":[\(good),\"temperature\":1e999}]}",
            "{\"records\":[\(good),\"temperature\":01}]}",
            "{\"records\":[\(good),\"display\":{\"name\":\"a\"}}]}",
            "{\"records\":[\(good),\"display\":{\"name\":\"a\",\"idTail\":\"b\",\"name\":\"c\"}}]}",
            "{\"records\":[\(good),\"extra\":[1,]}]}",
            "{\"records\":{}}",
            "{\"records\":null}",
            "{}",
            "[]",
            "",
        ]
        var parsedCount = 0
        for body in bodies {
            let bytes = Array(body.utf8)
            let reference = try? JSONDecoder().decode(IncomingBatch.self, from: Data(bytes))
            if let parsed = BatchParser.parse(bytes) {
                parsedCount += 1
                XCTAssertEqual(parsed.records, reference?.records, body)
            }
        }
        XCTAssertGreaterThanOrEqual(parsedCount, 6)
        // Invalid UTF-8 inside a string is never taken by the fast path.
        var bytes = Array("{\"records\":[\(good.replacingOccurrences(of: "\"venue_id\":\"v\"", with: "\"venue_id\":\"v#\""))}]}".utf8)
        bytes[try XCTUnwrap(bytes.firstIndex(of: UInt8(ascii: "#")))] = 0xFF
        XCTAssertNil(BatchParser.parse(bytes))
    }
}
