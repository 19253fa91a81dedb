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

    func testRedStatusIsDenied() throws {
        let text = try PassFixtures.edIssuer.issue(PassFixtures.pass(status: .red))
        let verdict = Verifier(trust: PassFixtures.store()).verify(text, at: now)
        XCTAssertEqual(verdict.reason, .statusRed)
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
            let context = VerificationContext(venueID: "venue-1", requireProof: true)
            // Phone clock at the start of a step; kiosk clock from −2 to +2 steps around it.
            let phone = Date(timeIntervalSince1970: Double(HolderProof.step(at: now) * 30))
            let shown = try HolderProof.make(credential: credential, holderKey: holder, at: phone, venueID: "venue-1")
            XCTAssertTrue(shown.hasPrefix("TH1P:"))
            for offset in -2...2 {
                let verifier = Verifier(trust: PassFixtures.store())
                let verdict = verifier.verify(shown, at: phone.addingTimeInterval(Double(offset * 30) + 5), context: context)
                if abs(offset) <= 1 {
                    XCTAssertEqual(verdict.outcome, .accept, "step \(offset): \(verdict)")
                    XCTAssertEqual(verdict.proof, .fresh(step: HolderProof.step(at: phone)))
                } else {
                    XCTAssertEqual(verdict.reason, .proofExpired, "step \(offset)")
                }
            }
        }
    }

    func testProofMissingInvalidAndOtherVenue() throws {
        let credential = try PassFixtures.edIssuer.issue(PassFixtures.pass())
        let verifier = Verifier(trust: PassFixtures.store())
        let strict = VerificationContext(venueID: "venue-1", requireProof: true)
        XCTAssertEqual(verifier.verify(credential, at: now, context: strict).reason, .proofMissing)
        XCTAssertEqual(verifier.verify(credential, at: now, context: VerificationContext()).outcome, .accept)

        let wrongHolder = try HolderProof.make(credential: credential, holderKey: PassFixtures.attacker, at: now)
        XCTAssertEqual(verifier.verify(wrongHolder, at: now, context: strict).reason, .proofInvalid)
        // Even where proofs are optional, a bad one is not ignored.
        XCTAssertEqual(verifier.verify(wrongHolder, at: now).reason, .proofInvalid)

        let elsewhere = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: now, venueID: "venue-2")
        XCTAssertEqual(verifier.verify(elsewhere, at: now, context: strict).reason, .proofExpired)

        // A proof made for one credential does not transfer to another credential of the same holder.
        let other = try PassFixtures.edIssuer.issue(PassFixtures.pass(serial: 2))
        let proof = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: now)
        let spliced = "TH1P:" + other.dropFirst(4) + "*" + proof.suffix(HolderProof.textCount)
        XCTAssertEqual(verifier.verify(spliced, at: now, context: strict).reason, .proofInvalid)

        // A credential without a holder key cannot carry a proof.
        let keyless = try PassFixtures.edIssuer.issue(PassFixtures.pass(holder: nil, serial: 3))
        let forgedProof = try HolderProof.make(credential: keyless, holderKey: PassFixtures.edHolder, at: now)
        XCTAssertEqual(verifier.verify(forgedProof, at: now, context: strict).reason, .proofInvalid)
    }

    func testRepresentationThenReplay() throws {
        let credential = try PassFixtures.edIssuer.issue(PassFixtures.pass())
        let verifier = Verifier(trust: PassFixtures.store())
        let context = VerificationContext(requireProof: true, representWindow: 20)
        let t0 = Date(timeIntervalSince1970: Double(HolderProof.step(at: now) * 30))
        let shown = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: t0)

        let first = verifier.verify(shown, at: t0, context: context)
        XCTAssertEqual(first.outcome, .accept)
        XCTAssertEqual(first.proof?.isRepresentation, false)

        let again = verifier.verify(shown, at: t0.addingTimeInterval(10), context: context)
        XCTAssertEqual(again.outcome, .accept, "re-presenting inside the window is not a deny")
        XCTAssertEqual(again.proof, .representation(step: HolderProof.step(at: t0), firstAccepted: t0))

        let replay = verifier.verify(shown, at: t0.addingTimeInterval(45), context: context)
        XCTAssertEqual(replay.reason, .replayed)

        // The next step's proof from the live phone is a fresh proof.
        let next = try HolderProof.make(credential: credential, holderKey: PassFixtures.edHolder, at: t0.addingTimeInterval(30))
        XCTAssertEqual(verifier.verify(next, at: t0.addingTimeInterval(46), context: context).proof,
                       .fresh(step: HolderProof.step(at: t0) + 1))
    }

    func testMalleatedECDSAProofIsStillTheSameProof() throws {
        let credential = try PassFixtures.esIssuer.issue(PassFixtures.pass(holder: PassFixtures.esHolder))
        let verifier = Verifier(trust: PassFixtures.store())
        let context = VerificationContext(requireProof: true)
        let t0 = Date(timeIntervalSince1970: Double(HolderProof.step(at: now) * 30))
        let shown = try HolderProof.make(credential: credential, holderKey: PassFixtures.esHolder, at: t0)
        XCTAssertEqual(verifier.verify(shown, at: t0, context: context).outcome, .accept)
        let malleated = AdversarialTokens.malleate(shown)
        XCTAssertNotEqual(malleated, shown)
        XCTAssertEqual(verifier.verify(malleated, at: t0.addingTimeInterval(40), context: context).reason, .replayed)
    }
}

final class ClaimsReaderTests: XCTestCase {
    func testFastReaderAgreesWithTheGenericDecoder() throws {
        for holder in [PassFixtures.edHolder, PassFixtures.esHolder] {
            let pass = PassFixtures.pass(holder: holder)
            let bytes = CBOREncoder.encode(pass.claims())
            let fast = try ThresholdPass(claimBytes: bytes)
            let generic = try ThresholdPass(claims: CBORDecoder().decode(bytes))
            XCTAssertEqual(fast.credentialID, generic.credentialID)
            XCTAssertEqual(fast.expires, generic.expires)
            XCTAssertEqual(fast.issuedAt, generic.issuedAt)
            XCTAssertEqual(fast.display, generic.display)
            XCTAssertEqual(fast.lastTestTime, generic.lastTestTime)
            XCTAssertEqual(fast.lastTestResult, generic.lastTestResult)
            XCTAssertEqual(fast.lastDose, generic.lastDose)
            XCTAssertNil(fast.holderKey)
            XCTAssertEqual(try fast.resolvedHolderKey()?.encoded, generic.holderKey?.encoded)
        }
    }

    /// The mask check reads UTF-8 bytes; it must agree with "one scalar, then *" everywhere.
    func testDisplayMaskCheckMatchesTheScalarRule() {
        let names = ["Z*", "张*", "😀*", "é*", "e\u{301}*", "**", "*", "", "Zh*", "Z", "Z**", "张三*", "Z* ", "\u{0}*"]
        for name in names {
            let scalars = Array(name.unicodeScalars)
            let rule = scalars.count == 2 && scalars[1] == "*"
            XCTAssertEqual(ThresholdPass.checkDisplay(MaskedDisplay(name: name, idTail: "1234")), rule, name.debugDescription)
        }
        XCTAssertFalse(ThresholdPass.checkDisplay(MaskedDisplay(name: "Z*", idTail: "12-4")))
    }

    func testFastReaderIsStrict() throws {
        let good = CBOREncoder.encode(PassFixtures.pass().claims())
        guard case .map(let pairs) = PassFixtures.pass().claims() else { return XCTFail() }
        let duplicated = CBOREncoder.encode(.map(pairs + [pairs[0]]))
        let unmasked = CBOREncoder.encode(.map(pairs.map { $0.key == CBOR(ThresholdClaim.maskedName) ? CBORPair(key: $0.key, value: "Zhang San") : $0 }))
        // Repeats of a private claim and of an unknown one are caught as well as registered ones.
        let privateTwice = CBOREncoder.encode(.map(pairs + pairs.filter { $0.key == CBOR(ThresholdClaim.status) }))
        let unknownTwice = CBOREncoder.encode(.map(pairs + [CBORPair(key: 999, value: 1), CBORPair(key: 999, value: 2)]))
        let cases: [[UInt8]] = [
            privateTwice,
            unknownTwice,
            good + [0x00],                                  // trailing byte
            Array(good.dropLast()),                         // truncated
            duplicated,                                     // repeated key
            unmasked,                                       // full name
            [0xBF, 0xFF],                                   // indefinite map
            [0xA1, 0x01, 0x62, 0xC3, 0x28],                 // invalid UTF-8
            [0x80],                                         // not a map
        ]
        for bytes in cases {
            XCTAssertThrowsError(try ThresholdPass(claimBytes: bytes), "\(bytes.prefix(8))") {
                XCTAssertEqual(($0 as? PassError)?.reason, .malformed)
            }
        }
        // Every truncation and every single-byte corruption: a typed error or a pass, never a crash.
        for n in 0..<good.count { _ = try? ThresholdPass(claimBytes: Array(good.prefix(n))) }
        for i in good.indices {
            for flip: UInt8 in [0x01, 0x20, 0x80, 0xFF] {
                var bytes = good
                bytes[i] ^= flip
                _ = try? ThresholdPass(claimBytes: bytes)
            }
        }
    }
}

final class ThresholdEnvelopeTests: XCTestCase {
    func testFastPathMatchesTheGenericCOSEDecoder() throws {
        for issuer in [PassFixtures.edIssuer, PassFixtures.esIssuer] {
            let cose = try ThresholdWire.inflateCredential(try issuer.issue(PassFixtures.pass()).dropFirst(4))
            let envelope = try ThresholdEnvelope(cose: cose)
            let generic = try COSESign1.decode(cose)
            XCTAssertEqual(envelope.signedBytes(), generic.signatureStructure())
            XCTAssertEqual(envelope.kid, generic.kid)
            XCTAssertEqual(envelope.algorithm, generic.algorithm)
            XCTAssertEqual(Array(envelope.payload), generic.payload)
            XCTAssertEqual(Array(envelope.signature), generic.signature)

            XCTAssertEqual(envelope.signedDigest(), SHA256.hash(data: envelope.signedBytes()))
            // An unprotected header forces the generic path, which gives the same answers.
            var moved = generic
            moved.unprotected = .map([CBORPair(key: 4, value: .bytes([1, 2, 3]))])
            let slow = try ThresholdEnvelope(cose: moved.encoded())
            XCTAssertEqual(slow.kid, generic.kid)
            XCTAssertEqual(slow.signedBytes(), generic.signatureStructure())
            XCTAssertEqual(slow.signedDigest(), SHA256.hash(data: generic.signatureStructure()))
            // Garbage takes the generic path's error.
            XCTAssertThrowsError(try ThresholdEnvelope(cose: Array(cose.dropLast()))) {
                XCTAssertEqual(($0 as? PassError)?.reason, .malformed)
            }
        }
    }

    /// The ES256 digest is hashed in pieces with hand-written CBOR heads: every head width.
    func testSignedDigestMatchesTheStructureForEveryLengthWidth() throws {
        for size in [0, 23, 24, 255, 256, 65_535, 65_536] {
            let cose = try COSESign1.sign(payload: [UInt8](repeating: 0x5A, count: size), algorithm: .es256,
                                          kid: [1, 2, 3], signer: PassFixtures.esIssuer.key)
            let envelope = try ThresholdEnvelope(cose: cose)
            let generic = try COSESign1.decode(cose)
            XCTAssertEqual(envelope.signedDigest(), SHA256.hash(data: generic.signatureStructure()), "payload \(size)")
            XCTAssertTrue(envelope.signatureVerifies(with: PassFixtures.esIssuer.key.publicKey, algorithm: .es256))
            XCTAssertFalse(envelope.signatureVerifies(with: PassFixtures.edIssuer.key.publicKey, algorithm: .es256))
        }
    }
}

