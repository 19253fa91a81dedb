import XCTest
@testable import Hardware

final class DoorDevicesTests: XCTestCase {
    typealias Event = SimulatedGPIOOutputs<ManualClock>.Event

    func testRelayPulsesForExactlyTheRequestedTimeThenLocks() async throws {
        let clock = ManualClock()
        let lines = SimulatedGPIOOutputs(settings: GPIOLineSettings(offsets: [17], consumer: "t"), clock: clock)
        let relay = GPIODoorRelay(outputs: lines, line: 17, clock: clock)
        clock.advance(by: .seconds(5))
        try await relay.pulse(for: .milliseconds(3000))
        XCTAssertEqual(lines.events, [Event(at: .zero, offset: 17, value: false),
                                      Event(at: .seconds(5), offset: 17, value: true),
                                      Event(at: .seconds(8), offset: 17, value: false)])
        relay.shutdown()
        XCTAssertTrue(lines.isReleased)
        XCTAssertEqual(lines.values[17], false)
    }

    func testACancelledPulseStillLocksTheDoor() async throws {
        let clock = ManualClock()
        clock.cancelled.withLock { $0 = true }
        let lines = SimulatedGPIOOutputs(settings: GPIOLineSettings(offsets: [17], consumer: "t"), clock: clock)
        try await GPIODoorRelay(outputs: lines, line: 17, clock: clock).pulse(for: .seconds(3))
        XCTAssertEqual(lines.events.map(\.value), [false, true, false])
        XCTAssertEqual(lines.values[17], false)
    }

    func testLightsShowEachSignal() throws {
        let lines = SimulatedGPIOOutputs(settings: GPIOLineSettings(offsets: [22, 27, 23], consumer: "t"), clock: ManualClock())
        let lights = GPIOStatusLights(outputs: lines, lines: .init(green: 22, red: 27, amber: 23))
        try lights.show(.granted)
        XCTAssertEqual(lines.values, [22: true, 27: false, 23: false])
        try lights.show(.denied)
        XCTAssertEqual(lines.values, [22: false, 27: true, 23: false])
        try lights.show(.fault)
        XCTAssertEqual(lines.values, [22: false, 27: true, 23: true])
        lights.shutdown()
        XCTAssertEqual(lines.values, [22: false, 27: false, 23: false])
        XCTAssertThrowsError(try lights.show(.ready)) { XCTAssertEqual($0 as? HardwareError, .released(device: "simulated GPIO")) }
    }

    func testBuzzerPlaysThePatternOnTheClock() async throws {
        let clock = ManualClock()
        let lines = SimulatedGPIOOutputs(settings: GPIOLineSettings(offsets: [24], consumer: "t"), clock: clock)
        try await GPIOBuzzer(outputs: lines, line: 24, clock: clock).sound(.rejected)
        XCTAssertEqual(lines.events.dropFirst().map(\.value), [true, false, true, false, true, false])
        XCTAssertEqual(lines.events.dropFirst().map(\.at), [0, 150, 250, 400, 500, 650].map { .milliseconds($0) })
    }
}
