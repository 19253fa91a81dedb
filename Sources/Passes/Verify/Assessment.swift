/// The part of a verification that does not depend on the clock or the venue: what the cache
/// keeps. `verdict` is either final (a deny) or a candidate accept whose time-dependent checks
/// (`Verifier.finish`) still have to run — on every scan, cached or not.
struct Assessment: Sendable {
    /// Trust generation the assessment was made under; a new trust list invalidates it.
    var generation: UInt64
    /// The verdict with `tokenDigest` and `credentialDigest` still empty: `Verifier.finish` writes
    /// them from `token` and `credential`. So a cached assessment owns no string of its own —
    /// thousands of cached per-scan strings keep the cache's memory cold and evict the signature
    /// code's tables, which shows on every fresh scan.
    var verdict: Verdict
    /// SHA-256 of the scanned text.
    var token: TokenDigest
    /// SHA-256 of what names the credential (see `Verdict.credentialDigest`), once it was read.
    var credential: TokenDigest?
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

    static func deny(_ reason: DenyReason, _ detail: String, token: TokenDigest, generation: UInt64,
                     format: PassFormat? = nil, kid: String? = nil) -> Assessment {
        Assessment(generation: generation, token: token,
                   verdict: Verdict(outcome: .deny, reason: reason, detail: detail, format: format, kid: kid, tokenDigest: ""))
    }

    /// A candidate accept (or a deny found after the credential was read).
    init(generation: UInt64, token: TokenDigest, verdict: Verdict, credential: TokenDigest? = nil) {
        self.generation = generation; self.verdict = verdict; self.token = token; self.credential = credential
    }
}

/// A cached assessment in its own small object. Why not inline in the cache's array: each fresh
/// scan would then write a few hundred bytes into a slot last touched thousands of scans ago
/// (cold memory); a new object mostly lands in memory the allocator just freed.
final class CachedAssessment: Sendable {
    let assessment: Assessment
    init(_ assessment: Assessment) { self.assessment = assessment }
}
