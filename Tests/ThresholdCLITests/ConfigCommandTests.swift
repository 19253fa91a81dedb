import Foundation
import TestSupport
import XCTest

/// `threshold config check`: OK with a summary for the bundled venues, `FILE:LINE: key: message`
/// for every problem and exit 1 otherwise.
final class ConfigCommandTests: XCTestCase {
    func testBundledVenuesPassCheck() throws {
        let dir = Corpora.packageRoot().appendingPathComponent("sim/venues")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".toml") }.sorted()
            .map { dir.appendingPathComponent($0).path }
        XCTAssertGreaterThanOrEqual(files.count, 4)
        let result = try ThresholdProcess.run(["config", "check"] + files)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdoutLines.count, files.count)
        XCTAssertTrue(result.stdoutLines.allSatisfy { $0.contains(": OK — ") }, result.stdout)
    }

    func testEveryErrorIsPrintedWithFileAndLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-venue-\(UUID().uuidString).toml")
        try """
        [venue]
        id = "x"
        name = "A name that is far too long for the screen"
        [rules]
        debounce_secs = 5
        [rules.temperature]
        threshold_c = 50
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ThresholdProcess.run(["config", "check", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdoutLines.map { $0.split(separator: ":").prefix(3).joined(separator: ":") }, [
            "\(file.path):3: venue.name",
            "\(file.path):5: rules.debounce_secs",
            "\(file.path):7: rules.temperature.threshold_c",
        ])
    }
}
