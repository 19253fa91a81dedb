import ArgumentParser
import Foundation
import Passes

/// `threshold keys new [--alg ed25519|es256] --out DIR`: a signing key pair for passes, holder
/// proofs or trust-list roots.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage signing keys.", subcommands: [New.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Create a key pair.",
            discussion: """
                Writes DIR/private.pem (PKCS#8, mode 0600) and DIR/public.pem (SubjectPublicKeyInfo), \
                both standard PEM that openssl reads, and prints the kid (hex, first 8 bytes of \
                SHA-256 over the public key) that passes signed with it will carry.
                """)

        enum Algorithm: String, ExpressibleByArgument, CaseIterable { case ed25519, es256 }

        @Option(help: "ed25519 or es256.") var alg: Algorithm = .ed25519
        @Option(help: "Directory to write private.pem and public.pem into.") var out: String

        func run() throws {
            let key: SigningKey = switch alg {
            case .ed25519: .ed25519(.init())
            case .es256: .p256(.init())
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let privatePath = (out as NSString).appendingPathComponent("private.pem")
            guard !FileManager.default.fileExists(atPath: privatePath) else {
                throw ValidationError("\(privatePath) exists; refusing to overwrite a key")
            }
            try PassArguments.write(KeyPEM.encode(key), to: privatePath, private: true)
            try PassArguments.write(KeyPEM.encode(key.publicKey), to: (out as NSString).appendingPathComponent("public.pem"))
            print("kid \(Hex.encode(TrustedKey.kid(for: key.publicKey))) (\(alg.rawValue)) → \(out)")
        }
    }
}
