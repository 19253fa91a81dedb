import XCTest
@testable import Policy

final class TOMLParserTests: XCTestCase {
    func testParsesEveryValueKindWithLines() throws {
        let doc = try TOMLParser.parse("""
        # comment
        title = "a \\"quoted\\" \\u00e9\\tb" # trailing comment
        lit = 'C:\\path'
        n = -1_000
        hex = 0xff
        f = 37.3
        e = 1e3
        yes = true
        t = 09:30
        ts = 21:15:30
        d = 2026-11-21
        arr = [
          1, 2, # comment inside
          3,
        ]
        inline = { a = 1, b.c = "x" }
        dotted.key = "v"
        "quoted key" = 1

        [table.sub]
        k = false

        [[items]]
        name = "one"
        [[items]]
        name = "two"
        """)
        XCTAssertEqual(doc["title"], TOMLNode(.string("a \"quoted\" é\tb"), line: 2))
        XCTAssertEqual(doc["lit"]?.value, .string("C:\\path"))
        XCTAssertEqual(doc["n"]?.value, .integer(-1000))
        XCTAssertEqual(doc["hex"]?.value, .integer(255))
        XCTAssertEqual(doc["f"]?.value, .float(37.3))
        XCTAssertEqual(doc["e"]?.value, .float(1000))
        XCTAssertEqual(doc["yes"]?.value, .boolean(true))
        XCTAssertEqual(doc["t"]?.value, .localTime(9 * 3600 + 30 * 60))
        XCTAssertEqual(doc["ts"]?.value, .localTime(21 * 3600 + 15 * 60 + 30))
        XCTAssertEqual(doc["d"]?.value, .localDate(year: 2026, month: 11, day: 21))
        guard case .array(let arr)? = doc["arr"]?.value else { return XCTFail("arr") }
        XCTAssertEqual(arr.map(\.value), [.integer(1), .integer(2), .integer(3)])
        XCTAssertEqual(arr.map(\.line), [13, 13, 14])
        guard case .table(let inline)? = doc["inline"]?.value, case .table(let b)? = inline["b"]?.value else { return XCTFail("inline") }
        XCTAssertEqual(inline["a"]?.value, .integer(1))
        XCTAssertEqual(b["c"]?.value, .string("x"))
        guard case .table(let dotted)? = doc["dotted"]?.value else { return XCTFail("dotted") }
        XCTAssertEqual(dotted["key"]?.value, .string("v"))
        XCTAssertEqual(doc["quoted key"]?.value, .integer(1))
        guard case .table(let table)? = doc["table"]?.value, case .table(let sub)? = table["sub"]?.value else { return XCTFail("table") }
        XCTAssertEqual(sub["k"], TOMLNode(.boolean(false), line: 21))
        XCTAssertEqual(doc["table"]?.value.kindName, "a table")
        guard case .array(let items)? = doc["items"]?.value else { return XCTFail("items") }
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items.map(\.line), [23, 25])
        guard case .table(let second)? = items.last?.value else { return XCTFail("second") }
        XCTAssertEqual(second["name"]?.value, .string("two"))
    }

    /// Each syntax error kind, with the line it must report.
    func testEveryErrorKindReportsItsLine() {
        let cases: [(String, Int, TOMLError.Kind)] = [
            ("a = 1\nb = \"open\n", 2, .unterminatedString),
            ("a = 1\n\nb = \"bad \\q\"", 3, .invalidEscape("q")),
            ("a = \"\\u12\"", 1, .invalidEscape("u12")),
            ("a = 1\nb = 01", 2, .invalidNumber("01")),
            ("a = 1__0", 1, .invalidNumber("1__0")),
            ("a = 1.", 1, .invalidNumber("1.")),
            ("a = 99999999999999999999", 1, .invalidNumber("99999999999999999999")),
            ("a = 25:00", 1, .invalidDateTime("25:00")),
            ("a = 2026-02-30", 1, .invalidDateTime("2026-02-30")),
            ("a = 1\na = 2", 2, .duplicateKey("a")),
            ("[t]\nx = 1\n[t]\n", 3, .tableRedefined("t")),
            ("t = 1\n[t]", 2, .tableRedefined("t")),
            ("t = 1\n[t.x]", 2, .immutableValue("t.x")),
            ("t = { a = 1 }\nt.b = 2", 2, .immutableValue("t.b")),
            ("a = 1 b = 2", 1, .trailingContent("\"b\"")),
            ("a = \"x\u{01}\"", 1, .controlCharacter),
            ("a =\n", 1, .unexpected(found: "the end of the line", expected: "a value")),
            ("a = yes", 1, .unexpected(found: "\"yes\"", expected: "a value (strings need quotes)")),
            ("= 1", 1, .unexpected(found: "\"=\"", expected: "a key")),
            ("a 1", 1, .unexpected(found: "\"1\"", expected: "\"=\" after the key")),
            ("a = [1, 2\nb = 3", 2, .unexpected(found: "\"b\"", expected: "\",\" or \"]\"")),
            ("a = { x = 1\n}", 1, .unexpected(found: "the end of the line", expected: "\",\" or \"}\" (inline tables stay on one line)")),
            ("[a\n", 1, .unexpected(found: "the end of the line", expected: "\"]\"")),
        ]
        for (text, line, kind) in cases {
            XCTAssertThrowsError(try TOMLParser.parse(text), text) { error in
                guard let error = error as? TOMLError else { return XCTFail("not a TOMLError: \(error)") }
                XCTAssertEqual(error.line, line, text)
                XCTAssertEqual(error.kind, kind, text)
                XCTAssertFalse(error.message.isEmpty)
            }
        }
    }

    func testOffsetDateTimeAndMultilineStringsAreRefused() {
        XCTAssertThrowsError(try TOMLParser.parse("a = 2026-11-21 10:00:00"))
        XCTAssertThrowsError(try TOMLParser.parse("a = 10:00:00Z"))
        XCTAssertThrowsError(try TOMLParser.parse("a = \"\"\"x\"\"\""))
    }

    func testArrayOfTablesExtendsTheLastElement() throws {
        let doc = try TOMLParser.parse("[[a]]\nx = 1\n[a.b]\ny = 2\n[[a]]\nx = 3")
        guard case .array(let items)? = doc["a"]?.value, case .table(let first)? = items.first?.value,
              case .table(let b)? = first["b"]?.value else { return XCTFail("shape") }
        XCTAssertEqual(b["y"]?.value, .integer(2))
        XCTAssertEqual(items.count, 2)
    }
}
