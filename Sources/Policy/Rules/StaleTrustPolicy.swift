/// What the venue does once the trust list a pass was checked against is older than its
/// allowed maximum age (`VenueConfig.Rules.maxTrustAgeHours`).
public enum StaleTrustPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Deny every pass with `staleTrust` (what VerificaC19 does).
    case refuse
    /// Decide as usual, but every allow turns amber with a warning.
    case allowWithWarning = "allow-with-warning"
}
