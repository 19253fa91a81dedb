import Foundation
import Passes

/// The files `threshold run` needs to replay a generated clip as a kiosk would see it: the
/// signed trust list (issuer key and revocations) the simulation serves, the root public key
/// that signs it, and a venue file with the simulated venue's rules. Written beside the clip by
/// `threshold sim generate`, so the README's `threshold run --source clip …` recipe has
/// everything it needs and no key has to be derived by hand.
public struct ReplayFiles: Sendable {
    public let trustBundle: [UInt8]
    public let rootPublicKeyPEM: String
    public let venueTOML: String

    public init(setup: SimulationSetup) {
        trustBundle = setup.trustBundle
        rootPublicKeyPEM = KeyPEM.encode(VerificationKey.ed25519(setup.rootKey.publicKey))
        let statuses = setup.manifest.acceptedStatuses.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        // `threshold run` has no thermometer readings for a recording: a missing reading is let
        // through with a warning here, where the simulation (which has them) refuses it.
        venueTOML = """
            # The simulated venue of scenario \(setup.manifest.scenario), for replaying its clip with `threshold run`
            # (written by `threshold sim generate`). Open at all hours.
            [venue]
            id = "\(setup.venue.id)"
            name = "\(setup.venue.name)"
            address = "simulated door"
            type = "other"

            [rules]
            formats = ["threshold"]
            statuses = [\(statuses)]
            require_proof = true

            [rules.temperature]
            threshold_c = \(setup.manifest.temperatureThreshold)
            when_missing = "allow-with-warning"

            [door]
            pulse_ms = \(setup.venue.doorPulseMilliseconds)

            """
    }

    /// `clip.y4m` → `clip.trust`, `clip.root.pem`, `clip.venue.toml`.
    public static func paths(forClip clip: String) -> (trust: String, root: String, venue: String) {
        let base = String(ClipGenerator.manifestPath(forClip: clip).dropLast(".expected.json".count))
        return (base + ".trust", base + ".root.pem", base + ".venue.toml")
    }

    public func write(besideClip clip: String) throws {
        let p = Self.paths(forClip: clip)
        try Data(trustBundle).write(to: URL(fileURLWithPath: p.trust), options: .atomic)
        try Data(rootPublicKeyPEM.utf8).write(to: URL(fileURLWithPath: p.root), options: .atomic)
        try Data(venueTOML.utf8).write(to: URL(fileURLWithPath: p.venue), options: .atomic)
    }
}
