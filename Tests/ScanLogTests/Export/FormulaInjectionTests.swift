import Foundation
import JSONText
import Passes
import XCTest
@testable import ScanLog

/// Finding 5 of issue 13: the CSV export wrote `=HYPERLINK(...)` from a QR header verbatim, and a
/// spreadsheet ran it as a formula.
final class FormulaInjectionTests: XCTestCase {
    func testCSVExportWritesAFormulaFromAQRHeaderVerbatim() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ScanLogStore(path: directory.appendingPathComponent("f.sqlite").path)
        let factory = RecordFactory()
        let formulas = ["=HYPERLINK(\"https://evil.example\",\"pay\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tx", "\r=1"]
        var records = [ScanRecord]()
        for (i, formula) in formulas.enumerated() {
            factory.clock.advance(millis: 1_000)
            var r = factory.make(visitor: i)
            r.issuer = formula
            r.kid = formula
            records.append(r)
        }
        try store.append(contentsOf: records)
        var text = ""
        try store.export(fromMillis: 0, toMillis: .max, format: .csv) { text += $0 }
        for formula in formulas {
            XCTAssertFalse(text.contains("," + formula), "\(formula.debugDescription) written as a cell that starts a formula")
            XCTAssertFalse(text.contains(",\"" + formula.replacingOccurrences(of: "\"", with: "\"\"")), formula.debugDescription)
        }
        XCTAssertTrue(text.contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"pay\"\")\","), "kept, as text")
        XCTAssertTrue(text.contains(",'-2+3,"))
    }

    func testNumbersStayNumbersAndOtherCellsAreUnchanged() {
        for number in ["-3", "-1.5", "+2", "-1.5e3", "36.6", "0"] { XCTAssertEqual(CSVCell.text(number), number) }
        XCTAssertEqual(CSVCell.text("-"), "'-")
        XCTAssertEqual(CSVCell.text("-1.5e"), "'-1.5e")
        XCTAssertEqual(CSVCell.text("did:web:health.example"), "did:web:health.example")
        XCTAssertEqual(CSVCell.text("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVCell.text("=a,\"b\""), "\"'=a,\"\"b\"\"\"")
        XCTAssertEqual(CSVCell.text("two\nlines"), "\"two\nlines\"")
    }
}
