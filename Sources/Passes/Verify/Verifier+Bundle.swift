import Crypto
import Foundation

extension Verifier {
    /// Verifies a trust bundle against the pinned root and installs it in one swap — or throws
    /// and leaves the current trust untouched. The rollback check runs against the installed
    /// version inside the swap, so two concurrent loads cannot step back a version.
    @discardableResult
    public func installBundle(_ bytes: [UInt8], rootKey: Curve25519.Signing.PublicKey, now: Date) throws(TrustBundleError) -> TrustBundleInfo {
        let bundle = try TrustBundle.decode(bytes, rootKey: rootKey, currentVersion: trust?.bundleInfo?.version, now: now)
        let store = bundle.store()
        try install(store, ifNotOlderThanInstalled: bundle.version)
        return bundle.info
    }
}
