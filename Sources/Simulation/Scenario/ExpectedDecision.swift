import Passes
import Policy

/// What the kiosk must decide for a visitor, derived from the scenario alone.
public struct ExpectedDecision: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable { case allow, deny }
    public var outcome: Outcome
    /// Nil when allowed.
    public var reason: ExpectedReason?

    public static let allow = ExpectedDecision(outcome: .allow, reason: nil)
    public static func deny(_ reason: ExpectedReason) -> ExpectedDecision { ExpectedDecision(outcome: .deny, reason: reason) }

    /// The first failing check, in the order the kiosk checks: signature and key, validity
    /// period, revocation, holder proof, then venue rules (status colour, temperature).
    public init(visitor: Visitor, venue: VenueSpec) {
        let pass = visitor.pass
        if pass.attack == .forged { self = .deny(.unknownKey); return }
        switch pass.validity {
        case .expired: self = .deny(.expired); return
        case .notYetValid: self = .deny(.notYetValid); return
        case .valid: break
        }
        switch pass.attack {
        case .revoked: self = .deny(.revoked); return
        case .replayedScreenshot, .wrongVenue: self = .deny(.proofExpired); return
        case .none, .forged: break
        }
        // Red is refused by the verifier whatever the venue accepts; other colours by the venue's rules.
        if pass.status == .red { self = .deny(.statusRed); return }
        if !venue.acceptedStatuses.contains(pass.status) { self = .deny(.statusNotAllowed); return }
        if visitor.temperature >= venue.temperatureThreshold { self = .deny(.fever); return }
        self = .allow
    }

    public init(outcome: Outcome, reason: ExpectedReason?) { self.outcome = outcome; self.reason = reason }
}

/// Why a visitor must be turned away: a pass that is not valid (``DenyReason``) or a venue rule.
public enum ExpectedReason: String, Sendable, Hashable, Codable, CaseIterable {
    case unknownKey = "unknown-key"
    case expired
    case notYetValid = "not-yet-valid"
    case revoked
    /// A stale (screenshot) or other-venue holder proof: the venue's proof rule.
    case proofExpired = "proof-expired"
    /// A red pass: never admitted, by the venue's status rule (`PolicyReason.statusRed`).
    case statusRed = "status-red"
    /// A valid pass in a colour the venue does not admit (`PolicyReason.statusNotAllowed`).
    case statusNotAllowed = "status-not-allowed"
    /// Temperature at or above the venue threshold (a venue rule, no pass-level reason).
    case fever

    /// The reason the verifier reports when the pass itself is not valid, nil for venue rules.
    public var denyReason: DenyReason? {
        if case .pass(let reason) = policyReason { return reason }
        return nil
    }

    /// The one mapping from the scenario's expectation to the reason the kiosk's decision must
    /// carry (`Decision.reason`). The report compares these exactly and prints the decision's own
    /// text (`PolicyReason.code`) on both sides, so an expectation and a result can only look
    /// alike when they are alike.
    public var policyReason: PolicyReason {
        switch self {
        case .unknownKey: .pass(.unknownKey)
        case .expired: .pass(.expired)
        case .notYetValid: .pass(.notYetValid)
        case .revoked: .pass(.revoked)
        case .proofExpired: .proofExpired
        case .statusRed: .statusRed
        case .statusNotAllowed: .statusNotAllowed
        case .fever: .fever
        }
    }
}
