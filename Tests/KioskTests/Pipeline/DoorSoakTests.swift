import Crypto
import Foundation
import Kiosk
import Passes
import Policy
import ScanLog
import TestSupport
import XCTest

/// The door's invariant under a random stream of showings, on a virtual clock: relay pulses =
/// admitted records, every decision is recorded, no credential is admitted twice inside the
/// anti-passback window, occupancy never passes capacity. The stream mixes live passes, quick
/// re-showings, phones held in view for several frames, screenshots, proofs cut off, other
/// venues' proofs, forged, red and revoked passes, fevers, a missing thermometer and exits.
///
/// 2,000 showings by default (CI's debug build); `THRESHOLD_SOAK_SCANS=10000` for the full soak.
final class DoorSoakTests: XCTestCase {
    enum Kind: CaseIterable { case live, screenshot, bare, otherVenue, forged, red, revoked }

    struct Holder {
        let kind: Kind
        let credentialID: [UInt8]
        let key: SigningKey
    }

    func testRelayPulsesEqualAdmittedRecordsOnARandomSoak() async throws {
        let showings = ProcessInfo.processInfo.environment["THRESHOLD_SOAK_SCANS"].flatMap(Int.init) ?? 2_000
        var rng = SeededRNG(seed: 0x5EED_D00B)
        let holders = (0..<60).map { i in
            Holder(kind: i < 30 ? .live : Kind.allCases[i % Kind.allCases.count],
                   credentialID: Array(String(format: "soak-cred-%06d", i).utf8),
                   key: .ed25519(Curve25519.Signing.PrivateKey()))
        }
        let f = try KioskFixture(revoked: holders.filter { $0.kind == .revoked }.map(\.credentialID))
        var venue = f.venue
        venue.rules.capacity = VenueConfig.Capacity(maximum: 8)
        venue.rules.rateLimit.dailyCap = nil
        let actuator = try f.actuator()
        let pipeline = DoorPipeline(judge: DoorJudge(verifier: f.verifier, venue: venue), actuator: actuator, log: f.log, hub: f.hub,
                                    metrics: f.metrics, clock: f.clock, deviceID: "soak")

        var outcomes: [DoorOutcome] = []
        var sequence: UInt64 = 0
        var last = 0
        for _ in 0..<showings {
            // Time passes: often a quick re-showing, otherwise up to 20 s (10,000 showings stay
            // inside the passes' one-day validity, so what is judged is the rules, not expiry).
            let gap = rng.unit() < 0.4 ? 1.0 : 2 + rng.unit() * 18
            f.clock.advance(by: .milliseconds(Int64(gap * 1000)))
            if rng.unit() < 0.2 { pipeline.exit() }
            let roll = rng.unit()
            await actuator.simulate(temperature: roll < 0.04 ? 38.5 : roll < 0.07 ? nil : 36.4 + rng.unit() * 0.6)
            let index = rng.unit() < 0.35 ? last : Int(rng.unit() * Double(holders.count))
            last = index
            let text = try Self.text(for: holders[index], fixture: f, at: f.clock.date)
            // The phone stays in view for 1–4 frames at 15 fps: one showing, one decision at most.
            let frames = 1 + Int(rng.unit() * 4)
            var decided = 0
            for frame in 0..<frames {
                sequence += 1
                let at = f.clock.now.offset + .milliseconds(Int64(frame) * 66)
                let made = await pipeline.handle(Sighting(sequence: sequence, frameTime: at, arrivedNanos: Stopwatch.nanos,
                                                          texts: [text], decodeMicros: 0))
                decided += made.count
                outcomes += made
            }
            XCTAssertLessThanOrEqual(decided, 1, "a phone held in view is one showing")
        }
        f.clock.advance(by: .seconds(60))
        await actuator.settle()
        let pulses = await actuator.pulses
        await actuator.shutdown()

        let counts = try f.log.outcomeCounts(fromMillis: 0, toMillis: .max)
        let admitted = outcomes.filter(\.record.admitted)
        XCTAssertEqual(pulses, counts.accepted, "relay pulses = admitted records in the log")
        XCTAssertEqual(pulses, admitted.count)
        XCTAssertEqual(counts.total, outcomes.count, "every decision is recorded")
        XCTAssertEqual(admitted.count, outcomes.filter { $0.judgement.decision.outcome == .allow }.count)
        XCTAssertTrue(outcomes.allSatisfy { $0.event.occupancy <= 8 }, "occupancy never passes capacity")

        // No credential is admitted twice inside the anti-passback window.
        var lastAdmission: [String: Date] = [:]
        for outcome in admitted {
            let credential = try XCTUnwrap(outcome.judgement.verdict.credentialDigest)
            if let previous = lastAdmission[credential] {
                XCTAssertGreaterThanOrEqual(outcome.event.at.timeIntervalSince(previous), venue.antiPassbackSeconds)
            }
            lastAdmission[credential] = outcome.event.at
        }
        // Only live passes of this venue ever open the door.
        let openers = Set(holders.filter { $0.kind == .live }.map { TokenDigest(bytes: $0.credentialID).hex })
        XCTAssertTrue(admitted.allSatisfy { openers.contains($0.judgement.verdict.credentialDigest ?? "") })

        // The stream covered what it is meant to.
        let codes = Dictionary(grouping: outcomes, by: { $0.event.message.code }).mapValues(\.count)
        print("door soak: \(outcomes.count) decisions from \(showings) showings, \(pulses) pulses, \(admitted.count) admitted, \(codes)")
        XCTAssertEqual(codes["pass.expired"] ?? 0, 0, "every pass is inside its validity for the whole soak")
        for code in ["welcome", "repeat", "proof-expired", "proof-missing", "pass.unknown-key", "status-red", "pass.revoked", "fever"] {
            XCTAssertGreaterThan(codes[code] ?? 0, 0, code)
        }
    }

    /// What the holder's phone shows at `date`.
    static func text(for holder: Holder, fixture f: KioskFixture, at date: Date) throws -> String {
        switch holder.kind {
        case .live, .revoked:
            return try f.passText(credentialID: holder.credentialID, holder: holder.key, at: date)
        case .screenshot:
            return try f.passText(credentialID: holder.credentialID, holder: holder.key, at: date.addingTimeInterval(-600))
        case .bare:
            let proven = try f.passText(credentialID: holder.credentialID, holder: holder.key, at: date)
            return "TH1:" + proven.dropFirst(5).dropLast(HolderProof.textCount + 1)
        case .otherVenue:
            return try f.passText(credentialID: holder.credentialID, holder: holder.key, at: date, venueID: "elsewhere")
        case .forged:
            return try f.passText(credentialID: holder.credentialID, signer: f.forgerKey, holder: holder.key, at: date)
        case .red:
            return try f.passText(status: .red, credentialID: holder.credentialID, holder: holder.key, at: date)
        }
    }
}
