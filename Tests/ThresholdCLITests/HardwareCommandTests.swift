import Foundation
import TestSupport
import XCTest

/// `threshold hardware test` as the built binary on the simulated example config (the HIL rig
/// runs the same command on real kernel drivers): the pulse's JSON and stderr markers, and typed
/// failures with exit status 1.
final class HardwareCommandTests: XCTestCase {
    private var simulated: String { Corpora.packageRoot().appendingPathComponent("hardware/simulated.json").path }

    func testPulseReportsLineAndDuration() throws {
        let result = try ThresholdProcess.run(["hardware", "test", "--config", simulated, "--pulse-ms", "120"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let info = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
        XCTAssertEqual(info["backend"] as? String, "simulated")
        let relay = try XCTUnwrap(info["relay"] as? [String: Any])
        XCTAssertEqual(relay["line"] as? Int, 17)
        XCTAssertEqual(relay["pulse_ms"] as? Int, 120)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(relay["elapsed_ms"] as? Int), 120)
        XCTAssertEqual(result.stderrLines, ["relay: line 17 high for 120 ms", "relay: line 17 low"])
    }

    func testMissingThermometerAndBadArgumentsFail() throws {
        let noSensor = try ThresholdProcess.run(["hardware", "test", "--config", simulated, "--read-temperature"])
        XCTAssertEqual(noSensor.status, 1)
        XCTAssertTrue(noSensor.stdout.contains(#""temperature": {"error": "the config has no thermometer"}"#), noSensor.stdout)
        let nothing = try ThresholdProcess.run(["hardware", "test", "--config", simulated])
        XCTAssertNotEqual(nothing.status, 0)
        XCTAssertTrue(nothing.stderr.contains("nothing to test"), nothing.stderr)
        let missing = try ThresholdProcess.run(["hardware", "test", "--config", "/nonexistent/hw.json", "--pulse-ms", "100"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/hw.json"), missing.stderr)
    }
}
