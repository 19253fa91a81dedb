import XCTest
@testable import ScanLog

final class ExportTests: XCTestCase {
    var store: ScanLogStore!
    var records: [ScanRecord] = []
    var directory: URL!

    override func setUpWithError() throws {
        directory = try temporaryDirectory()
        store = try ScanLogStore(path: directory.appendingPathComponent("e.sqlite").path)
        let f = RecordFactory(startMillis: day0)
        records = (0..<3_000).map { i in
            f.clock.advance(millis: 1_000)
            var r = f.make(visitor: i, outcome: i % 7 == 0 ? .deny : .accept, reason: i % 7 == 0 ? .revoked : nil)
            if i == 5 { r.issuer = "Health, \"Ministry\" of Tests" }  // needs CSV quoting (a newline is hashed at the source)
            return r
        }
        try store.append(contentsOf: records)
        try store.markSynced(ids: [records[0].id], atMillis: day0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func testJSONExportRoundTripsTheRangeInChunks() throws {
        let from = records[100].wallMillis, to = records[2_900].wallMillis
        var chunks = [String]()
        let count = try store.export(fromMillis: from, toMillis: to, format: .json) { chunks.append($0) }
        XCTAssertEqual(count, 2_800)
        XCTAssertGreaterThan(chunks.count, 1, "streamed, not built in one piece")
        let decoded = try JSONDecoder().decode([ScanRecord].self, from: Data(chunks.joined().utf8))
        XCTAssertEqual(decoded, Array(records[100..<2_900]))
    }

    func testCSVExportHasAHeaderOneLinePerRecordAndQuotes() throws {
        var text = ""
        let count = try store.export(fromMillis: records[0].wallMillis, toMillis: records[10].wallMillis, format: .csv) { text += $0 }
        XCTAssertEqual(count, 10)
        let rows = parseCSV(text)
        XCTAssertEqual(rows.count, 11)
        XCTAssertEqual(rows[0].first, "id")
        XCTAssertEqual(rows[0].count, 20)
        XCTAssertTrue(rows.allSatisfy { $0.count == 20 })
        XCTAssertEqual(rows[1][0], records[0].id.description)
        XCTAssertEqual(rows[1][18], "synced")
        XCTAssertEqual(rows[2][18], "pending")
        XCTAssertEqual(rows[6][9], "Health, \"Ministry\" of Tests")
        XCTAssertEqual(rows[1][12], records[0].tokenDigest)
        XCTAssertEqual(rows[1][3], "2026-11-21T00:00:01.000Z")
    }

    func testEmptyRangeIsValidOutput() throws {
        var json = ""
        XCTAssertEqual(try store.export(fromMillis: 0, toMillis: 1, format: .json) { json += $0 }, 0)
        XCTAssertEqual(try JSONDecoder().decode([ScanRecord].self, from: Data(json.utf8)), [])
    }

    /// Minimal RFC 4180 reader, independent of the writer under test.
    func parseCSV(_ text: String) -> [[String]] {
        var rows = [[String]](), row = [String](), field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        return rows
    }
}
