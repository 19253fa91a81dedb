import XCTest
@testable import Capture

final class V4L2Tests: XCTestCase {
    func testFourccCodes() {
        XCTAssertEqual(PixelFormat.grey.code, "GREY")
        XCTAssertEqual(PixelFormat.yuyv.code, "YUYV")
        XCTAssertEqual(PixelFormat.nv12.code, "NV12")
        XCTAssertEqual(PixelFormat.yuv420.code, "YU12")
        XCTAssertEqual(PixelFormat.mjpeg.code, "MJPG")
        XCTAssertEqual(PixelFormat(code: "GREY"), .grey)
        XCTAssertNil(PixelFormat(code: "GRE"))
        XCTAssertNotNil(PixelFormat.nv12.lumaLayout)
        XCTAssertNil(PixelFormat.mjpeg.lumaLayout)
        XCTAssertEqual(PixelFormat.preference.first, .grey)
    }

    func testVideoNodesAreListedInNumericOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["video10", "video2", "video0", "videox", "vbi0", "media0"] {
            _ = FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: nil)
        }
        XCTAssertEqual(DeviceCatalog.videoNodes(in: dir.path), ["video0", "video2", "video10"].map { "\(dir.path)/\($0)" })
    }

    func testOpeningAFileThatIsNotACameraIsTyped() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notcam-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data([1, 2, 3]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try V4L2Camera(path: path)) { XCTAssertEqual($0 as? CaptureError, .notACamera(device: path)) }
        XCTAssertThrowsError(try V4L2Camera(path: "/dev/video-none")) { XCTAssertEqual($0 as? CaptureError, .notFound(path: "/dev/video-none")) }
    }

    func testControlsWriteAutoModesBeforeManualValues() {
        let writes = CameraControls(exposure: 150, focus: 30, powerLine: .hz50).writes.map(\.name)
        XCTAssertEqual(writes, ["exposure_auto", "exposure_absolute", "focus_auto", "focus_absolute", "power_line_frequency"])
        XCTAssertTrue(CameraControls().writes.isEmpty)
    }
}
