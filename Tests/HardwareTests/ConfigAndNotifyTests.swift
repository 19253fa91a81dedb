import XCTest
import Glibc
@testable import Hardware

final class ConfigAndNotifyTests: XCTestCase {
    static var hardwareDir: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("hardware")
    }

    func testExampleConfigsLoad() throws {
        let kiosk = try HardwareConfig.load(path: Self.hardwareDir.appendingPathComponent("kiosk.json").path)
        XCTAssertEqual(kiosk.backend, .linux)
        XCTAssertEqual(kiosk.relay.line, 17)
        XCTAssertEqual(kiosk.thermometer?.settings.address, 0x5A)
        let sim = try HardwareConfig.load(path: Self.hardwareDir.appendingPathComponent("simulated.json").path)
        XCTAssertEqual(sim.backend, .simulated)
        XCTAssertNil(sim.thermometer)
    }

    func testSimulatedConfigBuildsWorkingDoorHardware() async throws {
        let config = try HardwareConfig.load(path: Self.hardwareDir.appendingPathComponent("simulated.json").path)
        let clock = ManualClock()
        let door = try DoorHardware.open(config, clock: clock)
        try door.lights.show(.ready)
        try await door.relay.pulse(for: door.pulse)
        XCTAssertEqual(clock.sleeps, [.seconds(3)])
        door.shutdown()
    }

    func testBadConfigsAreTyped() {
        func bad(_ json: String, _ fragment: String, line: UInt = #line) {
            XCTAssertThrowsError(try HardwareConfig.decode(Data(json.utf8), path: "x.json"), line: line) { error in
                guard case .badConfig(_, let detail)? = error as? HardwareError else { return XCTFail("\(error)", line: line) }
                XCTAssertTrue(detail.contains(fragment), detail, line: line)
            }
        }
        bad("{", "not valid JSON")
        bad(#"{"backend":"linux"}"#, "missing key")
        let shared = #"{"backend":"linux","gpioChip":"c","consumer":"k","relay":{"line":22,"activeLow":false,"pulseMilliseconds":3000},"lights":{"green":22,"red":27,"amber":23},"lightsActiveLow":false}"#
        bad(shared, "share a GPIO line")
        let short = #"{"backend":"linux","gpioChip":"c","consumer":"k","relay":{"line":17,"activeLow":false,"pulseMilliseconds":5},"lights":{"green":22,"red":27,"amber":23},"lightsActiveLow":false}"#
        bad(short, "pulseMilliseconds")
        XCTAssertThrowsError(try HardwareConfig.load(path: "/nonexistent/kiosk.json"))
    }

    func testNotifySendsDatagramsToTheSocket() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd); unlink(path) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in for (i, b) in path.utf8.enumerated() { raw[i] = b } }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        XCTAssertEqual(bound, 0)

        let notifier = try XCTUnwrap(SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": path, "WATCHDOG_USEC": "10000000"]))
        XCTAssertEqual(notifier.watchdogInterval, .seconds(5))
        try notifier.ready()
        try notifier.watchdog()
        var buffer = [UInt8](repeating: 0, count: 64)
        for expected in ["READY=1", "WATCHDOG=1"] {
            let n = recv(fd, &buffer, buffer.count, 0)
            XCTAssertEqual(String(decoding: buffer.prefix(max(0, n)), as: UTF8.self), expected)
        }
        XCTAssertNil(SystemdNotifier.fromEnvironment([:]))
        XCTAssertNil(SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": path, "WATCHDOG_USEC": "1", "WATCHDOG_PID": "1"])?.watchdogInterval)
        XCTAssertThrowsError(try SystemdNotifier(socketPath: "/nonexistent/notify").ready())
    }
}
