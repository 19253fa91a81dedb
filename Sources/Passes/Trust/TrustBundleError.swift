/// Why a trust bundle was not loaded. The kiosk keeps its current trust when any of these occurs.
public enum TrustBundleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not a COSE_Sign1 bundle, or the payload does not follow the bundle layout.
    case malformed(String)
    /// Not signed with EdDSA, or not by the pinned root key.
    case badSignature
    /// Version lower than the one the kiosk already holds (a rollback to an older list).
    case rollback(current: UInt64, offered: UInt64)
    /// Issued further in the future than clock skew explains; it would never go stale.
    case issuedInFuture
    /// A key entry could not be turned into a usable key.
    case invalidKey(String)

    public var description: String {
        switch self {
        case .malformed(let detail): "The trust bundle is damaged: \(detail)."
        case .badSignature: "The trust bundle is not signed by the pinned root key."
        case .rollback(let current, let offered): "The trust bundle is older (version \(offered)) than the one installed (version \(current))."
        case .issuedInFuture: "The trust bundle claims to be issued in the future; check the kiosk clock."
        case .invalidKey(let detail): "The trust bundle holds an unusable key: \(detail)."
        }
    }
}

extension TrustBundleError {
    /// The nearest verdict reason, for tallies that count every parser's refusals alike (fuzzing).
    public var denyReason: DenyReason {
        switch self {
        case .malformed: .malformed
        case .badSignature: .badSignature
        case .rollback: .expired  // older than the bundle already held
        case .issuedInFuture: .notYetValid
        case .invalidKey: .unknownKey
        }
    }
}
