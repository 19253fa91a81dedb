import Kiosk
import XCTest

final class CodeDebouncerTests: XCTestCase {
    func testACodeStayingInViewIsPassedOnOnce() {
        var d = CodeDebouncer(window: .milliseconds(1500))
        XCTAssertEqual(d.admit(["A"], at: .zero), ["A"])
        for ms in stride(from: 66, through: 3000, by: 66) {
            XCTAssertEqual(d.admit(["A"], at: .milliseconds(ms)), [], "frame at \(ms) ms")
        }
    }

    func testACodeBackAfterTheWindowIsNewAgain() {
        var d = CodeDebouncer(window: .milliseconds(1500))
        XCTAssertEqual(d.admit(["A"], at: .zero), ["A"])
        XCTAssertEqual(d.admit([], at: .seconds(1)), [])
        XCTAssertEqual(d.admit(["A"], at: .milliseconds(1600)), ["A"])
    }

    func testTwoCodesInOneFrameAndDuplicates() {
        var d = CodeDebouncer()
        XCTAssertEqual(d.admit(["A", "B", "A"], at: .zero), ["A", "B"])
        XCTAssertEqual(d.admit(["B", "C"], at: .milliseconds(100)), ["C"])
    }
}
