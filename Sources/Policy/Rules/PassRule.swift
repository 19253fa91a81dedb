import Foundation
import Passes

/// The venue's rules about the pass itself, judged from the verifier's facts: is it a valid
/// pass, a format and issuer the venue takes, an admissible colour, shown with a good holder
/// proof, checked against trust that is recent enough. The rule engine runs it on every scan;
/// `threshold verify` runs it alone. Nil reason: the pass is fine (the warnings turn it amber).
public struct PassRule: Sendable {
    public var rules: VenueConfig.Rules

    /// A proof seen again within this long of its first showing is the same phone held up again
    /// (one proof step); later, inside its step window, it is a screenshot being re-used.
    public static let reshowSeconds: Double = Double(HolderProof.stepSeconds)

    public init(rules: VenueConfig.Rules) { self.rules = rules }

    public func check(_ verdict: Verdict, now t: Double) -> (reason: PolicyReason?, warnings: [PolicyWarning]) {
        switch verdict.outcome {
        case .accept: break
        case .deny: return (.pass(verdict.reason ?? .malformed), [])
        case .error: return (.kioskError, [])
        }
        guard let format = verdict.format, rules.formats.contains(format) else { return (.formatNotAccepted, []) }
        if !rules.issuers.isEmpty, !rules.issuers.contains(verdict.issuer ?? "") { return (.issuerNotAccepted, []) }
        guard let status = verdict.status, status != .red else { return (.statusRed, []) }
        guard rules.statuses.contains(status) else { return (.statusNotAllowed, []) }
        if let reason = proof(verdict, now: t) { return (reason, []) }
        var warnings: [PolicyWarning] = status == .yellow ? [.yellowStatus] : []
        if let issued = verdict.trustIssuedAt, t - issued.timeIntervalSince1970 > Double(rules.maxTrustAgeHours) * 3600 {
            switch rules.staleTrust {
            case .refuse: return (.staleTrust, [])
            case .allowWithWarning: warnings.append(.staleTrust)
            }
        }
        return (nil, warnings)
    }

    /// A proof that is shown must be good wherever it is shown; without one, a Threshold pass (the
    /// format that carries holder keys) is refused where the venue requires proof.
    func proof(_ verdict: Verdict, now t: Double) -> PolicyReason? {
        guard let proof = verdict.proof else {
            return rules.requireProof && verdict.format == .threshold ? .proofMissing : nil
        }
        if !proof.current || proof.binding == .otherVenue { return .proofExpired }
        if proof.binding == .unbound && rules.requireVenueBinding { return .proofExpired }
        if let first = proof.firstSeen, t - first.timeIntervalSince1970 > Self.reshowSeconds { return .replayed }
        return nil
    }
}
