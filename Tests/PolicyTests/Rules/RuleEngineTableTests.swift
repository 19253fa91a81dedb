import Foundation
import Passes
import XCTest
@testable import Policy

/// One row per rule and per interesting combination: config tweak, verdict/facts, temperature,
/// trust age, state, now → expected outcome, reason, warnings.
final class RuleEngineTableTests: XCTestCase {
    typealias F = RuleFixtures

    struct Row {
        var name: String
        var config: (inout VenueConfig) -> Void = { _ in }
        var verdict = F.verdict()
        var celsius: Double?
        var readingAge: TimeInterval = 1
        var trustAgeHours: Double?
        var state = VenueState()
        var now = F.noon
        var reason: PolicyReason?
        var warnings: [PolicyWarning] = []
    }

    static let strictHealth: @Sendable (inout VenueConfig) -> Void = { c in
        c.rules.vaccination = VenueConfig.Vaccination()  // 2 doses, ≥ 14 days
        c.rules.vaccination?.maxDaysSinceLastDose = 270
        c.rules.test = VenueConfig.TestRule()  // ≤ 48 h
    }
    static let thermometer: @Sendable (inout VenueConfig) -> Void = { $0.rules.temperature = VenueConfig.Temperature() }

    let rows: [Row] = [
        Row(name: "plain green pass is allowed"),
        // Pass-level denials map through unchanged.
        Row(name: "forged", verdict: F.verdict(outcome: .deny, reason: .badSignature), reason: .pass(.badSignature)),
        Row(name: "expired", verdict: F.verdict(outcome: .deny, reason: .expired), reason: .pass(.expired)),
        Row(name: "revoked", verdict: F.verdict(outcome: .deny, reason: .revoked), reason: .pass(.revoked)),
        Row(name: "verifier error", verdict: F.verdict(outcome: .error, reason: .noTrust), reason: .kioskError),
        // Holder proof (the verifier's facts; the venue requires a live proof bound to it by default).
        Row(name: "screenshot with the proof cut off", verdict: F.verdict(proof: nil), reason: .proofMissing),
        Row(name: "no proof where the venue opts out", config: { $0.rules.requireProof = false }, verdict: F.verdict(proof: nil)),
        Row(name: "DCC carries no proof and needs none", verdict: F.verdict(format: .dcc, proof: nil)),
        Row(name: "proof outside its step", verdict: F.verdict(proof: ProofCheck(step: 1, binding: .thisVenue, current: false)),
            reason: .proofExpired),
        Row(name: "a stale proof is refused even where proofs are optional", config: { $0.rules.requireProof = false },
            verdict: F.verdict(proof: ProofCheck(step: 1, binding: .thisVenue, current: false)), reason: .proofExpired),
        Row(name: "proof for another venue", verdict: F.verdict(proof: ProofCheck(step: 1, binding: .otherVenue, current: true)),
            reason: .proofExpired),
        Row(name: "proof bound to no venue", verdict: F.verdict(proof: ProofCheck(step: 1, binding: .unbound, current: true)),
            reason: .proofExpired),
        Row(name: "unbound proof where the venue opts out of binding", config: { $0.rules.requireVenueBinding = false },
            verdict: F.verdict(proof: ProofCheck(step: 1, binding: .unbound, current: true))),
        Row(name: "same proof shown again 10 s later", verdict: F.verdict(proof: ProofCheck(
            step: 1, binding: .thisVenue, current: true, firstSeen: F.noon.addingTimeInterval(-10)))),
        Row(name: "replayed screenshot: same proof 45 s later", verdict: F.verdict(proof: ProofCheck(
            step: 1, binding: .thisVenue, current: true, firstSeen: F.noon.addingTimeInterval(-45))), reason: .replayed),
        // Format and issuer.
        Row(name: "format not accepted", config: { $0.rules.formats = [.dcc] }, reason: .formatNotAccepted),
        Row(name: "format accepted", config: { $0.rules.formats = [.dcc] }, verdict: F.verdict(format: .dcc)),
        Row(name: "issuer not accepted", config: { $0.rules.issuers = ["DE"] }, reason: .issuerNotAccepted),
        Row(name: "issuer accepted", config: { $0.rules.issuers = ["DE"] }, verdict: F.verdict(issuer: "DE")),
        // Status colour.
        Row(name: "yellow where only green", verdict: F.verdict(status: .yellow), reason: .statusNotAllowed),
        Row(name: "yellow allowed → amber", config: { $0.rules.statuses = [.green, .yellow] }, verdict: F.verdict(status: .yellow),
            warnings: [.yellowStatus]),
        Row(name: "red never enters even if configured", config: { $0.rules.statuses = [.green, .yellow, .red] },
            verdict: F.verdict(status: .red), reason: .statusRed),
        // Doses and days since the last dose.
        Row(name: "no record at all", config: strictHealth, reason: .noHealthRecord),
        Row(name: "enough doses, old enough", config: strictHealth, verdict: F.verdict(facts: F.vaccinated(doses: 2, daysAgo: 30))),
        Row(name: "one dose", config: strictHealth, verdict: F.verdict(facts: F.vaccinated(doses: 1, daysAgo: 30)), reason: .notEnoughDoses),
        Row(name: "dose 13 days ago", config: strictHealth, verdict: F.verdict(facts: F.vaccinated(doses: 2, daysAgo: 13.5)),
            reason: .doseTooRecent),
        Row(name: "dose exactly 14 days ago", config: strictHealth, verdict: F.verdict(facts: F.vaccinated(doses: 2, daysAgo: 14))),
        Row(name: "dose 271 days ago", config: strictHealth, verdict: F.verdict(facts: F.vaccinated(doses: 3, daysAgo: 271.2)),
            reason: .doseTooOld),
        // Test age and result.
        Row(name: "negative test 47 h", config: strictHealth, verdict: F.verdict(facts: F.tested(hoursAgo: 47))),
        Row(name: "negative test 49 h", config: strictHealth, verdict: F.verdict(facts: F.tested(hoursAgo: 49)), reason: .testTooOld),
        Row(name: "positive test", config: strictHealth, verdict: F.verdict(facts: F.tested(hoursAgo: 2, negative: false)),
            reason: .testPositive),
        Row(name: "positive test beats vaccination under any",
            config: strictHealth,
            verdict: F.verdict(facts: HealthFacts(doses: 3, lastDose: F.noon.addingTimeInterval(-60 * F.day),
                                                  lastTestTime: F.noon.addingTimeInterval(-3600), lastTestNegative: false)),
            reason: .testPositive),
        Row(name: "too-recent dose rescued by a negative test (any)", config: strictHealth,
            verdict: F.verdict(facts: HealthFacts(doses: 2, lastDose: F.noon.addingTimeInterval(-3 * F.day),
                                                  lastTestTime: F.noon.addingTimeInterval(-3600), lastTestNegative: true))),
        Row(name: "combine all needs both", config: { strictHealth(&$0); $0.rules.combine = .all },
            verdict: F.verdict(facts: F.vaccinated(doses: 2, daysAgo: 30)), reason: .noHealthRecord),
        Row(name: "combine all with both", config: { strictHealth(&$0); $0.rules.combine = .all },
            verdict: F.verdict(facts: HealthFacts(doses: 2, lastDose: F.noon.addingTimeInterval(-30 * F.day),
                                                  lastTestTime: F.noon.addingTimeInterval(-3600), lastTestNegative: true))),
        Row(name: "recovery accepted", config: { strictHealth(&$0); $0.rules.acceptRecovery = true },
            verdict: F.verdict(facts: HealthFacts(recoveredFrom: F.noon.addingTimeInterval(-20 * F.day),
                                                  recoveredUntil: F.noon.addingTimeInterval(100 * F.day)))),
        Row(name: "recovery not accepted unless configured", config: strictHealth,
            verdict: F.verdict(facts: HealthFacts(recoveredFrom: F.noon.addingTimeInterval(-20 * F.day),
                                                  recoveredUntil: F.noon.addingTimeInterval(100 * F.day))),
            reason: .noHealthRecord),
        Row(name: "expired recovery", config: { strictHealth(&$0); $0.rules.acceptRecovery = true },
            verdict: F.verdict(facts: HealthFacts(recoveredUntil: F.noon.addingTimeInterval(-F.day))), reason: .noHealthRecord),
        // Temperature.
        Row(name: "36.6 °C", config: thermometer, celsius: 36.6),
        Row(name: "37.2 °C just under", config: thermometer, celsius: 37.2),
        Row(name: "37.3 °C at threshold", config: thermometer, celsius: 37.3, reason: .fever),
        Row(name: "39 °C", config: thermometer, celsius: 39, reason: .fever),
        Row(name: "no reading → deny", config: thermometer, reason: .temperatureUnavailable),
        Row(name: "stale reading → deny", config: thermometer, celsius: 36.5, readingAge: 11, reason: .temperatureUnavailable),
        Row(name: "implausible reading → missing", config: thermometer, celsius: 22.0, reason: .temperatureUnavailable),
        Row(name: "no reading → allow with warning",
            config: { thermometer(&$0); $0.rules.temperature?.whenMissing = .allowWithWarning }, warnings: [.temperatureUnavailable]),
        Row(name: "fever still denies under allow-with-warning",
            config: { thermometer(&$0); $0.rules.temperature?.whenMissing = .allowWithWarning }, celsius: 38.1, reason: .fever),
        Row(name: "no thermometer rule ignores readings", celsius: 40),
        // Trust freshness.
        Row(name: "fresh trust", trustAgeHours: 23),
        Row(name: "stale trust refused", trustAgeHours: 25, reason: .staleTrust),
        Row(name: "stale trust with warning → amber", config: { $0.rules.staleTrust = .allowWithWarning }, trustAgeHours: 25,
            warnings: [.staleTrust]),
        Row(name: "stale trust within a longer venue maximum", config: { $0.rules.maxTrustAgeHours = 48 }, trustAgeHours: 25),
        // Opening hours (Saturday; +08:00).
        Row(name: "closed on Saturday", config: { $0.hours.days[5] = [] }, reason: .closed),
        Row(name: "before opening", config: { $0.hours.days[5] = [.init(open: 13 * 3600, close: 18 * 3600)] }, reason: .closed),
        Row(name: "inside second interval", config: { $0.hours.days[5] = [.init(open: 8 * 3600, close: 9 * 3600), .init(open: 11 * 3600, close: 13 * 3600)] }),
        Row(name: "Friday overnight reaches Saturday 00:30",
            config: { $0.hours.days = Array(repeating: [], count: 7); $0.hours.days[4] = [.init(open: 22 * 3600, close: 3600)] },
            now: F.noon.addingTimeInterval(-11.5 * 3600)),
        Row(name: "Friday overnight over at 01:30",
            config: { $0.hours.days = Array(repeating: [], count: 7); $0.hours.days[4] = [.init(open: 22 * 3600, close: 3600)] },
            now: F.noon.addingTimeInterval(-10.5 * 3600), reason: .closed),
        Row(name: "closed beats a forged pass", config: { $0.hours.days[5] = [] },
            verdict: F.verdict(outcome: .deny, reason: .badSignature), reason: .closed),
        // Capacity.
        Row(name: "room left", config: { $0.rules.capacity = .init(maximum: 3) }, state: VenueState(occupancy: 2)),
        Row(name: "full", config: { $0.rules.capacity = .init(maximum: 3) }, state: VenueState(occupancy: 3), reason: .venueFull),
        // Order of combinations: the earliest failing rule names the reason.
        Row(name: "fever and full → fever", config: { thermometer(&$0); $0.rules.capacity = .init(maximum: 1) }, celsius: 38,
            state: VenueState(occupancy: 1), reason: .fever),
        Row(name: "wrong format and red → format", config: { $0.rules.formats = [.shc] }, verdict: F.verdict(status: .red),
            reason: .formatNotAccepted),
        Row(name: "stale warning and yellow → amber with both",
            config: { $0.rules.staleTrust = .allowWithWarning; $0.rules.statuses = [.green, .yellow] },
            verdict: F.verdict(status: .yellow), trustAgeHours: 30, warnings: [.yellowStatus, .staleTrust]),
    ]

    func testEveryRow() {
        for row in rows {
            let config = F.config(row.config)
            let engine = RuleEngine(config: config)
            let reading = row.celsius.map { TemperatureReading(celsius: $0, takenAt: row.now.addingTimeInterval(-row.readingAge)) }
            var verdict = row.verdict
            verdict.trustIssuedAt = row.trustAgeHours.map { row.now.addingTimeInterval(-$0 * 3600) }
            let (decision, state) = engine.decide(verdict, temperature: reading, state: row.state, now: row.now)
            XCTAssertEqual(decision.reason, row.reason, row.name)
            XCTAssertEqual(decision.outcome, row.reason == nil ? .allow : .deny, row.name)
            XCTAssertEqual(decision.warnings, row.warnings, row.name)
            let colour: Decision.ScreenColour = row.reason != nil ? .red : (row.warnings.isEmpty ? .green : .amber)
            XCTAssertEqual(decision.screen, colour, row.name)
            XCTAssertEqual(decision.doorPulseMilliseconds, row.reason == nil ? config.doorPulseMilliseconds : 0, row.name)
            XCTAssertEqual(decision.counted, row.reason == nil, row.name)
            XCTAssertEqual(state.occupancy, row.state.occupancy + (row.reason == nil ? 1 : 0), row.name)
            XCTAssertEqual(decision.display?.name, "张*", row.name)
        }
    }

    /// One vocabulary, one table: every reason and warning has a unique code and a sentence in
    /// each language, and a pass fault's sentence comes from the same table.
    func testEveryReasonHasSentencesInBothLanguages() {
        let reasons = PolicyReason.allCases
        XCTAssertEqual(Set(reasons.map(\.code)).count, reasons.count, "codes are unique")
        XCTAssertEqual(Set(reasons).count, DenyReason.allCases.count + 22, "every case is listed once")
        for reason in reasons {
            XCTAssertFalse(reason.english.isEmpty)
            XCTAssertTrue(reason.chinese.unicodeScalars.contains { $0.value >= 0x4E00 }, reason.code)
        }
        XCTAssertEqual(PolicyReason.pass(.expired).english, ReasonText.sentences(.pass(.expired)).english)
        for warning in PolicyWarning.allCases { XCTAssertFalse(warning.english.isEmpty); XCTAssertFalse(warning.chinese.isEmpty) }
    }

    /// Finding (issue 13, root of 1 and 4): the verifier used to apply require-proof, red status and
    /// the stale-trust policy itself, and the rule engine applied them again. Now the verdict for a
    /// red pass, a bare credential and a pass checked against old trust is an accept with the facts,
    /// and the venue's rules alone turn it away.
    func testVenueRulesLiveInOnePlaceOnly() {
        for (verdict, reason) in [(F.verdict(status: .red), PolicyReason.statusRed), (F.verdict(proof: nil), .proofMissing),
                                  (F.verdict(trustIssuedAt: F.noon.addingTimeInterval(-30 * 3600)), .staleTrust)] {
            XCTAssertEqual(verdict.outcome, .accept)
            let (decision, _) = RuleEngine(config: F.config()).decide(verdict, state: VenueState(), now: F.noon)
            XCTAssertEqual(decision.reason, reason)
        }
    }
}
