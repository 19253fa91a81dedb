import Crypto
import XCTest
@testable import Passes

final class TrustBundleTests: XCTestCase {
    private let root = PassFixtures.root
    private let now = PassFixtures.now

    private func bundle(version: UInt64 = 5, issuedAt: Date? = nil, revoked: [[UInt8]] = []) -> TrustBundle {
        TrustBundle(
            version: version, issuedAt: issuedAt ?? now.addingTimeInterval(-600),
            keys: [PassFixtures.edIssuer.trustedKey(validFrom: now.addingTimeInterval(-86400 * 30),
                                                    validUntil: now.addingTimeInterval(86400 * 365)),
                   PassFixtures.esIssuer.trustedKey()],
            revocations: RevocationList(entries: revoked.map { (.credentialID, RevocationHash(identifier: $0)) }),
            venueConfigDigest: Array(SHA256.hash(data: Array("venue-config".utf8))))
    }

    func testGoodBundleRoundTripsAndDrivesVerification() throws {
        let pass = PassFixtures.pass(serial: 7)
        let bytes = try bundle(revoked: [pass.credentialID]).sign(root: root)
        let loaded = try TrustBundle.decode(bytes, rootKey: root.publicKey, currentVersion: 4, now: now)
        XCTAssertEqual(loaded.version, 5)
        XCTAssertEqual(loaded.keys.count, 2)
        XCTAssertEqual(loaded.revocations.count, 1)
        XCTAssertEqual(loaded.venueConfigDigest?.count, 32)
        let key = try XCTUnwrap(loaded.store().key(format: .threshold, kid: PassFixtures.edIssuer.kid))
        XCTAssertEqual(key.issuer, PassFixtures.edIssuer.issuer)
        XCTAssertEqual(key.usages, [.thresholdPass])
        XCTAssertEqual(key.validUntil, now.addingTimeInterval(86400 * 365))

        let verifier = Verifier(trust: loaded.store())
        XCTAssertEqual(verifier.verify(try PassFixtures.esIssuer.issue(PassFixtures.pass(serial: 8)), at: now).outcome, .accept)
        XCTAssertEqual(verifier.verify(try PassFixtures.edIssuer.issue(pass), at: now).reason, .revoked)
    }

    func testBadSignatureIsRejected() throws {
        var bytes = try bundle().sign(root: root)
        // Signed by another key.
        let other = try bundle().sign(root: PassFixtures.ed25519(51))
        XCTAssertThrowsError(try TrustBundle.decode(other, rootKey: root.publicKey, currentVersion: nil, now: now)) {
            XCTAssertEqual($0 as? TrustBundleError, .badSignature)
        }
        // One flipped bit in the last byte (inside the signature).
        bytes[bytes.count - 1] ^= 0x01
        XCTAssertThrowsError(try TrustBundle.decode(bytes, rootKey: root.publicKey, currentVersion: nil, now: now)) {
            XCTAssertEqual($0 as? TrustBundleError, .badSignature)
        }
        // A flipped bit anywhere in the payload region: never loads.
        let good = try bundle().sign(root: root)
        for i in stride(from: 20, to: good.count - 70, by: 7) {
            var flipped = good
            flipped[i] ^= 0x10
            XCTAssertThrowsError(try TrustBundle.decode(flipped, rootKey: root.publicKey, currentVersion: nil, now: now))
        }
    }

    func testRollbackIsRejectedAndSameVersionReloads() throws {
        let bytes = try bundle(version: 3).sign(root: root)
        XCTAssertThrowsError(try TrustBundle.decode(bytes, rootKey: root.publicKey, currentVersion: 4, now: now)) {
            XCTAssertEqual($0 as? TrustBundleError, .rollback(current: 4, offered: 3))
        }
        XCTAssertNoThrow(try TrustBundle.decode(bytes, rootKey: root.publicKey, currentVersion: 3, now: now))
    }

    func testFutureBundleIsRejected() throws {
        let bytes = try bundle(issuedAt: now.addingTimeInterval(2 * 3600)).sign(root: root)
        XCTAssertThrowsError(try TrustBundle.decode(bytes, rootKey: root.publicKey, currentVersion: nil, now: now)) {
            XCTAssertEqual($0 as? TrustBundleError, .issuedInFuture)
        }
    }

    /// The verdict carries the trust list's issue time as a fact, whatever its age; refusing or
    /// warning is the venue's rule (`PassRule`, tested in PolicyTests).
    func testTrustAgeIsReportedNeverJudged() throws {
        let issued = now.addingTimeInterval(-25 * 3600)
        let loaded = try TrustBundle.decode(try bundle(issuedAt: issued).sign(root: root), rootKey: root.publicKey,
                                            currentVersion: nil, now: now)
        XCTAssertTrue(TrustBundle.isStale(issuedAt: loaded.issuedAt, at: now, maxAge: 24 * 3600))
        let verifier = Verifier(trust: loaded.store())
        let text = try PassFixtures.edIssuer.issue(PassFixtures.pass())
        let verdict = verifier.verify(text, at: now)
        XCTAssertEqual(verdict.outcome, .accept)
        XCTAssertEqual(verdict.trustIssuedAt, loaded.issuedAt)
    }

    func testNoTrustAtAllIsAnErrorNotAnAccept() throws {
        let verdict = Verifier(trust: nil).verify(try PassFixtures.edIssuer.issue(PassFixtures.pass()), at: now)
        XCTAssertEqual(verdict.outcome, .error)
        XCTAssertEqual(verdict.reason, .noTrust)
    }

    func testGarbageIsMalformed() {
        // A well-formed but unsigned COSE_Sign1 is a signature failure, not a parse failure.
        let unsigned: [UInt8] = [0xD2, 0x84, 0x40, 0xA0, 0x40, 0x40]
        XCTAssertThrowsError(try TrustBundle.decode(unsigned, rootKey: root.publicKey, currentVersion: nil, now: now)) {
            XCTAssertEqual($0 as? TrustBundleError, .badSignature)
        }
        for garbage: [UInt8] in [[], [0xA0], Array(repeating: 0xFF, count: 100), [0xD2, 0x84, 0x40, 0xA0]] {
            XCTAssertThrowsError(try TrustBundle.decode(garbage, rootKey: root.publicKey, currentVersion: nil, now: now)) { error in
                guard case .malformed = error as? TrustBundleError else {
                    return XCTFail("\(garbage): \(error) is not malformed")
                }
            }
        }
    }
}

final class VerifierBundleInstallTests: XCTestCase {
    func testInstallSwapsWholeBundlesAndRefusesRollbackAndForgery() throws {
        let root = PassFixtures.root
        let now = PassFixtures.now
        let pass = PassFixtures.pass(serial: 11)
        let text = try PassFixtures.edIssuer.issue(pass)
        let v1 = try TrustBundle(version: 1, issuedAt: now, keys: [PassFixtures.edIssuer.trustedKey()]).sign(root: root)
        let v2 = try TrustBundle(version: 2, issuedAt: now, keys: [PassFixtures.edIssuer.trustedKey()],
                                 revocations: RevocationList(entries: [(.credentialID, RevocationHash(identifier: pass.credentialID))]))
            .sign(root: root)
        let verifier = Verifier(trust: nil)
        XCTAssertEqual(try verifier.installBundle(v1, rootKey: root.publicKey, now: now).version, 1)
        XCTAssertEqual(verifier.verify(text, at: now).outcome, .accept)
        try verifier.installBundle(v2, rootKey: root.publicKey, now: now)
        XCTAssertEqual(verifier.verify(text, at: now).reason, .revoked)
        XCTAssertThrowsError(try verifier.installBundle(v1, rootKey: root.publicKey, now: now)) {
            XCTAssertEqual($0 as? TrustBundleError, .rollback(current: 2, offered: 1))
        }
        let forged = try TrustBundle(version: 3, issuedAt: now, keys: []).sign(root: PassFixtures.ed25519(77))
        XCTAssertThrowsError(try verifier.installBundle(forged, rootKey: root.publicKey, now: now))
        // The failed loads left version 2 in place.
        XCTAssertEqual(verifier.trust?.bundleInfo?.version, 2)
        XCTAssertEqual(verifier.verify(text, at: now).reason, .revoked)
    }
}
