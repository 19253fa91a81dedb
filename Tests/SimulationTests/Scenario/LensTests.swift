import Foundation
import Simulation
import XCTest

/// The lens is what makes "distance" honest: size falls as 1/d, a fixed-focus lens blurs what is
/// held too close, and a screen's moiré changes with the distance.
final class LensTests: XCTestCase {
    /// Scenarios without a lens keep the size every earlier scenario was written against.
    func testDefaultLensIsTheOldModel() {
        let lens = Lens.narrowSharp
        for d in [5.0, 15, 22.5, 40] {
            XCTAssertEqual(lens.codeSize(distance: d, frameHeight: 720), 7200 / d, accuracy: 1e-6)
        }
        XCTAssertEqual(lens.defocusSigma(distance: 5, frameHeight: 720), 0)
    }

    func testSizeFallsAsOneOverDistance() {
        let lens = Lens(fieldOfView: 40, focus: 15, aperture: 0.6)
        let near = lens.codeSize(distance: 5, frameHeight: 720), far = lens.codeSize(distance: 40, frameHeight: 720)
        XCTAssertEqual(near / far, 8, accuracy: 1e-9)
        // At 5 cm the code fills most of a 720-line frame, yet fits in it.
        XCTAssertGreaterThan(near, 0.8 * 720)
        XCTAssertLessThan(near, 720)
    }

    func testDefocusIsZeroAtFocusAndGrowsTowardsTheLens() {
        let lens = Lens(fieldOfView: 40, focus: 15, aperture: 0.6)
        XCTAssertEqual(lens.defocusSigma(distance: 15, frameHeight: 720), 0, accuracy: 1e-12)
        let at10 = lens.defocusSigma(distance: 10, frameHeight: 720), at5 = lens.defocusSigma(distance: 5, frameHeight: 720)
        XCTAssertGreaterThan(at5, at10)
        XCTAssertGreaterThan(at5, 1)
        XCTAssertGreaterThan(lens.defocusSigma(distance: 40, frameHeight: 720), 0)
    }

    /// The beat period moves with the distance (unlike a fixed-period pattern), and stays at or
    /// above the sensor's Nyquist limit.
    func testMoirePeriodDependsOnDistance() {
        let lens = Lens(fieldOfView: 40, focus: 15, aperture: 0.6)
        let periods = stride(from: 5.0, through: 40, by: 2.5).compactMap { lens.moirePeriod(distance: $0, frameHeight: 720) }
        XCTAssertGreaterThan(Set(periods.map { ($0 * 10).rounded() }).count, 3)
        XCTAssertTrue(periods.allSatisfy { $0 >= 2.2 })
    }

    func testLoaderRefusesAnImpossibleLens() throws {
        var s = try Bundled.scenario()
        s.frame.lens = Lens(fieldOfView: 170)
        XCTAssertThrowsError(try ScenarioLoader.validate(s)) { error in
            XCTAssertTrue("\(error)".contains("frame.lens.fieldOfView"), "\(error)")
        }
    }
}
