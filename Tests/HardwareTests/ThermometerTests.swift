import XCTest
@testable import Hardware

final class ThermometerTests: XCTestCase {
    /// The three bytes an MLX90614 at 0x5A answers for register 0x07, with a correct PEC.
    func reply(celsius: Double, raw: UInt16? = nil, corruptPEC: Bool = false) -> [UInt8] {
        let value = raw ?? MLX90614<ManualClock>.raw(celsius: celsius)
        let lo = UInt8(value & 0xFF), hi = UInt8(value >> 8)
        let pec = smbusPEC([0xB4, 0x07, 0xB5, lo, hi])
        return [lo, hi, corruptPEC ? pec ^ 0x01 : pec]
    }

    func testPECIsSMBusCRC8() {
        XCTAssertEqual(smbusPEC(Array("123456789".utf8)), 0xF4)  // CRC-8/SMBUS check value
        XCTAssertEqual(smbusPEC([]), 0)
    }

    func testReadsObjectTemperatureOverSMBus() throws {
        let bus = SimulatedI2CBus()
        bus.registers[0x5A] = [0x07: reply(celsius: 36.6)]
        let thermometer = MLX90614(bus: bus, clock: ManualClock())
        XCTAssertEqual(try thermometer.measure().celsius, 36.6, accuracy: 0.02)
        XCTAssertEqual(bus.transactions, [.init(address: 0x5A, write: [0x07], readCount: 3)])
    }

    func testChecksumSensorFlagAndImplausibleValuesAreErrors() {
        let bus = SimulatedI2CBus()
        let thermometer = MLX90614(bus: bus, clock: ManualClock())
        bus.registers[0x5A] = [0x07: reply(celsius: 36.6, corruptPEC: true)]
        XCTAssertThrowsError(try thermometer.measure()) {
            guard case .checksumMismatch? = $0 as? HardwareError else { return XCTFail("\($0)") }
        }
        bus.registers[0x5A] = [0x07: reply(celsius: 0, raw: 0x8123)]
        XCTAssertThrowsError(try thermometer.measure()) { XCTAssertEqual($0 as? HardwareError, .sensorFault(device: bus.name, raw: 0x8123)) }
        bus.registers[0x5A] = [0x07: reply(celsius: 60)]
        XCTAssertThrowsError(try thermometer.measure()) {
            guard case .implausibleTemperature(let c, let range)? = $0 as? HardwareError else { return XCTFail("\($0)") }
            XCTAssertEqual(c, 60, accuracy: 0.02)  // 0.02 K per bit
            XCTAssertEqual(range, 20...45)
        }
        bus.registers[0x5A] = [0x07: reply(celsius: 12.5)]
        XCTAssertThrowsError(try thermometer.measure())
        bus.registers = [:]
        XCTAssertThrowsError(try thermometer.measure()) {
            guard case .system(_, _, 121)? = $0 as? HardwareError else { return XCTFail("\($0)") }
        }
    }

    func testPECCheckCanBeTurnedOff() throws {
        let bus = SimulatedI2CBus()
        bus.registers[0x5A] = [0x07: reply(celsius: 30, corruptPEC: true)]
        let thermometer = MLX90614(bus: bus, settings: .init(checkPEC: false), clock: ManualClock())
        XCTAssertEqual(try thermometer.measure().celsius, 30, accuracy: 0.02)
    }

    func testReadingsGoStaleAfterTheTimeout() throws {
        let clock = ManualClock()
        let bus = SimulatedI2CBus()
        let thermometer = MLX90614(bus: bus, settings: .init(staleAfterMilliseconds: 2000), clock: clock)
        XCTAssertThrowsError(try thermometer.latest()) { XCTAssertEqual($0 as? HardwareError, .staleReading(ageMilliseconds: nil)) }
        bus.registers[0x5A] = [0x07: reply(celsius: 36.0)]
        _ = try thermometer.measure()
        clock.advance(by: .milliseconds(1500))
        XCTAssertEqual(try thermometer.latest().celsius, 36.0, accuracy: 0.02)
        clock.advance(by: .milliseconds(600))
        XCTAssertThrowsError(try thermometer.latest()) { XCTAssertEqual($0 as? HardwareError, .staleReading(ageMilliseconds: 2100)) }
        // A failed measurement does not refresh the last valid reading.
        bus.registers[0x5A] = [0x07: reply(celsius: 36.0, corruptPEC: true)]
        XCTAssertThrowsError(try thermometer.measure())
        XCTAssertThrowsError(try thermometer.latest())
    }

    /// An SMBus-only adapter (i2c-stub, many PC SMBus controllers) refuses combined transfers;
    /// the sensor is read with the SMBus read-word command instead.
    func testSMBusOnlyAdapterIsReadWithReadWord() throws {
        let bus = SimulatedI2CBus()
        bus.smbusOnly = true
        bus.registers[0x5A] = [0x07: reply(celsius: 36.6)]
        XCTAssertThrowsError(try bus.transfer(address: 0x5A, write: [0x07], readCount: 3)) {
            guard case .system(_, _, 95)? = $0 as? HardwareError else { return XCTFail("\($0)") }
        }
        let thermometer = MLX90614(bus: bus, settings: .init(checkPEC: false), clock: ManualClock())
        XCTAssertEqual(try thermometer.measure().celsius, 36.6, accuracy: 0.02)
        XCTAssertEqual(bus.transactions.last, .init(address: 0x5A, write: [0x07], readCount: 2, smbusWord: true, pec: false))
    }

    /// Asking for PEC on an adapter that cannot check it is refused before touching the bus,
    /// never downgraded silently; an adapter that can check it fails a corrupt reply.
    func testPECOnSMBusAdaptersIsCheckedOrRefused() throws {
        let bus = SimulatedI2CBus()
        bus.smbusOnly = true
        bus.registers[0x5A] = [0x07: reply(celsius: 36.6, corruptPEC: true)]
        let thermometer = MLX90614(bus: bus, settings: .init(checkPEC: true), clock: ManualClock())
        XCTAssertThrowsError(try thermometer.measure()) {
            guard case .unsupported? = $0 as? HardwareError else { return XCTFail("\($0)") }
            XCTAssertTrue("\($0)".contains("checkPEC"), "\($0)")
        }
        XCTAssertEqual(bus.transactions, [])
        bus.supportsPEC = true
        XCTAssertThrowsError(try thermometer.measure()) {
            guard case .system(_, _, 74)? = $0 as? HardwareError else { return XCTFail("\($0)") }
        }
        bus.registers[0x5A] = [0x07: reply(celsius: 36.6)]
        XCTAssertEqual(try thermometer.measure().celsius, 36.6, accuracy: 0.02)
        XCTAssertEqual(bus.transactions.last?.pec, true)
    }
}
