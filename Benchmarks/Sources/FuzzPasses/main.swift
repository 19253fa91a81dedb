// fuzz-passes: seeded mutation fuzzing of every Passes parser, seeded from the real corpora.
//
//   swift run -c release --package-path Benchmarks fuzz-passes [--iterations N] [--seed S]
//       [--target base45|cbor|cose|zlib|jws|shc-numeric|dcc|all] [--corpora PATH]
//
// Exit status 0 only if no input was slow (>100 ms), no invariant broke and no hang was seen.
// A trap (crash) would abort the process, so a completed run is the "0 crashes" evidence.
import BenchSupport
import Foundation
import Passes

/// Watches the input in flight from another thread: an input running for `hangLimit` is a hang;
/// it is printed (hex) so it can be replayed, and the run fails.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started = DispatchTime.now().uptimeNanoseconds
    private var input: [UInt8] = []
    private var target = ""
    let hangLimitNanos: UInt64 = 2_000_000_000

    func begin(_ target: String, _ input: [UInt8]) {
        lock.lock(); self.target = target; self.input = input; started = DispatchTime.now().uptimeNanoseconds; lock.unlock()
    }

    func start() {
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                lock.lock()
                let age = DispatchTime.now().uptimeNanoseconds &- started
                let stuck = input, name = target
                lock.unlock()
                if age > hangLimitNanos {
                    print("HANG in \(name) after \(age / 1_000_000) ms on input (hex): "
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
    for file in files { seeds.addDCCCase(json: try Array(Data(contentsOf: file))) }
    let shc = root.appendingPathComponent("shc/examples")
    for name in try FileManager.default.contentsOfDirectory(atPath: shc.path).sorted() where name.hasSuffix(".txt") {
        let text = try String(contentsOf: shc.appendingPathComponent(name), encoding: .utf8)
        if name.hasSuffix("-d-jws.txt") { seeds.addSHC(jws: text) }
        if name.contains("-f-qr-code-numeric") { seeds.addSHCNumeric(text) }
    }
    return seeds
}

setvbuf(stdout, nil, _IOLBF, 0)
guard let root = corporaRoot() else {
    print("corpora not found: pass --corpora PATH or set THRESHOLD_CORPORA")
    exit(2)
}
let iterations = argument("--iterations").flatMap(Int.init) ?? 1_000_000
let seed = argument("--seed").flatMap(UInt64.init) ?? 20_261_121
let chosen = argument("--target") ?? "all"
let targets = chosen == "all" ? PassesFuzzer.Target.allCases : PassesFuzzer.Target.allCases.filter { $0.rawValue == chosen }
guard !targets.isEmpty else { print("unknown target \(chosen)"); exit(2) }

let seeds = try loadSeeds(root)
let watchdog = Watchdog()
watchdog.start()
var fuzzer = PassesFuzzer()
var rows: [[String]] = []
var failed = false
print("fuzz-passes: \(iterations) inputs per target, seed \(seed), corpora \(root.path)")
for target in targets {
    fuzzer.onInput = { watchdog.begin(target.rawValue, $0) }
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
}
printTable(["target", "seeds", "inputs", "parsed", "errors by reason", "slow >100ms", "slowest ms",
            "invariant failures", "inputs/s"], rows)
print("crashes: 0 (the run completed; a trap aborts the process), hangs: 0 (watchdog limit 2 s)")
exit(failed ? 1 : 0)
