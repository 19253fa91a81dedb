import XCTest
@testable import Passes

final class VerificationCacheTests: XCTestCase {
    private func key(_ i: Int) -> TokenDigest { TokenDigest(of: "token-\(i)") }

    func testHitReturnsStoredValue() {
        var cache = VerificationCache<Int>(capacity: 8)
        cache.insert(42, for: key(1))
        XCTAssertEqual(cache.value(for: key(1)), 42)
        XCTAssertNil(cache.value(for: key(2)))
    }

    func testSizeIsBoundedAndRecentlyUsedEntriesSurvive() {
        var cache = VerificationCache<Int>(capacity: 100)
        for i in 0..<100 { cache.insert(i, for: key(i)) }
        // Touch the first ten; the next 50 inserts must evict untouched entries first.
        for i in 0..<10 { XCTAssertEqual(cache.value(for: key(i)), i) }
        for i in 100..<150 { cache.insert(i, for: key(i)) }
        XCTAssertEqual(cache.count, 100)
        for i in 0..<10 { XCTAssertEqual(cache.value(for: key(i)), i, "recently used entry \(i) was evicted") }
        for i in 100..<150 { XCTAssertEqual(cache.value(for: key(i)), i) }
        for i in 10000..<20000 { cache.insert(i, for: key(i)) }
        XCTAssertEqual(cache.count, 100)
    }

    func testHitRechecksTimeDependentParts() throws {
        let verifier = Verifier(trust: PassFixtures.store())
        let issued = PassFixtures.now
        let text = try PassFixtures.edIssuer.issue(PassFixtures.pass(issuedAt: issued, validity: 3600))
        XCTAssertEqual(verifier.verify(text, at: issued.addingTimeInterval(60)).outcome, .accept)
        // Same text (a cache hit) after expiry and before issue: the clock is checked every time.
        let late = verifier.verify(text, at: issued.addingTimeInterval(3600 + 301))
        XCTAssertEqual(late.reason, .expired)
        XCTAssertEqual(verifier.verify(text, at: issued.addingTimeInterval(-301)).reason, .notYetValid)
        XCTAssertEqual(verifier.verify(text, at: issued.addingTimeInterval(120)).outcome, .accept)
        XCTAssertEqual(late.tokenDigest, TokenDigest(of: text).hex)
    }

    func testInstallingNewTrustInvalidatesCachedResults() throws {
        let pass = PassFixtures.pass()
        let text = try PassFixtures.edIssuer.issue(pass)
        let verifier = Verifier(trust: PassFixtures.store())
        XCTAssertEqual(verifier.verify(text, at: PassFixtures.now).outcome, .accept)
        verifier.install(PassFixtures.store(revoked: [pass.credentialID]))
        XCTAssertEqual(verifier.verify(text, at: PassFixtures.now).reason, .revoked)
        verifier.install(InMemoryTrustStore())
        XCTAssertEqual(verifier.verify(text, at: PassFixtures.now).reason, .unknownKey)
    }
}
