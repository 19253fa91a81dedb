import Foundation

/// What the venue asks of a verification (from `VenueConfig`, set by the kiosk).
public struct VerificationContext: Sendable {
    /// This venue's id; proofs bound to another venue are refused.
    public var venueID: String? {
        didSet { venueTag = venueID.map(HolderProof.venueTag) ?? 0 }
    }
    /// Precomputed `HolderProof.venueTag(venueID)`, so the hot path hashes nothing extra.
    public private(set) var venueTag: UInt64
    /// Deny Threshold passes that carry no rolling holder proof.
    public var requireProof: Bool
    /// What to do when the trust bundle is older than `maxTrustAge`.
    public var stalePolicy: StaleTrustPolicy
    public var maxTrustAge: TimeInterval
    /// Clock disagreement tolerated on `exp` / `nbf` / `iat`.
    public var clockSkew: TimeInterval
    /// A proof seen again within this time of its first acceptance is a re-presentation; later
    /// (but still inside its step window) it is a replay.
    public var representWindow: TimeInterval
    /// Texts longer than this are `oversized` before any parsing (real passes are < 1.5 KB;
    /// the largest QR code holds 4,296 alphanumeric characters).
    public var maxInputBytes: Int

    public init(
        venueID: String? = nil, requireProof: Bool = false, stalePolicy: StaleTrustPolicy = .refuse,
        maxTrustAge: TimeInterval = 24 * 3600, clockSkew: TimeInterval = 300, representWindow: TimeInterval = 30,
        maxInputBytes: Int = 4096
    ) {
        self.venueID = venueID
        self.venueTag = venueID.map(HolderProof.venueTag) ?? 0
        self.requireProof = requireProof; self.stalePolicy = stalePolicy; self.maxTrustAge = maxTrustAge
        self.clockSkew = clockSkew; self.representWindow = representWindow; self.maxInputBytes = maxInputBytes
    }
}
