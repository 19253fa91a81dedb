import JSONText
import Foundation
import Passes
import TestSupport
import XCTest
@testable import ScanLog

/// The hand-written upload form must be the same JSON as `JSONEncoder` makes of a record.
final class ScanRecordJSONTests: XCTestCase {
    /// Strings that need every kind of escaping, plus non-ASCII and slashes.
    static let awkward = ["S*", "张*", "a\"b\\c", "tab\there", "line\nfeed\r", "\u{01}\u{1f}\u{7f}", "did:web:a/b", "é😀", ""]

    func records() -> [ScanRecord] {
        let factory = RecordFactory(seed: 7)
        var out = [ScanRecord]()
        var rng = SeededRNG(seed: 3)
        for n in 0..<300 {
            var r = factory.make(visitor: n, outcome: n % 4 == 0 ? .deny : .accept, reason: n % 4 == 0 ? .expired : nil)
            let pick = { (k: Int) in Self.awkward[(n + k) % Self.awkward.count] }
            r.deviceID = pick(0); r.venueID = pick(1)
            r.issuer = n % 5 == 0 ? nil : pick(2)
            r.kid = n % 6 == 0 ? nil : pick(3)
            r.format = n % 7 == 0 ? nil : .dcc
            r.status = n % 3 == 0 ? nil : .yellow
            r.display = n % 8 == 0 ? nil : MaskedDisplay(name: pick(4), idTail: pick(5))
            let temperatures: [Double?] = [nil, 36.6, 37, 0.1 + 0.2, -0.0, 1e-7, 1e21, Double(rng.next() % 100_000) / 1000]
            r.temperature = temperatures[n % temperatures.count]
            r.wallMillis = Int64(bitPattern: rng.next()) >> Int64(n % 64)
            r.monotonicNanos = rng.next() >> UInt64(n % 64)
            r.decodeMicros = Int(rng.next() % 1_000_000)
            r.rule = n % 9 == 0 ? pick(6) : nil
            out.append(r)
        }
        return out
    }

    func testSameJSONValueAsJSONEncoder() throws {
        for r in records() {
            var bytes = JSONBytes()
            r.appendJSON(to: &bytes)
            let ours = try JSONSerialization.jsonObject(with: Data(bytes.bytes)) as? NSDictionary
            let reference = try JSONSerialization.jsonObject(with: JSONEncoder().encode(r)) as? NSDictionary
            XCTAssertNotNil(ours)
            XCTAssertEqual(ours, reference, String(decoding: bytes.bytes, as: UTF8.self))
            XCTAssertEqual(try JSONDecoder().decode(ScanRecord.self, from: Data(bytes.bytes)), r)
        }
    }

    func testNumbersAreWrittenAsJSONEncoderWritesThem() throws {
        for value in [36.6, 37, 0.30000000000000004, -0.0, 1e-7, 1e21, 123456789.125, -40] {
            var bytes = JSONBytes()
            bytes.number(value)
            let reference = String(decoding: try JSONEncoder().encode([value]), as: UTF8.self)
            XCTAssertEqual("[" + String(decoding: bytes.bytes, as: UTF8.self) + "]", reference)
        }
    }

    func testIdAndDigestTextMatchFoundation() {
        let ids = RecordIDGenerator(rng: SeededRNG(seed: 11))
        for n in 0..<200 {
            let id = ids.next(millis: day0 + Int64(n))
            let uuid = UUID(uuid: (
                id.bytes[0], id.bytes[1], id.bytes[2], id.bytes[3], id.bytes[4], id.bytes[5], id.bytes[6], id.bytes[7],
                id.bytes[8], id.bytes[9], id.bytes[10], id.bytes[11], id.bytes[12], id.bytes[13], id.bytes[14], id.bytes[15]))
            XCTAssertEqual(id.description, uuid.uuidString.lowercased())
        }
        let bytes: [UInt8] = (0..<32).map { UInt8($0 * 8 + 3) }
        XCTAssertEqual(ScanRecord.digestHex(bytes), bytes.map { String(format: "%02x", $0) }.joined())
    }
}
