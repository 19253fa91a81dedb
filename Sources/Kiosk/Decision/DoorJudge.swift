import Foundation
import Passes
import Policy

/// Verification and venue rules for one scanned text: the pure heart of the door, with the
/// little state the rules need between scans (occupancy, per-code windows).
///
/// Why a class owned by one task and not an actor: every call is short (a cached verify is a
/// hash lookup, a fresh one ~60–120 µs) and strictly sequential; an actor hop per scan would only
/// add latency. The kiosk's decision task owns it; the simulator owns its own.
public final class DoorJudge {
    public let verifier: Verifier
    public let venue: VenueConfig
    let engine: RuleEngine
    let context: VerificationContext
    public private(set) var state: VenueState

    public init(verifier: Verifier, venue: VenueConfig, state: VenueState = VenueState()) {
        self.verifier = verifier
        self.venue = venue
        self.engine = RuleEngine(config: venue)
        self.context = venue.verificationContext
        self.state = state
    }

    /// Judges `text` scanned at `now`, with the thermometer's reading if there is one.
    public func judge(_ text: String, temperature: TemperatureReading?, now: Date) -> Judgement {
        let start = Stopwatch.nanos
        let verdict = verifier.verify(text, at: now, context: context)
        let verifyMicros = Stopwatch.micros(since: start)
        // The verdict holds facts only (including the trust list's age); the venue's rules decide.
        let (decision, next) = engine.decide(verdict, temperature: temperature, state: state, now: now)
        state = next
        return Judgement(verdict: verdict, decision: decision, verifyMicros: verifyMicros)
    }

    /// Someone left (exit sensor or staff button).
    public func exit(now: Date) { state = engine.exit(state: state, now: now) }

    public var occupancy: Int { state.occupancy }
}

/// The verifier's verdict and the venue's decision for one scan.
public struct Judgement: Sendable, Hashable {
    public var verdict: Verdict
    public var decision: Decision
    public var verifyMicros: Int

    /// The venue rule behind a deny when it is not the pass itself (for the scan record).
    public var rule: String? {
        guard let reason = decision.reason else { return nil }
        if case .pass = reason { return nil }
        return reason.code
    }
}
