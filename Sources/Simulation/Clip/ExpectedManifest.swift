import Foundation
import Passes

/// The sidecar `<clip>.expected.json`: what a runner must find in the clip and what the kiosk
/// must decide, plus the trust data the kiosk needs to reach those decisions.
public struct ExpectedManifest: Sendable, Hashable, Codable {
    public var scenario: String
    public var seed: UInt64
    /// Virtual wall-clock time of frame 0.
    public var start: Date
    public var width: Int
    public var height: Int
    public var fps: Int
    public var frameCount: Int
    public var venueID: String
    public var acceptedStatuses: [PassStatus]
    public var temperatureThreshold: Double
    /// The trusted issuer: name, key id (hex) and raw Ed25519 public key (hex).
    public var issuer: Issuer
    /// Credential ids (hex) the kiosk's revocation list must contain (`RevocationKind.credentialID`).
    public var revokedCredentialIDs: [String]
    public var visitors: [VisitorExpectation]

    public struct Issuer: Sendable, Hashable, Codable {
        public var name: String
        public var kid: String
        public var ed25519PublicKey: String
    }
}

/// One visitor's slice of the clip and the decision it must produce.
public struct VisitorExpectation: Sendable, Hashable, Codable {
    public var id: String
    /// First and last frame index (inclusive) with the phone in view.
    public var firstFrame: Int
    public var lastFrame: Int
    public var decision: ExpectedDecision.Outcome
    public var reason: ExpectedReason?
    /// Body temperature the simulated thermometer must report while this visitor is in view.
    public var temperature: Double
    /// `TokenDigest` hex of the text in the first frame in view (as `Verdict.tokenDigest`).
    public var tokenDigest: String
    /// Every distinct text shown (a live pass changes every 30 s), as digests, in order.
    public var tokenDigests: [String]
    /// Hex credential id.
    public var credentialID: String
    public var camera: CameraConditions
}
