import ArgumentParser
import Foundation
import Passes

/// `threshold holder proof …`: what the holder's phone shows — credential plus rolling proof.
struct HolderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holder", abstract: "Act as the holder's phone.", subcommands: [Proof.self])

    struct Proof: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "proof",
            abstract: "Append the current 30-second holder proof to a TH1 credential (prints TH1P:… text).")

        @Option(help: "Holder private key (PEM).") var key: String
        @Option(help: "The TH1: credential text, or a file holding it.") var pass: String
        @Option(help: "Bind the proof to this venue id.") var venue: String?
        @Option(help: "Phone clock, ISO 8601 (default: now).") var at: String?

        func run() throws {
            let credential = FileManager.default.fileExists(atPath: pass)
                ? try PassArguments.read(pass).trimmingCharacters(in: .whitespacesAndNewlines) : pass
            let shown = try HolderProof.make(credential: credential, holderKey: PassArguments.signingKey(file: key),
                                             at: try at.map(PassArguments.date) ?? Date(), venueID: venue)
            print(shown)
        }
    }
}
