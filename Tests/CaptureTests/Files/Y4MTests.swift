import XCTest
import Imaging
@testable import Capture

final class Y4MTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("y4m-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let p = path(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }

    /// A w×h frame whose pixel (x, y) is (x + 3y + 17k) mod 256 — distinct per frame k.
    func pattern(_ w: Int, _ h: Int, _ k: Int) -> GrayBuffer {
        GrayBuffer(width: w, height: h, pixels: (0..<(w * h)).map { UInt8((($0 % w) + 3 * ($0 / w) + 17 * k) % 256) })
    }

    func testWriterThenReaderRoundTripsMonoFrames() async throws {
        let p = path("clip.y4m")
        let writer = try Y4MWriter(path: p, width: 37, height: 21, frameRateNumerator: 25)
        for k in 0..<5 { try pattern(37, 21, k).withImage { try writer.write($0) } }
        try writer.close()

        let text = try String(contentsOfFile: p, encoding: .isoLatin1)
        XCTAssertTrue(text.hasPrefix("YUV4MPEG2 W37 H21 F25:1 Ip A1:1 Cmono\nFRAME\n"))

        let reader = try Y4MReader(path: p)
        XCTAssertEqual(reader.size, FrameSize(width: 37, height: 21))
        var k = 0
        for try await frame in reader.frames {
            XCTAssertEqual(frame.sequence, UInt64(k))
            XCTAssertEqual(frame.timestamp, .milliseconds(40 * k))
            XCTAssertEqual(GrayBuffer(copying: frame.image), pattern(37, 21, k))
            k += 1
        }
        XCTAssertEqual(k, 5)
        await reader.close()
    }

    func testWriterHonoursStrideOfPaddedViews() async throws {
        let big = pattern(40, 10, 1)
        let p = path("crop.y4m")
        let writer = try Y4MWriter(path: p, width: 8, height: 4)
        try big.withImage { try writer.write($0.crop(x: 3, y: 2, width: 8, height: 4)) }
        try writer.close()
        let reader = try Y4MReader(path: p)
        let got = try await reader.withNextFrame { GrayBuffer(copying: $0.image) }
        let want = big.withImage { GrayBuffer(copying: $0.crop(x: 3, y: 2, width: 8, height: 4)) }
        XCTAssertEqual(got, want)
    }

    func test420FramesExposeTheYPlaneInPlaceAndSkipChroma() async throws {
        // 5×3 in 4:2:0: Y 15 bytes, then U and V of ceil(5/2)×ceil(3/2) = 6 bytes each.
        var bytes = Array("YUV4MPEG2 W5 H3 F30:1 C420jpeg\n".utf8)
        for k in 0..<2 {
            bytes += Array("FRAME\n".utf8)
            bytes += (0..<15).map { UInt8($0 + 100 * k) }
            bytes += [UInt8](repeating: 0x55, count: 12)
        }
        let reader = try Y4MReader(path: write("c420.y4m", bytes))
        var bases = Set<UInt>()
        var k = 0
        for try await frame in reader.frames {
            XCTAssertEqual(Array(frame.image.row(0)) + Array(frame.image.row(1)) + Array(frame.image.row(2)),
                           (0..<15).map { UInt8($0 + 100 * k) })
            bases.insert(UInt(bitPattern: frame.image.base))
            k += 1
        }
        XCTAssertEqual(k, 2)
        // Zero copy on the way out: every frame is a view of the same read buffer.
        XCTAssertEqual(bases.count, 1)
    }

    func testDefaultColorspaceIs420AndOtherLayoutsSizeCorrectly() throws {
        XCTAssertEqual(try Y4MHeader.parse(Array("YUV4MPEG2 W4 H4".utf8), source: "t").colorspace, .c420jpeg)
        XCTAssertEqual(Y4MHeader(width: 4, height: 2, colorspace: .c422).frameBytes, 8 + 8)
        XCTAssertEqual(Y4MHeader(width: 4, height: 2, colorspace: .c444).frameBytes, 24)
        XCTAssertEqual(Y4MHeader(width: 4, height: 2, frameRateNumerator: 30000, frameRateDenominator: 1001).frameDuration,
                       .nanoseconds(33_366_666))
    }

    func testMalformedHeadersAreTypedErrors() {
        func fails(_ header: String, _ check: (CaptureError) -> Bool, line: UInt = #line) {
            XCTAssertThrowsError(try Y4MReader(path: write("bad.y4m", Array(header.utf8))), line: line) { error in
                guard let e = error as? CaptureError else { return XCTFail("untyped \(error)", line: line) }
                XCTAssertTrue(check(e), "\(e)", line: line)
                XCTAssertFalse(e.description.isEmpty)
            }
        }
        func malformed(_ e: CaptureError) -> Bool { if case .malformedStream = e { return true } else { return false } }
        func unsupported(_ e: CaptureError) -> Bool { if case .unsupportedFormat = e { return true } else { return false } }
        fails("", malformed)
        fails("P5 640 480 255\n", malformed)
        fails("YUV4MPEG2 W640 F30:1\n", malformed)
        fails("YUV4MPEG2 W640 Hx\n", malformed)
        fails("YUV4MPEG2 W0 H480\n", malformed)
        fails("YUV4MPEG2 W99999 H480\n", malformed)
        fails("YUV4MPEG2 W640 H480 F30:0\n", malformed)
        fails("YUV4MPEG2 W640 H480", malformed)  // no newline: cut inside the header
        fails("YUV4MPEG2 W640 H480 " + String(repeating: "X", count: 400) + "\n", malformed)
        fails("YUV4MPEG2 W640 H480 C420p10\n", unsupported)
        fails("YUV4MPEG2 W640 H480 It\n", unsupported)
    }

    func testTruncatedFrameAndBadMarkerAreTypedErrors() async throws {
        let header = Array("YUV4MPEG2 W4 H2 Cmono\n".utf8)
        let truncated = try Y4MReader(path: write("t.y4m", header + Array("FRAME\n".utf8) + [1, 2, 3, 4, 5, 6, 7, 8] + Array("FRAME\n".utf8) + [1, 2, 3]))
        _ = try await truncated.nextFrame()
        do {
            _ = try await truncated.nextFrame()
            XCTFail("a truncated frame was accepted")
        } catch {
            XCTAssertEqual(error, .truncatedFrame(source: truncated.name, expected: 8, got: 3))
        }

        let marker = try Y4MReader(path: write("m.y4m", header + Array("FRAMX\n".utf8) + [1, 2, 3, 4, 5, 6, 7, 8]))
        do {
            _ = try await marker.nextFrame()
            XCTFail("a bad frame marker was accepted")
        } catch {
            guard case .malformedStream = error else { return XCTFail("\(error)") }
        }
    }

    func testFrameParametersAfterMarkerAreAccepted() async throws {
        let bytes = Array("YUV4MPEG2 W2 H1 Cmono\nFRAME Ixyz\n".utf8) + [7, 9]
        let reader = try Y4MReader(path: write("p.y4m", bytes))
        let first = try await reader.withNextFrame { Array($0.image.row(0)) }
        XCTAssertEqual(first, [7, 9])
        let end = try await reader.nextFrame()
        XCTAssertNil(end)
    }

    func testRealTimePacingFollowsTheInjectedClock() async throws {
        let p = path("paced.y4m")
        let writer = try Y4MWriter(path: p, width: 2, height: 2, frameRateNumerator: 30)
        for k in 0..<4 { try pattern(2, 2, k).withImage { try writer.write($0) } }
        try writer.close()
        let clock = ManualClock()
        clock.advance(by: .seconds(100))
        let reader = try Y4MReader(path: p, pacing: .realTime(clock))
        var count = 0
        for try await _ in reader.frames { count += 1 }
        XCTAssertEqual(count, 4)
        // Frame 0 goes out at once and fixes the start; frame k waits until start + k/30 s.
        XCTAssertEqual(clock.sleeps, [1, 2, 3].map { .seconds(100) + .nanoseconds(33_333_333) * $0 })
    }

    func testMissingFileAndClosedReader() async throws {
        XCTAssertThrowsError(try Y4MReader(path: path("nope.y4m"))) { XCTAssertEqual($0 as? CaptureError, .notFound(path: path("nope.y4m"))) }
        let reader = try Y4MReader(path: write("one.y4m", Array("YUV4MPEG2 W1 H1 Cmono\nFRAME\n".utf8) + [1]))
        await reader.close()
        do { _ = try await reader.nextFrame(); XCTFail("read after close") } catch {
            guard case .closed = error else { return XCTFail("\(error)") }
        }
    }
}
