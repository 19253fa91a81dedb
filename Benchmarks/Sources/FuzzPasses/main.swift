// fuzz-passes: seeded mutation fuzzing of every Passes parser, seeded from the real corpora.
//
//   swift run -c release --package-path Benchmarks fuzz-passes [--iterations N] [--seed S]
//       [--target base45|cbor|cose|zlib|jws|shc-numeric|dcc|trust-bundle|all] [--corpora PATH]
//
// Exit status 0 only if no input was slow (>100 ms of CPU), no invariant broke and no hang was seen.
// A trap (crash) would abort the process, so a completed run is the "0 crashes" evidence.
import BenchSupport
import Foundation
import Passes

/// CPU time consumed so far by the calling thread.
func threadCPUTime() -> Duration {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
}

/// Watches the input in flight from another thread. It counts the fuzzing thread's CPU time,
/// not wall time: on a shared, throttled machine a thread can sit descheduled for seconds, and
/// that is not a hang. An input that burns `hangLimit` of CPU is printed (hex) and fails the run.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var startedCPU: Int64 = 0
    private var input: [UInt8] = []
    private var target = ""
    private var clockID = clockid_t()
    let hangLimitNanos: Int64 = 2_000_000_000

    init() {
        pthread_getcpuclockid(pthread_self(), &clockID) // the fuzzing (main) thread
    }

    func cpuNanos() -> Int64 {
        var spec = timespec()
        clock_gettime(clockID, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    func begin(_ target: String, _ input: [UInt8]) {
        let now = cpuNanos()
        lock.lock(); self.target = target; self.input = input; startedCPU = now; lock.unlock()
    }

    func start() {
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                let now = cpuNanos()
                lock.lock()
                let age = now - startedCPU
                let stuck = input, name = target
                lock.unlock()
                if age > hangLimitNanos {
                    print("HANG in \(name) after \(age / 1_000_000) ms of CPU on input (hex): "
                          + stuck.map { String(format: "%02x", $0) }.joined())
                    exit(3)
                }
            }
        }
    }
}

func argument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let index = args.firstIndex(of: name), index + 1 < args.count else { return nil }
    return args[index + 1]
}

func corporaRoot() -> URL? {
    var candidates: [String] = []
    if let explicit = argument("--corpora") { candidates.append(explicit) }
    if let env = ProcessInfo.processInfo.environment["THRESHOLD_CORPORA"] { candidates.append(env) }
    candidates.append("../shared/corpora")
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora").path)
    return candidates.map { URL(fileURLWithPath: $0) }.first { FileManager.default.fileExists(atPath: $0.path) }
}

func loadSeeds(_ root: URL) throws -> FuzzSeeds {
    var seeds = FuzzSeeds()
    let dcc = root.appendingPathComponent("dcc")
    let files = FileManager.default.enumerator(at: dcc, includingPropertiesForKeys: nil)?
        .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path } ?? []
    var signers: [TrustedKey] = []
    for file in files {
        let json = try Array(Data(contentsOf: file))
        seeds.addDCCCase(json: json)
        // The signer certificate of each case, reduced to a trust-bundle key (first 40 distinct).
        if signers.count < 40,
           let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
           let context = object["TESTCTX"] as? [String: Any], let base64 = context["CERTIFICATE"] as? String,
           let der = Data(base64Encoded: base64), let certificate = try? SignerCertificate(der: Array(der)),
           !signers.contains(where: { $0.kid == certificate.kid }) {
            signers.append(TrustedKey(dccSigner: certificate))
        }
    }
    let shc = root.appendingPathComponent("shc/examples")
    for name in try FileManager.default.contentsOfDirectory(atPath: shc.path).sorted() where name.hasSuffix(".txt") {
        let text = try String(contentsOf: shc.appendingPathComponent(name), encoding: .utf8)
        if name.hasSuffix("-d-jws.txt") { seeds.addSHC(jws: text) }
        if name.contains("-f-qr-code-numeric") { seeds.addSHCNumeric(text) }
    }
    // Trust bundles: empty, small, and one with the corpus signers (EC and RSA), the SMART issuer
    // keys and revocations of every kind, each as a signed envelope and as a bare payload.
    let jwks = try JWKSet(json: Array(Data(contentsOf: shc.appendingPathComponent("issuer/.well-known/jwks.json"))))
    let issuer = ThresholdPassIssuer(key: .ed25519(try .init(rawRepresentation: [UInt8](repeating: 3, count: 32))), issuer: "fuzz")
    let revoked = RevocationKind.allCases.flatMap { kind in
        (0..<8).map { (kind, RevocationHash(identifier: Array("fuzz-\(kind.rawValue)-\($0)".utf8))) }
    }
    let issued = Date(timeIntervalSince1970: 1_800_000_000)
    seeds.addTrustBundle(TrustBundle(version: 1, issuedAt: issued, keys: []))
    seeds.addTrustBundle(TrustBundle(version: 2, issuedAt: issued, keys: [issuer.trustedKey(validFrom: issued, validUntil: issued.addingTimeInterval(86400))],
                                     revocations: RevocationList(entries: revoked.prefix(3))))
    seeds.addTrustBundle(TrustBundle(version: 3, issuedAt: issued,
                                     keys: [issuer.trustedKey()] + signers + TrustedKey.shcKeys(jwks, issuer: "spec.smarthealth.cards"),
                                     revocations: RevocationList(entries: revoked), venueConfigDigest: [UInt8](repeating: 9, count: 32)))
    // Our own passes, both algorithms, so mutations reach the Threshold envelope and claims.
    let holder = SigningKey.ed25519(try .init(rawRepresentation: [UInt8](repeating: 4, count: 32)))
    let passKeys: [SigningKey] = [.ed25519(try .init(rawRepresentation: [UInt8](repeating: 5, count: 32))),
                                  .p256(try .init(rawRepresentation: [UInt8](repeating: 6, count: 32)))]
    for (n, key) in passKeys.enumerated() {
        let pass = ThresholdPass(issuer: "fuzz issuer \(n)", subject: "pseud-\(n)", credentialID: Array("fuzz-cred-\(n)".utf8),
                                 issuedAt: issued, expires: issued.addingTimeInterval(86400), status: .green, doses: 2,
                                 lastDose: "2026-10-01", lastTestTime: issued.addingTimeInterval(-3600), lastTestResult: .negative,
                                 display: MaskedDisplay(name: "Z*", idTail: "1234"), holderKey: holder.publicKey)
        seeds.addThresholdPass(try ThresholdPassIssuer(key: key, issuer: "fuzz issuer \(n)").issue(pass))
    }
    return seeds
}

guard let root = corporaRoot() else {
    print("corpora not found: pass --corpora PATH or set THRESHOLD_CORPORA")
    exit(2)
}
let iterations = argument("--iterations").flatMap(Int.init) ?? 1_000_000
let seed = argument("--seed").flatMap(UInt64.init) ?? 20_261_121
let chosen = argument("--target") ?? "all"
let targets = chosen == "all" ? PassesFuzzer.Target.allCases : PassesFuzzer.Target.allCases.filter { $0.rawValue == chosen }
guard !targets.isEmpty else { print("unknown target \(chosen)"); exit(2) }

if let replay = argument("--replay-hex") {
    // Re-run one reported input: `--target T --replay-hex HEX`.
    var bytes: [UInt8] = []
    var index = replay.startIndex
    while let next = replay.index(index, offsetBy: 2, limitedBy: replay.endIndex), index < replay.endIndex {
        bytes.append(UInt8(replay[index..<next], radix: 16) ?? 0)
        index = next
    }
    for target in targets {
        let began = threadCPUTime()
        let outcome = PassesFuzzer().exercise(target, bytes)
        print("\(target.rawValue): \(outcome) in \(threadCPUTime() - began) CPU")
    }
    exit(0)
}

let seeds = try loadSeeds(root)

if CommandLine.arguments.contains("--speed") {
    // Parse cost per stage on the real seeds (no signature checks): what decoding adds on top of
    // the signature verify in the verifier's budget.
    func perCall(_ inputs: [[UInt8]], _ body: ([UInt8]) -> Void) -> Double {
        let rounds = max(1, 200_000 / max(1, inputs.count))
        let rate = throughput(count: rounds * inputs.count) { body(inputs[$0 % inputs.count]) }
        return 1e6 / rate
    }
    let only = argument("--speed").flatMap { $0.hasPrefix("-") ? nil : $0.lowercased() }
    let stages: [(String, PassesFuzzer.Target, ([UInt8]) -> Void)] = [
        ("DCC QR text → DCCPass (base45, zlib, COSE, CWT, hcert)", .dcc,
         { _ = try? DCCPass(qrText: String(decoding: $0, as: UTF8.self)) }),
        ("Base45 decode", .base45, { _ = try? Base45.decode(utf8: $0) }),
        ("zlib inflate", .zlib, { _ = try? Zlib.inflate($0, format: .auto) }),
        ("CBOR decode (COSE and payloads)", .cbor, { _ = try? CBORDecoder().decode($0) }),
        ("COSE_Sign1 decode", .cose, { _ = try? COSESign1.decode($0) }),
        ("SHC JWS → SHCPass (base64url, raw inflate, JSON)", .jws,
         { _ = try? SHCPass(jws: String(decoding: $0, as: UTF8.self)) }),
    ]
    var rows: [[String]] = []
    for (name, target, body) in stages where only.map({ name.lowercased().hasPrefix($0) }) ?? true {
        rows.append([name, "\(seeds[target].count)", fmt(perCall(seeds[target], body))])
    }
    printTable(["stage", "inputs", "µs per call"], rows)
    exit(0)
}

let watchdog = Watchdog()
watchdog.start()
var fuzzer = PassesFuzzer()
var rows: [[String]] = []
var failed = false
print("fuzz-passes: \(iterations) inputs per target, seed \(seed), corpora \(root.path)")
for target in targets {
    fuzzer.onInput = { watchdog.begin(target.rawValue, $0) }
    fuzzer.inputClock = { threadCPUTime() }
    let report = fuzzer.run(target, seeds: seeds[target], iterations: iterations, seed: seed)
    let seconds = Double(report.elapsed.components.seconds) + Double(report.elapsed.components.attoseconds) * 1e-18
    let slowestMs = Double(report.slowest.components.seconds) * 1e3 + Double(report.slowest.components.attoseconds) * 1e-15
    let errors = report.errors.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
    rows.append([target.rawValue, "\(seeds[target].count)", "\(report.inputs)", "\(report.parsed)",
                 errors.joined(separator: ", "), "\(report.slow)", fmt(slowestMs, 3),
                 "\(report.invariantFailures.count)", fmt(Double(report.inputs) / seconds, 0)])
    for failure in report.invariantFailures { print("INVARIANT \(target.rawValue): \(failure)") }
    if report.slow > 0 || !report.invariantFailures.isEmpty { failed = true }
    print("done \(target.rawValue) in \(fmt(seconds, 1)) s")
    fflush(nil) // progress shows even when stdout is a file
}
printTable(["target", "seeds", "inputs", "parsed", "errors by reason", "slow >100ms", "slowest ms",
            "invariant failures", "inputs/s"], rows)
print("crashes: 0 (the run completed; a trap aborts the process), hangs: 0 (watchdog: 2 s of CPU on one input)")
exit(failed ? 1 : 0)
