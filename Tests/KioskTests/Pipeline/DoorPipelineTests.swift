import Crypto
import Foundation
import Kiosk
import Passes
import Policy
import ScanLog
import XCTest

final class DoorPipelineTests: XCTestCase {
    func testAValidPassOpensTheDoorShowsTheVisitorAndIsLoggedOnce() async throws {
        let f = try KioskFixture()
        let actuator = try f.actuator()
        await actuator.simulate(temperature: 36.6)
        let pipeline = f.pipeline(actuator: actuator)
        let events = f.hub.subscribe()
        let text = try f.passText(at: f.clock.date)

        let outcomes = await pipeline.handle(KioskFixture.sighting([text], at: 0))
        XCTAssertEqual(outcomes.count, 1)
        let outcome = try XCTUnwrap(outcomes.first)
        XCTAssertEqual(outcome.event.outcome, .allow)
        XCTAssertEqual(outcome.event.screen, .green)
        XCTAssertEqual(outcome.event.name, "王*")
        XCTAssertTrue(outcome.event.idTail?.hasSuffix("1234") ?? false, "\(String(describing: outcome.event.idTail))")
        XCTAssertEqual(outcome.event.venueName, "测试大厅 Hall A")
        XCTAssertEqual(outcome.event.temperature ?? 0, 36.6, accuracy: 0.05)
        XCTAssertEqual(outcome.event.occupancy, 1)
        var iterator = events.makeAsyncIterator()
        let published = await iterator.next()
        XCTAssertEqual(published, outcome.event, "the screens get the same event")

        // The same code in the following frames is debounced: no second decision, no second record.
        for i in 1...20 { _ = await pipeline.handle(KioskFixture.sighting([text], at: Double(i) / 15)) }
        XCTAssertEqual(f.metrics.values.decisions, 1)
        let status = try f.log.status(nowMillis: f.clock.wallMillis)
        XCTAssertEqual(status.total, 1)
        let record = try XCTUnwrap(f.log.record(id: try XCTUnwrap(outcome.record.id)))
        XCTAssertEqual(record.outcome, .accept)
        XCTAssertNil(record.rule)
        XCTAssertTrue(record.admitted)
        XCTAssertEqual(record.tokenDigest, TokenDigest(of: text).hex, "the digest, never the token")
        XCTAssertEqual(record.wallMillis, f.clock.wallMillis)

        // The relay holds the door for the venue's pulse on the virtual clock, then locks.
        let pulses = await actuator.pulses
        XCTAssertEqual(pulses, 1)
        f.clock.advance(by: .milliseconds(800))
        await actuator.settle()
        await actuator.shutdown()
    }

    func testFeverDeniesAValidPassAndTheRecordNamesTheRule() async throws {
        let f = try KioskFixture()
        let actuator = try f.actuator()
        await actuator.simulate(temperature: 38.4)
        let pipeline = f.pipeline(actuator: actuator)
        let outcome = try await firstOutcome(pipeline, KioskFixture.sighting([try f.passText(at: f.clock.date)], at: 0))
        XCTAssertEqual(outcome.event.outcome, .deny)
        XCTAssertEqual(outcome.event.message.code, "fever")
        XCTAssertEqual(outcome.event.message.chinese, PolicyReason.fever.chinese)
        XCTAssertEqual(outcome.record.outcome, .accept, "the pass itself was fine")
        XCTAssertEqual(outcome.record.rule, "fever")
        XCTAssertEqual(outcome.record.admitted, false)
        let pulses = await actuator.pulses
        XCTAssertEqual(pulses, 0, "the door stays shut")
        XCTAssertEqual(try f.log.outcomeCounts(fromMillis: 0, toMillis: .max).denied, 1, "the dashboard counts it as denied")
        await actuator.shutdown()
    }

    func testNoThermometerReadingDeniesWhenTheVenueRequiresOne() async throws {
        let f = try KioskFixture()
        let actuator = try f.actuator()
        await actuator.simulate(temperature: nil)  // nobody in front of the sensor: the bus NACKs
        let pipeline = f.pipeline(actuator: actuator)
        let outcome = try await firstOutcome(pipeline, KioskFixture.sighting([try f.passText(at: f.clock.date)], at: 0))
        XCTAssertEqual(outcome.event.message.code, "temperature-unavailable")
        XCTAssertGreaterThan(f.metrics.values.hardwareFaults, 0)
        await actuator.shutdown()
    }

    func testForgedRevokedAndOtherVenuePassesAreDeniedWithTheirReasons() async throws {
        let revokedID = Array("revoked-credent!".utf8)
        let f = try KioskFixture(revoked: [revokedID])
        let actuator = try f.actuator()
        await actuator.simulate(temperature: 36.5)
        let pipeline = f.pipeline(actuator: actuator)
        let now = f.clock.date
        // (text, reason code, whether the pass itself is valid — then the record names the venue rule)
        let cases: [(String, String, Bool)] = [
            (try f.passText(signer: f.forgerKey, at: now), "pass.unknown-key", false),
            (try f.passText(credentialID: revokedID, at: now), "pass.revoked", false),
            (try f.passText(at: now, venueID: "elsewhere"), "proof-expired", true),
            (try f.passText(at: now.addingTimeInterval(-600)), "proof-expired", true),
            (try f.passText(status: .red, at: now), "status-red", true),
            ("https://example.com/not-a-pass", "pass.unknown-format", false),
        ]
        for (i, (text, reason, validPass)) in cases.enumerated() {
            let outcome = try await firstOutcome(pipeline, KioskFixture.sighting([text], at: Double(i * 10)))
            XCTAssertEqual(outcome.event.outcome, .deny, reason)
            XCTAssertEqual(outcome.event.screen, .red, reason)
            XCTAssertEqual(outcome.event.message.code, reason)
            XCTAssertEqual(outcome.record.outcome, validPass ? .accept : .deny, reason)
            XCTAssertEqual(outcome.record.rule, validPass ? reason : nil, "a venue rule is named in the record: \(reason)")
            XCTAssertEqual(outcome.record.admitted, false, reason)
        }
        let pulses = await actuator.pulses
        XCTAssertEqual(pulses, 0)
        XCTAssertEqual(try f.log.status(nowMillis: f.clock.wallMillis).total, cases.count)
        await actuator.shutdown()
    }

    func testCapacityCountsEntriesAndAYellowPassIsAmber() async throws {
        let f = try KioskFixture(capacity: 1)
        let actuator = try f.actuator()
        await actuator.simulate(temperature: 36.5)
        let pipeline = f.pipeline(actuator: actuator)
        let first = try await firstOutcome(pipeline, KioskFixture.sighting([try f.passText(status: .yellow, at: f.clock.date)], at: 0))
        XCTAssertEqual(first.event.screen, .amber)
        XCTAssertEqual(first.event.warnings.map(\.code), ["yellow-status"])
        let second = try await firstOutcome(pipeline, KioskFixture.sighting([try f.passText(at: f.clock.date)], at: 5))
        XCTAssertEqual(second.event.message.code, "venue-full")
        XCTAssertEqual(second.record.rule, "venue-full")
        pipeline.exit()
        XCTAssertEqual(f.metrics.values.occupancy, 0)
        await actuator.shutdown()
    }

    func testTheDoorDecidesWithoutThermometerHardware() async throws {
        let f = try KioskFixture()
        let pipeline = DoorPipeline(judge: DoorJudge(verifier: f.verifier, venue: f.venue), actuator: nil, log: f.log, hub: f.hub,
                                    metrics: f.metrics, clock: f.clock, deviceID: "no-hardware")
        let outcome = try await firstOutcome(pipeline, KioskFixture.sighting([try f.passText(at: f.clock.date)], at: 0))
        // The venue requires a temperature and there is no sensor: a clear deny, still logged.
        XCTAssertEqual(outcome.event.message.code, "temperature-unavailable")
        XCTAssertEqual(try f.log.status(nowMillis: f.clock.wallMillis).total, 1)
    }

    /// Finding (issue 13, 1) through the whole door: the same live pass shown five times 1 s
    /// apart with room for one used to open the door five times with one record. Now: one
    /// opening, five records (one admitted, four `repeat`), and "already admitted" on the screen.
    func testFinding1SamePassFiveTimesOneSecondApartOpensOnceAndLogsEveryShowing() async throws {
        let f = try KioskFixture(capacity: 1)
        let actuator = try f.actuator()
        await actuator.simulate(temperature: 36.6)
        let pipeline = f.pipeline(actuator: actuator)
        let holder = SigningKey.ed25519(Curve25519.Signing.PrivateKey())
        let credentialID = Array("finding-1-cred!!".utf8)
        var events: [DoorEvent] = []
        for i in 0..<5 {
            f.clock.advance(to: .seconds(i))
            // Taken away between showings (2 s gaps would be the same showing to the camera).
            let text = try f.passText(credentialID: credentialID, holder: holder, at: f.clock.date)
            let outcomes = await pipeline.handle(KioskFixture.sighting([text], at: Double(i * 10)))
            events += outcomes.map(\.event)
        }
        XCTAssertEqual(events.map(\.outcome), [.allow, .deny, .deny, .deny, .deny])
        XCTAssertEqual(events.map(\.message.code), ["welcome", "repeat", "repeat", "repeat", "repeat"])
        XCTAssertEqual(events.last?.message.chinese, PolicyReason.alreadyAdmitted.chinese)
        XCTAssertTrue(events.last?.message.chinese.hasPrefix("已通行") ?? false)
        XCTAssertEqual(events.map(\.screen), [.green, .amber, .amber, .amber, .amber])
        let pulses = await actuator.pulses
        XCTAssertEqual(pulses, 1, "one opening")
        let counts = try f.log.outcomeCounts(fromMillis: 0, toMillis: .max)
        XCTAssertEqual(counts.total, 5, "every showing is on record")
        XCTAssertEqual(counts.accepted, 1, "relay pulses = admitted records")
        XCTAssertEqual(f.metrics.values.occupancy, 1)
        await actuator.shutdown()
    }

    /// The camera-level de-duplication of one text in consecutive frames is no opening: a phone
    /// held up for 40 frames is one decision and at most one pulse.
    func testAPhoneHeldInViewIsOneDecisionAndOnePulse() async throws {
        let f = try KioskFixture()
        let actuator = try f.actuator()
        await actuator.simulate(temperature: 36.6)
        let pipeline = f.pipeline(actuator: actuator)
        let text = try f.passText(at: f.clock.date)
        var decisions = 0
        for frame in 0..<40 { decisions += await pipeline.handle(KioskFixture.sighting([text], at: Double(frame) / 15)).count }
        XCTAssertEqual(decisions, 1)
        let pulses = await actuator.pulses
        XCTAssertEqual(pulses, 1)
        XCTAssertEqual(try f.log.status(nowMillis: f.clock.wallMillis).total, 1)
        await actuator.shutdown()
    }

    /// The first decision for a sighting (awaited outside XCTest's autoclosures).
    private func firstOutcome(_ pipeline: DoorPipeline, _ sighting: Sighting) async throws -> DoorOutcome {
        let outcomes = await pipeline.handle(sighting)
        return try XCTUnwrap(outcomes.first)
    }
}
