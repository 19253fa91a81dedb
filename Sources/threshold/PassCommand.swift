import ArgumentParser
import Foundation
import ImageFiles
import Passes
import QRCode

/// `threshold pass issue …`: signs a Threshold pass (`TH1:` text).
struct PassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pass", abstract: "Issue Threshold passes.", subcommands: [Issue.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "Sign a Threshold pass and print (or write) its QR text.",
            discussion: "Only the masked name (one character and '*') and an id tail travel in the pass.")

        @Option(help: "Issuer private key (PEM, from `threshold keys new`).") var key: String
        @Option(help: "Issuer name carried in the pass.") var issuer = "Threshold"
        @Option(help: "green, yellow or red.") var status: String
        @Option(help: "Vaccination doses.") var doses = 0
        @Option(name: .customLong("last-dose"), help: "Date of the last dose, YYYY-MM-DD.") var lastDose: String?
        @Option(name: .customLong("test-time"), help: "Time of the last test, ISO 8601.") var testTime: String?
        @Option(name: .customLong("test-result"), help: "neg or pos.") var testResult: String?
        @Option(help: "Validity, e.g. 24h.") var valid = "24h"
        @Option(name: .customLong("name-mask"), help: "Masked name, e.g. 'Z*'.") var nameMask: String
        @Option(name: .customLong("id-tail"), help: "Last characters of the holder's id (1–6).") var idTail: String
        @Option(name: .customLong("holder-key"), help: "Holder public key PEM (enables rolling proofs).") var holderKey: String?
        @Option(help: "Subject pseudonym (default: random).") var subject: String?
        @Option(help: "Issue time, ISO 8601 (default: now).") var at: String?
        @Option(help: "Write to this file instead of printing: .txt (the text), or .png / .pgm / .jpg (a QR code, EC level M, 8 px per module).") var out: String?

        func run() throws {
            guard let health = HealthStatus(rawValue: status) else { throw ValidationError("--status must be green, yellow or red") }
            if let lastDose { _ = try PassArguments.date(lastDose) }
            let result: TestResult? = try testResult.map {
                guard let r = TestResult(rawValue: $0) else { throw ValidationError("--test-result must be neg or pos") }
                return r
            }
            guard (testTime == nil) == (result == nil) else { throw ValidationError("--test-time and --test-result go together") }
            let issuedAt = try at.map(PassArguments.date) ?? Date()
            let credentialID = ThresholdPassIssuer.newCredentialID()
            let pass = ThresholdPass(
                issuer: issuer, subject: subject ?? "p-" + Hex.encode(credentialID.prefix(6)), credentialID: credentialID,
                issuedAt: issuedAt, expires: issuedAt.addingTimeInterval(try PassArguments.duration(valid)), status: health,
                doses: doses, lastDose: lastDose, lastTestTime: try testTime.map(PassArguments.date), lastTestResult: result,
                display: MaskedDisplay(name: nameMask, idTail: idTail),
                holderKey: try holderKey.map(PassArguments.verificationKey(file:)))
            let text = try ThresholdPassIssuer(key: PassArguments.signingKey(file: key), issuer: issuer).issue(pass)
            if let out, out.hasSuffix(".txt") {
                try PassArguments.write(text + "\n", to: out)
                print("credential id \(Hex.encode(credentialID)) → \(out)")
            } else if let out {
                guard ImageFormat.forWriting(path: out) != nil else { throw ValidationError("--out must end in .txt, .png, .pgm or .jpg") }
                let symbol = try QREncoder.encode(text, ecLevel: .M)
                try ImageFile.write(symbol.render(moduleSize: 8, quietZone: 4), to: out)
                print("credential id \(Hex.encode(credentialID)) → \(out) (QR version \(symbol.version))")
            } else {
                print(text)
            }
        }
    }
}
