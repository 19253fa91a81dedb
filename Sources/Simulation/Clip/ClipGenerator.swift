import Capture
import Foundation
import Imaging
import Passes

/// Scenario → Y4M clip (mono) and its `<clip>.expected.json`. The clip is reproducible: same
/// scenario and size give identical bytes.
public struct ClipGenerator: Sendable {
    public let scenario: Scenario
    public let keys: SimulationKeys
    public let renderer: FrameRenderer
    public let fps: Int

    /// - Parameters: `width`, `height`, `fps` override the scenario's (smaller committed clips).
    public init(scenario: Scenario, width: Int? = nil, height: Int? = nil, fps: Int? = nil) throws {
        self.scenario = scenario
        keys = SimulationKeys(seed: scenario.seed)
        renderer = try FrameRenderer(scenario: scenario, keys: keys, width: width, height: height)
        self.fps = fps ?? scenario.frame.fps
    }

    public var frameCount: Int { Int((scenario.duration * Double(fps)).rounded(.up)) }

    /// Seconds into the clip of frame `index`.
    public func seconds(ofFrame index: Int) -> Double { Double(index) / Double(fps) }

    /// Renders every frame in order, handing each to `body` with the text shown (nil: no phone).
    public func forEachFrame(_ body: (Int, GrayBuffer, String?) throws -> Void) throws {
        var screens: [String: PhoneScreen] = [:]
        for index in 0..<frameCount {
            let (image, text) = try renderer.frame(at: seconds(ofFrame: index), index: index, screens: &screens)
            try body(index, image, text)
        }
    }

    /// Writes the clip to `path` and the manifest to `<path without .y4m>.expected.json`.
    @discardableResult
    public func write(to path: String) throws -> ExpectedManifest {
        let writer = try Y4MWriter(path: path, width: renderer.width, height: renderer.height, frameRateNumerator: fps)
        var seen: [Int: [String]] = [:]
        var frames: [Int: (Int, Int)] = [:]
        try forEachFrame { index, image, text in
            try image.withImage { try writer.write($0) }
            guard let text, let v = renderer.visitorIndex(at: seconds(ofFrame: index)) else { return }
            let digest = TokenDigest(of: text).hex
            if seen[v]?.last != digest { seen[v, default: []].append(digest) }
            frames[v] = (frames[v]?.0 ?? index, index)
        }
        try writer.close()
        let manifest = try self.manifest(frames: frames, digests: seen)
        try Data(Self.encode(manifest)).write(to: URL(fileURLWithPath: Self.manifestPath(forClip: path)))
        return manifest
    }

    /// `clip.y4m` (or `clip.mkv`, any extension) → `clip.expected.json`.
    public static func manifestPath(forClip path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.pathExtension.isEmpty ? url.lastPathComponent : url.deletingPathExtension().lastPathComponent
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? name + ".expected.json" : (directory as NSString).appendingPathComponent(name + ".expected.json")
    }

    public static func encode(_ manifest: ExpectedManifest) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(manifest)) + [0x0A]
    }

    func manifest(frames: [Int: (Int, Int)], digests: [Int: [String]]) throws -> ExpectedManifest {
        let visitors = try scenario.visitors.enumerated().map { v, visitor in
            guard let (first, last) = frames[v], let shown = digests[v], let firstDigest = shown.first else {
                throw ClipError.visitorNotInView(id: visitor.id, fps: fps)
            }
            let decision = ExpectedDecision(visitor: visitor, venue: scenario.venue)
            return VisitorExpectation(
                id: visitor.id, firstFrame: first, lastFrame: last, decision: decision.outcome, reason: decision.reason,
                temperature: visitor.temperature, tokenDigest: firstDigest, tokenDigests: shown,
                credentialID: Hex.encode(keys.credentialID(visitor.id)), camera: visitor.camera)
        }
        let issuer = ThresholdPassIssuer(key: keys.issuer, issuer: scenario.issuer.name)
        return ExpectedManifest(
            scenario: scenario.name, seed: scenario.seed, start: scenario.start, width: renderer.width,
            height: renderer.height, fps: fps, frameCount: frameCount, venueID: scenario.venue.id,
            acceptedStatuses: scenario.venue.acceptedStatuses, temperatureThreshold: scenario.venue.temperatureThreshold,
            issuer: .init(name: scenario.issuer.name, kid: Hex.encode(issuer.kid), ed25519PublicKey: Hex.encode(keys.issuer.publicKey.encoded)),
            revokedCredentialIDs: scenario.visitors.filter { $0.pass.attack == .revoked }.map { Hex.encode(keys.credentialID($0.id)) },
            visitors: visitors)
    }
}

/// Why a clip could not be made from a valid scenario.
public enum ClipError: Error, Sendable, Hashable, CustomStringConvertible {
    /// At this frame rate no frame falls inside the visitor's dwell.
    case visitorNotInView(id: String, fps: Int)

    public var description: String {
        switch self {
        case .visitorNotInView(let id, let fps): "Visitor \(id) is in view for less than one frame at \(fps) fps; lengthen the dwell or raise the rate."
        }
    }
}
