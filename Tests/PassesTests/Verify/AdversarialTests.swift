import Policy
import XCTest
@testable import Passes

/// More than ten thousand hostile tokens: none may be accepted, and each must be denied for the
/// reason its class predicts (not merely "not accepted"). Pass faults are the verifier's; the
/// holder-proof classes are judged as a kiosk judges them, by the venue's default pass rule
/// (live proof required, bound to the venue).
final class AdversarialTests: XCTestCase {
    func testTenThousandHostileTokensAreAllDeniedForTheRightReason() throws {
        let now = PassFixtures.now
        var gen = AdversarialTokens(seed: 0x7431)
        var serial = 1000
        func nextPass(issuedAt: Date = now.addingTimeInterval(-3600), validity: TimeInterval = 86400,
                      holder: SigningKey? = PassFixtures.edHolder) -> ThresholdPass {
            serial += 1
            return PassFixtures.pass(issuedAt: issuedAt, validity: validity, holder: holder, serial: serial)
        }

        // A pool of genuinely valid tokens from both issuers, mutated by most classes.
        var pool: [String] = []
        for i in 0..<40 {
            pool.append(try (i % 2 == 0 ? PassFixtures.edIssuer : PassFixtures.esIssuer).issue(nextPass()))
        }
        let reference = Verifier(trust: PassFixtures.store())
        for token in pool { XCTAssertEqual(reference.verify(token, at: now).outcome, .accept, "pool token must be valid") }

        // Forged: signed by an attacker under a trusted kid.
        for i in 0..<500 {
            let (kid, signer) = i % 4 == 0 ? (PassFixtures.esIssuer.kid, PassFixtures.attackerES)
                                            : (PassFixtures.edIssuer.kid, PassFixtures.attacker)
            var pass = nextPass()
            pass.issuer = "forger"
            let cose = try COSESign1.sign(payload: CBOREncoder.encode(pass.claims()), algorithm: signer.algorithm, kid: kid, signer: signer)
            gen.add("forged (other key)", AdversarialTokens.text(cose: cose), .badSignature)
        }
        for i in 0..<2600 { try gen.flipText(pool[i % pool.count]) }
        for i in 0..<1600 { try gen.flipCompressed(pool[i % pool.count]) }
        for i in 0..<1000 { try gen.flipPayload(pool[i % pool.count]) }
        for i in 0..<1000 { try gen.flipSignature(pool[i % pool.count]) }
        for i in 0..<500 { try gen.wrongKid(pool[i % pool.count]) }
        for i in 0..<480 { try gen.algorithmAttack(pool[i % pool.count], variant: i / pool.count + i) }
        for i in 0..<1000 { gen.truncate(pool[i % pool.count]) }

        for i in 0..<400 {
            let expired = nextPass(issuedAt: now.addingTimeInterval(-2 * 86400 - Double(i)))
            gen.add("expired", try PassFixtures.edIssuer.issue(expired), .expired)
            let early = nextPass(issuedAt: now.addingTimeInterval(3600 + Double(i)))
            gen.add("not yet valid", try PassFixtures.esIssuer.issue(early), .notYetValid)
        }

        var revokedIDs: [[UInt8]] = []
        for _ in 0..<400 {
            let pass = nextPass()
            revokedIDs.append(pass.credentialID)
            gen.add("revoked", try PassFixtures.edIssuer.issue(pass), .revoked)
        }

        // Holder-proof classes: facts from the verifier, judged by the venue's default rules.
        let here = VerificationContext(venueID: "venue-1")
        let stepStart = Date(timeIntervalSince1970: Double(HolderProof.step(at: now) * 30))
        var ruled: [(kind: String, text: String, at: Date, expected: PolicyReason)] = []
        for i in 0..<200 {
            let credential = try PassFixtures.edIssuer.issue(nextPass())
            ruled.append(("proof missing", credential, now, .proofMissing))
            let stale = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder,
                                             at: stepStart.addingTimeInterval(Double((i % 2 == 0 ? -1 : 1) * (60 + 30 * (i % 5)))),
                                             venueID: "venue-1")
            ruled.append(("proof outside ±1 step", stale, stepStart.addingTimeInterval(5), .proofExpired))
            let elsewhere = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: stepStart, venueID: "venue-2")
            ruled.append(("proof for another venue", elsewhere, stepStart, .proofExpired))
            let unbound = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: stepStart)
            ruled.append(("proof bound to no venue", unbound, stepStart, .proofExpired))
            let foreign = try HolderProof.make(credential: credential, holderKey: PassFixtures.attacker, at: stepStart, venueID: "venue-1")
            gen.add("proof by another key", foreign, .proofInvalid, at: stepStart, context: here)
        }

        // Oversized and not-a-pass inputs.
        for i in 0..<300 {
            gen.add("oversized", pool[i % pool.count] + String(repeating: "A", count: 4097 - pool[i % pool.count].count + i), .oversized)
        }
        for i in 0..<200 {
            let texts = ["https://example.org/checkin/\(i)", "HC2:\(i)", "th1:\(i)", "TH2:\(i)", "\(i)", "WIFI:S:net\(i);;"]
            gen.add("unknown format", texts[i % texts.count] + "-\(i)", .unknownFormat)
        }

        // Stateless classes: one verifier whose trust revokes the revoked set.
        let verifier = Verifier(trust: PassFixtures.store(revoked: revokedIDs))
        var perKind: [String: (total: Int, wrong: Int)] = [:]
        var accepted = 0
        for item in gen.cases {
            let verdict = verifier.verify(item.text, at: item.at, context: item.context)
            if verdict.outcome == .accept { accepted += 1 }
            var tally = perKind[item.kind, default: (0, 0)]
            tally.total += 1
            if verdict.reason != item.expected || verdict.outcome != .deny {
                tally.wrong += 1
                if tally.wrong <= 3 {
                    XCTFail("\(item.kind): expected \(item.expected.rawValue), got \(verdict.outcome) \(verdict.reason?.rawValue ?? "-") (\(verdict.detail ?? ""))")
                }
            }
            perKind[item.kind] = tally
        }

        let rule = PassRule(rules: VenueConfig.Rules())
        for item in ruled {
            let verdict = verifier.verify(item.text, at: item.at, context: here)
            let reason = rule.check(verdict, now: item.at.timeIntervalSince1970).reason
            if reason == nil { accepted += 1 }
            var tally = perKind[item.kind, default: (0, 0)]
            tally.total += 1
            if reason != item.expected {
                tally.wrong += 1
                if tally.wrong <= 3 { XCTFail("\(item.kind): expected \(item.expected.code), got \(reason?.code ?? "admitted")") }
            }
            perKind[item.kind] = tally
        }

        // Replays: a live proof admitted once, shown again after the re-showing window (still
        // inside its step window). Half of the ES256 ones also get a malleated signature.
        var replays = 0
        for i in 0..<300 {
            let holder = i % 2 == 0 ? PassFixtures.edHolder : PassFixtures.esHolder
            let credential = try PassFixtures.edIssuer.issue(nextPass(holder: holder))
            let shown = try HolderProof.make(credential: credential, holderKey: holder, at: stepStart, venueID: "venue-1")
            XCTAssertNil(rule.check(verifier.verify(shown, at: stepStart, context: here), now: stepStart.timeIntervalSince1970).reason)
            let replayed = i % 4 == 1 ? AdversarialTokens.malleate(shown) : shown
            let later = stepStart.addingTimeInterval(45)
            let reason = rule.check(verifier.verify(replayed, at: later, context: here), now: later.timeIntervalSince1970).reason
            if reason == nil { accepted += 1 }
            XCTAssertEqual(reason, .replayed)
            replays += 1
        }
        perKind["replayed proof", default: (0, 0)].total += replays

        let total = perKind.values.reduce(0) { $0 + $1.total }
        for (kind, tally) in perKind.sorted(by: { $0.key < $1.key }) {
            print("adversarial \(kind): \(tally.total) tokens, \(tally.wrong) wrong reason")
        }
        print("adversarial total: \(total) tokens, \(accepted) accepted")
        XCTAssertGreaterThanOrEqual(total, 10_000)
        XCTAssertEqual(accepted, 0)
        XCTAssertEqual(perKind.values.reduce(0) { $0 + $1.wrong }, 0)
    }
}
