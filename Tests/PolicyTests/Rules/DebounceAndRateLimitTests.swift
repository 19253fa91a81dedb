import Foundation
import Passes
import XCTest
@testable import Policy

/// Debounce, per-code sliding-window rate limit, lock-out and daily cap, on a virtual clock:
/// `now` is just a value moved forward by the test.
final class DebounceAndRateLimitTests: XCTestCase {
    typealias F = RuleFixtures

    /// Runs scans at the given offsets (seconds from noon) and returns the decisions.
    private func run(_ engine: RuleEngine, _ offsets: [Double], verdict: Verdict = F.verdict(),
                     state: inout VenueState) -> [Decision] {
        offsets.map { offset in
            let (decision, next) = engine.decide(verdict, state: state, now: F.noon.addingTimeInterval(offset))
            state = next
            return decision
        }
    }

    func testSameCodeWithinDebounceIsTheSameDecisionNotCountedTwice() {
        let engine = RuleEngine(config: F.config())  // debounce 5 s
        var state = VenueState()
        let d = run(engine, [0, 1, 4.9, 9.8], state: &state)
        XCTAssertEqual(d.map(\.outcome), [.allow, .allow, .allow, .allow])
        XCTAssertEqual(d.map(\.counted), [true, false, false, false])
        XCTAssertEqual(d.map(\.repeated), [false, true, true, true], "a code kept in view keeps being debounced")
        XCTAssertEqual(state.occupancy, 1)
        // Out of view for longer than the window: a new presentation, counted again.
        let later = run(engine, [16], state: &state)
        XCTAssertEqual(later.map(\.counted), [true])
        XCTAssertEqual(state.occupancy, 2)
    }

    /// A live pass: every 30 s its text (and token digest) changes with the holder proof, the
    /// credential stays. Debounce, rate limit and the daily cap follow the credential.
    func testRollingProofTextsOfOneCredentialAreOneVisitor() {
        let engine = RuleEngine(config: F.config())  // debounce 5 s, 5 scans / 30 s
        var state = VenueState()
        func live(_ n: Int) -> Verdict {
            var v = F.verdict("text-\(n)")
            v.credentialDigest = "credential-1"
            return v
        }
        var decisions: [Decision] = []
        for (n, t) in [0.0, 3, 31, 33].enumerated() {
            let (d, next) = engine.decide(live(n), state: state, now: F.noon.addingTimeInterval(t))
            state = next
            decisions.append(d)
        }
        XCTAssertEqual(decisions.map(\.repeated), [false, true, false, true], "a new text within the window is the same presentation")
        XCTAssertEqual(decisions.map(\.counted), [true, false, true, false])
        XCTAssertEqual(state.codes.keys.sorted(), ["credential-1"])

        // A forged pass naming the same credential is keyed by its own text: it cannot touch the
        // real holder's windows or lock them out.
        var forged = F.verdict("forged-text", outcome: .deny, reason: .badSignature)
        forged.credentialDigest = "credential-1"
        let (d, next) = engine.decide(forged, state: state, now: F.noon.addingTimeInterval(40))
        XCTAssertEqual(d.reason, .pass(.badSignature))
        XCTAssertEqual(next.codes["credential-1"], state.codes["credential-1"])
    }

    func testDebounceRepeatsADenyToo() {
        let engine = RuleEngine(config: F.config { $0.rules.capacity = .init(maximum: 1) })
        var state = VenueState(occupancy: 1)
        let d = run(engine, [0, 2], state: &state)
        XCTAssertEqual(d.map(\.reason), [.venueFull, .venueFull])
        XCTAssertEqual(d.map(\.repeated), [false, true])
        // An exit frees room; outside the debounce window the same code now enters.
        state = engine.exit(state: state, now: F.noon.addingTimeInterval(3))
        let after = run(engine, [10], state: &state)
        XCTAssertEqual(after.map(\.outcome), [.allow])
        XCTAssertEqual(state.occupancy, 1)
    }

    func testDistinctCodesAreNotDebouncedTogether() {
        let engine = RuleEngine(config: F.config())
        var state = VenueState()
        _ = run(engine, [0], verdict: F.verdict("a"), state: &state)
        let d = run(engine, [1], verdict: F.verdict("b"), state: &state)
        XCTAssertEqual(d.map(\.counted), [true])
        XCTAssertEqual(state.occupancy, 2)
    }

    func testHolderProofRepresentationIsNotCountedOrRateLimited() {
        let engine = RuleEngine(config: F.config { $0.rules.debounceSeconds = 0 })
        var state = VenueState()
        let first = run(engine, [0], verdict: F.verdict("p1", proof: ProofCheck(step: 10, binding: .thisVenue, current: true)), state: &state)
        XCTAssertEqual(first.map(\.counted), [true])
        // The same holder proof again (the verifier says re-presentation): judged, allowed, not counted.
        let again = run(engine, Array(stride(from: 1.0, through: 20, by: 1)),
                        verdict: F.verdict("p1", proof: ProofCheck(step: 10, binding: .thisVenue, current: true, firstSeen: F.noon)), state: &state)
        XCTAssertTrue(again.allSatisfy { $0.outcome == .allow && !$0.counted })
        XCTAssertEqual(state.occupancy, 1)
    }

    func testFiveScansInThirtySecondsThenLockedForTenMinutes() {
        // Debounce 0 so every scan is a new presentation; window 30 s, 5 scans, lock 10 min.
        let engine = RuleEngine(config: F.config { $0.rules.debounceSeconds = 0; $0.rules.rateLimit.dailyCap = nil })
        var state = VenueState()
        let d = run(engine, [0, 5, 10, 15, 20, 25], state: &state)
        XCTAssertEqual(d.map(\.reason), [nil, nil, nil, nil, nil, .rateLimited], "the sixth scan inside 30 s locks")
        // Locked: still denied after the window has passed, until 10 minutes from the lock.
        XCTAssertEqual(run(engine, [60, 300, 624], state: &state).map(\.reason), [.rateLimited, .rateLimited, .rateLimited])
        XCTAssertEqual(run(engine, [626], state: &state).map(\.reason), [nil], "the lock ends 10 min after it began")
    }

    func testSlidingWindowForgetsOldScans() {
        let engine = RuleEngine(config: F.config { $0.rules.debounceSeconds = 0; $0.rules.rateLimit.dailyCap = nil })
        var state = VenueState()
        // Five scans 7 s apart never have six inside any 30 s window.
        let d = run(engine, Array(stride(from: 0.0, through: 140, by: 7)), state: &state)
        XCTAssertTrue(d.allSatisfy { $0.outcome == .allow }, "\(d.map(\.reason))")
    }

    func testLockIsPerCode() {
        let engine = RuleEngine(config: F.config { $0.rules.debounceSeconds = 0 })
        var state = VenueState()
        _ = run(engine, [0, 1, 2, 3, 4, 5], verdict: F.verdict("spam"), state: &state)
        XCTAssertEqual(run(engine, [6], verdict: F.verdict("spam"), state: &state).map(\.reason), [.rateLimited])
        XCTAssertEqual(run(engine, [6], verdict: F.verdict("other"), state: &state).map(\.reason), [nil])
    }

    func testForgedCodesAreRateLimitedToo() {
        let engine = RuleEngine(config: F.config { $0.rules.debounceSeconds = 0 })
        var state = VenueState()
        let d = run(engine, [0, 1, 2, 3, 4, 5], verdict: F.verdict("x", outcome: .deny, reason: .badSignature), state: &state)
        XCTAssertEqual(d.last?.reason, .rateLimited)
    }

    func testDailyCapResetsAtLocalMidnight() {
        let engine = RuleEngine(config: F.config { $0.rules.debounceSeconds = 0; $0.rules.rateLimit.dailyCap = 3 })
        var state = VenueState()
        // Entries an hour apart: three allowed, the fourth hits the cap.
        let d = run(engine, [0, 3600, 7200, 10_800], state: &state)
        XCTAssertEqual(d.map(\.reason), [nil, nil, nil, .dailyCapReached])
        XCTAssertEqual(state.occupancy, 3)
        // 23:59:59 local is still today; 00:00:01 local (next day) starts again.
        XCTAssertEqual(run(engine, [12 * 3600 - 1], state: &state).map(\.reason), [.dailyCapReached])
        XCTAssertEqual(run(engine, [12 * 3600 + 1], state: &state).map(\.reason), [nil])
    }

    func testStateStaysBoundedAndPrunesOldCodes() {
        let engine = RuleEngine(config: F.config { $0.rules.debounceSeconds = 2; $0.rules.rateLimit.dailyCap = nil })
        var state = VenueState()
        // Denied codes (no daily count) are forgotten once every window has passed.
        for i in 0..<1000 {
            (_, state) = engine.decide(F.verdict("d\(i)", outcome: .deny, reason: .expired), state: state,
                                       now: F.noon.addingTimeInterval(Double(i)))
        }
        XCTAssertLessThanOrEqual(state.codes.count, 31, "only codes inside the 30 s window remain")
    }

    func testExitsNeverGoBelowZeroAndAreIgnoredWithoutExitCounting() {
        let counting = RuleEngine(config: F.config { $0.rules.capacity = .init(maximum: 2) })
        var state = counting.exit(state: VenueState(), now: F.noon)
        XCTAssertEqual(state.occupancy, 0)
        var noExits = VenueConfig.Capacity(maximum: 2)
        noExits.countExits = false
        let entryCap = RuleEngine(config: F.config { $0.rules.capacity = noExits; $0.rules.debounceSeconds = 0 })
        state = VenueState()
        _ = run(entryCap, [0], verdict: F.verdict("a"), state: &state)
        _ = run(entryCap, [1], verdict: F.verdict("b"), state: &state)
        state = entryCap.exit(state: state, now: F.noon.addingTimeInterval(2))
        XCTAssertEqual(state.occupancy, 2, "without exit counting an exit changes nothing")
        XCTAssertEqual(run(entryCap, [3], verdict: F.verdict("c"), state: &state).map(\.reason), [.venueFull])
        // Next local day: the entry count starts over.
        XCTAssertEqual(run(entryCap, [F.day], verdict: F.verdict("c"), state: &state).map(\.reason), [nil])
    }

    func testOccupancyWithEntriesAndExits() {
        let engine = RuleEngine(config: F.config { $0.rules.capacity = .init(maximum: 2); $0.rules.debounceSeconds = 0 })
        var state = VenueState()
        var t = 0.0
        func enter(_ code: String) -> PolicyReason? {
            t += 1
            let (d, s) = engine.decide(F.verdict(code), state: state, now: F.noon.addingTimeInterval(t))
            state = s
            return d.reason
        }
        XCTAssertNil(enter("a"))
        XCTAssertNil(enter("b"))
        XCTAssertEqual(enter("c"), .venueFull)
        state = engine.exit(state: state, now: F.noon.addingTimeInterval(t))
        XCTAssertEqual(state.occupancy, 1)
        XCTAssertNil(enter("c"))
        XCTAssertEqual(state.occupancy, 2)
    }
}
