import Foundation
import Kiosk
import XCTest

final class KioskRunTests: XCTestCase {
    /// The live runner on frames with a pass in view: it reads, decides once, logs, and on the
    /// end of the source drains the decision stage and locks the door.
    func testRunReadsDecidesOnceAndShutsDownCleanly() async throws {
        let f = try KioskFixture()
        let actuator = try f.actuator()
        await actuator.simulate(temperature: 36.4)
        let text = try f.passText(at: f.clock.date)
        let empty = try KioskFixture.frame(showing: nil), pass = try KioskFixture.frame(showing: text)
        let source = BufferSource([empty, empty] + Array(repeating: pass, count: 12) + [empty, empty])
        var options = Kiosk.Options()
        options.sightingBuffer = 16  // a file source runs faster than decisions; keep every sighting
        let kiosk = Kiosk(metrics: f.metrics, hub: f.hub, log: f.log, sync: nil, notifier: nil, options: options)
        let events = f.hub.subscribe()
        let pipeline = f.pipeline(actuator: actuator)
        try await kiosk.run(source: source, reader: FrameReader(metrics: f.metrics), pipeline: pipeline, actuator: actuator)

        let values = f.metrics.values
        XCTAssertEqual(values.frames, 16)
        XCTAssertEqual(values.framesWithCodes, 12)
        XCTAssertEqual(values.decisions, 1)
        XCTAssertEqual(values.allowed, 1)
        XCTAssertEqual(values.latencyBuckets.reduce(0, +), 1)
        XCTAssertGreaterThanOrEqual(values.zbarChecks, 1, "a frame with a code was audited")
        XCTAssertEqual(values.zbarDisagreements, 0)
        XCTAssertEqual(try f.log.status(nowMillis: f.clock.wallMillis).total, 1)
        var received: [DoorEvent] = []
        for await event in events { received.append(event) }  // the hub finishes on shutdown
        XCTAssertEqual(received.map(\.outcome), [.allow])
    }
}
