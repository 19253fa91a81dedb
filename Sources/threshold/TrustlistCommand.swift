import ArgumentParser
import Foundation
import Passes

/// `threshold trustlist sign …`: builds and signs a trust bundle (see `TrustBundle` for the format).
struct TrustlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustlist", abstract: "Build signed trust-list bundles.", subcommands: [Sign.self])

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign",
            abstract: "Sign a trust bundle with the root key the kiosks pin.")

        @Option(help: "Root private key (Ed25519 PEM).") var root: String
        @Option(name: .customLong("keys"), help: "Threshold issuer public key PEM (repeatable).") var keys: [String] = []
        @Option(help: "Issuer name for the --keys entries.") var issuer = "Threshold"
        @Option(name: .customLong("cert"), help: "DCC signer certificate, DER or PEM (repeatable).") var certs: [String] = []
        @Option(name: .customLong("revoke-cti"), help: "Revoke a Threshold credential id (hex, repeatable).") var revokeCTI: [String] = []
        @Option(name: .customLong("revoke-uci"), help: "Revoke a DCC by its UCI (repeatable).") var revokeUCI: [String] = []
        @Option(help: "Bundle version; must grow with every bundle.") var version: UInt64
        @Option(name: .customLong("issued-at"), help: "Issue time, ISO 8601 (default: now).") var issuedAt: String?
        @Option(help: "Output file.") var out: String

        func run() throws {
            guard case .ed25519(let rootKey) = try PassArguments.signingKey(file: root) else {
                throw ValidationError("the root key must be Ed25519")
            }
            var trusted: [TrustedKey] = []
            for file in keys {
                let key = try PassArguments.verificationKey(file: file)
                trusted.append(TrustedKey(format: .threshold, kid: TrustedKey.kid(for: key), key: key, issuer: issuer,
                                          usages: [.thresholdPass]))
            }
            for file in certs {
                let data = try FileProblem.data(file)
                let certificate: SignerCertificate
                do {
                    certificate = data.starts(with: Array("-----".utf8))
                        ? try SignerCertificate(pem: String(decoding: data, as: UTF8.self)) : try SignerCertificate(der: Array(data))
                } catch { throw CommandFailure(.badData, "\(file): \(error.detail)") }
                trusted.append(TrustedKey(dccSigner: certificate))
            }
            var revoked: [(RevocationKind, RevocationHash)] = []
            for hex in revokeCTI {
                guard let id = Hex.decode(hex) else { throw ValidationError("--revoke-cti \(hex) is not hex") }
                revoked.append((.credentialID, RevocationHash(identifier: id)))
            }
            revoked += revokeUCI.map { (.uci, RevocationHash(identifier: Array($0.utf8))) }
            let bundle = TrustBundle(version: version, issuedAt: try issuedAt.map(PassArguments.date) ?? Date(),
                                     keys: trusted, revocations: RevocationList(entries: revoked))
            try Data(bundle.sign(root: rootKey)).write(to: URL(fileURLWithPath: out), options: .atomic)
            print("trust bundle v\(version): \(trusted.count) keys, \(bundle.revocations.count) revocations → \(out)")
        }
    }
}
