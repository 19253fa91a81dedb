import XCTest
import Glibc
import Imaging
@testable import Capture

/// Needs the `ffmpeg` program (scripts/setup installs it). Missing ffmpeg is a failure, not a skip.
final class FFmpegSourceTests: XCTestCase {
    func requireFFmpeg() throws {
        guard FFmpegSource.find("ffmpeg") != nil else {
            XCTFail("ffmpeg is not installed (apt-get install -y ffmpeg); these tests cannot run without it")
            throw CaptureError.programMissing(name: "ffmpeg")
        }
    }

    func testReadsAClipThatFFmpegGenerated() async throws {
        try requireFFmpeg()
        let clip = FileManager.default.temporaryDirectory.appendingPathComponent("ffsrc-\(UUID().uuidString).mkv").path
        defer { try? FileManager.default.removeItem(atPath: clip) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: try XCTUnwrap(FFmpegSource.find("ffmpeg")))
        make.arguments = ["-hide_banner", "-loglevel", "error", "-nostdin", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=30:duration=1",
                          "-c:v", "ffv1", "-pix_fmt", "yuv420p", "-y", clip]
        try make.run()
        make.waitUntilExit()
        XCTAssertEqual(make.terminationStatus, 0)

        let source = try FFmpegSource(input: clip)
        XCTAssertEqual(source.size, FrameSize(width: 160, height: 120))
        var count = 0
        var distinct = Set<[UInt8]>()
        var bases = Set<UInt>()
        for try await frame in source.frames {
            XCTAssertEqual(frame.sequence, UInt64(count))
            distinct.insert(GrayBuffer(copying: frame.image).pixels)
            bases.insert(UInt(bitPattern: frame.image.base))
            count += 1
        }
        XCTAssertEqual(count, 30)
        XCTAssertGreaterThan(distinct.count, 1, "testsrc moves: frames differ")
        XCTAssertEqual(bases.count, 1, "every frame is viewed in the one pipe read buffer")
        await source.close()
    }

    func testMissingInputIsAChildFailureWithFFmpegsReason() async throws {
        try requireFFmpeg()
        XCTAssertThrowsError(try FFmpegSource(input: "/nonexistent/clip.mp4")) { error in
            guard case .childFailed(let program, let status, let detail)? = error as? CaptureError else { return XCTFail("\(error)") }
            XCTAssertEqual(program, "ffmpeg")
            XCTAssertNotEqual(status, 0)
            XCTAssertTrue(detail.contains("No such file"), detail)
        }
    }

    func testAChildThatDiesMidStreamIsReported() async throws {
        try requireFFmpeg()
        let source = try FFmpegSource(input: "testsrc=size=64x48:rate=30", inputArguments: ["-f", "lavfi"])
        _ = try await source.nextFrame()
        XCTAssertEqual(kill(source.processIdentifier, SIGKILL), 0)
        do {
            for _ in 0..<100_000 { _ = try await source.nextFrame() }
            XCTFail("frames kept coming from a killed ffmpeg")
        } catch {
            guard case .childFailed(_, let status, let detail) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(status, SIGKILL)
            XCTAssertTrue(detail.contains("signal"), detail)
        }
        await source.close()
    }

    func testMissingProgramIsTyped() {
        XCTAssertThrowsError(try FFmpegSource(input: "x", program: "/nonexistent/ffmpeg")) {
            XCTAssertEqual($0 as? CaptureError, .programMissing(name: "/nonexistent/ffmpeg"))
        }
    }
}
