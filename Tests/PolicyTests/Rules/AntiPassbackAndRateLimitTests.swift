import Foundation
import Passes
import XCTest
@testable import Policy

/// Anti-passback, per-code sliding-window rate limit, lock-out and daily cap, on a virtual clock:
/// `now` is just a value moved forward by the test. Every showing is judged by every rule.
final class AntiPassbackAndRateLimitTests: XCTestCase {
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

    /// Finding (issue 13, 1): the same pass shown five times 1 s apart with `capacity.max = 1`
    /// got the old "allow" back five times (five openings, one record, occupancy 1). Now it is
    /// admitted once; the other four showings are "already admitted", doors shut.
    func testFinding1SamePassShownFiveTimesOneSecondApartOpensOnce() {
        let engine = RuleEngine(config: F.config { $0.rules.capacity = .init(maximum: 1) })
        var state = VenueState()
        let d = run(engine, [0, 1, 2, 3, 4], state: &state)
        XCTAssertEqual(d.map(\.outcome), [.allow, .deny, .deny, .deny, .deny])
        XCTAssertEqual(d.map(\.reason), [nil, .alreadyAdmitted, .alreadyAdmitted, .alreadyAdmitted, .alreadyAdmitted])
        XCTAssertEqual(d.map(\.doorPulseMilliseconds), [1000, 0, 0, 0, 0])
        XCTAssertEqual(d.map(\.repeated), [false, true, true, true, true])
        XCTAssertEqual(d.map(\.counted), [true, false, false, false, false])
        XCTAssertEqual(d.map(\.screen), [.green, .amber, .amber, .amber, .amber], "already admitted is no alarm")
        XCTAssertEqual(state.occupancy, 1)
    }

    /// Finding (issue 13, 1): a live pass whose holder proof was shown again within 30 s skipped
    /// capacity and the rate limit. With anti-passback off, such a showing is a new opening and
    /// meets every rule.
    func testFinding1ProofShownAgainWithin30sDoesNotSkipCapacityOrRateLimit() {
        let config = F.config { $0.rules.capacity = .init(maximum: 1); $0.rules.antiPassbackMinutes = 0 }
        let engine = RuleEngine(config: config)
        var state = VenueState()
        let first = ProofCheck(step: 10, binding: .thisVenue, current: true)
        var again = first
        again.firstSeen = F.noon
        XCTAssertEqual(run(engine, [0], verdict: F.verdict("p1", proof: first), state: &state).map(\.reason), [nil])
        XCTAssertEqual(run(engine, [10], verdict: F.verdict("p1", proof: again), state: &state).map(\.reason), [.venueFull])
        XCTAssertEqual(state.occupancy, 1)

        // Room enough: re-showings count towards the rate limit like any scan (5 per 30 s).
        let roomy = RuleEngine(config: F.config { $0.rules.antiPassbackMinutes = 0 })
        state = VenueState()
        _ = run(roomy, [0], verdict: F.verdict("p2", proof: first), state: &state)
        let d = run(roomy, [2, 4, 6, 8, 10], verdict: F.verdict("p2", proof: again), state: &state)
        XCTAssertEqual(d.map(\.reason), [nil, nil, nil, nil, .rateLimited])
    }

    func testAntiPassbackLastsTheVenueWindowThenAdmitsAgain() {
        let engine = RuleEngine(config: F.config())  // 10 min
        var state = VenueState()
        let d = run(engine, [0, 300, 599.9, 600, 601], state: &state)
        XCTAssertEqual(d.map(\.reason), [nil, .alreadyAdmitted, .alreadyAdmitted, nil, .alreadyAdmitted],
                       "the window restarts at each admission, not at each showing")
        XCTAssertEqual(state.occupancy, 2)

        let short = RuleEngine(config: F.config { $0.rules.antiPassbackMinutes = 2 })
        state = VenueState()
        XCTAssertEqual(run(short, [0, 119, 121], state: &state).map(\.reason), [nil, .alreadyAdmitted, nil])
    }

    func testAntiPassbackOffJudgesEveryShowingAfresh() {
        let engine = RuleEngine(config: F.config { $0.rules.antiPassbackMinutes = 0 })
        var state = VenueState()
        let d = run(engine, [0, 1, 2], state: &state)
        XCTAssertEqual(d.map(\.outcome), [.allow, .allow, .allow])
        XCTAssertEqual(d.map(\.counted), [true, true, true])
        XCTAssertEqual(state.occupancy, 3)
    }

    /// A live pass: every 30 s its text (and token digest) changes with the holder proof, the
    /// credential stays. Anti-passback, rate limit and the daily cap follow the credential.
    func testRollingProofTextsOfOneCredentialAreOneVisitor() {
        let engine = RuleEngine(config: F.config())
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
        XCTAssertEqual(decisions.map(\.reason), [nil, .alreadyAdmitted, .alreadyAdmitted, .alreadyAdmitted])
        XCTAssertEqual(state.codes.keys.sorted(), ["credential-1"])

        // A forged pass naming the same credential is keyed by its own text: it cannot touch the
        // real holder's windows or lock them out.
        var forged = F.verdict("forged-text", outcome: .deny, reason: .badSignature)
        forged.credentialDigest = "credential-1"
        let (d, next) = engine.decide(forged, state: state, now: F.noon.addingTimeInterval(40))
        XCTAssertEqual(d.reason, .pass(.badSignature))
        XCTAssertEqual(next.codes["credential-1"], state.codes["credential-1"])
    }

    /// A deny is not remembered as an answer: the next showing is judged again.
    func testADenyIsJudgedAgainAtTheNextShowing() {
        let engine = RuleEngine(config: F.config { $0.rules.capacity = .init(maximum: 1) })
        var state = VenueState(occupancy: 1)
        XCTAssertEqual(run(engine, [0, 2], state: &state).map(\.reason), [.venueFull, .venueFull])
        state = engine.exit(state: state, now: F.noon.addingTimeInterval(3))
        XCTAssertEqual(run(engine, [4], state: &state).map(\.outcome), [.allow], "room again: the same code enters at once")
        XCTAssertEqual(state.occupancy, 1)
    }

    func testDistinctCodesAreIndependent() {
        let engine = RuleEngine(config: F.config())
        var state = VenueState()
        _ = run(engine, [0], verdict: F.verdict("a"), state: &state)
        let d = run(engine, [1], verdict: F.verdict("b"), state: &state)
        XCTAssertEqual(d.map(\.counted), [true])
        XCTAssertEqual(state.occupancy, 2)
    }

    func testFiveScansInThirtySecondsThenLockedForTenMinutes() {
        // Anti-passback off so every scan is an opening; window 30 s, 5 scans, lock 10 min.
        let engine = RuleEngine(config: F.config { $0.rules.antiPassbackMinutes = 0; $0.rules.rateLimit.dailyCap = nil })
        var state = VenueState()
        let d = run(engine, [0, 5, 10, 15, 20, 25], state: &state)
        XCTAssertEqual(d.map(\.reason), [nil, nil, nil, nil, nil, .rateLimited], "the sixth scan inside 30 s locks")
        // Locked: still denied after the window has passed, until 10 minutes from the lock.
        XCTAssertEqual(run(engine, [60, 300, 624], state: &state).map(\.reason), [.rateLimited, .rateLimited, .rateLimited])
        XCTAssertEqual(run(engine, [626], state: &state).map(\.reason), [nil], "the lock ends 10 min after it began")
    }

    func testRepeatsCountTowardsTheRateLimit() {
        let engine = RuleEngine(config: F.config())
        var state = VenueState()
        let d = run(engine, [0, 1, 2, 3, 4, 5], state: &state)
        XCTAssertEqual(d.map(\.reason), [nil, .alreadyAdmitted, .alreadyAdmitted, .alreadyAdmitted, .alreadyAdmitted, .rateLimited])
    }

    func testSlidingWindowForgetsOldScans() {
        let engine = RuleEngine(config: F.config { $0.rules.antiPassbackMinutes = 0; $0.rules.rateLimit.dailyCap = nil })
        var state = VenueState()
        // Five scans 7 s apart never have six inside any 30 s window.
        let d = run(engine, Array(stride(from: 0.0, through: 140, by: 7)), state: &state)
        XCTAssertTrue(d.allSatisfy { $0.outcome == .allow }, "\(d.map(\.reason))")
    }

    func testLockIsPerCode() {
        let engine = RuleEngine(config: F.config { $0.rules.antiPassbackMinutes = 0 })
        var state = VenueState()
        _ = run(engine, [0, 1, 2, 3, 4, 5], verdict: F.verdict("spam"), state: &state)
        XCTAssertEqual(run(engine, [6], verdict: F.verdict("spam"), state: &state).map(\.reason), [.rateLimited])
        XCTAssertEqual(run(engine, [6], verdict: F.verdict("other"), state: &state).map(\.reason), [nil])
    }

    func testForgedCodesAreRateLimitedToo() {
        let engine = RuleEngine(config: F.config())
        var state = VenueState()
        let d = run(engine, [0, 1, 2, 3, 4, 5], verdict: F.verdict("x", outcome: .deny, reason: .badSignature), state: &state)
        XCTAssertEqual(d.last?.reason, .rateLimited)
    }

    func testDailyCapResetsAtLocalMidnight() {
        let engine = RuleEngine(config: F.config { $0.rules.antiPassbackMinutes = 0; $0.rules.rateLimit.dailyCap = 3 })
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
        let engine = RuleEngine(config: F.config { $0.rules.rateLimit.dailyCap = nil })
        var state = VenueState()
        // Denied codes (no daily count, no admission) are forgotten once every window has passed.
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
        let entryCap = RuleEngine(config: F.config { $0.rules.capacity = noExits })
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
        let engine = RuleEngine(config: F.config { $0.rules.capacity = .init(maximum: 2) })
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
        XCTAssertEqual(enter("a"), .alreadyAdmitted, "one exit does not reopen anti-passback for everyone")
    }
}
