import TestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import KioskWeb

/// Finding 3 of issue 13: one unauthenticated GET killed the door process.
/// `/export?to=-9223372036854775808` computed `to - 24 h` and trapped on overflow. Every query
/// parameter is now parsed with bounds: whatever the value, the answer is a 200 or a 400 with a
/// reason, and the process lives on (a trap here would end the whole test run).
final class HostileQueryTests: XCTestCase {
    static let hostile: [String] = [
        "-9223372036854775808", "9223372036854775807", "-9223372036854775809", "9223372036854775808",
        "-1", "0", "-0", "+1", "1e309", "-1e309", "NaN", "inf", "0x7fffffffffffffff", "253402300799999",
        "253402300800000", "99999999999999999999999999999999", "9999-12-31T23:59:59.999Z", "10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-11-21T10:00:00+99:99",
        "2026-11-21T10:00:00.0000000000000000001Z", "2026-11-21", "T", "Z", " ", "%00", "\u{0}", "é", "☃",
        String(repeating: "9", count: 5_000), String(repeating: "2026-11-21T10:00:00Z", count: 300),
        "2147483648", "-2147483649", "2160", "2161", "csv", "json", "CSV", "xml",
    ]

    func testOneUnauthenticatedGETKillsTheDoorProcess() async throws {
        let door = try Door()
        try await door.scan()
        var rng = SeededRNG(seed: 2026)
        let alphabet = Array("0123456789-+:.TZeE ,x%é☃\u{0}")
        var values = Self.hostile
        for _ in 0..<400 {
            let length = Int(rng.next() % 30)
            values.append(String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }))
            values.append(String(Int64(bitPattern: rng.next())))
        }
        let uris = values.flatMap { value -> [String] in
            let v = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return ["/export?to=\(v)", "/export?from=\(v)", "/export?from=\(v)&to=\(v)", "/export?format=\(v)",
                    "/api/aggregates?hours=\(v)"]
        }
        let headers = operatorHeaders
        try await door.test { client in
            for uri in uris {
                try await client.execute(uri: uri, method: .get, headers: headers) { r in
                    XCTAssertTrue(r.status == .ok || r.status == .badRequest, "\(uri): \(r.status)")
                    if r.status == .badRequest {
                        let error = try json(r.body)["error"] as? String ?? ""
                        XCTAssertFalse(error.isEmpty, uri)
                        XCTAssertLessThan(error.utf8.count, 400, "a hostile value is not echoed in full: \(uri)")
                    }
                }
            }
            try await client.execute(uri: "/export?to=-9223372036854775808", method: .get, headers: headers) { r in
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertTrue((try json(r.body)["error"] as? String ?? "").contains("between 1970 and 9999"))
            }
        }
    }
}
