import Foundation

/// Turns scanned text into a `Verdict` — facts about the pass, never an admission — offline,
/// against the installed trust. The venue decides with those facts (`Policy.RuleEngine`).
///
/// Why a class: it owns the little state verification needs across scans — the current trust
/// snapshot (swapped whole by `install`), the verification cache and the ledger of seen
/// holder proofs — each behind its own lock, so kiosk, simulator and benchmark can share one.
///
/// Invariants: every error path is a deny (or `error` when no trust exists), never an accept;
/// the raw text never leaves this type (verdicts carry its SHA-256 only).
public final class Verifier: Sendable {
    struct Snapshot: Sendable {
        var store: (any TrustStore)?
        var generation: UInt64
        /// `bundleInfo.issuedAt` in epoch seconds (nil: ad hoc trust that never goes stale).
        var issuedAt: Double?
    }

    /// Trust snapshot and cache share one lock: a cache hit takes it once, and a swap can never
    /// pair new trust with old cached results.
    struct State: Sendable {
        var snapshot: Snapshot
        var cache: VerificationCache<CachedAssessment>

        mutating func swap(to store: any TrustStore) {
            snapshot = Snapshot(store: store, generation: snapshot.generation + 1,
                                issuedAt: store.bundleInfo?.issuedAt.timeIntervalSince1970)
            cache.removeAll()
        }
    }

    private let state: Locked<State>
    private let ledger: Locked<ProofLedger>

    public init(trust: (any TrustStore)?, cacheCapacity: Int = 4096) {
        state = Locked(State(
            snapshot: Snapshot(store: trust, generation: 1, issuedAt: trust?.bundleInfo?.issuedAt.timeIntervalSince1970),
            cache: VerificationCache(capacity: cacheCapacity)))
        ledger = Locked(ProofLedger())
    }

    /// Replaces the trust in one step. Build `store` completely first (e.g. `TrustBundle.store()`);
    /// cached results made under the old trust are never used again.
    public func install(_ store: any TrustStore) {
        state.withLock { $0.swap(to: store) }
    }

    /// `install`, unless a bundle newer than `version` got installed meanwhile.
    func install(_ store: any TrustStore, ifNotOlderThanInstalled version: UInt64) throws(TrustBundleError) {
        let installed: UInt64? = state.withLock { state in
            if let current = state.snapshot.store?.bundleInfo?.version, current > version { return current }
            state.swap(to: store)
            return nil
        }
        if let installed { throw .rollback(current: installed, offered: version) }
    }

    /// The trust currently installed.
    public var trust: (any TrustStore)? { state.withLock { $0.snapshot.store } }

    /// Verifies `text` as scanned at `now` for a venue described by `context`.
    public func verify(_ text: String, at now: Date, context: VerificationContext = VerificationContext()) -> Verdict {
        let digest = TokenDigest(of: text)
        guard text.utf8.count <= context.maxInputBytes else {
            return Verdict(outcome: .deny, reason: .oversized, detail: "\(text.utf8.count) bytes", tokenDigest: digest.hex)
        }
        let (current, hit) = state.withLock { state in (state.snapshot, state.cache.value(for: digest)) }
        guard let store = current.store else {
            return Verdict(outcome: .error, reason: .noTrust, detail: "no trust list installed", tokenDigest: digest.hex)
        }
        if let hit { return finish(hit, at: now, context: context, trustIssuedAt: current.issuedAt) }
        // Boxed straight away: the cache and this scan share the one assessment, never a copy.
        let cached = CachedAssessment(Self.assess(text, token: digest, store: store, generation: current.generation))
        state.withLock { state in
            // Made under trust that has since been replaced: use it for this scan, never cache it.
            if state.snapshot.generation == cached.assessment.generation { state.cache.insert(cached, for: digest) }
        }
        return finish(cached, at: now, context: context, trustIssuedAt: current.issuedAt)
    }

    /// Recognises the format by prefix and runs its time-independent checks.
    static func assess(_ text: String, token: TokenDigest, store: any TrustStore, generation: UInt64) -> Assessment {
        // Byte-wise prefix tests: the prefixes are ASCII, and String.hasPrefix compares Characters.
        if text.utf8.starts(with: ThresholdWire.credentialPrefix.utf8) || text.utf8.starts(with: ThresholdWire.provenPrefix.utf8) {
            return assessThreshold(text, token: token, store: store, generation: generation)
        }
        if text.hasPrefix(DCCPass.prefix) { return assessDCC(text, token: token, store: store, generation: generation) }
        if text.hasPrefix(SHCPass.prefix) { return assessSHC(text, token: token, store: store, generation: generation) }
        return .deny(.unknownFormat, "no known pass prefix", token: token, generation: generation)
    }

    /// The checks that depend on the clock and on what was seen before, in a fixed order: signer
    /// key window, pass validity; then the facts the venue judges (holder proof, trust age).
    ///
    /// Takes the boxed assessment: an `Assessment` is a few hundred bytes, and passing one by
    /// value copied it onto the stack on every scan.
    func finish(_ cached: CachedAssessment, at now: Date, context: VerificationContext, trustIssuedAt: Double?) -> Verdict {
        var verdict = cached.assessment.verdict
        verdict.tokenDigest = cached.assessment.token.hex
        verdict.credentialDigest = cached.assessment.credential?.hex
        verdict.trustIssuedAt = trustIssuedAt.map(Date.init(timeIntervalSince1970:))
        guard verdict.outcome == .accept else { return verdict }
        func deny(_ reason: DenyReason, _ detail: String) -> Verdict {
            verdict.outcome = .deny
            verdict.reason = reason
            verdict.detail = detail
            return verdict
        }
        let t = now.timeIntervalSince1970
        if t < cached.assessment.keyValidFrom || t > cached.assessment.keyValidUntil {
            return deny(.unknownKey, "signer key is outside its validity window")
        }
        if t > cached.assessment.expires + context.clockSkew { return deny(.expired, "past exp") }
        if t + context.clockSkew < cached.assessment.notBefore { return deny(.notYetValid, "before nbf/iat") }
        if let proof = cached.assessment.proof {
            let binding: ProofCheck.Binding = proof.venueTag == 0 ? .unbound
                : proof.venueTag == context.venueTag ? .thisVenue : .otherVenue
            let step = Int64((t / Double(HolderProof.stepSeconds)).rounded(.down))
            var check = ProofCheck(step: proof.step, binding: binding, current: abs(proof.step - step) <= 1)
            // Only a proof that could be good here is remembered: one for another venue or out of
            // its step can never be, and must not crowd the ledger.
            if check.current && binding != .otherVenue,
               case .again(let first) = ledger.withLock({ $0.record(proof.ledgerKey, at: t) }) {
                check.firstSeen = Date(timeIntervalSince1970: first)
            }
            verdict.proof = check
        }
        return verdict
    }
}
