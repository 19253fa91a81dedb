import Foundation
import Kiosk
import XCTest

final class VirtualClockTests: XCTestCase {
    func testSleepersWakeWhenTimeReachesTheirDeadline() async throws {
        let clock = VirtualClock(origin: Date(timeIntervalSince1970: 1_000))
        let woke = Task { try await clock.sleep(for: .seconds(3)); return clock.now.offset }
        while clock.pendingSleepers == 0 { await Task.yield() }
        clock.advance(by: .seconds(2))
        XCTAssertEqual(clock.pendingSleepers, 1, "not due yet")
        clock.advance(by: .seconds(1))
        let at = try await woke.value
        XCTAssertEqual(at, .seconds(3))
        XCTAssertEqual(clock.wallMillis, 1_003_000)
        XCTAssertEqual(clock.monotonicNanos, 3_000_000_000)
    }

    func testCancelledSleepThrowsAndLeavesNoSleeper() async {
        let clock = VirtualClock(origin: Date())
        let sleeper = Task { try await clock.sleep(for: .seconds(60)) }
        while clock.pendingSleepers == 0 { await Task.yield() }
        sleeper.cancel()
        let result = await sleeper.result
        XCTAssertThrowsError(try result.get())
        XCTAssertEqual(clock.pendingSleepers, 0)
    }

    func testTimeNeverRunsBackwards() {
        let clock = VirtualClock(origin: Date())
        clock.advance(to: .seconds(5))
        clock.advance(to: .seconds(2))
        XCTAssertEqual(clock.now.offset, .seconds(5))
    }
}
