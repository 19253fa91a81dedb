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

    @Argument(help: "Scenario (.json), or a clip (.y4m, or any video ffmpeg reads) with <clip>.expected.json beside it.")
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
        options.build = Self.build
        // One line per visitor as the clip moves past them: a run of minutes is never silent.
        options.onVisitor = { result in
            print(result.line)
            fflush(nil)
        }

        let result: SimulationReport
        print("\(input): playing through the kiosk (\(Self.build) build)")
        fflush(nil)
        if input.lowercased().hasSuffix(".json") {
            let scenario: Scenario
            do { scenario = try ScenarioLoader.load(path: input) } catch {
                if case .unreadable = error { throw CommandFailure(.noInput, "\(input): \(FileManager.default.fileExists(atPath: input) ? "cannot be read" : "no such file")") }
                throw CommandFailure(.badData, "\(input): \(error.description)")
            }
            let generator = try ClipGenerator(scenario: scenario, width: width, height: height, fps: fps)
            let manifest = try generator.plan()
            result = try await SimulationRunner(manifest: manifest, options: options).run(source: ScenarioSource(generator: generator))
        } else {
            // A recorded clip: Y4M read directly, anything else (the committed .mkv) through ffmpeg.
            try FileProblem.requireFile(input)
            let manifestPath = ClipGenerator.manifestPath(forClip: input)
            let bytes = try FileProblem.data(manifestPath)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let manifest: ExpectedManifest
            do { manifest = try decoder.decode(ExpectedManifest.self, from: bytes) } catch {
                throw CommandFailure(.badData, "\(manifestPath): not an expected-decisions file (\(error))")
            }
            let source: any FrameSource
            do { source = try SourceSpec.open(input) } catch { throw CommandFailure(.badData, "\(input): \(error)") }
            result = try await SimulationRunner(manifest: manifest, options: options).run(source: source)
        }
        print(result.totals)
        if let report {
            try fm.createDirectory(atPath: report, withIntermediateDirectories: true)
            try result.json().write(to: URL(fileURLWithPath: report).appendingPathComponent("report.json"))
            try Data(result.html().utf8).write(to: URL(fileURLWithPath: report).appendingPathComponent("report.html"))
            print("report: \(report)/report.json, \(report)/report.html")
        }
        if !result.passed { throw ExitCode(1) }
    }

    /// The build this binary is: the report's timing figures are labelled with it.
    static var build: String {
        #if DEBUG
        "debug (QRCode, Imaging, Passes, Simulation at -O)"
        #else
        "release"
        #endif
    }
}
