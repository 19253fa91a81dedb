import Crypto
import XCTest
@testable import Passes

final class ThresholdPassTests: XCTestCase {
    private let now = PassFixtures.now

    func testIssueVerifyRoundTripEd25519AndES256() throws {
        for (issuer, holder) in [(PassFixtures.edIssuer, PassFixtures.edHolder), (PassFixtures.esIssuer, PassFixtures.esHolder)] {
            let pass = PassFixtures.pass(status: .yellow, holder: holder)
            let text = try issuer.issue(pass)
            XCTAssertTrue(text.hasPrefix("TH1:"))
            XCTAssertLessThan(text.count, 600)
            let verdict = Verifier(trust: PassFixtures.store()).verify(text, at: now)
            XCTAssertEqual(verdict.outcome, .accept, "\(verdict)")
            XCTAssertNil(verdict.reason)
            XCTAssertEqual(verdict.format, .threshold)
            XCTAssertEqual(verdict.issuer, issuer.issuer)
            XCTAssertEqual(verdict.kid, Hex.encode(issuer.kid))
            XCTAssertEqual(verdict.status, .yellow)
            XCTAssertEqual(verdict.display, MaskedDisplay(name: "Z*", idTail: "***1234"))
            XCTAssertEqual(verdict.expires, pass.expires)
            XCTAssertEqual(verdict.tokenDigest, Hex.encode(Array(SHA256.hash(data: Array(text.utf8)))))
            XCTAssertNil(verdict.proof)

            // All claims survive the trip.
            let message = try ThresholdWire.decodeCredential(text.dropFirst(4))
            let decoded = try ThresholdPass(claims: CBORDecoder().decode(message.payload))
            XCTAssertEqual(decoded.doses, 3)
            XCTAssertEqual(decoded.lastDose, "2026-11-02")
            XCTAssertEqual(decoded.lastTestResult, .negative)
            XCTAssertEqual(decoded.lastTestTime, pass.lastTestTime)
            XCTAssertEqual(decoded.holderKey?.encoded, holder.publicKey.encoded)
            XCTAssertEqual(message.algorithm, issuer.key.algorithm)
        }
    }

    /// Red is a fact the verifier reports, not a deny: whether red enters is the venue's rule
    /// (it never does; `PassRule`).
    func testRedStatusIsReportedNotDenied() throws {
        let text = try PassFixtures.edIssuer.issue(PassFixtures.pass(status: .red))
        let verdict = Verifier(trust: PassFixtures.store()).verify(text, at: now)
        XCTAssertEqual(verdict.outcome, .accept)
        XCTAssertEqual(verdict.status, .red)
    }

    func testIssuerRefusesUnmaskedNames() {
        var pass = PassFixtures.pass()
        pass.display = MaskedDisplay(name: "Zhang San", idTail: "1234")
        XCTAssertThrowsError(try PassFixtures.edIssuer.issue(pass))
    }

    func testHolderProofWindowOnInjectedClock() throws {
        for holder in [PassFixtures.edHolder, PassFixtures.esHolder] {
            let credential = try PassFixtures.edIssuer.issue(PassFixtures.pass(holder: holder))
            let context = VerificationContext(venueID: "venue-1")
            // Phone clock at the start of a step; kiosk clock from −2 to +2 steps around it.
            let phone = Date(timeIntervalSince1970: Double(HolderProof.step(at: now) * 30))
            let shown = try HolderProof.make(credential: credential, holderKey: holder, at: phone, venueID: "venue-1")
            XCTAssertTrue(shown.hasPrefix("TH1P:"))
            for offset in -2...2 {
                let verifier = Verifier(trust: PassFixtures.store())
                let verdict = verifier.verify(shown, at: phone.addingTimeInterval(Double(offset * 30) + 5), context: context)
                XCTAssertEqual(verdict.outcome, .accept, "step \(offset): \(verdict)")
                XCTAssertEqual(verdict.proof, ProofCheck(step: HolderProof.step(at: phone), binding: .thisVenue, current: abs(offset) <= 1),
                               "step \(offset)")
            }
        }
    }

    func testProofAbsentInvalidAndOtherVenue() throws {
        let credential = try PassFixtures.edIssuer.issue(PassFixtures.pass())
        let verifier = Verifier(trust: PassFixtures.store())
        let here = VerificationContext(venueID: "venue-1")
        let bare = verifier.verify(credential, at: now, context: here)
        XCTAssertEqual(bare.outcome, .accept, "a credential alone is a valid pass; the venue decides whether it needs a proof")
        XCTAssertNil(bare.proof)

        let wrongHolder = try HolderProof.make(credential: credential, holderKey: PassFixtures.attacker, at: now)
        XCTAssertEqual(verifier.verify(wrongHolder, at: now, context: here).reason, .proofInvalid)
        XCTAssertEqual(verifier.verify(wrongHolder, at: now).reason, .proofInvalid)

        let elsewhere = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: now, venueID: "venue-2")
        XCTAssertEqual(verifier.verify(elsewhere, at: now, context: here).proof?.binding, .otherVenue)
        let unbound = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: now)
        XCTAssertEqual(verifier.verify(unbound, at: now, context: here).proof?.binding, .unbound)

        // A proof made for one credential does not transfer to another credential of the same holder.
        let other = try PassFixtures.edIssuer.issue(PassFixtures.pass(serial: 2))
        let proof = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: now)
        let spliced = "TH1P:" + other.dropFirst(4) + "*" + proof.suffix(HolderProof.textCount)
        XCTAssertEqual(verifier.verify(spliced, at: now, context: here).reason, .proofInvalid)

        // A credential without a holder key cannot carry a proof.
        let keyless = try PassFixtures.edIssuer.issue(PassFixtures.pass(holder: nil, serial: 3))
        let forgedProof = try HolderProof.make(credential: keyless, holderKey: PassFixtures.edHolder, at: now)
        XCTAssertEqual(verifier.verify(forgedProof, at: now, context: here).reason, .proofInvalid)
    }

    /// The verifier remembers each proof it saw and reports when it first saw it; what counts as
    /// a replay is the venue's rule.
    func testSecondShowingReportsWhenTheProofWasFirstSeen() throws {
        let credential = try PassFixtures.edIssuer.issue(PassFixtures.pass())
        let verifier = Verifier(trust: PassFixtures.store())
        let t0 = Date(timeIntervalSince1970: Double(HolderProof.step(at: now) * 30))
        let shown = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: t0)

        let first = verifier.verify(shown, at: t0)
        XCTAssertEqual(first.outcome, .accept)
        XCTAssertNil(first.proof?.firstSeen)
        XCTAssertEqual(verifier.verify(shown, at: t0.addingTimeInterval(10)).proof?.firstSeen, t0)
        XCTAssertEqual(verifier.verify(shown, at: t0.addingTimeInterval(45)).proof?.firstSeen, t0)

        // The next step's proof from the live phone is a new proof.
        let next = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: t0.addingTimeInterval(30))
        XCTAssertEqual(verifier.verify(next, at: t0.addingTimeInterval(46)).proof,
                       ProofCheck(step: HolderProof.step(at: t0) + 1, binding: .unbound, current: true))
    }

    func testMalleatedECDSAProofIsStillTheSameProof() throws {
        let credential = try PassFixtures.esIssuer.issue(PassFixtures.pass(holder: PassFixtures.esHolder))
        let verifier = Verifier(trust: PassFixtures.store())
        let t0 = Date(timeIntervalSince1970: Double(HolderProof.step(at: now) * 30))
        let shown = try HolderProof.make(credential: credential, holderKey: PassFixtures.esHolder, at: t0)
        XCTAssertEqual(verifier.verify(shown, at: t0).outcome, .accept)
        let malleated = AdversarialTokens.malleate(shown)
        XCTAssertNotEqual(malleated, shown)
        XCTAssertEqual(verifier.verify(malleated, at: t0.addingTimeInterval(40)).proof?.firstSeen, t0)
    }
}
