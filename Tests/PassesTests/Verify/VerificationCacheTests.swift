import TestSupport
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

    /// The index is hand-written (open addressing, backward-shift deletion), so it is checked
    /// against the plainest possible model of the same CLOCK cache, op by op, with capacities
    /// small enough that runs of buckets wrap and eviction shifts entries all the time.
    func testMatchesADictionaryModelUnderRandomOperations() {
        var rng = SeededRNG(seed: 0x5EED)
        var checks = 0
        for capacity in [1, 2, 3, 5, 8, 13, 64, 300] {
            var cache = VerificationCache<Int>(capacity: capacity)
            var model = ClockModel(capacity: capacity)
            let universe = capacity * 3 + 2
            for step in 0..<20_000 {
                let k = key(Int(rng.next() % UInt64(universe)))
                switch rng.next() % 10 {
                case 0..<4:
                    XCTAssertEqual(cache.value(for: k), model.value(for: k), "capacity \(capacity), step \(step)")
                case 4 where rng.next() % 500 == 0:
                    cache.removeAll()
                    model = ClockModel(capacity: capacity)
                default:
                    cache.insert(step, for: k)
                    model.insert(step, for: k)
                }
                XCTAssertEqual(cache.count, model.index.count)
                checks += 1
            }
            for i in 0..<universe { XCTAssertEqual(cache.value(for: key(i)), model.value(for: key(i))) }
        }
        XCTAssertEqual(checks, 160_000)
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

/// The CLOCK cache as first written, over a `Dictionary`: the reference for the real index.
private struct ClockModel {
    let capacity: Int
    var index: [TokenDigest: Int] = [:]
    var keys: [TokenDigest?]
    var values: [Int?]
    var referenced: [Bool]
    var hand = 0

    init(capacity: Int) {
        self.capacity = capacity
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        referenced = Array(repeating: false, count: capacity)
    }

    mutating func value(for key: TokenDigest) -> Int? {
        guard let slot = index[key] else { return nil }
        referenced[slot] = true
        return values[slot]
    }

    mutating func sweep() {
        while keys[hand] != nil && referenced[hand] {
            referenced[hand] = false
            hand = (hand + 1) % capacity
        }
    }

    mutating func insert(_ value: Int, for key: TokenDigest) {
        if let slot = index[key] {
            values[slot] = value
            referenced[slot] = true
            return
        }
        sweep()
        if let old = keys[hand] { index[old] = nil }
        keys[hand] = key
        values[hand] = value
        referenced[hand] = false
        index[key] = hand
        hand = (hand + 1) % capacity
    }
}
