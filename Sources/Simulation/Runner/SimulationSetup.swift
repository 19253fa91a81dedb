import Crypto
import Foundation
import Passes
import Policy

/// What the kiosk under simulation is told, derived from the clip's manifest alone: the venue's
/// rules, and a trust list signed by a root key that only this run knows.
///
/// Why a signed bundle rather than an in-memory key: the simulated kiosk pulls it from the
/// embedded upstream and checks it against its pinned root exactly as a real one does, so the
/// simulation exercises that path too.
public struct SimulationSetup: Sendable {
    public let manifest: ExpectedManifest
    public let venue: VenueConfig
    public let rootKey: Curve25519.Signing.PrivateKey
    public let trustBundle: [UInt8]

    public init(manifest: ExpectedManifest) throws {
        self.manifest = manifest
        var rules = VenueConfig.Rules()
        rules.formats = [.threshold]
        rules.statuses = Set(manifest.acceptedStatuses.compactMap { HealthStatus(rawValue: $0.rawValue) })
        rules.requireProof = true
        var temperature = VenueConfig.Temperature()
        temperature.thresholdCelsius = manifest.temperatureThreshold
        temperature.whenMissing = .deny
        rules.temperature = temperature
        venue = VenueConfig(id: manifest.venueID, name: String("Sim \(manifest.venueID)".prefix(VenueConfig.maxNameLength)),
                            address: "simulated door", type: .other, rules: rules, doorPulseMilliseconds: 1500)

        let seedKey = SHA256.hash(data: Array("threshold-sim/root/\(manifest.seed)".utf8))
        rootKey = try Curve25519.Signing.PrivateKey(rawRepresentation: Array(seedKey))
        guard let raw = Hex.decode(manifest.issuer.ed25519PublicKey) else {
            throw SimulationError.badManifest("issuer.ed25519PublicKey is not hex")
        }
        let issuerKey = VerificationKey.ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: raw))
        let trusted = TrustedKey(format: .threshold, kid: TrustedKey.kid(for: issuerKey), key: issuerKey,
                                 issuer: manifest.issuer.name, usages: [.thresholdPass])
        var revoked: [(RevocationKind, RevocationHash)] = []
        for hex in manifest.revokedCredentialIDs {
            guard let id = Hex.decode(hex) else { throw SimulationError.badManifest("revoked credential id \(hex) is not hex") }
            revoked.append((.credentialID, RevocationHash(identifier: id)))
        }
        // Issued an hour before the clip starts: fresh for the whole run.
        let bundle = Passes.TrustBundle(version: 1, issuedAt: manifest.start.addingTimeInterval(-3600), keys: [trusted],
                                        revocations: RevocationList(entries: revoked))
        trustBundle = try bundle.sign(root: rootKey)
    }
}

/// Why a simulation could not run.
public enum SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expected-decisions file does not describe a usable run.
    case badManifest(String)
    /// The clip does not match its manifest (size or frame count).
    case clipMismatch(String)
    /// The embedded upstream or the kiosk's trust could not be set up.
    case setup(String)

    public var description: String {
        switch self {
        case .badManifest(let d): "The expected-decisions manifest is unusable: \(d)."
        case .clipMismatch(let d): "The clip does not match its manifest: \(d)."
        case .setup(let d): "The simulation could not start: \(d)."
        }
    }
}
