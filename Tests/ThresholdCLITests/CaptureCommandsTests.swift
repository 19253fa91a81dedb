import XCTest
@testable import threshold

final class CaptureCommandsTests: XCTestCase {
    func testReadPrintsOneJSONObjectPerFrameWithSeqFirst() throws {
        XCTAssertEqual(try ReadCommand.jsonLine(sequence: 7, codes: ["THR1:a\"b", "https://x.invalid/p"]),
                       #"{"seq":7,"codes":["THR1:a\"b","https://x.invalid/p"]}"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(try ReadCommand.jsonLine(sequence: 1, codes: ["é✓"]).utf8)) as? [String: Any]
        XCTAssertEqual(decoded?["codes"] as? [String], ["é✓"])
    }

    func testCaptureOptionsAreValidated() throws {
        XCTAssertThrowsError(try parseSize("640by480"))
        XCTAssertEqual(try parseSize("1280x720").width, 1280)
        XCTAssertThrowsError(try parsePowerLine(55))
        XCTAssertEqual(try parsePowerLine(50), .hz50)
        XCTAssertThrowsError(try parseFormat("GREYY"))
        let capture = try CaptureCommand.parse(["--device", "/dev/video3", "--frames", "5", "--out", "x.y4m", "--reconnect", "--power-line", "60"])
        XCTAssertEqual(capture.device, "/dev/video3")
        XCTAssertTrue(capture.reconnect)
        XCTAssertEqual(capture.powerLine, 60)
    }

    func testRenderThenReadRoundTripsThroughAY4MFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString).y4m").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let render = try RenderCommand.parse(["--text", "THR1:cli", "--blank", "--width", "320", "--height", "240", "--out", path])
        try await render.run()
        let frame = try render.frame(for: "THR1:cli")
        XCTAssertEqual(frame.width, 320)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        do {
            try await RenderCommand.parse(["--text", "x", "--out", "a.png"]).run()
            XCTFail("a .png output was accepted")
        } catch {
            XCTAssertTrue("\(error)".contains(".raw"), "\(error)")
        }
    }
}
