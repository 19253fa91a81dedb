import XCTest
import CGPIO
@testable import Hardware

final class GPIOTests: XCTestCase {
    func testLineRequestEncodesOffsetsConsumerFlagsAndSafeInitialValue() throws {
        let r = try GPIORequestEncoding.lineRequest(
            GPIOLineSettings(offsets: [17, 4, 22], consumer: "threshold-door", activeLow: true, initial: false), device: "chip")
        XCTAssertEqual(r.num_lines, 3)
        withUnsafeBytes(of: r.offsets) { raw in
            XCTAssertEqual(Array(raw.bindMemory(to: UInt32.self).prefix(4)), [17, 4, 22, 0])
        }
        withUnsafeBytes(of: r.consumer) { raw in
            XCTAssertEqual(String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self), "threshold-door")
        }
        XCTAssertEqual(r.config.flags, UInt64(GPIO_V2_LINE_FLAG_OUTPUT.rawValue) | UInt64(GPIO_V2_LINE_FLAG_ACTIVE_LOW.rawValue))
        XCTAssertEqual(r.config.num_attrs, 1)
        XCTAssertEqual(r.config.attrs.0.attr.id, GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES.rawValue)
        XCTAssertEqual(r.config.attrs.0.mask, 0b111)
        XCTAssertEqual(r.config.attrs.0.attr.values, 0, "requested in the safe (inactive) state")
        XCTAssertEqual(MemoryLayout<gpio_v2_line_request>.size, 592, "uAPI v2 struct size")
    }

    func testConsumerNameIsTruncatedToTheKernelLimit() throws {
        let r = try GPIORequestEncoding.lineRequest(GPIOLineSettings(offsets: [1], consumer: String(repeating: "x", count: 80)), device: "c")
        withUnsafeBytes(of: r.consumer) { raw in XCTAssertEqual(raw.prefix { $0 != 0 }.count, 31) }
    }

    func testBadRequestsAreTyped() {
        XCTAssertThrowsError(try GPIORequestEncoding.lineRequest(GPIOLineSettings(offsets: [], consumer: "c"), device: "chip"))
        XCTAssertThrowsError(try GPIORequestEncoding.lineRequest(GPIOLineSettings(offsets: [3, 3], consumer: "c"), device: "chip")) {
            guard case .badLine(_, 3, _)? = $0 as? HardwareError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try GPIORequestEncoding.lineRequest(GPIOLineSettings(offsets: Array(0..<65), consumer: "c"), device: "chip"))
    }

    func testSetValuesUsesRequestIndicesNotChipOffsets() throws {
        let v = try GPIORequestEncoding.values([22: true, 17: false], offsets: [17, 4, 22], device: "chip")
        XCTAssertEqual(v.mask, 0b101)
        XCTAssertEqual(v.bits, 0b100)
        XCTAssertThrowsError(try GPIORequestEncoding.values([5: true], offsets: [17], device: "chip"))
    }

    func testLinuxBackendReportsAMissingChip() {
        XCTAssertThrowsError(try LinuxGPIOOutputs(chip: "/dev/gpiochip-none", settings: GPIOLineSettings(offsets: [1], consumer: "t"))) {
            guard case .system(let device, "open", ENOENT)? = $0 as? HardwareError else { return XCTFail("\($0)") }
            XCTAssertEqual(device, "/dev/gpiochip-none")
        }
    }
}
