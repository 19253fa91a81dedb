import Foundation
import Passes

/// The venue's rules as one pure function: (config, verdict, facts, temperature, state, now) →
/// (decision, new state). No clock, no I/O: the same inputs give the same answer on a kiosk, in
/// the simulator and in a table test. The only place venue rules are applied: the verifier
/// reports facts about the pass (`Verdict`), this decides.
///
/// Every showing is judged by every rule — there is no "same answer as last time" shortcut, so
/// nothing can open the door without passing capacity, rate limit, daily cap, temperature and
/// hours. Per-code state (anti-passback, rate limit, daily cap) is keyed by the verified
/// credential, so a rolling holder proof does not make a visitor a stranger every 30 s.
///
/// Order (first failing rule wins): opening hours → per-code rate limit → the pass (`PassRule`:
/// the verifier's verdict → format → issuer → status colour → holder proof → trust freshness) →
/// anti-passback → daily cap → positive test → doses / test / recovery → temperature → capacity.
public struct RuleEngine: Sendable {
    public var config: VenueConfig

    public init(config: VenueConfig) { self.config = config }

    /// Decides one scan. `facts` defaults to `verdict.facts`.
    public func decide(
        _ verdict: Verdict, facts: HealthFacts? = nil, temperature: TemperatureReading? = nil,
        state: VenueState, now: Date
    ) -> (Decision, VenueState) {
        let rules = config.rules
        let t = now.timeIntervalSince1970
        var state = state
        state.roll(to: config.hours.localDay(now).day, countExits: rules.capacity?.countExits ?? true)
        state.prune(now: t, horizon: Double(rules.rateLimit.windowSeconds), antiPassback: rules.antiPassbackSeconds)
        // Windows and counts follow the credential, not the text: a live pass's text changes every
        // 30 s with its holder proof. Only a verified pass names its credential — a forged one could
        // carry a victim's credential id to get them locked out — so denials key by the text.
        let digest = verdict.outcome == .accept ? (verdict.credentialDigest ?? verdict.tokenDigest) : verdict.tokenDigest
        var record = state.codes[digest] ?? VenueState.CodeRecord(lastPresented: t)
        var decision = evaluate(verdict, facts: facts ?? verdict.facts, temperature: temperature,
                                record: &record, occupancy: state.occupancy, now: t)
        if decision.outcome == .allow {
            decision.counted = true
            state.occupancy += 1
            record.entriesToday += 1
            record.admittedAt = t
        }
        record.lastPresented = t
        state.codes[digest] = record
        return (decision, state)
    }

    /// An exit seen by a sensor or button: occupancy goes down (never below zero) when the venue
    /// counts exits.
    public func exit(state: VenueState, now: Date) -> VenueState {
        var state = state
        let countExits = config.rules.capacity?.countExits ?? true
        state.roll(to: config.hours.localDay(now).day, countExits: countExits)
        if countExits { state.occupancy = max(0, state.occupancy - 1) }
        return state
    }

    private func evaluate(
        _ verdict: Verdict, facts: HealthFacts?, temperature: TemperatureReading?,
        record: inout VenueState.CodeRecord, occupancy: Int, now t: Double
    ) -> Decision {
        let rules = config.rules
        let display = verdict.display
        if !config.hours.isOpen(at: Date(timeIntervalSince1970: t)) { return .deny(.closed, display: display) }

        if let until = record.lockedUntil, until > t { return .deny(.rateLimited, display: display) }
        record.lockedUntil = nil
        let limit = rules.rateLimit
        record.scans.removeAll { t - $0 >= Double(limit.windowSeconds) }
        record.scans.append(t)
        if record.scans.count > limit.maxScans {
            record.lockedUntil = t + Double(limit.lockMinutes * 60)
            record.scans.removeAll()
            return .deny(.rateLimited, display: display)
        }

        let (passReason, passWarnings) = PassRule(rules: rules).check(verdict, now: t)
        if let passReason { return .deny(passReason, display: display) }
        // Anti-passback: the credential went in a moment ago. The door stays shut; the screen says
        // so, and the showing is logged as a `repeat`.
        if let admitted = record.admittedAt, t >= admitted, t - admitted < rules.antiPassbackSeconds {
            var repeated = Decision.deny(.alreadyAdmitted, display: display)
            repeated.repeated = true
            return repeated
        }
        if let cap = limit.dailyCap, record.entriesToday >= cap { return .deny(.dailyCapReached, display: display) }
        if let reason = HealthRule(rules: rules).check(facts, now: t) { return .deny(reason, display: display) }

        var warnings = passWarnings
        if let rule = rules.temperature {
            let usable = temperature.flatMap { reading -> Double? in
                let age = t - reading.takenAt.timeIntervalSince1970
                guard TemperatureReading.plausible.contains(reading.celsius), age <= Double(rule.maxReadingAgeSeconds), age >= -1 else { return nil }
                return reading.celsius
            }
            if let celsius = usable {
                if celsius >= rule.thresholdCelsius { return .deny(.fever, display: display) }
            } else {
                switch rule.whenMissing {
                case .deny: return .deny(.temperatureUnavailable, display: display)
                case .allowWithWarning: warnings.append(.temperatureUnavailable)
                }
            }
        }
        if let capacity = rules.capacity, occupancy >= capacity.maximum { return .deny(.venueFull, display: display) }
        return Decision(outcome: .allow, reason: nil, warnings: warnings, doorPulseMilliseconds: config.doorPulseMilliseconds,
                        counted: false, repeated: false, display: display)
    }
}
