import XCTest
@testable import Passes

final class RevocationListTests: XCTestCase {
    func testProbeFindsEveryRevokedIdentifierAndNoOther() {
        let revoked = (0..<5000).map { Array("uci-\($0)".utf8) }
        let list = RevocationList(entries: revoked.map { (.uci, RevocationHash(identifier: $0)) })
        XCTAssertEqual(list.count, 5000)
        for id in revoked { XCTAssertTrue(list.isRevoked(.uci, identifier: id)) }
        for i in 5000..<10000 { XCTAssertFalse(list.isRevoked(.uci, identifier: Array("uci-\(i)".utf8))) }
        // Kinds are separate tables: the same identifier revoked as a UCI is not a revoked signature.
        XCTAssertFalse(list.isRevoked(.signature, identifier: revoked[0]))
    }

    /// Through the verifier, with a list long enough to sit behind the Bloom filter (whose word
    /// the verifier prefetches before probing): revoked passes are denied, the others accepted,
    /// and a prefetch alone never changes an answer.
    func testVerifierDeniesRevokedPassesBehindTheFilter() throws {
        let passes = (0..<40).map { PassFixtures.pass(serial: $0) }
        let revokedIDs = passes.indices.filter { $0 % 3 == 0 }.map { passes[$0].credentialID }
        let others = (0..<3000).map { Array("other-\($0)".utf8) }
        let store = PassFixtures.store(revoked: others + revokedIDs)
        XCTAssertGreaterThanOrEqual(store.revocations.count, RevocationFilter.minimumEntries)
        let verifier = Verifier(trust: store)
        for pass in passes {
            let text = try PassFixtures.esIssuer.issue(pass)
            let hash = RevocationHash(identifier: pass.credentialID)
            let before = store.revocations.contains(hash, kind: .credentialID)
            store.revocations.prefetch(hash, kind: .credentialID)
            XCTAssertEqual(store.revocations.contains(hash, kind: .credentialID), before)
            let verdict = verifier.verify(text, at: PassFixtures.now)
            if revokedIDs.contains(pass.credentialID) {
                XCTAssertEqual(verdict.reason, .revoked)
            } else {
                XCTAssertEqual(verdict.outcome, .accept, "\(verdict.reason.map(\.rawValue) ?? "")")
            }
        }
        XCTAssertFalse(revokedIDs.isEmpty)
        XCTAssertLessThan(revokedIDs.count, passes.count)
    }

    func testHashIsTheFirst128BitsOfSHA256() {
        // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
        let hash = RevocationHash(identifier: Array("abc".utf8))
        XCTAssertEqual(Hex.encode(hash.bytes), "ba7816bf8f01cfea414140de5dae2223")
    }

    func testPackedFormRoundTripsAndRejectsRaggedInput() {
        let list = RevocationList(entries: (0..<100).map { (.credentialID, RevocationHash(identifier: [UInt8($0)])) })
        let packed = list.packed(.credentialID)
        XCTAssertEqual(packed.count, 1600)
        XCTAssertEqual(RevocationList.unpack(packed), list.hashes(of: .credentialID))
        XCTAssertNil(RevocationList.unpack(Array(packed.dropLast())))
    }

    func testDuplicatesCollapse() {
        let h = RevocationHash(identifier: [1, 2, 3])
        XCTAssertEqual(RevocationList(entries: [(.uci, h), (.uci, h)]).count, 1)
    }
}

final class KeyPEMTests: XCTestCase {
    func testPEMRoundTripsForBothCurves() throws {
        for key in [PassFixtures.edHolder, PassFixtures.esHolder] {
            let restored = try KeyPEM.signingKey(KeyPEM.encode(key))
            XCTAssertEqual(restored.publicKey.encoded, key.publicKey.encoded)
            XCTAssertEqual(try KeyPEM.verificationKey(KeyPEM.encode(key.publicKey)).encoded, key.publicKey.encoded)
        }
        XCTAssertThrowsError(try KeyPEM.signingKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
    }
}
