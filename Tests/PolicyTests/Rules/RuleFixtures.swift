import Foundation
import Passes
@testable import Policy

/// Shared values for the rule tests: a venue open all day at +08:00, and verdicts to tweak.
enum RuleFixtures {
    /// Saturday 2026-11-21 12:00 local (+08:00) = 04:00 UTC.
    static let noon = Date(timeIntervalSince1970: 1_795_233_600)
    static let day: TimeInterval = 86_400

    static func config(_ tweak: (inout VenueConfig) -> Void = { _ in }) -> VenueConfig {
        var config = VenueConfig(id: "test-venue", name: "Test Venue")
        config.hours = WeeklyHours(days: WeeklyHours.alwaysOpen.days, utcOffsetSeconds: 8 * 3600)
        tweak(&config)
        return config
    }

    static func verdict(
        _ digest: String = "aa", outcome: Verdict.Outcome = .accept, reason: DenyReason? = nil,
        format: PassFormat = .threshold, issuer: String = "Threshold Health Authority", status: HealthStatus = .green,
        facts: HealthFacts? = nil, trustIssuedAt: Date? = nil, proof: ProofCheck? = RuleFixtures.liveProof
    ) -> Verdict {
        Verdict(outcome: outcome, reason: reason, format: format, issuer: issuer, status: status,
                display: MaskedDisplay(name: "张*", idTail: "***1234"), tokenDigest: digest, trustIssuedAt: trustIssuedAt,
                proof: proof, facts: facts)
    }

    /// A live holder proof shown for the first time, bound to this venue, in its step.
    static let liveProof = ProofCheck(step: 59_841_120, binding: .thisVenue, current: true)

    static func vaccinated(doses: Int, daysAgo: Double, at now: Date = noon) -> HealthFacts {
        HealthFacts(doses: doses, lastDose: now.addingTimeInterval(-daysAgo * day))
    }

    static func tested(hoursAgo: Double, negative: Bool = true, at now: Date = noon) -> HealthFacts {
        HealthFacts(lastTestTime: now.addingTimeInterval(-hoursAgo * 3600), lastTestNegative: negative)
    }
}
