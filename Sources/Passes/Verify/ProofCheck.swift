import Foundation

/// What a holder proof showed, as facts: its time step, where it is bound, whether that step is
/// current, and whether this very proof was seen before. A proof whose signature does not verify
/// is no fact but a forgery (`DenyReason.proofInvalid`); everything else the venue judges
/// (`Policy.ProofRule`): a screenshot is a proof outside its step or seen long ago.
public struct ProofCheck: Sendable, Hashable, Codable {
    /// Where the holder bound the proof.
    public enum Binding: String, Sendable, Hashable, Codable {
        /// To the venue the kiosk is configured for.
        case thisVenue = "this-venue"
        /// To no venue (venue tag 0): valid anywhere unless the venue insists on binding.
        case unbound
        /// To some other venue.
        case otherVenue = "other-venue"
    }

    /// The proof's 30-second time step.
    public var step: Int64
    public var binding: Binding
    /// The step is within ±1 of the kiosk's current step.
    public var current: Bool
    /// When this same proof (credential, step, venue) was first seen by this kiosk; nil the first
    /// time. Only current proofs bound here or nowhere are remembered.
    public var firstSeen: Date?

    public init(step: Int64, binding: Binding, current: Bool, firstSeen: Date? = nil) {
        self.step = step; self.binding = binding; self.current = current; self.firstSeen = firstSeen
    }
}
