import ArgumentParser
import Foundation
import Simulation

/// `threshold sim`: recorded-door simulation. `run` (the default) plays a scenario or a clip
/// through the whole kiosk and reports; `generate` renders a scenario into a clip.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Door simulation: play scenarios or clips through the kiosk; render scenarios into clips.",
        subcommands: [SimRunCommand.self, SimGenerateCommand.self],
        defaultSubcommand: SimRunCommand.self
    )
}

/// `threshold sim generate SCENARIO.json --out clip.y4m`.
struct SimGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Render a scenario into a mono Y4M clip; write <clip>.expected.json, and the trust list, root key and venue file threshold run needs, beside it."
    )

    @Argument(help: "Scenario file (JSON; see sim/README.md).") var scenario: String
    @Option(help: "Output clip (.y4m).") var out: String
    @Option(help: "Frame width (default: the scenario's).") var width: Int?
    @Option(help: "Frame height (default: the scenario's; the code size scales with it).") var height: Int?
    @Option(help: "Frames per second (default: the scenario's).") var fps: Int?

    func run() throws {
        guard out.hasSuffix(".y4m") else { throw ValidationError("--out must end in .y4m") }
        if let width, !(16...4096).contains(width) || width % 2 != 0 { throw ValidationError("--width must be even, 16…4096") }
        if let height, !(16...4096).contains(height) || height % 2 != 0 { throw ValidationError("--height must be even, 16…4096") }
        if let fps, !(1...120).contains(fps) { throw ValidationError("--fps must be 1…120") }
        let log = ConsoleLog.logger("threshold.sim")
        do {
            let loaded = try ScenarioLoader.load(path: scenario)
            let generator = try ClipGenerator(scenario: loaded, width: width, height: height, fps: fps)
            let manifest = try generator.write(to: out)
            try ReplayFiles(setup: SimulationSetup(manifest: manifest)).write(besideClip: out)
            let replay = ReplayFiles.paths(forClip: out)
            print("\(out): \(manifest.frameCount) frames \(manifest.width)x\(manifest.height) @ \(manifest.fps) fps, \(manifest.visitors.count) visitors")
            print("\(ClipGenerator.manifestPath(forClip: out)): expected decisions")
            print("\(replay.trust), \(replay.root), \(replay.venue): trust list, its root key and the venue, for threshold run")
        } catch {
            log.error("\(error)")
            throw ExitCode(1)
        }
    }
}
