import Foundation

/// How a holder proof was judged when the verdict is `accept`. A proof that fails is a deny with
/// its own reason (`proofMissing`, `proofExpired`, `proofInvalid`, `replayed`) instead.
public enum ProofCheck: Sendable, Hashable, Codable {
    /// First time this proof (credential, step, venue) was accepted.
    case fresh(step: Int64)
    /// The same proof again, inside the re-presentation window: the same visitor holding the
    /// phone up twice. Policy debounces on this; it is neither a deny nor a second entry.
    case representation(step: Int64, firstAccepted: Date)

    public var isRepresentation: Bool {
        if case .representation = self { return true }
        return false
    }
}
