import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import KioskWeb
import Markup

final class PagesTests: XCTestCase {
    func testEscapesEveryCharacterThatCouldOpenMarkup() {
        XCTAssertEqual(Markup.escape("河畔 <script>alert('x')</script> & \"y\""),
                       "河畔 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;")
        XCTAssertEqual(Markup.escape("东门"), "东门")
    }

    func testVisitorScreenIsSelfContainedAndShowsTheVenueEscaped() async throws {
        let door = try Door()
        let router = door.screens(idleSeconds: 12).router()
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8")
                let page = String(buffer: r.body)
                XCTAssertTrue(page.contains("<div id=\"venue\">河畔商场 &lt;B&amp;C&gt; &quot;东门&quot;</div>"))
                XCTAssertFalse(page.contains("<B&C>"), "the raw venue name never reaches the markup")
                XCTAssertTrue(page.contains("请出示通行码"))
                XCTAssertTrue(page.contains("Please show your pass"))
                XCTAssertTrue(page.contains("data-idle=\"12\""))
                XCTAssertTrue(page.contains("new EventSource('/events'"))
                Self.assertNothingExternal(page)
            }
            try await client.execute(uri: "/dashboard", method: .get, headers: operatorHeaders) { r in
                XCTAssertEqual(r.status, .ok)
                let page = String(buffer: r.body)
                XCTAssertTrue(page.contains("河畔商场 &lt;B&amp;C&gt; &quot;东门&quot; · 运营面板"))
                XCTAssertTrue(page.contains("/api/aggregates?hours="))
                XCTAssertTrue(page.contains("setInterval(poll, 2000)"))
                Self.assertNothingExternal(page)
            }
        }
    }

    /// Works offline: no script, style, font or image from another origin.
    static func assertNothingExternal(_ page: String, file: StaticString = #filePath, line: UInt = #line) {
        for needle in ["src=\"http", "href=\"http", "src='http", "@import", "url(http", "//cdn", "<link "] {
            XCTAssertFalse(page.contains(needle), needle, file: file, line: line)
        }
    }
}
