import Foundation
import Passes
import Policy
import Simulation
import XCTest

final class ExpectedDecisionTests: XCTestCase {
    func testBundledScenarioDecisions() throws {
        let s = try Bundled.scenario()
        let decisions = s.visitors.map { ExpectedDecision(visitor: $0, venue: s.venue) }
        XCTAssertEqual(decisions, [
            .allow, .deny(.statusNotAllowed), .deny(.statusRed), .deny(.expired), .deny(.unknownKey),
            .deny(.revoked), .deny(.proofExpired), .deny(.proofExpired), .deny(.fever), .allow,
        ])
    }

    func testPrecedenceFollowsTheKioskOrder() {
        let venue = VenueSpec(id: "v", acceptedStatuses: [.green, .yellow], temperatureThreshold: 37.3)
        func visitor(_ pass: PassSpec, _ temperature: Double = 36.5) -> Visitor {
            Visitor(id: "x", arrival: 0, dwell: 1, pass: pass, temperature: temperature, camera: CameraConditions(distance: 20))
        }
        XCTAssertEqual(ExpectedDecision(visitor: visitor(PassSpec(status: .red, validity: .expired, attack: .forged), 39), venue: venue), .deny(.unknownKey))
        XCTAssertEqual(ExpectedDecision(visitor: visitor(PassSpec(status: .red, validity: .expired, attack: .revoked)), venue: venue), .deny(.expired))
        XCTAssertEqual(ExpectedDecision(visitor: visitor(PassSpec(status: .red, attack: .wrongVenue)), venue: venue), .deny(.proofExpired))
        XCTAssertEqual(ExpectedDecision(visitor: visitor(PassSpec(status: .red), 39), venue: venue), .deny(.statusRed))
        let greenOnly = VenueSpec(id: "v", acceptedStatuses: [.green], temperatureThreshold: 37.3)
        XCTAssertEqual(ExpectedDecision(visitor: visitor(PassSpec(status: .yellow), 39), venue: greenOnly), .deny(.statusNotAllowed))
        // A venue that lists red still never admits it: the verifier refuses red first.
        let all = VenueSpec(id: "v", acceptedStatuses: [.green, .yellow, .red], temperatureThreshold: 37.3)
        XCTAssertEqual(ExpectedDecision(visitor: visitor(PassSpec(status: .red)), venue: all), .deny(.statusRed))
        XCTAssertEqual(ExpectedDecision(visitor: visitor(PassSpec(status: .yellow), 37.3), venue: venue), .deny(.fever))
        XCTAssertEqual(ExpectedDecision(visitor: visitor(PassSpec(status: .yellow), 37.2), venue: venue), .allow)
    }

    /// The pass-level expectations agree with the real verifier and the venue's pass rule on the
    /// tokens the clip shows: each visitor's text at mid-dwell, verified at that virtual time
    /// with the scenario's trust, judged with the default rules (live proof bound to the venue).
    func testVerifierAgreesWithPassLevelExpectations() throws {
        let s = try Bundled.scenario()
        let keys = SimulationKeys(seed: s.seed)
        let issuer = ThresholdPassIssuer(key: keys.issuer, issuer: s.issuer.name)
        let revoked = s.visitors.filter { $0.pass.attack == .revoked }
            .map { (RevocationKind.credentialID, RevocationHash(identifier: keys.credentialID($0.id))) }
        let verifier = Verifier(trust: InMemoryTrustStore(keys: [issuer.trustedKey()], revocations: RevocationList(entries: revoked)))
        let context = VerificationContext(venueID: s.venue.id)
        var rules = VenueConfig.Rules()
        rules.statuses = Set(s.venue.acceptedStatuses.compactMap { HealthStatus(rawValue: $0.rawValue) })
        let rule = PassRule(rules: rules)
        for visitor in s.visitors {
            let pass = try VisitorPass(visitor: visitor, scenario: s, keys: keys)
            let now = s.start.addingTimeInterval(visitor.arrival + visitor.dwell / 2)
            let text = try pass.text(at: now)
            let verdict = verifier.verify(text, at: now, context: context)
            XCTAssertEqual(verdict.tokenDigest, TokenDigest(of: text).hex, visitor.id)
            // The one mapping (ExpectedReason.policyReason) names the pass rule's verdict exactly;
            // fever is the thermometer's rule, not the pass's.
            let expected: PolicyReason? = switch ExpectedDecision(visitor: visitor, venue: s.venue).reason {
            case nil, .fever?: nil
            case let reason?: reason.policyReason
            }
            XCTAssertEqual(rule.check(verdict, now: now.timeIntervalSince1970).reason, expected, "\(visitor.id): \(verdict)")
        }
    }
}
