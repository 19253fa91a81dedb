import XCTest
import Imaging
@testable import Capture

/// A source that plays a script: frames, then an error.
final class ScriptedSource: FrameSource {
    enum Step { case frame, fail(CaptureError), end }
    let size = FrameSize(width: 1, height: 1)
    var steps: [Step]
    var closed = false
    let id: Int
    private var pixel: UInt8
    private var sequence: UInt64 = 0

    init(id: Int, _ steps: [Step]) { self.id = id; self.steps = steps; self.pixel = UInt8(id) }

    nonisolated(nonsending) func nextFrame() async throws(CaptureError) -> Frame? {
        guard !steps.isEmpty else { return nil }
        switch steps.removeFirst() {
        case .frame:
            defer { sequence += 1 }
            return withUnsafePointer(to: &pixel) {
                Frame(image: GrayImage(base: $0, width: 1, height: 1, stride: 1), sequence: sequence, timestamp: .zero, dropped: 2)
            }
        case .fail(let e): throw e
        case .end: return nil
        }
    }

    nonisolated(nonsending) func close() async { closed = true }
}

final class ReconnectingSourceTests: XCTestCase {
    func testBackoffDoublesUpToTheCap() {
        let b = ReconnectingSource<ManualClock>.Backoff(initial: .milliseconds(250), maximum: .seconds(2))
        XCTAssertEqual((0..<6).map(b.delay(attempt:)),
                       [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(2), .seconds(2)])
    }

    func testUnplugIsFollowedByReopenWithBackoff() async throws {
        let clock = ManualClock()
        var opened = [ScriptedSource]()
        // Open #0 works and then the camera is unplugged; reopen attempts 1 and 2 find no node;
        // attempt 3 opens a camera that delivers two frames.
        var attempt = 0
        let source = try ReconnectingSource(clock: clock, backoff: .init(initial: .milliseconds(100), maximum: .seconds(1))) { () throws(CaptureError) -> any FrameSource in
            defer { attempt += 1 }
            switch attempt {
            case 0: let s = ScriptedSource(id: 0, [.frame, .fail(.noDevice(device: "/dev/video0"))]); opened.append(s); return s
            case 1, 2: throw .notFound(path: "/dev/video0")
            default: let s = ScriptedSource(id: attempt, [.frame, .frame, .end]); opened.append(s); return s
            }
        }
        var ids = [Int]()
        var dropped = [Int]()
        for try await frame in source.frames {
            ids.append(Int(frame.image[0, 0]))
            dropped.append(frame.dropped)
        }
        XCTAssertEqual(ids, [0, 3, 3])
        XCTAssertEqual(dropped, [2, 4, 4], "drops are carried over reconnects")
        XCTAssertEqual(source.reconnects, 1)
        XCTAssertEqual(source.failures, [.noDevice(device: "/dev/video0"), .notFound(path: "/dev/video0"), .notFound(path: "/dev/video0")])
        XCTAssertTrue(opened[0].closed, "the unplugged camera was closed before reopening")
        // Waits of 100, 200, 400 ms between attempts, on the injected clock.
        XCTAssertEqual(clock.sleeps, [.milliseconds(100), .milliseconds(300), .milliseconds(700)])
    }

    func testUnrecoverableErrorsPassStraightThrough() async throws {
        let clock = ManualClock()
        let source = try ReconnectingSource(clock: clock) { () throws(CaptureError) -> any FrameSource in
            ScriptedSource(id: 1, [.fail(.permission(path: "/dev/video0"))])
        }
        do { _ = try await source.nextFrame(); XCTFail("expected an error") } catch {
            XCTAssertEqual(error, .permission(path: "/dev/video0"))
        }
        XCTAssertEqual(source.reconnects, 0)
        XCTAssertTrue(clock.sleeps.isEmpty)
    }

    func testGivesUpAfterMaxAttempts() async throws {
        let clock = ManualClock()
        var first = true
        let source = try ReconnectingSource(clock: clock, backoff: .init(maxAttempts: 3)) { () throws(CaptureError) -> any FrameSource in
            if first { first = false; return ScriptedSource(id: 1, [.fail(.io(device: "d", operation: "DQBUF"))]) }
            throw .noDevice(device: "d")
        }
        do { _ = try await source.nextFrame(); XCTFail("expected an error") } catch {
            XCTAssertEqual(error, .noDevice(device: "d"))
        }
        XCTAssertEqual(clock.sleeps.count, 3)
    }
}
