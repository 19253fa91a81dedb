import Foundation
import Imaging
import QRCode
import Simulation
import XCTest

/// What the runner relies on: every visitor's phone, rendered under that visitor's camera
/// conditions at the scenario's own frame size, is read by our decoder as the exact text shown.
final class FrameDecodeTests: XCTestCase {
    func testEveryBundledVisitorDecodesToTheShownText() throws {
        let s = try Bundled.scenario()
        let renderer = try FrameRenderer(scenario: s, keys: SimulationKeys(seed: s.seed))
        var screens: [String: PhoneScreen] = [:]
        for (i, visitor) in s.visitors.enumerated() {
            let seconds = visitor.arrival + visitor.dwell / 2
            let (frame, text) = try renderer.frame(at: seconds, index: i, screens: &screens)
            let shown = try XCTUnwrap(text, visitor.id)
            XCTAssertEqual(shown, try renderer.passes[i].text(at: s.start.addingTimeInterval(seconds)))
            XCTAssertTrue(shown.hasPrefix("TH1P:"), visitor.id)
            let results = frame.withImage { QRDecoder().read($0) }
            XCTAssertEqual(results.map(\.text), [shown], "\(visitor.id) under \(visitor.camera)")
        }
    }

    func testEmptyDoorHasNoCode() throws {
        let s = try Bundled.scenario()
        let renderer = try FrameRenderer(scenario: s, keys: SimulationKeys(seed: s.seed))
        var screens: [String: PhoneScreen] = [:]
        let (frame, text) = try renderer.frame(at: 0.5, index: 7, screens: &screens)
        XCTAssertNil(text)
        XCTAssertEqual(frame.withImage { QRDecoder().read($0) }.count, 0)
    }

    /// A live phone re-signs its proof when the 30 s step turns; a screenshot never does.
    func testLiveProofRefreshesAndScreenshotStaysFrozen() throws {
        var s = try Bundled.scenario()
        let live = s.visitors[0], shot = s.visitors[6]
        let keys = SimulationKeys(seed: s.seed)
        s.start = Date(timeIntervalSince1970: 1_795_251_600 + 29)  // a step boundary 1 s in
        let livePass = try VisitorPass(visitor: live, scenario: s, keys: keys)
        let shotPass = try VisitorPass(visitor: shot, scenario: s, keys: keys)
        let before = s.start.addingTimeInterval(0.5), after = s.start.addingTimeInterval(1.5)
        XCTAssertNotEqual(try livePass.text(at: before), try livePass.text(at: after))
        XCTAssertEqual(livePass.proofStep(at: after), livePass.proofStep(at: before) + 1)
        XCTAssertEqual(try shotPass.text(at: before), try shotPass.text(at: after))
        XCTAssertEqual(try shotPass.text(at: before), try shotPass.text(at: before.addingTimeInterval(600)))
    }
}
