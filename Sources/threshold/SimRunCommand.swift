import ArgumentParser
import Capture
import Foundation
import Simulation

/// `threshold sim [run] INPUT [--report DIR]`: the README's main job. INPUT is a scenario (its
/// frames are rendered on the fly) or a Y4M clip with its `.expected.json` beside it.
struct SimRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Play a scenario or a recorded clip through the kiosk on a virtual clock and report every decision.")

    @Argument(help: "Scenario (.json) or clip (.y4m with <clip>.expected.json beside it).")
    var input = "sim/scenarios/door-basic.json"
    @Option(help: "Write report.json and report.html here.") var report: String?
    @Option(help: "Frame width for a scenario (default: the scenario's).") var width: Int?
    @Option(help: "Frame height for a scenario (default: the scenario's).") var height: Int?
    @Option(help: "Frames per second for a scenario (default: the scenario's).") var fps: Int?
    @Option(help: "Scratch directory for the scan log and the embedded upstream (default: a temporary one, removed after).")
    var work: String?
    @Flag(name: .customLong("no-audit"), help: "Skip the zbar cross-check of sampled frames.") var noAudit = false

    func run() async throws {
        let fm = FileManager.default
        let scratch = work.map { URL(fileURLWithPath: $0) }
            ?? fm.temporaryDirectory.appendingPathComponent("threshold-sim-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        defer { if work == nil { try? fm.removeItem(at: scratch) } }
        var options = SimulationRunner.Options(workDirectory: scratch)
        options.audit = !noAudit

        let result: SimulationReport
        if input.hasSuffix(".y4m") {
            let manifestPath = ClipGenerator.manifestPath(forClip: input)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let manifest: ExpectedManifest
            do { manifest = try decoder.decode(ExpectedManifest.self, from: Data(contentsOf: URL(fileURLWithPath: manifestPath))) } catch {
                throw ValidationError("\(manifestPath): \(error)")
            }
            let source = try Y4MReader(path: input)
            result = try await SimulationRunner(manifest: manifest, options: options).run(source: source)
        } else {
            let scenario = try ScenarioLoader.load(path: input)
            let generator = try ClipGenerator(scenario: scenario, width: width, height: height, fps: fps)
            let manifest = try generator.plan()
            result = try await SimulationRunner(manifest: manifest, options: options).run(source: ScenarioSource(generator: generator))
        }
        print(Self.summary(result))
        if let report {
            try fm.createDirectory(atPath: report, withIntermediateDirectories: true)
            try result.json().write(to: URL(fileURLWithPath: report).appendingPathComponent("report.json"))
            try Data(result.html().utf8).write(to: URL(fileURLWithPath: report).appendingPathComponent("report.html"))
            print("report: \(report)/report.json, \(report)/report.html")
        }
        if !result.passed { throw ExitCode(1) }
    }

    static func summary(_ r: SimulationReport) -> String {
        var lines = ["\(r.scenario): \(r.frames) frames \(r.width)x\(r.height) @ \(r.fps) fps in \(String(format: "%.1f", r.runSeconds)) s (\(String(format: "%.1f", r.speedup))x real time)"]
        for v in r.visitors {
            let mark = v.correct && v.reasonMatches ? "ok  " : "FAIL"
            let expected = v.expected + (v.expectedReason.map { " (\($0))" } ?? "")
            let actual = v.actual + (v.actualReason.map { " (\($0))" } ?? "")
            let ms = v.decisionMs.map { String(format: "%.0f ms", $0) } ?? "-"
            lines.append("  \(mark) \(v.id.padding(toLength: 20, withPad: " ", startingAt: 0)) expected \(expected.padding(toLength: 28, withPad: " ", startingAt: 0)) got \(actual.padding(toLength: 34, withPad: " ", startingAt: 0)) \(ms), read \(v.framesRead)/\(v.framesInView) frames")
        }
        lines.append(String(format: "visitors %d, false accepts %d, false rejects %d, wrong reasons %d, stray decisions %d",
                            r.visitorCount, r.falseAccepts, r.falseRejects, r.wrongReasons, r.strayDecisions))
        lines.append(String(format: "decision ms p50 %.1f p99 %.1f; frame→decision ms p50 %.2f p99 %.2f; decode ms p50 %.2f p99 %.2f",
                            r.decisionMsP50, r.decisionMsP99, r.frameToDecisionMsP50, r.frameToDecisionMsP99, r.decodeMsP50, r.decodeMsP99))
        lines.append("records: \(r.recordsLogged) logged, \(r.recordsOnServer) on the upstream (\(r.distinctOnServer) distinct), \(r.unsyncedAfterDrain) unsynced; zbar agreed \(r.zbarAgreements)/\(r.zbarChecks); door pulses \(r.doorPulses), admitted records \(r.admittedRecords)")
        lines.append("sim: \(r.passed ? "PASSED" : "FAILED")")
        return lines.joined(separator: "\n")
    }
}
