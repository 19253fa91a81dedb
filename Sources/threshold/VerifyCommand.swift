import ArgumentParser
import Foundation
import ImageFiles
import Imaging
import Passes
import Policy
import QRCode

/// `threshold verify …`: verifies pass texts offline, as the kiosk would.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify QR pass texts (TH1/TH1P, HC1:, shc:/) offline.",
        discussion: """
            INPUT is the QR text itself, a file holding it, or an image (.png, .pgm, .ppm, .jpg) \
            read with our QR decoder (every code in the image is verified). Trust comes from a signed bundle \
            (--trust with --root) and/or ad hoc signers (--cert, --jwks, --key). With --json, one \
            object per input per line: {"input", "verdict", "reason", "format", "kid", "expires"}; \
            "input" is the file name or the first 12 characters of the text, never the whole token. \
            An input that cannot be used (no such file, not an image, no code in it, not text) still \
            gets its line: {"input", "verdict": "error", "error"}, and the inputs after it are verified. \
            Exit status 0 when every input is accepted, 1 when any is denied, 66 when an input file \
            is missing or unreadable, 65 when one holds no pass text or image.
            """)

    @Flag(help: "One JSON object per input per line.") var json = false
    @Option(name: .customLong("cert"), help: "Trust a DCC signer certificate, DER or PEM (repeatable).") var certs: [String] = []
    @Option(name: .customLong("jwks"), help: "Trust the SMART Health Card issuer keys of a JWKS file (repeatable).") var jwksFiles: [String] = []
    @Option(name: .customLong("key"), help: "Trust a Threshold issuer public key PEM (repeatable).") var keys: [String] = []
    @Option(help: "A signed trust bundle (needs --root).") var trust: String?
    @Option(help: "The pinned root public key (PEM) that signs trust bundles.") var root: String?
    @Option(help: "Clock, ISO 8601 (default: now).") var at: String?
    @Option(help: "Venue id (holder proofs bound to other venues are refused).") var venue: String?
    @Flag(name: .customLong("require-proof"), help: "Deny Threshold passes without a rolling holder proof.") var requireProof = false
    @Flag(name: .customLong("allow-stale"), help: "Accept with a warning when the trust bundle is older than 24 h.") var allowStale = false
    @Argument(help: "QR texts or files holding them.") var inputs: [String]

    func run() throws {
        let now = try at.map(PassArguments.date) ?? Date()
        let verifier = Verifier(trust: try buildTrust(now: now))
        let context = VerificationContext(venueID: venue)
        // The pass-level venue rules, as a kiosk applies them (Policy decides, the verifier
        // only reports): any colour but red, a proof if asked for, bound here when a venue is named.
        var rules = VenueConfig.Rules()
        rules.statuses = [.green, .yellow]
        rules.requireProof = requireProof
        rules.requireVenueBinding = venue != nil
        rules.staleTrust = allowStale ? .allowWithWarning : .refuse
        let rule = PassRule(rules: rules)
        var allAccepted = true
        var failure: CommandFailure.Kind?
        for input in inputs {
            let texts: [(label: String, text: String)]
            do { texts = try load(input) } catch {
                failure = failure ?? error.kind
                let detail = error.message.hasPrefix(input + ": ") ? String(error.message.dropFirst(input.count + 2)) : error.message
                print(json ? errorJSONLine(Self.label(input), detail) : "\(Self.label(input)): error (\(detail))")
                continue
            }
            for (label, text) in texts {
                let verdict = verifier.verify(text, at: now, context: context)
                let judged = rule.check(verdict, now: now.timeIntervalSince1970)
                allAccepted = allAccepted && judged.reason == nil
                print(json ? jsonLine(label, verdict, judged) : textLine(label, verdict, judged))
            }
        }
        if let failure { throw ExitCode(failure.rawValue) }
        if !allAccepted { throw ExitCode(1) }
    }

    func buildTrust(now: Date) throws -> InMemoryTrustStore {
        var store = InMemoryTrustStore()
        if let trust {
            guard let root else { throw ValidationError("--trust needs --root (the pinned root public key)") }
            guard case .ed25519(let rootKey) = try PassArguments.verificationKey(file: root) else {
                throw CommandFailure(.badData, "\(root): the root key must be Ed25519")
            }
            let bytes = try FileProblem.data(trust)
            do {
                store = try TrustBundle.decode(Array(bytes), rootKey: rootKey, currentVersion: nil, now: now).store()
            } catch {
                throw CommandFailure(.badData, "\(trust): \(error.description)")
            }
        }
        for file in keys {
            let key = try PassArguments.verificationKey(file: file)
            store.add(TrustedKey(format: .threshold, kid: TrustedKey.kid(for: key), key: key,
                                 issuer: (file as NSString).lastPathComponent, usages: [.thresholdPass]))
        }
        for file in certs {
            let data = try FileProblem.data(file)
            do {
                let certificate = data.starts(with: Array("-----".utf8))
                    ? try SignerCertificate(pem: String(decoding: data, as: UTF8.self)) : try SignerCertificate(der: Array(data))
                store.add(TrustedKey(dccSigner: certificate))
            } catch { throw CommandFailure(.badData, "\(file): \(error.detail)") }
        }
        for file in jwksFiles {
            for key in try Self.shcKeys(file: file) { store.add(key) }
        }
        return store
    }

    /// The usable keys of an issuer's JWKS (`/.well-known/jwks.json`), each under its RFC 7638
    /// thumbprint. A file with no usable key is an error rather than silent empty trust.
    static func shcKeys(file: String) throws -> [TrustedKey] {
        let data = try FileProblem.data(file)
        let set: JWKSet
        do { set = try JWKSet(json: Array(data)) } catch { throw CommandFailure(.badData, "\(file): \(error.detail)") }
        guard !set.keys.isEmpty else {
            let why = set.rejected.isEmpty ? "the key set is empty" : set.rejected.joined(separator: "; ")
            throw CommandFailure(.badData, "\(file): no usable P-256 issuer key (\(why))")
        }
        return TrustedKey.shcKeys(set, issuer: (file as NSString).lastPathComponent)
    }

    /// The texts to verify and a short, non-sensitive label for each. An input that names a file
    /// is read as an image or as text; one that does not exist but looks like a file name (an image
    /// or text extension, a path separator, and no pass scheme) is a missing file, not a pass text.
    func load(_ input: String) throws(CommandFailure) -> [(label: String, text: String)] {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { throw CommandFailure(.noInput, "\(input): is a directory, not a file") }
        if !exists {
            if Self.looksLikePath(input) { throw CommandFailure(.noInput, "\(input): no such file") }
            return [(Self.label(input), input)]
        }
        let name = (input as NSString).lastPathComponent
        if ImageFormat.forWriting(path: input) != nil || input.lowercased().hasSuffix(".ppm") {
            let image: GrayBuffer
            do { image = try ImageFile.load(path: input) } catch {
                if case .unreadable = error { throw CommandFailure(.noInput, "\(input): cannot be read") }
                throw CommandFailure(.badData, "\(input): \(error)")
            }
            let codes = image.withImage { QRDecoder(options: .init(tryHarder: true)).read($0) }
            guard !codes.isEmpty else { throw CommandFailure(.badData, "\(input): no QR code found in the image") }
            return codes.enumerated().map { (codes.count == 1 ? name : "\(name)#\($0.offset + 1)", $0.element.text) }
        }
        return [try loadText(input, name: name)]
    }

    func loadText(_ input: String, name: String) throws(CommandFailure) -> (label: String, text: String) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: input)
        // A pass is a few hundred bytes; anything huge is read only far enough to be judged oversized.
        guard (attributes?[.size] as? Int ?? 0) <= 64 * 1024 else { return (name, String(repeating: "X", count: 64 * 1024)) }
        let bytes = try FileProblem.data(input)
        // Binary junk is not a pass: say so, rather than let it be judged as a malformed text.
        if let image = ImageFormat.sniff(Array(bytes.prefix(16))) {
            throw CommandFailure(.badData, "\(input): a \(image) image without an image file extension; rename it .png, .jpg or .pgm")
        }
        guard let text = String(data: bytes, encoding: .utf8), !text.unicodeScalars.contains(where: { $0.value < 0x20 && !"\t\r\n".unicodeScalars.contains($0) }) else {
            throw CommandFailure(.badData, "\(input): neither a pass text nor an image (binary data)")
        }
        return (name, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Shown instead of the input: a file's name, or the first 12 characters of a text.
    static func label(_ input: String) -> String {
        if FileManager.default.fileExists(atPath: input) || looksLikePath(input) { return (input as NSString).lastPathComponent }
        return input.count > 12 ? String(input.prefix(12)) + "…" : input
    }

    /// A name a person types for a file, not a pass: pass texts start with their scheme.
    static func looksLikePath(_ input: String) -> Bool {
        let schemes = ["TH1:", "TH1P:", "HC1:", "shc:/"]
        if schemes.contains(where: { input.uppercased().hasPrefix($0.uppercased()) }) { return false }
        let ext = (input as NSString).pathExtension.lowercased()
        let fileExtensions: Set = ["png", "jpg", "jpeg", "pgm", "ppm", "txt", "qr", "pass", "bin", "json"]
        return fileExtensions.contains(ext) || input.contains("/")
    }

    func errorJSONLine(_ label: String, _ detail: String) -> String {
        JSONLineObject(fields: [("input", label), ("verdict", "error"), ("error", detail)]).text
    }

    /// "accept", "deny" or "error" (no trust at all), as the kiosk's rules judge the verdict.
    static func outcome(_ v: Verdict, _ judged: (reason: PolicyReason?, warnings: [PolicyWarning])) -> String {
        judged.reason == nil ? "accept" : v.outcome == .error ? "error" : "deny"
    }

    /// The reason's word: a pass fault's own name (`expired`), else the venue rule's code.
    static func word(_ reason: PolicyReason) -> String {
        if case .pass(let fault) = reason { return fault.rawValue }
        return reason.code
    }

    func textLine(_ label: String, _ v: Verdict, _ judged: (reason: PolicyReason?, warnings: [PolicyWarning])) -> String {
        var parts = ["\(label): \(Self.outcome(v, judged))"]
        if let reason = judged.reason { parts.append("(\(Self.word(reason)): \(reason.english))") }
        if let format = v.format { parts.append("format=\(format.rawValue)") }
        if let issuer = v.issuer { parts.append("issuer=\"\(issuer)\"") }
        if let kid = v.kid { parts.append("kid=\(kid)") }
        if let status = v.status { parts.append("status=\(status.rawValue)") }
        if let display = v.display { parts.append("holder=\(display.name) \(display.idTail)") }
        if let expires = v.expires { parts.append("expires=\(PassArguments.iso(expires))") }
        if let proof = v.proof {
            parts.append("proof=\(proof.current ? "current" : "stale"),\(proof.binding.rawValue)"
                         + (proof.firstSeen == nil ? "" : ",seen-before"))
        }
        parts += judged.warnings.map { "WARNING: \($0.english)" }
        return parts.joined(separator: " ")
    }

    func jsonLine(_ label: String, _ v: Verdict, _ judged: (reason: PolicyReason?, warnings: [PolicyWarning])) -> String {
        JSONLineObject(fields: [
            ("input", label), ("verdict", Self.outcome(v, judged)), ("reason", judged.reason.map(Self.word)),
            ("format", v.format?.rawValue), ("kid", v.kid), ("expires", v.expires.map(PassArguments.iso)),
        ]).text
    }
}
