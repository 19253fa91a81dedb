import XCTest
@testable import KioskWeb

final class ListenAddressTests: XCTestCase {
    func testParsesHostPortIPv6AndBarePort() throws {
        XCTAssertEqual(try ListenAddress(parsing: "127.0.0.1:8088"), ListenAddress(host: "127.0.0.1", port: 8088))
        XCTAssertEqual(try ListenAddress(parsing: "0.0.0.0:80"), ListenAddress(host: "0.0.0.0", port: 80))
        XCTAssertEqual(try ListenAddress(parsing: "[::1]:9000"), ListenAddress(host: "::1", port: 9000))
        XCTAssertEqual(try ListenAddress(parsing: "8090"), ListenAddress(host: "127.0.0.1", port: 8090), "a bare port stays on loopback")
        XCTAssertEqual(ListenAddress(host: "::1", port: 9000).description, "[::1]:9000")
        XCTAssertEqual(ListenAddress.loopback.description, "127.0.0.1:8088")
    }

    func testRefusesAnythingElseWithATypedError() {
        for bad in ["", "localhost", "127.0.0.1:", ":8088", "127.0.0.1:70000", "127.0.0.1:-1", "[::1]9000", "[::1]", "host:port"] {
            XCTAssertThrowsError(try ListenAddress(parsing: bad), bad) { error in
                XCTAssertEqual(error as? ScreensError, .badListenAddress(bad), bad)
            }
        }
    }
}
