import Crypto
import Foundation
import Passes
import ScanLog
import Sync

/// Keeps the kiosk's trust current: on start, installs the last trust list the scan log kept
/// (so a reboot without network still verifies); then, while running, pulls newer lists from
/// the upstream with ETags. Every list is checked against the pinned root before it is stored
/// or installed — a bad signature or an older version leaves the current trust in place.
public struct TrustRefresh: Sendable {
    public let verifier: Verifier
    public let rootKey: Curve25519.Signing.PublicKey
    public let log: ScanLogStore
    public let sync: SyncClient?

    public init(verifier: Verifier, rootKey: Curve25519.Signing.PublicKey, log: ScanLogStore, sync: SyncClient?) {
        self.verifier = verifier; self.rootKey = rootKey; self.log = log; self.sync = sync
    }

    /// Installs the stored list, if any. Returns its info, or nil when none is stored.
    /// - Throws: `TrustBundleError` when the stored copy no longer verifies (e.g. expired root).
    @discardableResult
    public func installStored(now: Date) throws -> TrustBundleInfo? {
        guard let stored = try log.trustBundles.latest(.trustList) else { return nil }
        return try verifier.installBundle(Array(stored.bytes), rootKey: rootKey, now: now)
    }

    /// One pull: installs and stores a newer list; returns whether the trust changed.
    public func refresh(now: Date) async throws(SyncError) -> Bool {
        guard let sync else { return false }
        let verifier = self.verifier, rootKey = self.rootKey
        let kept: Int?
        do { kept = try log.trustBundles.latest(.trustList)?.version } catch { throw .log("\(error)") }
        let outcome = try await sync.pull(.trustList) { bytes in
            // Verify before the bytes are stored; install happens in the same step. The version
            // kept in the scan log is a floor too, so an older list is refused even when the
            // kept one could not be installed (trust never rolls back).
            _ = try Passes.TrustBundle.decode(Array(bytes), rootKey: rootKey, currentVersion: kept.map { UInt64(max(0, $0)) }, now: now)
            let info = try verifier.installBundle(Array(bytes), rootKey: rootKey, now: now)
            return Int(clamping: info.version)
        }
        if case .updated = outcome { return true }
        return false
    }

    /// Pulls every `period` until cancelled; failures are retried at the next period.
    public func run(every period: Duration) async {
        while !Task.isCancelled {
            _ = try? await refresh(now: Date())
            try? await Task.sleep(for: period)
        }
    }
}
