import Crypto
import Foundation

/// Runs mutated inputs through one pass parser and tallies what happened.
///
/// The contract under test: every input either parses or throws a `PassError` with a reason
/// and a detail sentence — never a trap, never an unbounded allocation, never a slow input.
/// A trap ends the process, so a finished run is itself the "0 crashes" evidence; the report
/// carries the counts that can be checked: outcomes by reason, slow inputs, broken invariants.
public struct PassesFuzzer {
    public enum Target: String, Sendable, CaseIterable {
        case base45, cbor, cose, zlib, jws, shcNumeric = "shc-numeric", dcc, trustBundle = "trust-bundle"
    }

    /// A fixed root for trust-bundle inputs (fuzzing only: its private half is public here).
    public static let bundleRoot: Curve25519.Signing.PrivateKey = {
        // 32 fixed bytes are always a valid Ed25519 seed.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0x5A, count: 32))) ?? .init()
    }()
    /// The clock trust-bundle inputs are loaded at (seeds are issued a day earlier).
    static let bundleClock = Date(timeIntervalSince1970: 1_800_086_400)

    public struct Report: Sendable {
        public var target: Target
        public var inputs = 0
        public var parsed = 0
        public var errors: [DenyReason: Int] = [:]
        /// Inputs slower than `slowLimit` (a hang would show here or stop the run).
        public var slow = 0
        public var slowest: Duration = .zero
        /// Broken properties (e.g. CBOR re-encode/decode disagreeing, an empty error detail).
        public var invariantFailures: [String] = []
        public var elapsed: Duration = .zero
    }

    public var slowLimit: Duration = .milliseconds(100)
    /// Called with every input before it runs (a watchdog thread can watch for hangs).
    public var onInput: (@Sendable ([UInt8]) -> Void)?
    /// Per-input time source. Wall time by default; the fuzz executable passes the thread's CPU
    /// time so that a loaded, throttled machine does not report descheduling as a slow input.
    public var inputClock: (@Sendable () -> Duration)?
    /// A fixed P-256 key so COSE/JWS inputs that decode also run the verify path.
    let key: VerificationKey

    public init() {
        key = SigningKey.p256(.init()).publicKey
    }

    public func run(_ target: Target, seeds: [[UInt8]], iterations: Int, seed: UInt64) -> Report {
        var report = Report(target: target)
        let seeds = seeds.isEmpty ? [[]] : seeds
        var mutator = FuzzMutator(seed: seed, dictionary: Self.dictionary(target))
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<iterations {
            let base = seeds[index % seeds.count]
            // Every 16th input is an unmodified seed, so the happy path stays covered.
            let input = index % 16 == 0 ? base : mutator.mutate(base, other: seeds[mutator.random.below(seeds.count)])
            onInput?(input)
            let wallStart = clock.now
            let cpuStart = inputClock?()
            let outcome = exercise(target, input)
            let took = cpuStart.map { (inputClock?() ?? $0) - $0 } ?? (clock.now - wallStart)
            report.inputs += 1
            if took > report.slowest { report.slowest = took }
            if took > slowLimit { report.slow += 1 }
            switch outcome {
            case .success: report.parsed += 1
            case .failure(let error):
                report.errors[error.reason, default: 0] += 1
                if error.detail.isEmpty, report.invariantFailures.count < 20 {
                    report.invariantFailures.append("empty detail for \(error.reason)")
                }
            }
            if case .success(let problem?) = outcome, report.invariantFailures.count < 20 {
                report.invariantFailures.append(problem)
            }
        }
        report.elapsed = clock.now - start
        return report
    }

    /// Parses one input; success carries an invariant violation message, if any. Public so a
    /// reported input can be replayed.
    public func exercise(_ target: Target, _ input: [UInt8]) -> Result<String?, PassError> {
        do throws(PassError) {
            switch target {
            case .base45:
                let text = String(decoding: input, as: UTF8.self)
                // The verifier decodes a credential's base45 into stack memory; both ways must agree.
                var utf8 = text
                let inPlace = utf8.withUTF8 { Base45.withDecodedOnStack($0) { Array($0) } }
                let decoded: [UInt8]
                do throws(PassError) { decoded = try Base45.decode(text) } catch {
                    if case .success? = inPlace { return .success("base45 decodes in place but not into an array") }
                    return .failure(error)
                }
                if let inPlace, (try? inPlace.get()) != decoded {
                    return .success("base45 decoded in place and into an array differ")
                }
            case .cbor:
                let value = try CBORDecoder().decode(input)
                let encoded = CBOREncoder.encode(value)
                guard let again = try? CBORDecoder(maxDepth: 16, maxItems: .max).decode(encoded) else {
                    return .success("re-encoded CBOR does not decode")
                }
                if CBOREncoder.encode(again) != encoded {
                    return .success("CBOR deterministic re-encoding is not stable")
                }
            case .cose:
                // Our pass's envelope has a fast path for the one shape our issuer writes; it must
                // accept exactly what the generic decoder accepts and read the same fields.
                let envelope = try? ThresholdEnvelope(cose: input)
                if let envelope { _ = try? ThresholdPass(claimSlice: envelope.payload) }
                let message: COSESign1
                do throws(PassError) { message = try COSESign1.decode(input) } catch {
                    return envelope == nil ? .failure(error) : .success("envelope fast path accepts what COSE refuses")
                }
                if let problem = Self.disagreement(envelope, message) { return .success(problem) }
                _ = message.verify(with: key)
                _ = try DCCPass(message: message)
            case .zlib:
                _ = try Zlib.inflate(input, format: input.first.map { $0 & 1 == 0 } ?? true ? .zlib : .raw)
            case .jws:
                let pass = try SHCPass(jws: String(decoding: input, as: UTF8.self))
                _ = pass.verifySignature(with: key)
            case .shcNumeric:
                _ = try SHCPass(qrText: String(decoding: input, as: UTF8.self))
            case .dcc:
                let pass = try DCCPass(qrText: String(decoding: input, as: UTF8.self))
                _ = pass.verifySignature(with: key)
            case .trustBundle:
                return .success(try exerciseTrustBundle(input))
            }
            return .success(nil)
        } catch {
            return .failure(error)
        }
    }

    /// A bundle input starting with the COSE_Sign1 tag (0xD2) is loaded as it arrived, so the
    /// envelope and the signature check are fuzzed; anything else is taken as a payload, signed
    /// with `bundleRoot`, then loaded, so the payload and key parsers behind the signature are
    /// fuzzed too. A bundle that loads must survive re-signing and loading again unchanged.
    func exerciseTrustBundle(_ input: [UInt8]) throws(PassError) -> String? {
        let root = Self.bundleRoot
        let signed: [UInt8]
        if input.first == 0xD2 {
            signed = input
        } else {
            do { signed = try TrustBundle.sign(payloadBytes: input, root: root) } catch {
                return "signing a fuzzed payload failed: \(error)"
            }
        }
        let bundle: TrustBundle
        do {
            bundle = try TrustBundle.decode(signed, rootKey: root.publicKey, currentVersion: 1, now: Self.bundleClock)
        } catch {
            throw PassError(error.denyReason, error.description)
        }
        guard let again = try? TrustBundle.decode(bundle.sign(root: root), rootKey: root.publicKey, currentVersion: nil,
                                                  now: Self.bundleClock) else {
            return "a loaded bundle does not load again after re-signing"
        }
        if again.version != bundle.version || again.issuedAt != bundle.issuedAt || again.keys.count != bundle.keys.count
            || again.revocations.count != bundle.revocations.count || again.venueConfigDigest != bundle.venueConfigDigest {
            return "a loaded bundle changes when re-signed and loaded again"
        }
        return nil
    }

    static func dictionary(_ target: Target) -> [UInt8] {
        switch target {
        case .base45, .dcc: Base45.alphabet + Array("HC1:".utf8)
        case .jws: Base64URL.alphabet + [UInt8(ascii: ".")]
        case .shcNumeric: Array("0123456789/shc:".utf8)
        case .cbor, .cose, .zlib, .trustBundle: []
        }
    }

    /// Where the envelope's fast path and the generic COSE decoder disagree, if anywhere.
    static func disagreement(_ envelope: ThresholdEnvelope?, _ message: COSESign1) -> String? {
        guard let envelope else { return "COSE decodes but the envelope does not" }
        if envelope.kid != message.kid || envelope.algorithm != message.algorithm { return "envelope header differs from COSE" }
        if Array(envelope.payload) != message.payload || Array(envelope.signature) != message.signature {
            return "envelope payload or signature differs from COSE"
        }
        if envelope.signedDigest() != SHA256.hash(data: message.signatureStructure()) { return "envelope signed digest differs" }
        return nil
    }
}
