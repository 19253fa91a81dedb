import TestSupport
import Foundation
import Passes
import XCTest
@testable import ScanLog

/// Finding 2 of issue 13 at its source: text a forged QR chooses (its `kid`, its issuer, its
/// display) is bounded before the record is written, and a changed value says so.
final class RecordBoundsTests: XCTestCase {
    func forgedVerdict(kid: String, issuer: String = "did:web:health.example", name: String = "S*") -> Verdict {
        Verdict(outcome: .deny, reason: .unknownKey, format: .threshold, issuer: issuer, kid: kid,
                display: MaskedDisplay(name: name, idTail: "***1234"), tokenDigest: String(repeating: "0f", count: 32))
    }

    func testOneForgedQRStopsAllUploadsForGoodBecauseItsKidWasStoredUnbounded() throws {
        let factory = RecordFactory()
        let kid = String(repeating: "K", count: 200) + "\u{1F600}"
        let record = ScanRecord(verdict: forgedVerdict(kid: kid), deviceID: "kiosk-7", venueID: "venue-1",
                                clock: factory.clock, ids: factory.ids, decodeMicros: 1, verifyMicros: 1)
        XCTAssertEqual(record.kid, "sha256:" + TokenDigest(of: kid).hex)
        XCTAssertLessThanOrEqual(record.kid?.utf8.count ?? .max, RecordBounds.identifierBytes)

        // A record built any other way is bounded when it is appended.
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ScanLogStore(path: directory.appendingPathComponent("log.sqlite").path)
        var raw = factory.make(visitor: 1)
        raw.kid = kid
        raw.issuer = "https://evil.example/" + String(repeating: "x", count: 1_000)
        raw.display = MaskedDisplay(name: String(repeating: "张", count: 40), idTail: "***\n=cmd")
        try store.append(raw)
        let stored = try XCTUnwrap(try store.record(id: raw.id))
        XCTAssertEqual(stored.kid, "sha256:" + TokenDigest(of: kid).hex)
        XCTAssertEqual(stored.issuer, "sha256:" + TokenDigest(of: raw.issuer ?? "").hex)
        XCTAssertLessThanOrEqual(stored.display?.name.utf8.count ?? .max, RecordBounds.displayBytes)
        XCTAssertTrue(stored.display?.name.hasSuffix("…") ?? false, "a cut display says so")
        XCTAssertTrue(stored.display?.name.hasPrefix("张张张") ?? false, "cut on whole characters")
        XCTAssertEqual(stored.display?.idTail, "***\u{FFFD}=cmd", "no control characters")
    }

    func testShortPrintableFieldsAreKeptAsTheyAre() {
        XCTAssertEqual(RecordBounds.identifier("did:web:health.example"), "did:web:health.example")
        XCTAssertEqual(RecordBounds.identifier(String(repeating: "a", count: 128)), String(repeating: "a", count: 128))
        XCTAssertEqual(RecordBounds.identifier(String(repeating: "a", count: 129)).count, 71)
        XCTAssertEqual(RecordBounds.identifier("k1\u{0}"), "sha256:" + TokenDigest(of: "k1\u{0}").hex)
        XCTAssertEqual(RecordBounds.display("张*"), "张*")
        let record = RecordFactory().make(visitor: 5)
        XCTAssertEqual(record.bounded(), record)
    }

    func testBoundsHoldForRandomText() {
        var rng = SeededRNG(seed: 13)
        for _ in 0..<2_000 {
            let count = Int(rng.next() % 400)
            let text = String(String.UnicodeScalarView((0..<count).compactMap { _ in
                Unicode.Scalar(UInt32(rng.next() % 3 == 0 ? rng.next() % 0x80 : rng.next() % 0x11_0000))
            }))
            XCTAssertLessThanOrEqual(RecordBounds.identifier(text).utf8.count, RecordBounds.identifierBytes)
            let shown = RecordBounds.display(text)
            XCTAssertLessThanOrEqual(shown.utf8.count, RecordBounds.displayBytes)
            XCTAssertFalse(shown.unicodeScalars.contains { $0.value < 0x20 })
        }
    }
}
