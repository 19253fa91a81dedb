import Foundation

/// A recorded-door scenario: who walks up, when, with which pass, and how the camera sees it.
/// Everything a clip contains is derived from this value and its `seed`, so one file names one
/// clip and one set of expected decisions, byte for byte. The JSON form is documented in
/// `sim/README.md`.
public struct Scenario: Sendable, Hashable, Codable {
    public var name: String
    /// Seeds every key, credential id, background and noise pattern.
    public var seed: UInt64
    /// Virtual wall-clock time of frame 0 (ISO 8601, UTC).
    public var start: Date
    public var frame: FrameSpec
    public var venue: VenueSpec
    public var issuer: IssuerSpec
    public var visitors: [Visitor]

    public init(name: String, seed: UInt64, start: Date, frame: FrameSpec, venue: VenueSpec, issuer: IssuerSpec, visitors: [Visitor]) {
        self.name = name; self.seed = seed; self.start = start; self.frame = frame
        self.venue = venue; self.issuer = issuer; self.visitors = visitors
    }

    /// Seconds of video: until the last visitor has left, plus one second of empty door.
    public var duration: Double {
        (visitors.map { $0.arrival + $0.dwell }.max() ?? 0) + 1
    }
}

/// Camera frame geometry and rate, and the lens (absent in the file: ``Lens/narrowSharp``).
public struct FrameSpec: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int
    public var fps: Int
    public var lens: Lens?
    public init(width: Int, height: Int, fps: Int, lens: Lens? = nil) {
        self.width = width; self.height = height; self.fps = fps; self.lens = lens
    }
    /// The lens in effect.
    public var optics: Lens { lens ?? .narrowSharp }
}

/// The venue rules the expected decisions assume (the later kiosk reads its own venue config;
/// the runner must give it the same values).
public struct VenueSpec: Sendable, Hashable, Codable {
    public var id: String
    /// Status colours admitted, e.g. `["green"]`.
    public var acceptedStatuses: [PassStatus]
    /// At or above this body temperature (°C) the door stays shut.
    public var temperatureThreshold: Double
    public init(id: String, acceptedStatuses: [PassStatus], temperatureThreshold: Double) {
        self.id = id; self.acceptedStatuses = acceptedStatuses; self.temperatureThreshold = temperatureThreshold
    }
}

/// The issuer whose key the kiosk trusts. Its Ed25519 key is derived from the scenario seed
/// (see ``SimulationKeys``), so no key file is needed to reproduce a clip.
public struct IssuerSpec: Sendable, Hashable, Codable {
    public var name: String
    public init(name: String) { self.name = name }
}

/// One person at the door.
public struct Visitor: Sendable, Hashable, Codable {
    public var id: String
    /// Seconds from the start of the clip when the phone comes into view.
    public var arrival: Double
    /// Seconds the phone stays in view.
    public var dwell: Double
    public var pass: PassSpec
    /// Body temperature the door thermometer reads, °C.
    public var temperature: Double
    public var camera: CameraConditions

    public init(id: String, arrival: Double, dwell: Double, pass: PassSpec, temperature: Double, camera: CameraConditions) {
        self.id = id; self.arrival = arrival; self.dwell = dwell; self.pass = pass
        self.temperature = temperature; self.camera = camera
    }
}

/// The pass a visitor shows.
public struct PassSpec: Sendable, Hashable, Codable {
    public var kind: PassKind
    public var status: PassStatus
    public var validity: Validity
    public var attack: Attack
    /// For `replayed-screenshot`: how many seconds before arrival the screenshot was taken.
    public var screenshotAge: Double?

    public init(kind: PassKind = .threshold, status: PassStatus, validity: Validity = .valid, attack: Attack = .none, screenshotAge: Double? = nil) {
        self.kind = kind; self.status = status; self.validity = validity; self.attack = attack; self.screenshotAge = screenshotAge
    }
}

/// Which pass family. Only our own pass is simulated: DCC and SHC passes are signed by national
/// keys we do not hold, so a clip of them could only carry passes from a made-up issuer.
public enum PassKind: String, Sendable, Hashable, Codable, CaseIterable {
    case threshold
}

/// The health colour printed in the pass.
public enum PassStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case green, yellow, red
}

/// Where the visit falls in the pass's validity period.
public enum Validity: String, Sendable, Hashable, Codable, CaseIterable {
    case valid
    case expired
    case notYetValid = "not-yet-valid"
}

/// What is wrong with the pass on purpose.
public enum Attack: String, Sendable, Hashable, Codable, CaseIterable {
    case none
    /// Signed with a key the kiosk does not trust.
    case forged
    /// Genuine, but its credential id is on the revocation list.
    case revoked
    /// A screenshot: the holder proof is frozen at the moment it was taken.
    case replayedScreenshot = "replayed-screenshot"
    /// Live proof, bound to another venue.
    case wrongVenue = "wrong-venue"
}
