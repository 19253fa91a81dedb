import XCTest
import Glibc
@testable import Capture

final class CaptureErrorTests: XCTestCase {
    func testErrnoMapping() {
        let d = "/dev/video9"
        XCTAssertEqual(CaptureError.from(errno: EBUSY, operation: "VIDIOC_REQBUFS", device: d), .busy(device: d))
        XCTAssertEqual(CaptureError.from(errno: ENODEV, operation: "VIDIOC_DQBUF", device: d), .noDevice(device: d))
        XCTAssertEqual(CaptureError.from(errno: ENXIO, operation: "open", device: d), .noDevice(device: d))
        XCTAssertEqual(CaptureError.from(errno: ENOENT, operation: "open", device: d), .notFound(path: d))
        XCTAssertEqual(CaptureError.from(errno: EIO, operation: "VIDIOC_DQBUF", device: d), .io(device: d, operation: "VIDIOC_DQBUF"))
        XCTAssertEqual(CaptureError.from(errno: EACCES, operation: "open", device: d), .permission(path: d))
        XCTAssertEqual(CaptureError.from(errno: EPERM, operation: "open", device: d), .permission(path: d))
        XCTAssertEqual(CaptureError.from(errno: ENOTTY, operation: "VIDIOC_QUERYCAP", device: d), .notACamera(device: d))
        // EINVAL is a format problem only on format calls.
        XCTAssertEqual(CaptureError.from(errno: EINVAL, operation: "VIDIOC_S_FMT", device: d, formatCall: true),
                       .unsupportedFormat(device: d, detail: "the driver rejected VIDIOC_S_FMT"))
        XCTAssertEqual(CaptureError.from(errno: EINVAL, operation: "VIDIOC_QBUF", device: d),
                       .system(operation: "VIDIOC_QBUF", errno: EINVAL, device: d))
    }

    func testEverySentenceNamesTheDeviceAndRecoverability() {
        let errors: [CaptureError] = [.busy(device: "/dev/v"), .noDevice(device: "/dev/v"), .io(device: "/dev/v", operation: "x"),
                                      .permission(path: "/dev/v"), .timeout(device: "/dev/v", milliseconds: 5),
                                      .system(operation: "poll", errno: EINVAL, device: "/dev/v")]
        for e in errors { XCTAssertTrue(e.description.contains("/dev/v"), e.description) }
        XCTAssertTrue(CaptureError.noDevice(device: "x").isRecoverable)
        XCTAssertTrue(CaptureError.io(device: "x", operation: "y").isRecoverable)
        XCTAssertFalse(CaptureError.permission(path: "x").isRecoverable)
        XCTAssertFalse(CaptureError.unsupportedFormat(device: "x", detail: "y").isRecoverable)
        XCTAssertTrue(CaptureError.system(operation: "poll", errno: EINVAL, device: "d").description.contains("Invalid argument"))
    }
}
