/// The part of a verification that does not depend on the clock or the venue: what the cache
/// keeps. `verdict` is either final (a deny) or a candidate accept whose time-dependent checks
/// (`Verifier.finish`) still have to run — on every scan, cached or not.
struct Assessment: Sendable {
    /// Trust generation the assessment was made under; a new trust list invalidates it.
    var generation: UInt64
    var verdict: Verdict
    /// Epoch seconds; ±infinity when the pass or key sets no bound.
    var notBefore = -Double.infinity
    var expires = Double.infinity
    var keyValidFrom = -Double.infinity
    var keyValidUntil = Double.infinity
    var proof: ProofFacts?

    /// The holder-proof facts a verified proof leaves for the time checks.
    struct ProofFacts: Sendable {
        var step: Int64
        var venueTag: UInt64
        var ledgerKey: TokenDigest
    }

    static func deny(_ reason: DenyReason, _ detail: String, digest: String, generation: UInt64,
                     format: PassFormat? = nil, kid: String? = nil) -> Assessment {
        Assessment(generation: generation, verdict: Verdict(outcome: .deny, reason: reason, detail: detail, format: format,
                                                             kid: kid, tokenDigest: digest))
    }
}
