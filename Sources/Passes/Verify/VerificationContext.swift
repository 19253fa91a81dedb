import Foundation

/// What the verifier needs to know about where and how it runs (from `VenueConfig`, set by the
/// kiosk). Only what turns a pass into facts: the venue's rules themselves are `Policy`'s.
public struct VerificationContext: Sendable {
    /// This venue's id: a holder proof is reported as bound here, elsewhere or nowhere.
    public var venueID: String? {
        didSet { venueTag = venueID.map(HolderProof.venueTag) ?? 0 }
    }
    /// Precomputed `HolderProof.venueTag(venueID)`, so the hot path hashes nothing extra.
    public private(set) var venueTag: UInt64
    /// Clock disagreement tolerated on `exp` / `nbf` / `iat`.
    public var clockSkew: TimeInterval
    /// Texts longer than this are `oversized` before any parsing (real passes are < 1.5 KB;
    /// the largest QR code holds 4,296 alphanumeric characters).
    public var maxInputBytes: Int

    public init(venueID: String? = nil, clockSkew: TimeInterval = 300, maxInputBytes: Int = 4096) {
        self.venueID = venueID
        self.venueTag = venueID.map(HolderProof.venueTag) ?? 0
        self.clockSkew = clockSkew; self.maxInputBytes = maxInputBytes
    }
}
